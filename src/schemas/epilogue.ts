// The epilogue's own frame: its id and heading, when it was added, how far its facts run, its introduction and its two figures.
import { z } from 'zod';
import { parseYaml } from '../lib/data/readRows';
import { ContentError, describeIssues } from './issues';
import { rowId } from './source';

const isoDay = z.iso.date({ message: 'must be an ISO date YYYY-MM-DD' });
const paragraph = z.string().trim().min(40, 'must be a paragraph of at least a sentence').max(700, 'must be at most 700 characters: keep the introduction short');

const figure = z
  .object({
    id: rowId,
    title: z.string().trim().min(10).max(90),
    subtitle: z.string().trim().min(10).max(240),
    source: z.string().trim().min(10).max(240),
  })
  .strict();

export const epilogueSchema = z
  .object({
    id: rowId,
    title: z.string().trim().min(3).max(60),
    /** The day the epilogue was added; the article's `updated` date may not be earlier. */
    added: isoDay,
    /** The last day the facts behind the epilogue run to. */
    factsTo: isoDay,
    /** Plain paragraphs in the site's own words. */
    intro: z.array(paragraph).min(1).max(3),
    figures: z.object({
      /** The chart also heads its two panels: calendar years and Pakistan's fiscal years. */
      trade: figure.extend({ calendar: z.string().trim().min(10).max(90), fiscal: z.string().trim().min(10).max(90) }),
      timeline: figure,
    }).strict(),
  })
  .strict()
  .superRefine((e, ctx) => {
    if (e.factsTo > e.added) ctx.addIssue({ code: 'custom', path: ['factsTo'], message: `${e.factsTo} is after the day the epilogue was added (${e.added})` });
  });
export type EpilogueData = z.infer<typeof epilogueSchema>;

/** Reads content/data/epilogue.yaml, naming the file and the field for anything missing or malformed. */
export function parseEpilogue(text: string, file: string): EpilogueData {
  const raw = parseYaml(text, file);
  const result = epilogueSchema.safeParse(raw);
  if (!result.success) throw new ContentError(describeIssues(file, result.error, undefined, raw));
  return result.data;
}

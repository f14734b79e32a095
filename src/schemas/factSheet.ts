// The fact sheets' sources, copied into content/facts/sources.yaml, and the rated source every row of the epilogue cites.
import { z } from 'zod';
import { parseYaml } from '../lib/data/readRows';
import { ContentError, describeIssues } from './issues';

export const confidence = z.enum(['high', 'medium', 'low'], { error: 'must be high, medium or low, as the fact sheet rates the source' });

/** A state news agency: Russia's (TASS, Sputnik, RT, RIA/Prime and their copies) or Pakistan's (APP). */
export const stateMedia = z.enum(['russia', 'pakistan'], { error: 'must be russia or pakistan: whose state news agency the source is' });
export type StateMedia = z.infer<typeof stateMedia>;

/** How the page names what a reader should weigh about a source. */
export const STATE_MEDIA_LABELS: Record<StateMedia, string> = { russia: 'Russian state media', pakistan: 'Pakistani state news agency' };

/** One source the epilogue cites: an outside report, rated as the fact sheet rates it. */
export const ratedSourceSchema = z
  .object(
    {
      title: z.string({ error: 'is missing: the publication and headline' }).trim().min(3),
      url: z.url({ protocol: /^https?$/, error: 'must be the http(s) address of the report' }),
      confidence,
      stateMedia: stateMedia.optional(),
    },
    { error: 'must be a source: title, url and confidence' },
  )
  .strict();
export type RatedSource = z.infer<typeof ratedSourceSchema>;

/** What a reader should know about a source, in words: ["Russian state media", "low confidence"]. */
export function sourceCaveats(s: Pick<RatedSource, 'confidence' | 'stateMedia'>): string[] {
  return [...(s.stateMedia ? [STATE_MEDIA_LABELS[s.stateMedia]] : []), ...(s.confidence === 'high' ? [] : [`${s.confidence} confidence`])];
}

const factSource = z
  .object({
    fact: z.string().regex(/^F\d+$/, 'must name the fact, F1 to F63'),
    url: z.url({ protocol: /^https?$/ }),
    confidence,
    stateMedia: stateMedia.optional(),
  })
  .strict();

export const factSheetSchema = z
  .object({
    since2018: z.array(factSource).min(1),
    earlier: z.array(z.url({ protocol: /^https?$/ })).default([]),
  })
  .strict();
export type FactSheet = z.infer<typeof factSheetSchema>;

/** Reads content/facts/sources.yaml, naming the file, the entry and the field for anything malformed. */
export function parseFactSheet(text: string, file: string): FactSheet {
  const raw = parseYaml(text, file);
  const result = factSheetSchema.safeParse(raw);
  if (!result.success) throw new ContentError(describeIssues(file, result.error, (path) => (path.length > 1 ? `${String(path[0])} entry ${Number(path[1]) + 1}` : undefined), raw));
  return result.data;
}

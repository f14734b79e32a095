// The epilogue's scorecard: one row per claim of the article, with a verdict on a fixed scale, its evidence and its sources.
import { z } from 'zod';
import { rowId, required } from './source';
import { ratedSourceSchema } from './factSheet';

/** The scale, in order from the best outcome for the article to the least known. */
export const VERDICTS = ['borne-out', 'partly', 'not-borne-out', 'too-early', 'not-known'] as const;
export const verdict = z.enum(VERDICTS, {
  error: (iss) => (iss.input === undefined ? 'is missing: a verdict from the scale' : `"${String(iss.input)}" is not on the scale: ${VERDICTS.join(', ')}`),
});
export type Verdict = z.infer<typeof verdict>;

/** How a verdict reads on the page. Each also has its own shape (src/components/epilogue/VerdictIcon.astro). */
export const VERDICT_LABELS: Record<Verdict, string> = {
  'borne-out': 'Borne out',
  partly: 'Partly borne out',
  'not-borne-out': 'Not borne out',
  'too-early': 'Too early to say',
  'not-known': 'Not known',
};

const isoMonth = /^\d{4}-(0[1-9]|1[0-2])$/;

/** How many sentences a text has, as the runtime's sentence segmenter counts them. */
export function sentenceCount(text: string): number {
  return [...new Intl.Segmenter('en', { granularity: 'sentence' }).segment(text.replace(/\s+/g, ' ').trim())].filter((s) => s.segment.trim()).length;
}

/** A figure a claim's evidence states that no trade or deal row gives: declared here with its source, so the number check can hold the text to it. */
export const claimFigureSchema = z
  .object({
    id: rowId,
    what: z.string({ error: required('what the figure is, in a few words') }).trim().min(3),
    valueUsdMillions: z.number().positive().optional(),
    percent: z.number().min(0).max(100).optional(),
    source: ratedSourceSchema,
  })
  .strict()
  .refine((f) => (f.valueUsdMillions === undefined) !== (f.percent === undefined), { message: 'give either valueUsdMillions or percent', path: ['valueUsdMillions'] });

export const claimSchema = z
  .object({
    id: rowId,
    /** A short name for the claim, as the scorecard heads it. */
    title: z.string({ error: required('a short title') }).trim().min(3).max(48, 'must be at most 48 characters, to head its entry on a phone'),
    /** The id of the article paragraph that makes the claim. */
    paragraph: z.string({ error: required('the id of the article paragraph that makes the claim') }).regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be the id of an article paragraph, such as "trade-figures"'),
    /** The claim in the author's words: a passage of that paragraph, exactly as written. */
    quote: z.string({ error: required('the claim in the article’s words, quoted from its paragraph') }).trim().min(10).max(240),
    verdict,
    /** The month the verdict holds to (YYYY-MM). */
    asOf: z.string({ error: required('the month the verdict holds to (YYYY-MM)') }).regex(isoMonth, 'must be a month, YYYY-MM'),
    /** Two or three sentences in the site's own words. */
    evidence: z
      .string({ error: required('the evidence for the verdict, two or three sentences in our own words') })
      .trim()
      .min(40, 'must give the evidence for the verdict, two or three sentences')
      .refine((t) => sentenceCount(t) >= 2 && sentenceCount(t) <= 3, { message: 'must be two or three sentences' }),
    sources: z.array(ratedSourceSchema, { error: required('the sources of the evidence (title, url, confidence)') }).min(1, 'must list at least one source'),
    figures: z.array(claimFigureSchema).default([]),
  })
  .strict();
export type Claim = z.infer<typeof claimSchema>;

/** The whole of content/data/claims.yaml. */
export const claimsFileSchema = z.object({ claims: z.array(claimSchema).min(1, 'the scorecard has no claims') }).strict();

/** One entry of the `claims` collection: a row with its place in the file. */
export const claimRowSchema = claimSchema.extend({ series: z.string(), position: z.number().int() });
export type ClaimRow = z.infer<typeof claimRowSchema>;

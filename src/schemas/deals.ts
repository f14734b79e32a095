// Deal data: the pipelines the article prices, each with the paragraph it comes from.
import { z } from 'zod';
import { evidenceSchema, period, rowId, sourceSchema, usdMillions } from './source';
import { text, LINE_MAX } from './text';

/** A deal's label is set in HTML above its bar, where it wraps; at most this many characters. */
export const DEAL_LABEL_MAX = 32;

export const dealSchema = z
  .object({
    id: rowId,
    label: z.string().trim().min(1).max(DEAL_LABEL_MAX, `must be at most ${DEAL_LABEL_MAX} characters`),
    stage: text(1, LINE_MAX),
    period,
    valueUsdMillions: usdMillions,
    source: sourceSchema,
    confirmedBy: evidenceSchema.optional(),
  })
  .strict();

/** The whole of content/data/deals.yaml. */
export const dealsFileSchema = z.object({ deals: z.array(dealSchema).min(1) }).strict();

/** One entry of the `deals` collection. */
export const dealRowSchema = dealSchema.extend({ series: z.literal('deals'), position: z.number().int() });

export type Deal = z.infer<typeof dealSchema>;
export type DealRow = z.infer<typeof dealRowSchema>;

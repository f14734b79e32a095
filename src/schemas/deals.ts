// Deal data: the pipelines the article prices, each with the paragraph it comes from.
import { z } from 'zod';
import { evidenceSchema, period, rowId, sourceSchema, usdMillions } from './source';

export const dealSchema = z
  .object({
    id: rowId,
    label: z.string().trim().min(1).max(32, 'must be at most 32 characters, to fit above its bar on a phone'),
    stage: z.string().trim().min(1),
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

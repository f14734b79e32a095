// Deal data: the pipelines the article prices, each with the paragraph it comes from.
import { z } from 'zod';
import { evidenceSchema, period, rowId, sourceSchema, usdMillions } from './source';
import { fitsIn } from './fit';
import { text, LINE_MAX } from './text';
import { DEAL_FONT, DEAL_LABEL_STYLE, DEAL_NARROW, dealLabelRoom } from '../lib/charts/dealLayout';

/** A deal's label is drawn above its bar, across the phone layout of the deal-size chart. */
/** At most this many characters, and no wider than its room. */
export const DEAL_LABEL_MAX = 32;
export const DEAL_LABEL_ROOM = { where: 'above its bar', room: dealLabelRoom(DEAL_NARROW), fontSize: DEAL_FONT.label, style: DEAL_LABEL_STYLE };

export const dealSchema = z
  .object({
    id: rowId,
    label: fitsIn(z.string().trim().min(1).max(DEAL_LABEL_MAX, `must be at most ${DEAL_LABEL_MAX} characters, to fit above its bar on a phone`), DEAL_LABEL_ROOM),
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

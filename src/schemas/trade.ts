// Trade data: the article's two figures, its stated growth, and context from other sources, kept apart.
import { z } from 'zod';
import { evidenceSchema, period, required, rowId, sourceSchema, sourcePeriod, usdMillions } from './source';
import { text, PARAGRAPH_MAX } from './text';

/** The article's periods and likely periods are set in HTML under their columns, where they wrap; this bounds them. */
export const LIKELY_PERIOD_MAX = 40;

/** One of the article's own trade figures; `likelyPeriod` is what outside reports suggest it covers. */
export const tradeFigureSchema = z
  .object({
    id: rowId,
    period,
    valueUsdMillions: usdMillions,
    likelyPeriod: z.string().trim().min(1).max(LIKELY_PERIOD_MAX, `must be at most ${LIKELY_PERIOD_MAX} characters`).optional(),
    source: sourceSchema,
    evidence: z.array(evidenceSchema).optional(),
  })
  .strict();

/** A growth rate the article states in words, kept so that it can be checked against its figures. */
export const tradeClaimSchema = z
  .object({
    id: rowId,
    period,
    quote: text(1, PARAGRAPH_MAX),
    growthPercent: z.number({ error: required('a percentage') })
      .min(-100, 'out of range: a fall is at most 100 per cent').max(10_000, 'out of range: at most 10,000 per cent (a hundredfold rise)'),
    source: sourceSchema,
  })
  .strict();

/** A figure from another source for another period; a partial year says so. */
export const tradeContextSchema = z
  .object({
    id: rowId,
    period: sourcePeriod,
    valueUsdMillions: usdMillions,
    partial: z.boolean({ error: required('true or false: whether the period is only part of a year') }),
    source: sourceSchema,
  })
  .strict();

/** The whole of content/data/trade.yaml. */
export const tradeFileSchema = z
  .object({
    // Growth is measured from the first and the deals against the second (usdMillions keeps both above zero).
    article: z.array(tradeFigureSchema).length(2, 'must hold the article’s two figures, earlier first'),
    claims: z.array(tradeClaimSchema).default([]),
    context: z.array(tradeContextSchema).default([]),
  })
  .strict();

/** One entry of the `trade` collection: a row of the file with the group it came from. */
export const tradeRowSchema = z.discriminatedUnion('series', [
  tradeFigureSchema.extend({ series: z.literal('article'), position: z.number().int() }),
  tradeClaimSchema.extend({ series: z.literal('claims'), position: z.number().int() }),
  tradeContextSchema.extend({ series: z.literal('context'), position: z.number().int() }),
]);

export type TradeFigure = z.infer<typeof tradeFigureSchema>;
export type TradeClaim = z.infer<typeof tradeClaimSchema>;
export type TradeContext = z.infer<typeof tradeContextSchema>;
export type TradeRow = z.infer<typeof tradeRowSchema>;

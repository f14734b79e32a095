// The longer record of trade for the epilogue's chart: calendar-year and fiscal-year figures in two groups that are never joined.
import { z } from 'zod';
import { required, rowId, sourcePeriod, usdMillions } from './source';
import { ratedSourceSchema } from './factSheet';

const isoMonth = z.string({ error: required('a month, YYYY-MM') }).regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month, YYYY-MM');

/** Months are counted from year 0: 2020-07 → 2020 × 12 + 6. */
export const monthIndex = (iso: string) => Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7)) - 1;
/** How many months a row covers, its first and last both counted. */
export const monthsOf = (r: { from: string; to: string }) => monthIndex(r.to) - monthIndex(r.from) + 1;

/** Which group a row is in: calendar years run January–December, Pakistan's fiscal years July–June. */
export type PeriodKind = 'calendar' | 'fiscal';
const FIRST_MONTH: Record<PeriodKind, number> = { calendar: 0, fiscal: 6 };
const KIND_WORDS: Record<PeriodKind, string> = { calendar: 'one calendar year (January–December)', fiscal: 'one fiscal year (July–June)' };

/** A row of the chart: a figure of its own with its sources, or (`row`) a figure of trade.yaml shown again here. */
const laterTradeRow = (kind: PeriodKind) => z
  .object({
    id: rowId,
    /** A row of content/data/trade.yaml (the article's figures or the earlier context) shown again at this place. */
    row: rowId.optional(),
    period: sourcePeriod.optional(),
    /** The first and last month the figure covers. */
    from: isoMonth,
    to: isoMonth,
    /** Total trade, both directions. */
    valueUsdMillions: usdMillions.optional(),
    /** The source gives only a floor: "more than …". */
    atLeast: z.literal(true).optional(),
    /** Pakistan's exports to Russia, where the source gives them. */
    pakistanExportsUsdMillions: usdMillions.optional(),
    sources: z.array(ratedSourceSchema).min(1, 'must list at least one source').optional(),
    /** A row of the same group whose figure does not fit with this one; the chart shows both and says so. */
    conflictsWith: rowId.optional(),
    /** The figure counts services as well as goods. */
    includesServices: z.literal(true).optional(),
  })
  .strict()
  .superRefine((r, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    const from = monthIndex(r.from), to = monthIndex(r.to);
    if (to < from) issue('to', `the period ends (${r.to}) before it starts (${r.from})`);
    // Each row lies inside one year of its own kind, so a fiscal figure can never pass for a calendar one.
    const yearStart = (m: number) => Math.floor((m - FIRST_MONTH[kind]) / 12);
    if (yearStart(from) !== yearStart(to)) {
      issue('to', `${r.from} to ${r.to} does not lie within ${KIND_WORDS[kind]}; file it under the other group or split it`);
    }
    if (r.row) {
      for (const f of ['period', 'valueUsdMillions', 'atLeast', 'pakistanExportsUsdMillions', 'sources', 'includesServices'] as const) {
        if (r[f] !== undefined) issue(f, `comes from trade.yaml row "${r.row}": give no ${f} here`);
      }
      return;
    }
    if (r.period === undefined) issue('period', 'is missing: the period as a reader should read it, e.g. "Jan–Nov 2020"');
    if (r.sources === undefined) issue('sources', 'is missing: the sources of the figure (title, url, confidence)');
    if (r.valueUsdMillions === undefined && r.pakistanExportsUsdMillions === undefined) issue('valueUsdMillions', 'is missing: total trade (or, where only that is known, pakistanExportsUsdMillions)');
    if (r.atLeast && r.valueUsdMillions === undefined) issue('atLeast', 'a floor needs the value it is a floor of');
    if (r.valueUsdMillions !== undefined && r.pakistanExportsUsdMillions !== undefined && r.pakistanExportsUsdMillions > r.valueUsdMillions) {
      issue('pakistanExportsUsdMillions', `${r.pakistanExportsUsdMillions} is more than the total trade of ${r.valueUsdMillions}`);
    }
  });

export const calendarRowSchema = laterTradeRow('calendar');
export const fiscalRowSchema = laterTradeRow('fiscal');
export type LaterTradeRow = z.infer<typeof calendarRowSchema>;

/** What the two sides said of a period for which no figure was found, where their accounts differ: the chart says so. */
export const accountSchema = z
  .object({
    id: rowId,
    kind: z.enum(['calendar', 'fiscal'], { error: 'must be calendar or fiscal: the group whose record has the gap' }),
    from: isoMonth,
    to: isoMonth,
    /** In our own words: who said what, and when. */
    says: z.string({ error: required('what the accounts say, in our own words') }).trim().min(20).max(400),
    sources: z.array(ratedSourceSchema).min(2, 'must cite each account: at least two sources'),
  })
  .strict();


/** The whole of content/data/trade-later.yaml. */
export const tradeLaterFileSchema = z
  .object({
    calendar: z.array(calendarRowSchema).min(1),
    fiscal: z.array(fiscalRowSchema).min(1),
    accounts: z.array(accountSchema).default([]),
  })
  .strict();

/** One entry of the `tradeLater` collection: a row with its group (calendar or fiscal) and its place in it. */
export const tradeLaterRowSchema = z.discriminatedUnion('series', [
  calendarRowSchema.safeExtend({ series: z.literal('calendar'), position: z.number().int() }),
  fiscalRowSchema.safeExtend({ series: z.literal('fiscal'), position: z.number().int() }),
  accountSchema.extend({ series: z.literal('accounts'), position: z.number().int() }),
]);
export type TradeLaterEntry = z.infer<typeof tradeLaterRowSchema>;

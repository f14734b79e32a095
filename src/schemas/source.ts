// Where a figure comes from: a paragraph of the article, or an outside report's title and URL.
import { z } from 'zod';
import { atMost, codePointOf, LINE_MAX, PARAGRAPH_MAX, SLUG, SLUG_ERROR, URL_MAX } from './text';
import { MONTHS } from '../lib/format';


/** An address readers may follow: https: or http: only (no javascript:, data: or file:). */
export const httpUrl = () => z.url({ protocol: /^https?$/, error: 'must be an https: or http: address' }).max(URL_MAX, atMost(URL_MAX))
  .refine((u) => !/\s/.test(u), 'must be an address without spaces: a browser ends the link at the first one (write %20 where the address has a space)');

/** A required field whose absence reads as "is missing" rather than zod's type message. */
export const required = (what: string) => (iss: { input?: unknown; expected?: string }) =>
  iss.input === undefined ? `is missing: ${what}`
    // A bare 2015 in YAML is a number where text was expected.
    : iss.expected === 'string' && typeof iss.input === 'number'
      ? `must be ${what}, as text: YAML read ${iss.input} as a number, so write it in quotes, "${iss.input}"`
      : `must be ${what}`;

export const sourceSchema = z
  .object(
    {
      paragraph: z.string().regex(SLUG, 'must be the id of an article paragraph, such as "trade-figures"').optional(),
      title: z.string().trim().min(1).max(LINE_MAX, atMost(LINE_MAX)).optional(),
      url: httpUrl().optional(),
    },
    { error: required('a source: an article paragraph id, or the title and url of an outside report') },
  )
  .strict()
  .superRefine((s, ctx) => {
    if (!s.paragraph && !s.title && !s.url) {
      ctx.addIssue({ code: 'custom', message: 'is empty: give an article paragraph id, or the title and url of an outside report' });
    } else if (!s.paragraph && (!s.title || !s.url)) {
      ctx.addIssue({ code: 'custom', path: [s.title ? 'url' : 'title'], message: 'an outside source needs both a title and a url' });
    }
  });
export type Source = z.infer<typeof sourceSchema>;

/** An outside report that supports or dates a figure: what it says, when, and where to read it. */
export const evidenceSchema = z
  .object({
    date: z.iso.date(),
    says: z.string().trim().min(1).max(PARAGRAPH_MAX, atMost(PARAGRAPH_MAX)),
    title: z.string().trim().min(1).max(LINE_MAX, atMost(LINE_MAX)),
    url: httpUrl(),
  })
  .strict();

/** The largest money value a figure may hold, in US$ millions: ten trillion dollars, far beyond any deal or year of trade. */
export const USD_MILLIONS_MAX = 10_000_000;

/**
 * A money value in US$ millions: present, a finite number (zod refuses Infinity and NaN), above zero and at most
 * USD_MILLIONS_MAX. No trade or deal is worth nothing: a zero is a figure not found, and would ship as "$0".
 */
export const usdMillions = z
  .number({ error: required('a number of US$ millions') })
  .positive('out of range: must be above zero (US$ millions); a figure no source gives is left out, not written as 0')
  .max(USD_MILLIONS_MAX, `out of range: at most ${USD_MILLIONS_MAX.toLocaleString('en')} (US$ ten trillion)`);

export const rowId = z.string({ error: required('a unique id (a lowercase slug)') }).regex(SLUG, SLUG_ERROR);
// The period is printed under its column on a phone, so it has to fit there.
export const PERIOD_MAX = 24;
export const period = z.string({ error: required('the period as the source names it') }).trim().min(1, 'must name the period').max(PERIOD_MAX, `must be at most ${PERIOD_MAX} characters, to fit under its column on a phone`);

const MONTH = `(${[...MONTHS, ...MONTHS.map((m) => m.slice(0, 3))].join('|')})`;
const FISCAL_YEAR = /^FY\d{4}–\d{2}$/;
/** "2015", "March 2016", "2014–2015", "Jul 2021–May 2022": a year, or a run of months between two years. */
const YEARS = new RegExp(`^(?:${MONTH} )?(\\d{4})(?:–(?:${MONTH} )?(\\d{4}))?$`);
/** "January–October 2018", "Jan–Nov 2020": months of one year. */
const MONTHS_OF_YEAR = new RegExp(`^${MONTH}–${MONTH} (\\d{4})$`);
export const PERIOD_RULE = 'must be written as the data writes periods, in ASCII digits and English months with an en dash: "2015", "March 2016", "January–October 2018", "Jan–Nov 2020", "Jul 2021–May 2022" or "FY2022–23"';

const monthOf = (word: string | undefined, otherwise: number) => (word === undefined ? otherwise : MONTHS.findIndex((m) => m.slice(0, 3) === word.slice(0, 3)));

/**
 * How many months a period an outside source gives covers, its first and last both counted, or undefined for words
 * that are not written as the data writes periods (PERIOD_RULE).
 */
export function periodMonths(words: string): number | undefined {
  if (FISCAL_YEAR.test(words)) return 12;
  const inYear = MONTHS_OF_YEAR.exec(words);
  if (inYear) return monthOf(inYear[2], 0) - monthOf(inYear[1], 0) + 1;
  const years = YEARS.exec(words);
  if (!years) return undefined;
  const [, m1, y1, m2, y2] = years;
  const first = Number(y1) * 12 + monthOf(m1, 0);
  // "March 2016" is the one month; "2016" and "2014–2015" run to a December.
  const last = y2 === undefined ? Number(y1) * 12 + monthOf(m1, 11) : Number(y2) * 12 + monthOf(m2, 11);
  return last - first + 1;
}

/** PERIOD_RULE, naming the first character outside ASCII (but the en dash), which may look like one it allows (a Cyrillic "О"). */
function periodRule(input: unknown): string {
  const bad = typeof input === 'string' ? [...input].find((ch) => ch.codePointAt(0)! > 0x7e && ch !== '–') : undefined;
  return bad ? `${PERIOD_RULE}; “${bad}” (${codePointOf(bad)}) is not one of them` : PERIOD_RULE;
}

/**
 * A period an outside source gives a figure for, written one way, so that the checks can read its years and months:
 * words a year cannot be read from (a look-alike digit or letter, another dash) would pass every check unread.
 */
export const sourcePeriod = period.refine((words) => (periodMonths(words) ?? 0) > 0, { error: (iss) => periodRule(iss.input) });

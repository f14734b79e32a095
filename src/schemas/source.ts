// Where a figure comes from: a paragraph of the article, or an outside report's title and URL.
import { z } from 'zod';
import { atMost, LINE_MAX, PARAGRAPH_MAX, SLUG, SLUG_ERROR, URL_MAX } from './text';


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

// Frontmatter schema for the article: everything the site says about the piece.
import { z } from 'zod';
import { httpUrl } from './source';
import { text, LINE_MAX, PARAGRAPH_MAX } from './text';

const isoPartial = /^\d{4}(-\d{2}(-\d{2})?)?$/;

export const datePrecision = z.enum(['day', 'month', 'year']);

/** A YYYY, YYYY-MM or YYYY-MM-DD string that names a month and day that exist (no month 13, no 30 February). */
function isCalendarDate(date: string): boolean {
  const [y, m = 1, d = 1] = date.split('-').map(Number);
  const t = new Date(Date.UTC(y!, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}
export type DatePrecision = z.infer<typeof datePrecision>;

export const articleSchema = z
  .object({
    headline: text(1, LINE_MAX),
    standfirst: text(20, PARAGRAPH_MAX),
    description: z.string().trim().min(20).max(300),
    author: z.object({
      name: text(1, LINE_MAX),
      bio: text(1, PARAGRAPH_MAX),
    }),
    original: z.object({
      publication: text(1, LINE_MAX),
      credit: text(1, LINE_MAX),
      url: httpUrl().optional(),
    }),
    published: z
      .object({
        date: z.string().regex(isoPartial, 'must be an ISO date: YYYY, YYYY-MM or YYYY-MM-DD'),
        precision: datePrecision,
        inferred: z.boolean(),
        basis: text(1, PARAGRAPH_MAX).optional(),
      })
      .superRefine((p, ctx) => {
        const parts = p.date.split('-').length;
        const expected = { year: 1, month: 2, day: 3 }[p.precision];
        if (parts !== expected) {
          ctx.addIssue({ code: 'custom', path: ['date'], message: `"${p.date}" does not match precision "${p.precision}"` });
        } else if (!isCalendarDate(p.date)) {
          ctx.addIssue({ code: 'custom', path: ['date'], message: `"${p.date}" is not a real month or day` });
        }
        if (p.inferred && !p.basis) {
          ctx.addIssue({ code: 'custom', path: ['basis'], message: 'an inferred date must say what it is inferred from' });
        }
      }),
    // The author's text is English: screen readers, hyphenation and translation all read this.
    language: z.string().regex(/^en(-[A-Z]{2})?$/, 'the article is in English: "en", or English of a region such as "en-GB"'),
    updated: z.iso.date(),
  })
  .strict();

export type ArticleData = z.infer<typeof articleSchema>;

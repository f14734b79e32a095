// Formatting helpers shared by pages and components.
import type { DatePrecision } from '../schemas/article';

export const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** The years a text names ("2016", "FY2018", "in 1998"), as numbers. */
export const yearsIn = (text: string): number[] => (text.match(/\b(1[89]|20)\d\d\b/g) ?? []).map(Number);

/** A month's name in full, as a whole word: the pattern's source, for a RegExp with the flags its user needs. */
export const MONTH_NAME = `\\b(?:${MONTHS.join('|')})\\b`;

/** A period's month names as the charts' labels write them, three letters: "January–October 2018" → "Jan–Oct 2018". */
export function shortMonths(period: string): string {
  return period.replace(new RegExp(MONTH_NAME, 'g'), (m) => m.slice(0, 3));
}

/** "2018-10" with month precision → "October 2018"; never depends on the machine's time zone. */
export function formatPartialDate(iso: string, precision: DatePrecision): string {
  const [y, m, d] = iso.split('-').map(Number);
  if (precision === 'year' || !m) return String(y);
  if (precision === 'month' || !d) return `${MONTHS[m - 1]} ${y}`;
  return `${d} ${MONTHS[m - 1]} ${y}`;
}

/** Words in quotation marks, the outer pair single where the words hold double marks of their own (‘… “Friendship” …’). */
export const quoted = (words: string): string => (/[“”"]/.test(words) ? `‘${words}’` : `“${words}”`);

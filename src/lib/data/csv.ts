// The CSV downloads: d3-dsv's quoting, with every text cell a spreadsheet would run as a formula made inert.
import { csvFormat } from 'd3-dsv';

/** The characters that start a formula in Excel, LibreOffice and Google Sheets (OWASP, "CSV Injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;

export type Cell = string | number | boolean;

/**
 * One cell as OWASP recommends: text that begins with =, +, -, @, a tab or a carriage return gets a leading
 * apostrophe, so a spreadsheet shows it as text instead of running it. Numbers stay numbers (−73 is a value).
 */
export function csvCell(value: Cell): Cell {
  return typeof value === 'string' && FORMULA_START.test(value) ? `'${value}` : value;
}

/** Records as CSV text with a header row; csvFormat quotes any cell holding a comma, a quote or a line break. */
export function csvText(records: readonly Record<string, Cell>[]): string {
  return `${csvFormat(records.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, csvCell(v)]))))}\n`;
}

// The data downloads' responses: JSON as it is written (two-space indent, a final newline) and CSV made safe by csvText.
import { csvText, type Cell } from './csv';

export const jsonResponse = (body: unknown): Response =>
  new Response(`${JSON.stringify(body, null, 2)}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });

export const csvResponse = (records: readonly Record<string, Cell>[]): Response =>
  new Response(csvText(records), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });

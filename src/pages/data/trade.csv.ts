// /data/trade.csv: the trade figures behind the chart, one row each, from the edition.
import type { APIRoute } from 'astro';
import { csvText } from '../../lib/data/csv';
import { tradeRecords } from '../../lib/data/money';

export const GET: APIRoute = ({ locals }) =>
  new Response(csvText(tradeRecords(locals.edition.trade)), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });

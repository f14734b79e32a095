// /data/trade.csv: the trade figures behind the chart, one row each, from the edition.
import type { APIRoute } from 'astro';
import { csvFormat } from 'd3-dsv';
import { tradeRecords } from '../../lib/data/money';

export const GET: APIRoute = ({ locals }) =>
  new Response(`${csvFormat(tradeRecords(locals.edition.trade))}\n`, { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });

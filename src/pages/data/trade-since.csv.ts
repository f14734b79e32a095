// /data/trade-since.csv: the longer trade record behind the epilogue's chart, one row per figure, from the edition.
import type { APIRoute } from 'astro';
import { csvFormat } from 'd3-dsv';
import { tradeRecordRecords } from '../../lib/epilogue/tradeRecord';

export const GET: APIRoute = ({ locals }) =>
  new Response(`${csvFormat(tradeRecordRecords(locals.edition.epilogue.trade))}\n`, { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });

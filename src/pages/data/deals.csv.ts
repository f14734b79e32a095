// /data/deals.csv: the pipelines behind the deal-size chart, from the edition.
import type { APIRoute } from 'astro';
import { csvFormat } from 'd3-dsv';
import { dealRecords } from '../../lib/data/money';

export const GET: APIRoute = ({ locals }) =>
  new Response(`${csvFormat(dealRecords(locals.edition.deals))}\n`, { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });

// /data/deals.csv: the pipelines behind the deal-size chart, from the edition.
import type { APIRoute } from 'astro';
import { csvText } from '../../lib/data/csv';
import { dealRecords } from '../../lib/data/money';

export const GET: APIRoute = ({ locals }) =>
  new Response(csvText(dealRecords(locals.edition.deals)), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });

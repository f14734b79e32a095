// /data/deals.csv: the pipelines behind the deal-size chart, from the edition.
import type { APIRoute } from 'astro';
import { csvResponse } from '../../lib/data/downloads';
import { dealRecords } from '../../lib/data/money';

export const GET: APIRoute = ({ locals }) =>
  csvResponse(dealRecords(locals.edition.deals));

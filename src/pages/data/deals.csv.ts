// /data/deals.csv: every bar of the deal-size chart, the pipelines and the year of trade beside them, from the edition.
import type { APIRoute } from 'astro';
import { csvResponse } from '../../lib/data/downloads';
import { dealRecords, tradeYear } from '../../lib/data/money';

export const GET: APIRoute = ({ locals }) =>
  csvResponse(dealRecords(locals.edition.deals, tradeYear(locals.edition.trade)));

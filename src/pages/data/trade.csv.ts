// /data/trade.csv: the trade figures behind the chart, one row each, from the edition.
import type { APIRoute } from 'astro';
import { csvResponse } from '../../lib/data/downloads';
import { tradeRecords } from '../../lib/data/money';

export const GET: APIRoute = ({ locals }) =>
  csvResponse(tradeRecords(locals.edition.trade));

// /data/trade-since.csv: the longer trade record behind the epilogue's chart, one row per figure, from the edition.
import type { APIRoute } from 'astro';
import { csvResponse } from '../../lib/data/downloads';
import { tradeRecordRecords } from '../../lib/epilogue/tradeRecord';

export const GET: APIRoute = ({ locals }) =>
  csvResponse(tradeRecordRecords(locals.edition.epilogue.trade));

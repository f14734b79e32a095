// /data/deals.json: the pipelines and the year of trade they are measured against.
import type { APIRoute } from 'astro';
import { jsonResponse } from '../../lib/data/downloads';
import { tradeYear } from '../../lib/data/money';

export const GET: APIRoute = ({ locals }) => {
  const { deals, trade } = locals.edition;
  const year = tradeYear(trade);
  const body = {
    title: 'The money in the story: pipelines and a year of trade',
    units: { valueUsdMillions: 'US$ millions' },
    deals,
    comparedWith: { id: year.id, period: year.period, valueUsdMillions: year.valueUsdMillions, source: year.source },
  };
  return jsonResponse(body);
};

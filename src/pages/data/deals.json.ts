// /data/deals.json: the pipelines and the year of trade they are measured against.
import type { APIRoute } from 'astro';
import { jsonResponse } from '../../lib/data/downloads';

export const GET: APIRoute = ({ locals }) => {
  const { deals, trade } = locals.edition;
  const year = trade.figures.at(-1)!;
  const body = {
    title: 'The money in the story: pipelines and a year of trade',
    units: { valueUsdMillions: 'US$ millions' },
    deals,
    comparedWith: { id: year.id, period: year.period, valueUsdMillions: year.valueUsdMillions, source: year.source },
  };
  return jsonResponse(body);
};

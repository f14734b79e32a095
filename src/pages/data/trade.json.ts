// /data/trade.json: the trade data in its three groups, never merged, with units and sources.
import type { APIRoute } from 'astro';
import { jsonResponse } from '../../lib/data/downloads';

export const GET: APIRoute = ({ locals }) => {
  const { figures, claims, context } = locals.edition.trade;
  const body = {
    title: 'Pakistan–Russia bilateral trade',
    units: { valueUsdMillions: 'US$ millions', growthPercent: 'per cent' },
    article: figures,
    claims,
    otherSources: { note: 'Figures from other sources for other periods; they cannot test the article’s two figures.', rows: context },
  };
  return jsonResponse(body);
};

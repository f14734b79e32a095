// /data/trade.json: the trade data in its three groups, never merged, with units and sources.
import { getCollection } from 'astro:content';
import { splitTrade } from '../../lib/data/money';

export async function GET() {
  const { figures, claims, context } = splitTrade((await getCollection('trade')).map((e) => e.data));
  const body = {
    title: 'Pakistan–Russia bilateral trade',
    units: { valueUsdMillions: 'US$ millions', growthPercent: 'per cent' },
    article: figures,
    claims,
    otherSources: { note: 'Figures from other sources for other periods; not comparable with the article’s figures.', rows: context },
  };
  return new Response(`${JSON.stringify(body, null, 2)}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
}

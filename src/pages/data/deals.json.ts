// /data/deals.json: the pipelines and the year of trade they are measured against.
import { getCollection } from 'astro:content';
import { orderDeals, splitTrade } from '../../lib/data/money';

export async function GET() {
  const deals = orderDeals((await getCollection('deals')).map((e) => e.data));
  const trade = splitTrade((await getCollection('trade')).map((e) => e.data)).figures.at(-1)!;
  const body = {
    title: 'The money in the story: pipelines and a year of trade',
    units: { valueUsdMillions: 'US$ millions' },
    deals,
    comparedWith: { id: trade.id, period: trade.period, valueUsdMillions: trade.valueUsdMillions, source: trade.source },
  };
  return new Response(`${JSON.stringify(body, null, 2)}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
}

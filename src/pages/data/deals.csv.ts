// /data/deals.csv: the pipelines behind the deal-size chart, built from the same collection.
import { getCollection } from 'astro:content';
import { csvFormat } from 'd3-dsv';
import { dealRecords, orderDeals } from '../../lib/data/money';

export async function GET() {
  const deals = orderDeals((await getCollection('deals')).map((e) => e.data));
  return new Response(`${csvFormat(dealRecords(deals))}\n`, { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
}

// /data/trade.csv: the trade figures behind the chart, one row each, built from the same collection.
import { getCollection } from 'astro:content';
import { csvFormat } from 'd3-dsv';
import { splitTrade, tradeRecords } from '../../lib/data/money';

export async function GET() {
  const data = splitTrade((await getCollection('trade')).map((e) => e.data));
  return new Response(`${csvFormat(tradeRecords(data))}\n`, { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
}

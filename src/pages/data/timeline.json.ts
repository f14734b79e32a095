// /data/timeline.json: the timeline's events in date order, with where each date comes from, built from the same collection.
import { getCollection } from 'astro:content';
import type { TimelineEvent } from '../../schemas/timeline';
import { byDate } from '../../lib/timeline/dates';

export async function GET() {
  const events = (await getCollection('timeline')).map((e) => e.data as TimelineEvent).sort(byDate);
  const body = {
    title: 'Pakistan and Russia, 2010–2018: the events the article mentions',
    fields: {
      precision: 'day, month or year: how exact the date is; events with start and end ran over those days',
      dateFrom: 'article: the article states the date; inferred: the article dates it less exactly (articleSays) and the source gives the rest; outside: the article gives no date',
      paragraph: 'the id of the article paragraph that mentions the event (link: /#paragraph)',
    },
    events,
  };
  return new Response(`${JSON.stringify(body, null, 2)}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
}

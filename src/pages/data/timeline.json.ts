// /data/timeline.json: the timeline's events in date order, with where each date comes from.
import type { APIRoute } from 'astro';
import { jsonResponse } from '../../lib/data/downloads';

export const GET: APIRoute = ({ locals }) => {
  const body = {
    title: 'Pakistan and Russia, 2010–2018: the events the article mentions',
    fields: {
      precision: 'day, month or year: how exact the date is; events with start and end ran over those days',
      dateFrom: 'article: the article states the date; inferred: the article dates it less exactly (articleSays) and the source gives the rest; outside: the article gives no date',
      paragraph: 'the id of the article paragraph that mentions the event (link: /#paragraph)',
    },
    events: locals.edition.timeline.events,
  };
  return jsonResponse(body);
};

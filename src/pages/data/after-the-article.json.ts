// /data/after-the-article.json: the epilogue's events of 2019–2026 in date order, each with its source and the claim it bears on.
import type { APIRoute } from 'astro';
import { jsonResponse } from '../../lib/data/downloads';

export const GET: APIRoute = ({ locals }) => {
  const { events, figures } = locals.edition.epilogue;
  const body = {
    title: figures.timeline.title,
    fields: {
      precision: 'day, month or year: how exact the date is; events with start and end ran over those days',
      claim: 'the id of the claim in the epilogue’s scorecard the event bears on (link: /#claim)',
      source: 'the report the event is taken from, with the confidence our fact sheet gives it and whether it is state media',
    },
    events,
  };
  return jsonResponse(body);
};

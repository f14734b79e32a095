// /data/trade-since.json: the longer trade record in its two series, with the years that have no figure.
import type { APIRoute } from 'astro';
import { jsonResponse } from '../../lib/data/downloads';

export const GET: APIRoute = ({ locals }) => {
  const { trade, figures } = locals.edition.epilogue;
  const body = {
    title: figures.trade.title,
    fields: {
      series: 'calendar: January–December years; fiscal: Pakistan’s fiscal years, July–June. The two are never joined.',
      from: 'the first month the figure covers (YYYY-MM); to: the last',
      partial: 'true when the figure covers fewer than twelve months',
      valueUsdMillions: 'total trade in both directions, US$ millions; atLeast: true when the source gives only a floor',
      pakistanExportsUsdMillions: 'Pakistan’s exports to Russia, where the source gives them',
      gap: 'years of the series for which no figure was found; account: what each side said where their accounts differ',
    },
    calendar: trade.calendar,
    fiscal: trade.fiscal,
  };
  return jsonResponse(body);
};

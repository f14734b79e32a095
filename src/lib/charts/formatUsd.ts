// Money, change, percentage and multiple formats as a reader expects them: $400M, $10bn, +35.3 %, 18×.
import { format } from 'd3-format';

const millions = format(',.0f');
const billions = format('.3~g');
const NBSP = '\u00a0';

/** US$ millions → "$0", "$400M", "$541M", "$2bn", "$10bn". */
export function formatUsd(usdMillions: number): string {
  const v = Math.abs(usdMillions);
  const sign = usdMillions < 0 ? '−' : '';
  if (v === 0) return '$0';
  if (v >= 1000) return `${sign}$${billions(v / 1000)}bn`;
  return `${sign}$${millions(v)}M`;
}

/** A change in US$ millions with its sign: "+$141M", "−$73M". */
export function formatUsdChange(usdMillions: number): string {
  return `${usdMillions < 0 ? '−' : '+'}${formatUsd(Math.abs(usdMillions))}`;
}

/** A percentage, unsigned or signed, with a no-break space before the sign: "35.25 %", "+35.3 %". */
export function formatPercent(percent: number, digits = 1, signed = false): string {
  return `${format(`${signed ? '+' : ''}.${digits}f`)(percent)}${NBSP}%`;
}

/** A ratio to two significant figures: 18.48 → "18", 3.697 → "3.7". */
export const formatRatio = format('.2~r');

/** A ratio as a multiple: 18.48 → "18×". */
export function formatMultiple(ratio: number): string {
  return `${formatRatio(ratio)}×`;
}

// Money, change and percentage formats as a reader expects them: $400M, $10bn, +$141M, +35.3 %.
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

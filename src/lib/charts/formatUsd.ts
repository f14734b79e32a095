// Money, change and percentage formats as a reader expects them: $400M, $10bn, +$141M, +35.3 %.
import { format } from 'd3-format';

const millions = format(',.0f');
// Significant digits without exponent notation ("r", never "e"), grouped: 1.25, 10, 1,000.
const billions = format(',.3~r');
const fractionOfAMillion = format('.1~r');
const NBSP = '\u00a0';

/**
 * US$ millions → "$0", "$0.2M", "$400M", "$541M", "$1bn", "$2.5bn", "$10bn", "$10,000bn". A value that rounds to
 * a thousand millions is written in billions ($999.6M is "$1bn", never "$1,000M"); nothing is written in exponents.
 */
export function formatUsd(usdMillions: number): string {
  const v = Math.abs(usdMillions);
  const sign = usdMillions < 0 ? '−' : '';
  if (v === 0) return '$0';
  if (v < 0.95) return `${sign}$${fractionOfAMillion(v)}M`;
  if (Math.round(v) >= 1000) return `${sign}$${billions(v / 1000)}bn`;
  return `${sign}$${millions(v)}M`;
}

/** A change in US$ millions with its sign: "+$141M", "−$73M". */
export function formatUsdChange(usdMillions: number): string {
  return `${usdMillions < 0 ? '−' : '+'}${formatUsd(Math.abs(usdMillions))}`;
}

/** A percentage, unsigned or signed, with a no-break space before the sign: "35.3 %", "+35.3 %", "33 %". */
export function formatPercent(percent: number, digits = 1, signed = false): string {
  return `${format(`${signed ? '+' : ''}.${digits}f`)(percent)}${NBSP}%`;
}

// Geometry of the deal-size figure: the headline values of agreements and a year's trade as bars on one scale from zero.
// Each bar is its own row under its HTML label, so its length is all the layout gives: a share of the row.
import { max } from 'd3-array';
import { scaleLinear } from 'd3-scale';
import { round2 } from './dimensions';

/** `headline`: what an agreement says a project is worth, not money spent; `trade`: what the two countries bought and sold. */
export type DealBarKind = 'headline' | 'trade';

export interface DealBarInput { id: string; kind: DealBarKind; valueUsdMillions: number }
export interface DealBar { id: string; kind: DealBarKind; valueUsdMillions: number; /** Per cent of the row. */ width: number }

export function dealLayout(rows: readonly DealBarInput[]): DealBar[] {
  if (rows.filter((r) => r.kind === 'trade').length !== 1) throw new RangeError(`dealLayout needs exactly one year of trade to set the headlines against, got ${rows.filter((r) => r.kind === 'trade').length}`);
  for (const r of rows) if (!(Number.isFinite(r.valueUsdMillions) && r.valueUsdMillions >= 0)) throw new RangeError(`dealLayout: the value of "${r.id}" must be a number at least 0, got ${r.valueUsdMillions}`);
  const top = max(rows, (r) => r.valueUsdMillions)!;
  if (!(top > 0)) throw new RangeError('dealLayout needs at least one value above zero');
  const x = scaleLinear().domain([0, top]).range([0, 100]);
  return rows.map((r) => ({ id: r.id, kind: r.kind, valueUsdMillions: r.valueUsdMillions, width: round2(x(r.valueUsdMillions)) }));
}

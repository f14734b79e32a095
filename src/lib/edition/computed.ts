// The values an editorial note may state with <Computed of="…">: computed from the data, never typed.
import type { TradeFacts } from '../analysis/analysisData';
import { formatPercent, formatUsd } from '../charts/formatUsd';

export function computedValues(f: TradeFacts): Record<string, string | undefined> {
  return {
    'trade-from': formatUsd(f.fromUsdMillions),
    'trade-to': formatUsd(f.toUsdMillions),
    'trade-change': formatUsd(Math.abs(f.changeUsdMillions)),
    'trade-growth': formatPercent(f.growthPercent, 1),
    'trade-claimed-growth': f.claimedPercent === undefined ? undefined : formatPercent(f.claimedPercent, 0),
    'trade-implied-start': f.impliedStartUsdMillions === undefined ? undefined : formatUsd(f.impliedStartUsdMillions),
  };
}

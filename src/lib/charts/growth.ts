// Growth between two values, and the start value a stated growth rate would imply.

export interface Growth {
  fromUsdMillions: number;
  toUsdMillions: number;
  deltaUsdMillions: number;
  /** Unrounded: (to − from) / from × 100. */
  percent: number;
}

export function growth(fromUsdMillions: number, toUsdMillions: number): Growth {
  if (!(fromUsdMillions > 0)) throw new RangeError(`growth needs a positive starting value, got ${fromUsdMillions}`);
  const deltaUsdMillions = toUsdMillions - fromUsdMillions;
  return { fromUsdMillions, toUsdMillions, deltaUsdMillions, percent: (deltaUsdMillions / fromUsdMillions) * 100 };
}

/** The starting value from which `percent` growth would reach `toUsdMillions`. */
export function impliedStart(toUsdMillions: number, percent: number): number {
  return toUsdMillions / (1 + percent / 100);
}

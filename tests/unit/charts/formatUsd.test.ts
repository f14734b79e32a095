import { describe, expect, it } from 'vitest';
import { formatPercent, formatUsd, formatUsdChange } from '../../../src/lib/charts/formatUsd';
import { growth, impliedStart } from '../../../src/lib/charts/growth';
import { USD_MILLIONS_MAX } from '../../../src/schemas/source';

describe('formatUsd', () => {
  it('formatUsd(usdMillions) writes millions as $…M and thousands of millions as $…bn', () => {
    expect(formatUsd(400)).toBe('$400M');
    expect(formatUsd(541)).toBe('$541M');
    expect(formatUsd(10_000)).toBe('$10bn');
    expect(formatUsd(2_000)).toBe('$2bn');
    expect(formatUsd(2_500)).toBe('$2.5bn');
    expect(formatUsd(0)).toBe('$0');
    expect(formatUsd(1_250)).toBe('$1.25bn');
    expect(formatUsd(406.77)).toBe('$407M');
  });

  it('formatUsd(usdMillions) switches to billions where the millions would round to a thousand, and never writes an exponent', () => {
    expect(formatUsd(999.4)).toBe('$999M');
    expect(formatUsd(999.5)).toBe('$1bn');
    expect(formatUsd(999.6)).toBe('$1bn');
    expect(formatUsd(1000)).toBe('$1bn');
    expect(formatUsd(1_999.6)).toBe('$2bn');
    expect(formatUsd(999_999)).toBe('$1,000bn');
    expect(formatUsd(USD_MILLIONS_MAX)).toBe('$10,000bn');
    expect(formatUsd(-2_500)).toBe('−$2.5bn');
  });

  it('formatUsd(usdMillions) writes less than a million in tenths, not as "$0M"', () => {
    expect(formatUsd(0.2)).toBe('$0.2M');
    expect(formatUsd(0.04)).toBe('$0.04M');
    expect(formatUsd(0.94)).toBe('$0.9M');
    expect(formatUsd(0.95)).toBe('$1M');
    expect(formatUsd(1.4)).toBe('$1M');
    expect(formatUsd(-0.5)).toBe('−$0.5M');
  });

  it('formatUsdChange(usdMillions) signs the change with a plus or a true minus', () => {
    expect(formatUsdChange(141)).toBe('+$141M');
    expect(formatUsdChange(-73)).toBe('−$73M');
  });

  it('formatPercent(percent, digits, signed) rounds and keeps the sign and % together', () => {
    expect(formatPercent(35.25, 1, true)).toBe('+35.3\u00a0%');
    expect(formatPercent(35.25, 2)).toBe('35.25\u00a0%');
    expect(formatPercent(33, 0)).toBe('33\u00a0%');
  });
});

describe('growth', () => {
  it('growth(from, to) returns the unrounded change and percentage', () => {
    expect(growth(400, 541)).toEqual({ fromUsdMillions: 400, toUsdMillions: 541, deltaUsdMillions: 141, percent: 35.25 });
    expect(() => growth(0, 5)).toThrow(RangeError);
  });

  it('impliedStart(to, percent) inverts a growth rate', () => {
    expect(impliedStart(541, 33)).toBeCloseTo(406.77, 2);
    expect(growth(impliedStart(541, 33), 541).percent).toBeCloseTo(33, 10);
  });
});

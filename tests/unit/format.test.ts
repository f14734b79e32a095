import { describe, expect, it } from 'vitest';
import { formatPartialDate, quoted } from '../../src/lib/format';

describe('formatPartialDate', () => {
  it('formatPartialDate(iso, precision) shows only what is known', () => {
    expect(formatPartialDate('2018-10', 'month')).toBe('October 2018');
    expect(formatPartialDate('2018', 'year')).toBe('2018');
    expect(formatPartialDate('2011-05-02', 'day')).toBe('2 May 2011');
  });

  it('formatPartialDate(iso, precision) shows no more than the precision allows, nor than the date holds', () => {
    expect(formatPartialDate('2018-10-05', 'year')).toBe('2018');
    expect(formatPartialDate('2018-10-05', 'month')).toBe('October 2018');
    expect(formatPartialDate('2018', 'day')).toBe('2018');
    expect(formatPartialDate('2018-10', 'day')).toBe('October 2018');
  });
});

describe('quoted', () => {
  it('quoted(words) sets words in double marks, and in single ones when they hold double marks of their own', () => {
    expect(quoted('laying down foundation of friendship')).toBe('“laying down foundation of friendship”');
    expect(quoted('conducting “Friendship” drills')).toBe('‘conducting “Friendship” drills’');
    expect(quoted('a "straight" mark')).toBe('‘a "straight" mark’');
  });
});

// A row of the longer trade record on its own: the edges of its period and of its figures.
import { describe, expect, it } from 'vitest';
import { calendarRowSchema, fiscalRowSchema } from '../../../src/schemas/tradeLater';

const source = { title: 'A ministry, on trade', url: 'https://example.org/trade', confidence: 'high' };
const row = (over: Record<string, unknown> = {}) => ({ id: 'cy-2020', period: '2020', from: '2020-01', to: '2020-12', valueUsdMillions: 500, sources: [source], ...over });
/** Each refusal as "field: message". */
const issues = (schema: typeof calendarRowSchema, r: unknown) => {
  const result = schema.safeParse(r);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('a row of trade-later.yaml', () => {
  it('takes a period of one month, which starts and ends in the same month', () => {
    expect(issues(calendarRowSchema, row({ period: 'March 2020', from: '2020-03', to: '2020-03' }))).toEqual([]);
    expect(issues(fiscalRowSchema, row({ period: 'July 2020', from: '2020-07', to: '2020-07' }))).toEqual([]);
  });

  it('takes a fiscal year from July to June and refuses one that crosses into the next', () => {
    expect(issues(fiscalRowSchema, row({ from: '2020-07', to: '2021-06' }))).toEqual([]);
    expect(issues(fiscalRowSchema, row({ from: '2021-06', to: '2021-07' }))).toEqual(['to: 2021-06 to 2021-07 does not lie within one fiscal year (July–June); file it under the other group or split it']);
  });

  it('refuses a figure of its own without the period a reader should read', () => {
    const { period: _, ...noPeriod } = row();
    expect(issues(calendarRowSchema, noPeriod)).toEqual(['period: is missing: the period as a reader should read it, e.g. "Jan–Nov 2020"']);
  });

  it('takes exports as large as the total trade, or exports alone, and refuses exports larger than the total', () => {
    expect(issues(calendarRowSchema, row({ pakistanExportsUsdMillions: 500 }))).toEqual([]);
    const { valueUsdMillions: _, ...exportsOnly } = row({ pakistanExportsUsdMillions: 90 });
    expect(issues(calendarRowSchema, exportsOnly)).toEqual([]);
    expect(issues(calendarRowSchema, row({ pakistanExportsUsdMillions: 501 }))).toEqual(['pakistanExportsUsdMillions: 501 is more than the total trade of 500']);
  });
});

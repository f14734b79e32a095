import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { tradeRecordLayout, valueText, FLOOR_ROOM, type RecordBar, type RecordBarInput, type RecordLayout, type RecordPanelInput } from '../../../src/lib/charts/tradeRecordLayout';
import { chartPanels } from '../../../src/lib/epilogue/tradeRecord';
import { formatUsd } from '../../../src/lib/charts/formatUsd';
import { readEdition } from '../../support/content';

const { epilogue } = readEdition();
const panelsOf = () => chartPanels(epilogue.trade, epilogue.figures.trade);
const figuresOf = (panels: RecordPanelInput[]) => panels.flatMap((p) => p.rows.filter((r): r is RecordBarInput => r.type === 'figure'));
const bars = (l: RecordLayout) => l.panels.flatMap((p) => p.rows.filter((r): r is RecordBar => r.type === 'figure'));

describe('tradeRecordLayout', () => {

  it('tradeRecordLayout(panels) keeps calendar and fiscal years in separate panels, each row in its own, and joins nothing across them', () => {
    const panels = panelsOf();
    const layout = tradeRecordLayout(panels);
    expect(layout.panels.map((p) => p.kind)).toEqual(['calendar', 'fiscal']);
    for (const [i, p] of layout.panels.entries()) {
      expect(p.heading).toBe(panels[i]!.heading);
      expect(p.rows.map((r) => r.id)).toEqual(panels[i]!.rows.map((r) => r.id));
      for (const r of p.rows) if (r.type === 'figure') expect(r.kind, r.id).toBe(p.kind);
    }
    // Bars, not a line: the layout has rows and nothing that runs between them.
    expect(Object.keys(layout).sort()).toEqual(['panels', 'percentPerMillion']);
  });

  it('tradeRecordLayout(panels) draws every bar from one zero in true proportion, across both panels', () => {
    const panels = panelsOf();
    const figures = figuresOf(panels);
    const layout = tradeRecordLayout(panels);
    for (const r of figures) {
      const bar = bars(layout).find((b) => b.id === r.id)!;
      const value = r.valueUsdMillions ?? r.exportsUsdMillions!;
      expect(bar.value).toBe(value);
      expect(bar.width, r.id).toBeCloseTo(value * layout.percentPerMillion, 1);
      if (r.valueUsdMillions !== undefined && r.exportsUsdMillions !== undefined) {
        expect(bar.exportsWidth! / bar.width, r.id).toBeCloseTo(r.exportsUsdMillions / r.valueUsdMillions, 2);
      } else expect(bar.exportsWidth).toBeUndefined();
    }
    // The largest and smallest totals of each panel, measured against each other as drawn.
    for (const p of layout.panels) {
      const own = p.rows.filter((r): r is RecordBar => r.type === 'figure' && !r.exportsOnly);
      const [big, small] = [own.reduce((a, b) => (b.value > a.value ? b : a)), own.reduce((a, b) => (b.value < a.value ? b : a))];
      expect(big.width / small.width, p.kind).toBeCloseTo(big.value / small.value, 1);
    }
  });

  it('tradeRecordLayout(panels) leaves room past the longest bar for the arrow of a floor, and only when there is one', () => {
    const panels = panelsOf();
    const figures = figuresOf(panels);
    const layout = tradeRecordLayout(panels);
    const widest = Math.max(...bars(layout).map((b) => b.width));
    const floors = figures.some((r) => r.atLeast);
    expect(widest).toBeCloseTo(floors ? 100 - FLOOR_ROOM : 100, 1);
    const without = tradeRecordLayout(panels.map((p) => ({ ...p, rows: p.rows.map((r) => (r.type === 'figure' ? { ...r, atLeast: false } : r)) })));
    expect(Math.max(...bars(without).map((b) => b.width))).toBeCloseTo(100, 1);
  });

  it("tradeRecordLayout(panels) marks partial periods, floors, the article's figures, exports-only and disputed figures", () => {
    const panels = panelsOf();
    const figures = figuresOf(panels);
    const layout = tradeRecordLayout(panels);
    for (const r of figures) {
      const bar = bars(layout).find((b) => b.id === r.id)!;
      expect(bar.partial, r.id).toBe(!!r.partial);
      expect(bar.article, r.id).toBe(!!r.article);
      expect(bar.atLeast, r.id).toBe(!!r.atLeast);
      expect(bar.exportsOnly, r.id).toBe(r.valueUsdMillions === undefined);
      expect(bar.valueText, r.id).toBe(valueText(r));
      if (r.partial) expect(r.label, r.id).toMatch(/· \d+ months$/);
    }
    // The record has each kind of mark at least once, so that each is drawn and tested.
    for (const k of ['partial', 'article', 'atLeast', 'exportsOnly'] as const) expect(bars(layout).some((b) => b[k]), k).toBe(true);
    expect(figures.some((r) => r.conflict)).toBe(true);
    const gaps = layout.panels.flatMap((p) => p.rows.filter((r) => r.type === 'gap').map((r) => r.label));
    expect(gaps).toEqual(panels.flatMap((p) => p.rows.filter((r) => r.type === 'gap').map((r) => r.label)));
  });

  it('tradeRecordLayout(panels) keeps proportion and stays inside its row for any values', () => {
    const value = fc.option(fc.double({ min: 0.5, max: 100_000, noNaN: true }), { nil: undefined });
    const row = fc.record({ v: value, x: fc.option(fc.double({ min: 0.1, max: 100_000, noNaN: true }), { nil: undefined }), atLeast: fc.boolean() });
    fc.assert(fc.property(fc.array(row, { minLength: 1, maxLength: 8 }), fc.array(row, { minLength: 0, maxLength: 8 }), (a, b) => {
      const toRows = (rows: typeof a, kind: string) => rows.map((r, i) => ({ type: 'figure' as const, id: `${kind}-${i}`, label: `${kind} ${i}`, valueUsdMillions: r.v ?? (r.x === undefined ? 1 : undefined), exportsUsdMillions: r.x, atLeast: r.atLeast }));
      const input: RecordPanelInput[] = [{ kind: 'calendar', heading: 'C', rows: toRows(a, 'c') }, { kind: 'fiscal', heading: 'F', rows: toRows(b, 'f') }];
      const l = tradeRecordLayout(input);
      for (const bar of bars(l)) {
        expect(Math.abs(bar.width - bar.value * l.percentPerMillion)).toBeLessThan(0.006);
        expect(bar.width).toBeGreaterThanOrEqual(0);
        // With the arrow of a floor, the bar and its arrow stay inside the row.
        expect(bar.width + (bar.atLeast ? FLOOR_ROOM : 0)).toBeLessThanOrEqual(100 + 0.006);
        if (bar.exportsWidth !== undefined) expect(bar.exportsWidth).toBeLessThanOrEqual(Math.max(bar.width, bar.exportsWidth));
      }
    }), { numRuns: 150 });
  });

  it('tradeRecordLayout(panels) refuses a record without figures, a negative value, and a row with no value at all, naming it', () => {
    expect(() => tradeRecordLayout([{ kind: 'calendar', heading: 'C', rows: [{ type: 'gap', id: 'g', label: 'none' }] }])).toThrow(/at least one figure/);
    expect(() => tradeRecordLayout([{ kind: 'calendar', heading: 'C', rows: [{ type: 'figure', id: 'neg', label: 'x', valueUsdMillions: -1 }] }])).toThrow(/"neg" must be a number at least 0, got -1/);
    expect(() => tradeRecordLayout([{ kind: 'calendar', heading: 'C', rows: [{ type: 'figure', id: 'none', label: 'x' }] }])).toThrow(/"none" has neither a total nor Pakistan's exports/);
  });

  it('valueText(row) says what the end of a bar stands for', () => {
    expect(valueText({ type: 'figure', id: 'a', label: 'x', valueUsdMillions: 945.87 })).toBe(formatUsd(945.87));
    expect(valueText({ type: 'figure', id: 'a', label: 'x', valueUsdMillions: 1000, atLeast: true, conflict: true })).toBe(`more than ${formatUsd(1000)} †`);
    expect(valueText({ type: 'figure', id: 'a', label: 'x', exportsUsdMillions: 45 })).toBe(`${formatUsd(45)}: Pakistan’s exports only`);
    // The exports drawn inside a total are said too: the inner bar is hidden from screen readers.
    expect(valueText({ type: 'figure', id: 'a', label: 'x', valueUsdMillions: 945.87, exportsUsdMillions: 171.94 })).toBe(`${formatUsd(945.87)}; Pakistan’s exports ${formatUsd(171.94)}`);
  });
});

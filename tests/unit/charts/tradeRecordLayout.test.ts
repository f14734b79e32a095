import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { tradeRecordLayout, valueText, RECORD_NARROW, RECORD_WIDE, type RecordBarInput, type RecordLayout, type RecordPanelInput } from '../../../src/lib/charts/tradeRecordLayout';
import { chartPanels } from '../../../src/lib/epilogue/tradeRecord';
import { readEdition } from '../../support/content';
import { labelProblems } from './bounds';
import { textBox } from '../../../src/lib/charts/textBox';

const { epilogue } = readEdition();
const panels = chartPanels(epilogue.trade, epilogue.figures.trade);
const figures = panels.flatMap((p) => p.rows.filter((r): r is RecordBarInput => r.type === 'figure'));
const SIZES = { narrow: RECORD_NARROW, wide: RECORD_WIDE, 'narrow at 280 px': { ...RECORD_NARROW, width: 280 } };

/** Every mark's vertical extent, by the panel it lies in; a mark that spans two panels would join them. */
function crossings(layout: RecordLayout): string[] {
  const panelOf = (y: number) => layout.panels.find((p) => y >= p.top - 0.01 && y <= p.bottom + 0.01)?.kind;
  const found: string[] = [];
  for (const l of layout.lines) {
    const a = panelOf(l.y1), b = panelOf(l.y2);
    if (a && b && a !== b) found.push(`line ${l.key}`);
  }
  for (const r of layout.rects) if (panelOf(r.y) !== panelOf(r.y + r.height)) found.push(`rect ${r.key}`);
  return found;
}

/** Every grid or zero line that runs through a label. */
function linesThroughLabels(layout: RecordLayout): string[] {
  const found: string[] = [];
  for (const l of layout.lines.filter((x) => x.className === 'chart-grid' || x.className === 'chart-baseline')) {
    for (const t of layout.texts) {
      const b = textBox(t);
      if (l.x1 > b.x0 && l.x1 < b.x1 && Math.max(l.y1, l.y2) > b.y0 && Math.min(l.y1, l.y2) < b.y1) found.push(`${l.key} × ${t.key}`);
    }
  }
  return found;
}

describe('tradeRecordLayout', () => {
  for (const [name, dims] of Object.entries(SIZES)) {
    const layout = tradeRecordLayout(panels, dims);

    it(`tradeRecordLayout(panels, ${name}) draws calendar and fiscal years in separate panels, one after the other, and joins nothing across them`, () => {
      expect(layout.panels.map((p) => p.kind)).toEqual(['calendar', 'fiscal']);
      const [cal, fis] = layout.panels;
      expect(cal!.bottom).toBeLessThan(fis!.top);
      for (const b of layout.bars) {
        const panel = layout.panels.find((p) => p.kind === b.kind)!;
        expect(b.y, b.id).toBeGreaterThanOrEqual(panel.rowsTop);
        expect(b.y + b.height, b.id).toBeLessThanOrEqual(panel.bottom);
      }
      // Each group's rows land in its own panel: no fiscal figure among the calendar ones.
      expect(layout.bars.filter((b) => b.kind === 'calendar').map((b) => b.id)).toEqual(panels[0]!.rows.filter((r) => r.type === 'figure').map((r) => r.id));
      expect(layout.bars.filter((b) => b.kind === 'fiscal').map((b) => b.id)).toEqual(panels[1]!.rows.filter((r) => r.type === 'figure').map((r) => r.id));
      // Bars, not a line: no mark runs from one panel into the other, and the layout has no path to join points.
      expect(crossings(layout)).toEqual([]);
      expect(Object.keys(layout)).not.toContain('paths');
    });

    it(`tradeRecordLayout(panels, ${name}) draws every bar from one zero in true proportion, across both panels`, () => {
      for (const r of figures) {
        const bar = layout.bars.find((b) => b.id === r.id)!;
        expect(bar.x).toBe(layout.zeroX);
        const value = r.valueUsdMillions ?? r.exportsUsdMillions!;
        expect(bar.width, r.id).toBeCloseTo(value * layout.pxPerMillion, 1);
        if (r.valueUsdMillions !== undefined && r.exportsUsdMillions !== undefined) {
          const inner = layout.rects.find((x) => x.key === `${r.id}-exports`)!;
          expect(inner.x).toBe(layout.zeroX);
          expect(inner.width / bar.width, r.id).toBeCloseTo(r.exportsUsdMillions / r.valueUsdMillions, 2);
        }
      }
      // The largest and the smallest totals, measured against each other on the page.
      const w = (id: string) => layout.bars.find((b) => b.id === id)!.width;
      expect(w('fy-2023-24') / w('fy-2024-25-jul-may')).toBeCloseTo(1810 / 236, 1);
      expect(w('cy-2023') / w('cy-2015')).toBeCloseTo(1000 / 381, 1);
      expect(layout.ticks[0]).toMatchObject({ value: 0, x: layout.zeroX });
    });

    it(`tradeRecordLayout(panels, ${name}) marks partial periods, floors, the article's figures, exports-only and disputed figures`, () => {
      for (const r of figures) {
        const rect = layout.rects.find((x) => x.key === r.id)!;
        expect(rect.className.includes('chart-bar--partial'), r.id).toBe(!!r.partial);
        expect(rect.className.includes('chart-bar--article'), r.id).toBe(!!r.article);
        if (r.partial) expect(r.label, r.id).toMatch(/· \d+ months$/);
      }
      const value = (id: string) => layout.texts.find((t) => t.key === `value-${id}`)!.text;
      expect(value('cy-2023')).toBe('more than $1bn');
      expect(layout.lines.filter((l) => l.key.startsWith('floor-cy-2023'))).toHaveLength(3);
      expect(value('cy-2025-jan-jul')).toBe('$45M: Pakistan’s exports only');
      expect(value('fy-2023-24')).toBe('$1.81bn †');
      expect(value('fy-2023-24-jul-may')).toBe('$1.04bn †');
      expect(value('fy-2022-23')).toBe('$920M');
      const gaps = layout.texts.filter((t) => t.className === 'chart-gap').map((t) => t.text);
      expect(gaps).toEqual(['2019: no figure found', '2021–2022: no figure found', '2024: no figure; accounts differ ‡']);
    });

    it(`tradeRecordLayout(panels, ${name}) keeps every label inside the chart, clear of every other label, bar and grid line`, () => {
      expect(labelProblems(layout)).toEqual([]);
      expect(linesThroughLabels(layout)).toEqual([]);
    });
  }

  it('tradeRecordLayout(panels, dims) puts labels above the bars on phones and beside them on wide figures', () => {
    const narrow = tradeRecordLayout(panels, RECORD_NARROW);
    const wide = tradeRecordLayout(panels, RECORD_WIDE);
    expect(narrow.zeroX).toBe(RECORD_NARROW.marginLeft);
    expect(wide.zeroX).toBeGreaterThan(RECORD_WIDE.width * 0.2);
    const label = (l: RecordLayout, id: string) => l.texts.find((t) => t.key === `label-${id}-0`)!;
    const bar = (l: RecordLayout, id: string) => l.bars.find((b) => b.id === id)!;
    expect(label(narrow, 'fy-2022-23').y).toBeLessThan(bar(narrow, 'fy-2022-23').y);
    expect(label(wide, 'fy-2022-23').y).toBeGreaterThan(bar(wide, 'fy-2022-23').y);
  });

  it('tradeRecordLayout(panels, dims) keeps proportion and labels apart for any values and labels, at any width from 280 to 900 px', () => {
    const row = fc.record({
      label: fc.string({ minLength: 1, maxLength: 40 }).filter((s) => s.trim().length > 0),
      value: fc.double({ min: 0.5, max: 50_000, noNaN: true }),
      exports: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }),
      atLeast: fc.boolean(),
      partial: fc.boolean(),
    });
    fc.assert(fc.property(fc.array(row, { minLength: 1, maxLength: 8 }), fc.array(row, { minLength: 1, maxLength: 8 }), fc.integer({ min: 280, max: 900 }), (a, b, width) => {
      const toPanel = (kind: 'calendar' | 'fiscal', rows: typeof a): RecordPanelInput => ({
        kind, heading: `${kind} heading`,
        rows: rows.map((r, i) => ({ type: 'figure', id: `${kind}-${i}`, label: r.label, valueUsdMillions: r.value, exportsUsdMillions: r.exports === undefined ? undefined : r.exports * r.value, atLeast: r.atLeast, partial: r.partial })),
      });
      const input = [toPanel('calendar', a), toPanel('fiscal', b)];
      const layout = tradeRecordLayout(input, { ...(width < 480 ? RECORD_NARROW : RECORD_WIDE), width });
      for (const bar of layout.bars) {
        const r = input.flatMap((p) => p.rows).find((x) => x.id === bar.id) as RecordBarInput;
        expect(Math.abs(bar.width - r.valueUsdMillions! * layout.pxPerMillion)).toBeLessThan(0.02);
      }
      expect(crossings(layout)).toEqual([]);
      expect(labelProblems(layout)).toEqual([]);
      expect(linesThroughLabels(layout)).toEqual([]);
    }), { numRuns: 150 });
  });

  it('valueText(row) says what the end of a bar stands for', () => {
    expect(valueText({ type: 'figure', id: 'a', label: 'x', valueUsdMillions: 945.87 })).toBe('$946M');
    expect(valueText({ type: 'figure', id: 'a', label: 'x', valueUsdMillions: 1000, atLeast: true, conflict: true })).toBe('more than $1bn †');
    expect(valueText({ type: 'figure', id: 'a', label: 'x', exportsUsdMillions: 45 })).toBe('$45M: Pakistan’s exports only');
  });
});

// The fluid charts' label rules on their own: where a label is drawn at a width, how it is kept inside the
// narrowest chart, and the check that finds labels over each other, over a bar or outside the chart.
import { describe, expect, it } from 'vitest';
import { CHART_WIDTHS_EM, fitLabel, fluidClashes, fluidTextBox, MIN_WIDTH_EM } from '../../../src/lib/charts/fitFluid';
import { textWidth } from '../../../src/lib/charts/textBox';
import type { FluidChart, FluidText } from '../../../src/lib/charts/dimensions';

const label = (over: Partial<FluidText>): FluidText => ({ key: 'l', x: 50, dx: 0, y: 2, text: 'MMMM', anchor: 'start', className: 'c', ...over });
/** The width of a label in ems, as the charts' text estimate measures it. */
const em = (text: string, bold = false) => textWidth(text, 100, bold ? { weight: 'bold' } : {}) / 100;

describe('fluidTextBox', () => {
  it('fluidTextBox(t, width) places the label at its share of the width, by its anchor, as wide as the text estimate says', () => {
    const w = em('MMMM');
    expect(w).toBeGreaterThan(0);
    expect(fluidTextBox(label({ anchor: 'start' }), 10)).toMatchObject({ x0: 5, x1: 5 + w });
    expect(fluidTextBox(label({ anchor: 'middle' }), 10)).toMatchObject({ x0: 5 - w / 2, x1: 5 + w / 2 });
    expect(fluidTextBox(label({ anchor: 'end' }), 10)).toMatchObject({ x0: 5 - w, x1: 5 });
    expect(fluidTextBox(label({ x: 25 }), 20)).toMatchObject({ x0: 5 });
    // Bold text is measured bold.
    const bold = fluidTextBox(label({ bold: true, text: 'abc' }), 10);
    expect(bold.x1 - bold.x0).toBeCloseTo(em('abc', true), 9);
    expect(em('abc', true)).toBeGreaterThan(em('abc'));
  });

  it('fluidTextBox(t, width) reaches from above the baseline (ascenders) to a little below it (descenders)', () => {
    const b = fluidTextBox(label({ y: 3 }), 10);
    expect(b.y0).toBeLessThan(3 - 0.5);
    expect(b.y1).toBeGreaterThan(3);
    expect(b.y1 - 3).toBeLessThan(3 - b.y0);
    expect(b.y1 - b.y0).toBeLessThanOrEqual(1.25);
  });

  it('fluidTextBox(t, width) nudges the label below the width it stands where it wishes from, and not from that width on', () => {
    const t = label({ dx: 1.5, unnudgedFromEm: 14 });
    expect(fluidTextBox(t, 13.99).x0).toBeCloseTo(13.99 / 2 + 1.5, 9);
    expect(fluidTextBox(t, 14).x0).toBe(7);
    expect(fluidTextBox(t, 20).x0).toBe(10);
    // A label nudged at every width.
    expect(fluidTextBox(label({ dx: -2 }), 30).x0).toBe(13);
  });
});

describe('fitLabel', () => {
  it('fitLabel(t, minWidth, chart) leaves a label that fits where it is, un-nudged at every width', () => {
    const fitted = fitLabel(label({ x: 10 }), MIN_WIDTH_EM, 'test');
    expect(fitted.dx).toBe(0);
    expect(fitted.unnudgedFromEm).toBeUndefined();
  });

  it('fitLabel(t, minWidth, chart) nudges a label off the left edge right, just enough, to the hundredth of an em', () => {
    const t = label({ x: 10, anchor: 'end' });
    const fitted = fitLabel(t, MIN_WIDTH_EM, 'test');
    const box = fluidTextBox(fitted, MIN_WIDTH_EM);
    expect(fitted.dx).toBeGreaterThan(0);
    expect(box.x0).toBeGreaterThanOrEqual(0);
    expect(box.x0).toBeLessThan(0.01);
  });

  it('fitLabel(t, minWidth, chart) nudges a label off the right edge left, just enough', () => {
    const fitted = fitLabel(label({ x: 90 }), MIN_WIDTH_EM, 'test');
    const box = fluidTextBox(fitted, MIN_WIDTH_EM);
    expect(fitted.dx).toBeLessThan(0);
    expect(box.x1).toBeLessThanOrEqual(MIN_WIDTH_EM);
    expect(box.x1).toBeGreaterThan(MIN_WIDTH_EM - 0.01);
  });

  it('fitLabel(t, minWidth, chart) lets a nudged label stand where it wishes from the first chart width at which it fits there, edge to edge included', () => {
    const w = em('MMMM');
    // Its right edge meets the right of a 20 em chart exactly; at 14 em it would run out.
    const right = fitLabel(label({ x: (1 - w / 20) * 100 }), MIN_WIDTH_EM, 'test');
    expect(fluidTextBox({ ...right, dx: 0 }, 20).x1).toBe(20);
    expect(right.unnudgedFromEm).toBe(20);
    // Its left edge meets the left of a 20 em chart exactly.
    const left = fitLabel(label({ x: (w / 20) * 100, anchor: 'end' }), MIN_WIDTH_EM, 'test');
    expect(fluidTextBox({ ...left, dx: 0 }, 20).x0).toBe(0);
    expect(left.unnudgedFromEm).toBe(20);
    // One that never fits where it wishes stays nudged at every width.
    const never = fitLabel(label({ x: 100 }), MIN_WIDTH_EM, 'test');
    expect(never.dx).toBeLessThan(0);
    expect(never.unnudgedFromEm).toBeUndefined();
    // One that fits at the narrowest of the widths takes it.
    const soon = fitLabel(label({ x: (1 - w / CHART_WIDTHS_EM[0]) * 100 - 1 }), MIN_WIDTH_EM, 'test');
    expect(soon.unnudgedFromEm).toBe(CHART_WIDTHS_EM[0]);
  });

  it('fitLabel(t, minWidth, chart) takes a label exactly as wide as the chart, and refuses a wider one naming it, the chart and both widths', () => {
    const w = em('MMMM');
    expect(fitLabel(label({ x: 0 }), w, 'trade').dx).toBe(0);
    expect(() => fitLabel(label({ x: 0 }), w - 0.01, 'trade'))
      .toThrow(new RangeError(`the label "MMMM" is too wide for the trade chart: it needs ${w.toFixed(1)} em and the chart may be ${w - 0.01} em wide`));
  });
});

describe('fluidClashes', () => {
  const chart = (texts: FluidText[], rects: FluidChart['rects'] = []): FluidChart => ({ heightEm: 10, minWidthEm: MIN_WIDTH_EM, rects, lines: [], texts });

  it('fluidClashes(chart) finds nothing in a chart whose labels stand apart, inside it and off its bars', () => {
    const c = chart([label({ key: 'a', x: 0, y: 2, text: 'ab' }), label({ key: 'b', x: 0, y: 4, text: 'ab' })], [{ key: 'bar', x: 50, y: 5, width: 10, height: 5, className: 'b' }]);
    expect(fluidClashes(c)).toEqual([]);
  });

  it('fluidClashes(chart) names two labels over each other, at every width it checks: the narrowest, and just below and at each wider one', () => {
    const c = chart([label({ key: 'a', x: 0, text: 'ab' }), label({ key: 'b', x: 0, text: 'ab' })]);
    expect(fluidClashes(c, [14])).toEqual([`a × b at ${MIN_WIDTH_EM} em`, 'a × b at 13.99 em', 'a × b at 14 em']);
    // Widths below the narrowest are not checked.
    expect(fluidClashes(c, [MIN_WIDTH_EM - 2, 14])).toEqual([`a × b at ${MIN_WIDTH_EM} em`, 'a × b at 13.99 em', 'a × b at 14 em']);
    // By default: each of the charts' widths, and four times the narrowest.
    expect(fluidClashes(c).map((m) => m.replace(/^a × b at /, ''))).toEqual([MIN_WIDTH_EM, ...[...CHART_WIDTHS_EM, MIN_WIDTH_EM * 4].flatMap((w) => [w - 0.01, w])].map((w) => `${w} em`));
  });

  it('fluidClashes(chart) tells labels that only touch from labels that overlap, across and down', () => {
    const w = em('ab');
    const side = chart([label({ key: 'a', x: 0, text: 'ab' }), label({ key: 'b', x: (w / MIN_WIDTH_EM) * 100, text: 'ab' })]);
    expect(fluidClashes(side, [])).toEqual([]);
    const over = chart([label({ key: 'a', x: 0, text: 'ab' }), label({ key: 'b', x: ((w - 0.05) / MIN_WIDTH_EM) * 100, text: 'ab' })]);
    expect(fluidClashes(over, [])).toEqual([`a × b at ${MIN_WIDTH_EM} em`]);
    const h = 0.8 + 0.25;
    const below = chart([label({ key: 'a', x: 0, y: 2, text: 'ab' }), label({ key: 'b', x: 0, y: 2 + h, text: 'ab' })]);
    expect(fluidClashes(below, [])).toEqual([]);
    const overlapping = chart([label({ key: 'a', x: 0, y: 2, text: 'ab' }), label({ key: 'b', x: 0, y: 2 + h - 0.05, text: 'ab' })]);
    expect(fluidClashes(overlapping, [])).toEqual([`a × b at ${MIN_WIDTH_EM} em`]);
    const aboveIt = chart([label({ key: 'a', x: 0, y: 2 + h - 0.05, text: 'ab' }), label({ key: 'b', x: 0, y: 2, text: 'ab' })]);
    expect(fluidClashes(aboveIt, [])).toEqual([`a × b at ${MIN_WIDTH_EM} em`]);
  });

  it('fluidClashes(chart) names a label outside the chart on each side, and not one on its edge', () => {
    const w = em('ab');
    const at = (over: Partial<FluidText>) => fluidClashes(chart([label({ key: 'a', text: 'ab', ...over })]), []);
    expect(at({ x: 0, dx: -0.1 })).toEqual([`a outside at ${MIN_WIDTH_EM} em`]);
    expect(at({ x: 100, dx: 0.1, anchor: 'end' })).toEqual([`a outside at ${MIN_WIDTH_EM} em`]);
    expect(at({ x: 100, anchor: 'start' })).toEqual([`a outside at ${MIN_WIDTH_EM} em`]);
    expect(at({ y: 0.7 })).toEqual([`a outside at ${MIN_WIDTH_EM} em`]);
    expect(at({ y: 9.8 })).toEqual([`a outside at ${MIN_WIDTH_EM} em`]);
    // On the edges: nothing.
    expect(at({ x: 0 })).toEqual([]);
    expect(at({ x: 100, anchor: 'end' })).toEqual([]);
    expect(at({ x: ((MIN_WIDTH_EM - w) / MIN_WIDTH_EM) * 100 })).toEqual([]);
    expect(at({ y: 0.8 })).toEqual([]);
    expect(at({ y: 10 - 0.25 })).toEqual([]);
  });

  it('fluidClashes(chart) names a label over a bar, the bar placed at its share of each width, and not a label beside it', () => {
    const bar = { key: 'b1', x: 50, y: 5, width: 25, height: 5, className: 'bar' };
    const at = (over: Partial<FluidText>, wider: number[] = []) => fluidClashes(chart([label({ key: 'a', text: 'ab', ...over })], [bar]), wider);
    expect(at({ x: 60, y: 7 })).toEqual([`a × bar b1 at ${MIN_WIDTH_EM} em`]);
    // Left of the bar, right of it, above it: clear.
    expect(at({ x: 50, y: 7, anchor: 'end' })).toEqual([]);
    expect(at({ x: 75, y: 7 })).toEqual([]);
    expect(at({ x: 60, y: 5 - 0.25 })).toEqual([]);
    // Over the bar's bottom part: a clash.
    expect(at({ x: 60, y: 10.2 })).toEqual(expect.arrayContaining([`a × bar b1 at ${MIN_WIDTH_EM} em`]));
    // The bar's right end is at 75 % of the width, at every width: a label starting at 74 % meets it at each.
    expect(at({ x: 74, y: 7 }, [40])).toEqual([MIN_WIDTH_EM, 39.99, 40].map((w) => `a × bar b1 at ${w} em`));
    // A label 2 em wide from 25 % ends exactly where a bar from 30 % begins at 40 em, and runs into it when narrower.
    expect(em('MM')).toBe(2);
    const near = fluidClashes(chart([label({ key: 'a', text: 'MM', x: 25, y: 7 })], [{ ...bar, x: 30 }]), [40]);
    expect(near).toEqual([`a × bar b1 at ${MIN_WIDTH_EM} em`, 'a × bar b1 at 39.99 em']);
  });
});

// The longest labels the schemas allow, drawn at 320 px in Chromium with the page's real fonts: every one stays inside
// its chart and clear of its neighbours. The schemas measure with the layouts' estimate (textBox.ts); this measures
// the page, so an estimate that set text narrower than the fonts do would fail here.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { launch, NARROW } from '../support/browser';
import { buildContent, copyContent, editYaml } from '../support/hostileContent';
import { serveStatic } from '../../scripts/lib/static-server.mjs';
import { DEAL_LABEL_MAX, DEAL_LABEL_ROOM } from '../../src/schemas/deals';
import { LIKELY_PERIOD_MAX, TRADE_LIKELY_ROOM, TRADE_PERIOD_ROOM } from '../../src/schemas/trade';
import { PERIOD_MAX } from '../../src/schemas/source';
import { labelWidth, type LabelRoom } from '../../src/schemas/fit';

/** The longest text made of `unit` repeated (cut to whole characters) that the rule for `room` admits, within `max` characters. */
function longest(unit: string, room: LabelRoom, max: number): string {
  const text = unit.repeat(Math.ceil(max / unit.length)).slice(0, max);
  for (let n = max; n > 0; n--) if (labelWidth(text.slice(0, n).trim(), room) <= room.room) return text.slice(0, n).trim();
  throw new Error(`nothing fits ${room.where}`);
}

// The widest capitals, the widest lower case, digits, and words as an editor writes them.
const LABELS = [longest('W', DEAL_LABEL_ROOM, DEAL_LABEL_MAX), longest('Mwm ', DEAL_LABEL_ROOM, DEAL_LABEL_MAX), longest('Offshore gas pipeline to 2030 ', DEAL_LABEL_ROOM, DEAL_LABEL_MAX)];
const PERIODS = [longest('W', TRADE_PERIOD_ROOM, PERIOD_MAX), longest('current year ', TRADE_PERIOD_ROOM, PERIOD_MAX)];
const LIKELY = [longest('M', TRADE_LIKELY_ROOM, LIKELY_PERIOD_MAX), longest('most likely 2017 ', TRADE_LIKELY_ROOM, LIKELY_PERIOD_MAX)];

let browser: Browser;
let site: Awaited<ReturnType<typeof serveStatic>>;
let outDir = '';

beforeAll(async () => {
  const copy = copyContent();
  try {
    editYaml(copy.dir, 'data/deals.yaml', (d) => {
      // A third row, so that every label is drawn at once.
      d.deals.push({ ...d.deals[0], id: 'third-pipeline' });
      d.deals.forEach((row: { label: string }, i: number) => { row.label = LABELS[i]!; });
    });
    editYaml(copy.dir, 'data/trade.yaml', (d) => {
      d.article.forEach((row: { period: string; likelyPeriod?: string }, i: number) => { row.period = PERIODS[i]!; row.likelyPeriod = LIKELY[i]!; });
    });
    const result = buildContent(copy.dir, 'bounds');
    outDir = result.outDir;
    if (result.status !== 0) throw new Error(`the build with the longest labels failed:\n${result.output.slice(-3000)}`);
  } finally {
    copy.remove();
  }
  site = await serveStatic(outDir, { headers: true });
  browser = await launch();
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await site?.close();
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

/** Every label of the charts shown at this width: outside its drawing, or overlapping another label of it. */
function measure(page: Page, figure: string) {
  return page.evaluate((id) => {
    const svg = [...document.querySelectorAll<SVGSVGElement>(`#${id} svg`)].find((s) => s.getBoundingClientRect().width > 0)!;
    const box = svg.getBoundingClientRect();
    const texts = [...svg.querySelectorAll('text')].map((t) => ({ text: t.textContent ?? '', cls: t.getAttribute('class') ?? '', r: t.getBoundingClientRect() }));
    const outside = texts.filter(({ r }) => r.left < box.left - 0.5 || r.right > box.right + 0.5 || r.top < box.top - 0.5 || r.bottom > box.bottom + 0.5).map((t) => t.text);
    const labels = texts.filter((t) => /chart-(label|sublabel)/.test(t.cls));
    const overlapping: string[] = [];
    labels.forEach((a, i) => labels.slice(i + 1).forEach((b) => {
      if (a.r.left < b.r.right && b.r.left < a.r.right && a.r.top < b.r.bottom && b.r.top < a.r.bottom) overlapping.push(`${a.text} × ${b.text}`);
    }));
    // Real width in the chart's own units, for the report.
    const scale = svg.viewBox.baseVal.width / box.width;
    return { outside, overlapping, drawn: texts.map((t) => t.text), widths: labels.map((t) => ({ text: t.text, width: Math.round(t.r.width * scale) })) };
  }, figure);
}

describe('the longest labels the schemas allow, at 320 px', () => {
  it('the deal-size chart draws every label, the widest allowed, inside the chart and clear of the others', async () => {
    const page = await (await browser.newContext(NARROW)).newPage();
    await page.goto(`${site.url}/`, { waitUntil: 'load' });
    const m = await measure(page, 'deal-size-chart');
    for (const label of LABELS) expect(m.drawn).toContain(label);
    expect(m.outside).toEqual([]);
    expect(m.overlapping).toEqual([]);
    // The page's fonts set each label no wider than the schema's estimate said.
    for (const label of LABELS) expect(m.widths.find((w) => w.text === label)!.width, label).toBeLessThanOrEqual(labelWidth(label, DEAL_LABEL_ROOM));
    await page.context().close();
  });

  it('the trade chart draws the widest periods and likely periods allowed inside the chart, side by side without touching', async () => {
    const page = await (await browser.newContext(NARROW)).newPage();
    await page.goto(`${site.url}/`, { waitUntil: 'load' });
    const m = await measure(page, 'trade-chart');
    for (const text of [...PERIODS.map((p) => `“${p}”`), ...LIKELY]) expect(m.drawn).toContain(text);
    expect(m.outside).toEqual([]);
    expect(m.overlapping).toEqual([]);
    await page.context().close();
  });
});

// The longest labels the schemas allow, set at 320 px in Chromium with the page's real fonts, at 100 % and 200 % text:
// every one stays inside its figure and clear of its neighbours. The labels are HTML that wraps, so the schemas bound
// them by characters; this measures what the page makes of the longest of them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { launch, NARROW, openAtTextSize } from '../support/browser';
import { buildContent, copyContent, editArticle, editYaml } from '../support/hostileContent';
import { serveStatic } from '../../scripts/lib/static-server.mjs';
import { DEAL_LABEL_MAX } from '../../src/schemas/deals';
import { LIKELY_PERIOD_MAX } from '../../src/schemas/trade';
import { SECTION_TITLE_MAX } from '../../src/lib/article/outline';

/** `unit` repeated to exactly `max` characters, ends trimmed. */
const longest = (unit: string, max: number) => unit.repeat(Math.ceil(max / unit.length)).slice(0, max).trim();

// The widest capitals (one unbroken word), the widest lower case, and words as an editor writes them.
const LABELS = [longest('W', DEAL_LABEL_MAX), longest('Mwm ', DEAL_LABEL_MAX), longest('Offshore gas pipeline to 2030 ', DEAL_LABEL_MAX)];
// The article's two periods are its own words ("last year", "current year"), which the number check holds them to.
const PERIODS = ['last year', 'current year'];
const LIKELY = [longest('M', LIKELY_PERIOD_MAX), longest('most likely 2017 ', LIKELY_PERIOD_MAX)];
// A section title of one word as long as the schema allows: it heads its section and names it in the contents.
const TITLE = longest('W', SECTION_TITLE_MAX);

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
      d.article.forEach((row: { likelyPeriod?: string }, i: number) => { row.likelyPeriod = LIKELY[i]!; });
    });
    editArticle(copy.dir, (mdx) => mdx.replace('title="Friendship drills and shared interests"', `title="${TITLE}"`));
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

/** Chromium at 320 px, the browser's text at `px`. */
const open = (px: number) => openAtTextSize(browser, NARROW, px, `${site.url}/`);

/** Every label of a figure as the page sets it: those outside the figure, and pairs that overlap. */
function measure(page: Page, figure: string, selector: string) {
  return page.evaluate(([id, sel]) => {
    const box = document.getElementById(id)!.getBoundingClientRect();
    const labels = [...document.querySelectorAll<HTMLElement>(`#${id} ${sel}`)].map((el) => ({ text: el.textContent ?? '', r: el.getBoundingClientRect() }));
    const outside = labels.filter(({ r }) => r.left < box.left - 0.5 || r.right > box.right + 0.5).map((t) => t.text);
    const overlapping: string[] = [];
    labels.forEach((a, i) => labels.slice(i + 1).forEach((b) => {
      if (a.r.left < b.r.right - 0.5 && b.r.left < a.r.right - 0.5 && a.r.top < b.r.bottom - 0.5 && b.r.top < a.r.bottom - 0.5) overlapping.push(`${a.text} × ${b.text}`);
    }));
    return { outside, overlapping, drawn: labels.map((t) => t.text), overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth };
  }, [figure, selector] as const);
}

describe('the longest labels the schemas allow, at 320 px', () => {
  for (const px of [16, 32]) {
    it(`the deal-size figure sets every label, the longest allowed, inside the figure and clear of the others, at ${px} px text`, async () => {
      const page = await open(px);
      const m = await measure(page, 'deal-size-chart', '.deal-name, .deal-value');
      for (const label of LABELS) expect(m.drawn).toContain(label);
      expect(m.outside).toEqual([]);
      expect(m.overlapping).toEqual([]);
      expect(m.overflow).toBe(0);
      await page.context().close();
    });

    it(`the trade figure sets the longest periods and likely periods allowed inside the figure, side by side without touching, at ${px} px text`, async () => {
      const page = await open(px);
      const m = await measure(page, 'trade-chart', '.chart-column-label, .chart-column-sublabel');
      for (const text of [...PERIODS.map((p) => `“${p}”`), ...LIKELY]) expect(m.drawn).toContain(text);
      expect(m.outside).toEqual([]);
      expect(m.overlapping).toEqual([]);
      expect(m.overflow).toBe(0);
      await page.context().close();
    });
  }

  for (const px of [16, 32]) {
    it(`a section title of one word as long as the schema allows breaks inside the column and the contents at ${px} px text; the page never scrolls sideways`, async () => {
      const page = await open(px);
      const m = await page.evaluate((title) => {
        const heading = [...document.querySelectorAll('.section-heading')].find((h) => h.textContent?.trim() === title)!;
        const column = heading.closest('section')!.getBoundingClientRect();
        const r = heading.getBoundingClientRect();
        return { found: !!heading, inside: r.left >= column.left - 0.5 && r.right <= column.right + 0.5, overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth };
      }, TITLE);
      expect(m.found).toBe(true);
      expect(m.inside).toBe(true);
      expect(m.overflow).toBe(0);
      await page.context().close();
    });
  }
});

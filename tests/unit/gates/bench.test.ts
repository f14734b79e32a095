import { describe, expect, it } from 'vitest';
import { BUDGETS, classify, evaluateBudgets, fastestLcp, median, medianRun, racingRequests, summarizeRequests } from '../../../scripts/bench/metrics.mjs';
import { attribution, definedElements, inlineScripts, makeControlPage } from '../../../scripts/bench/page.mjs';

const run = (over: Partial<{ lcp: number; tbt: number; cls: number; perf: number; total: number; js: number }> = {}) => {
  const summary = summarizeRequests([
    { url: 'http://h/', transferSize: 5000, resourceType: 'Document' },
    { url: 'http://h/_astro/a.css', transferSize: 3000, resourceType: 'Stylesheet' },
    { url: 'http://h/_astro/a.js', transferSize: over.js ?? 1000, resourceType: 'Script' },
    { url: 'http://h/f.woff2', transferSize: (over.total ?? 10_000) - 9000, resourceType: 'Font' },
  ]);
  return {
    scores: { performance: over.perf ?? 100, accessibility: 100, 'best-practices': 100, seo: 100 },
    fcp: 800, lcp: over.lcp ?? 1000, tbt: over.tbt ?? 0, cls: over.cls ?? 0, summary,
  };
};

describe('bench metrics', () => {
  it('median(values) takes the middle value, or the mean of the two middle ones', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(() => median([])).toThrow();
  });

  it('classify(request) sorts requests by resource type, MIME type and extension', () => {
    expect(classify({ url: 'http://h/', resourceType: 'Document' })).toBe('html');
    expect(classify({ url: 'http://h/x', mimeType: 'text/css' })).toBe('css');
    expect(classify({ url: 'http://h/_astro/x.js' })).toBe('js');
    expect(classify({ url: 'http://h/x.woff2' })).toBe('font');
    expect(classify({ url: 'http://h/og.png' })).toBe('image');
    expect(classify({ url: 'http://h/data.csv', resourceType: 'Fetch' })).toBe('other');
  });

  it('summarizeRequests(requests, inline) adds inline script bytes to JavaScript but not twice to the total', () => {
    const s = summarizeRequests([
      { url: 'http://h/', transferSize: 4000, resourceType: 'Document' },
      { url: 'http://h/a.js', transferSize: 700, resourceType: 'Script' },
    ], 300);
    expect(s.js).toBe(1000);
    expect(s.total).toBe(4700);
    expect(s.requests).toBe(2);
    expect(s.counts.js).toBe(1);
  });

  it('medianRun(runs) takes the median of each figure separately', () => {
    const m = medianRun([run({ lcp: 900 }), run({ lcp: 1500 }), run({ lcp: 1000, tbt: 40 })]);
    expect(m.lcp).toBe(1000);
    expect(m.tbt).toBe(0);
    expect(m.runs).toBe(3);
  });

  it('evaluateBudgets(ours, control) holds when every figure is within its budget', () => {
    const ours = medianRun([run({ lcp: 1050 })]);
    const control = medianRun([run()]);
    expect(evaluateBudgets(ours, control).filter((b) => !b.ok)).toEqual([]);
  });

  it('evaluateBudgets(ours, control) names each broken budget', () => {
    const control = medianRun([run()]);
    const broken = (over: Parameters<typeof run>[0]) =>
      evaluateBudgets(medianRun([run(over)]), control).filter((b) => !b.ok).map((b) => b.name);
    expect(broken({ lcp: 1000 * BUDGETS.lcpRatio + 1 })).toEqual(['LCP / control LCP']);
    expect(broken({ tbt: 1 })).toEqual(['TBT (ms)']);
    expect(broken({ cls: 0.001 })).toEqual(['CLS']);
    expect(broken({ perf: 99 })).toEqual(['Lighthouse performance']);
    expect(broken({ js: BUDGETS.jsBytes + 1, total: 20_000 })).toEqual(['JavaScript (bytes, compressed)']);
    expect(broken({ total: BUDGETS.totalBytes + 1 })).toEqual(['First-view transfer (bytes)']);
  });

  it('evaluateBudgets(ours, control, budgets, lcp) judges LCP on the figures it is given', () => {
    const control = medianRun([run()]);
    const ours = medianRun([run({ lcp: 1250 })]);
    const lcpOf = (reference: number) => evaluateBudgets(ours, control, BUDGETS, { page: 1250, reference, name: 'LCP / byte-matched control LCP' }).find((b) => b.name.startsWith('LCP'))!;
    // 1250 ms is 25 % over a 1000 ms control, but within 10 % of a byte-matched control at 1200 ms.
    expect(lcpOf(1200)).toMatchObject({ name: 'LCP / byte-matched control LCP', ok: true, value: 1.042 });
    expect(lcpOf(1100)).toMatchObject({ ok: false });
    expect(evaluateBudgets(ours, control).find((b) => b.name.startsWith('LCP'))).toMatchObject({ name: 'LCP / control LCP', ok: false });
  });

  it('racingRequests(runs) names the page\'s own requests that finished before the first paint in most runs', () => {
    const css = { path: '/_astro/a.css', priority: 'VeryHigh', type: 'Stylesheet' };
    const icon = { path: '/favicon.svg', priority: 'High', type: 'Other' };
    const script = { path: '/_astro/x.js', priority: 'Low', type: 'Script' };
    const manifest = { path: '/manifest.webmanifest', priority: 'Medium', type: 'Manifest' };
    const nested = { path: '/img/icons/x.png', priority: 'High', type: 'Image' };
    const lazy = { path: '/img/map.png', priority: 'Low', type: 'Image' };
    const runs = [[css, icon, script, nested, lazy], [css, script, manifest, nested, lazy], [css, icon, nested], [css, script], [css, icon]].map((beforePaint) => ({ beforePaint }));
    // A page's own image under some icons/ folder is not the browser's favicon fetch.
    expect(racingRequests(runs)).toEqual(['/_astro/x.js', '/img/icons/x.png']);
    const ours = { ...medianRun([run()]), racing: racingRequests(runs) };
    expect(evaluateBudgets(ours, medianRun([run()])).find((b) => b.name === 'Requests racing the first paint')).toMatchObject({ value: 2, ok: false });
  });

  it('fastestLcp(runs) takes the run no stray request slowed, whatever the order', () => {
    expect(fastestLcp([{ lcp: 1205 }, { lcp: 1055 }, { lcp: 1204 }])).toBe(1055);
    expect(() => fastestLcp([])).toThrow(/no runs/);
  });
});

describe('bench pages', () => {
  const html = `<!doctype html><html><head><meta http-equiv="content-security-policy" content="script-src 'self'">
    <link rel="stylesheet" href="/a.css"><link rel="canonical" href="https://h/"><script type="module" src="/_astro/x.js"></script></head>
    <body><main><p id="p1">Author text</p><figure id="trade" data-figure="trade"><svg><rect/></svg></figure>
    <script type="module">customElements.define('bloc-toc', class extends HTMLElement {});</script></main></body></html>`;

  it('makeControlPage(html) keeps text and CSS and drops scripts, figures and SVG', () => {
    const control = makeControlPage(html);
    expect(control).toContain('Author text');
    expect(control).toContain('href="/a.css"');
    expect(control).not.toMatch(/<script|<svg|<figure|content-security-policy|rel="canonical"/);
  });

  it('definedElements(js) finds the custom elements a script registers', () => {
    expect(definedElements("customElements.define(`bloc-a`,A);customElements.define('bloc-b', B)")).toEqual(['bloc-a', 'bloc-b']);
  });

  it('inlineScripts(html) measures only scripts written into the page', () => {
    const s = inlineScripts(html);
    expect(s).toHaveLength(1);
    expect(s[0]!.elements).toEqual(['bloc-toc']);
    expect(s[0]!.bytes).toBeGreaterThan(0);
  });

  it('attribution(html, requests) names requests, inline scripts and figures, heaviest first', () => {
    const rows = attribution(html, [{ url: 'http://h/_astro/x.js', transferSize: 5000, kind: 'js', body: "customElements.define('bloc-chart-tip',X)" }]);
    expect(rows[0]!.what).toContain('/_astro/x.js (defines bloc-chart-tip)');
    expect(rows.some((r) => r.what.includes('figure #trade'))).toBe(true);
    expect(rows.some((r) => r.what.includes('inline script') && r.what.includes('bloc-toc'))).toBe(true);
  });
});

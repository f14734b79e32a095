import { describe, expect, it } from 'vitest';
import { BUDGETS, classify, evaluateBudgets, layersReport, machineWasBusy, median, medianRun, racingRequests, ratio, summarizeRequests } from '../../../scripts/bench/metrics.mjs';
import { attribution, brotliSize, definedElements, htmlLayers, inlineScripts, makeControlPage, makePlainPage } from '../../../scripts/bench/page.mjs';
import { blockingMs, styleLayoutMs } from '../../../scripts/bench/phone.mjs';

type Phone = { elements: number; styleLayoutMs: number; blockingMs: number; resizeMs: number; printMs: number };
const PHONE: Phone = { elements: 300, styleLayoutMs: 60, blockingMs: 40, resizeMs: 20, printMs: 30 };
const run = (over: Partial<{ lcp: number; tbt: number; cls: number; perf: number; total: number; js: number; phone: Partial<Phone> }> = {}) => {
  const summary = summarizeRequests([
    { url: 'http://h/', transferSize: 5000, resourceType: 'Document' },
    { url: 'http://h/_astro/a.css', transferSize: 3000, resourceType: 'Stylesheet' },
    { url: 'http://h/_astro/a.js', transferSize: over.js ?? 1000, resourceType: 'Script' },
    { url: 'http://h/f.woff2', transferSize: (over.total ?? 10_000) - 9000, resourceType: 'Font' },
  ]);
  return {
    scores: { performance: over.perf ?? 100, accessibility: 100, 'best-practices': 100, seo: 100 },
    fcp: 800, lcp: over.lcp ?? 1000, tbt: over.tbt ?? 0, cls: over.cls ?? 0, summary,
    phone: { ...PHONE, ...over.phone },
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

  it('evaluateBudgets(ours, plain) holds when every figure is within its budget of the plain article', () => {
    const plain = medianRun([run()]);
    const ours = medianRun([run({ lcp: 1000 * BUDGETS.lcpRatio, phone: { styleLayoutMs: PHONE.styleLayoutMs * BUDGETS.styleLayoutRatio, blockingMs: PHONE.blockingMs * BUDGETS.blockingRatio, elements: BUDGETS.elements } })]);
    expect(evaluateBudgets(ours, plain).filter((b) => !b.ok)).toEqual([]);
  });

  it('evaluateBudgets(ours, plain) names each broken budget', () => {
    const plain = medianRun([run()]);
    const broken = (over: Parameters<typeof run>[0]) =>
      evaluateBudgets(medianRun([run(over)]), plain).filter((b) => !b.ok).map((b) => b.name);
    expect(broken({ lcp: 1000 * BUDGETS.lcpRatio + 1 })).toEqual(['LCP / plain article']);
    expect(broken({ tbt: 1 })).toEqual(['TBT (ms)']);
    expect(broken({ cls: 0.001 })).toEqual(['CLS']);
    expect(broken({ perf: 99 })).toEqual(['Lighthouse performance']);
    expect(broken({ js: BUDGETS.jsBytes + 1, total: 20_000 })).toEqual(['JavaScript on load (bytes, compressed)', 'JavaScript in all (bytes, compressed)']);
    expect(broken({ total: BUDGETS.totalBytes + 1 })).toEqual(['First-view transfer (bytes)']);
    expect(broken({ phone: { elements: BUDGETS.elements + 1 } })).toEqual(['Elements']);
    expect(broken({ phone: { styleLayoutMs: PHONE.styleLayoutMs * BUDGETS.styleLayoutRatio + 1 } })).toEqual(['Style + layout on load / plain (4× CPU)']);
    expect(broken({ phone: { blockingMs: PHONE.blockingMs * BUDGETS.blockingRatio + 1 } })).toEqual(['Blocking time / plain (4× CPU)']);
  });

  it('evaluateBudgets(ours, plain) judges the JavaScript in all too: a module fetched later still counts', () => {
    const plain = medianRun([run()]);
    const judged = (js: number, laterJs: number) => Object.fromEntries(
      evaluateBudgets({ ...medianRun([run({ js })]), laterJs }, plain).filter((b) => /^JavaScript/.test(b.name)).map((b) => [b.name, [b.value, b.ok]]),
    );
    // What moved out of the page's script into a later module leaves the load within budget, and the whole over it.
    expect(judged(BUDGETS.jsBytes - 500, 501)).toEqual({
      'JavaScript on load (bytes, compressed)': [BUDGETS.jsBytes - 500, true],
      'JavaScript in all (bytes, compressed)': [BUDGETS.jsBytes + 1, false],
    });
    expect(judged(BUDGETS.jsBytes - 500, 500)['JavaScript in all (bytes, compressed)']).toEqual([BUDGETS.jsBytes, true]);
  });

  it('ratio(value, reference) of a zero reference is 1 for zero and infinite otherwise', () => {
    expect(ratio(30, 10)).toBe(3);
    expect(ratio(0, 0)).toBe(1);
    expect(ratio(5, 0)).toBe(Infinity);
  });

  it('machineWasBusy(plainRun, earlier) blames the machine for slow layout or blocking time far past the plain article\'s own', () => {
    const clean = [run({ tbt: 40 }), run({ tbt: 60 }), run({ tbt: 140 })];
    expect(machineWasBusy(run({ tbt: 60 }), clean)).toBe(false);
    // Blocking time on the plain article is not zero on an idle machine: only twice its median and 100 ms more counts.
    expect(machineWasBusy(run({ tbt: 220 }), clean)).toBe(false);
    expect(machineWasBusy(run({ tbt: 221 }), clean)).toBe(true);
    expect(machineWasBusy(run({ phone: { styleLayoutMs: PHONE.styleLayoutMs * 1.5 } }), clean)).toBe(false);
    expect(machineWasBusy(run({ phone: { styleLayoutMs: PHONE.styleLayoutMs * 1.6 } }), clean)).toBe(true);
    // With fewer than two clean runs there is nothing to compare with.
    expect(machineWasBusy(run({ tbt: 999, phone: { styleLayoutMs: 999 } }), [run()])).toBe(false);
  });

  it('styleLayoutMs(metrics) adds style recalculation and layout, in milliseconds; blockingMs(tasks) counts what passes 50 ms', () => {
    expect(styleLayoutMs([{ name: 'RecalcStyleDuration', value: 0.012 }, { name: 'LayoutDuration', value: 0.03 }, { name: 'ScriptDuration', value: 1 }])).toBeCloseTo(42, 6);
    expect(blockingMs([40, 50, 80, 130])).toBe(110);
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
  });
});

describe('bench layers', () => {
  it('layersReport(layers) says what the first-view budget leaves for markup once words, stylesheets and script are paid', () => {
    const layers = [['words', 14_000], ['elements', 23_000], ['attributes', 29_000], ['drawings', 37_000], ['script', 43_000]]
      .map(([what, bytes]) => ({ what, bytes })) as Parameters<typeof layersReport>[0];
    const r = layersReport(layers, { cssBytes: 12_000 });
    expect(r.paid).toBe(14_000 + 12_000 + BUDGETS.jsBytes);
    expect(r.left).toBe(BUDGETS.totalBytes - r.paid);
    // Markup is what lies between the words and the script: elements, attributes and drawings.
    expect(r.markup).toBe(37_000 - 14_000);
    expect(r.lines).toHaveLength(6);
    expect(r.lines[0]).toMatch(/14000 {2}the words/);
    expect(r.lines.at(-1)).toContain(`leaving ${((BUDGETS.totalBytes - r.paid) / 1024).toFixed(1)} KB`);
    expect(r.lines.at(-1)).toContain('which take 22.5 KB now');
  });
});

describe('bench pages', () => {
  const html = `<!doctype html><html><head><meta http-equiv="content-security-policy" content="script-src 'self'">
    <link rel="stylesheet" href="/a.css"><link rel="canonical" href="https://h/"><script type="module" src="/_astro/x.js"></script>
    <script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"A headline long enough to weigh"}</script></head>
    <body><main><p id="p1">Author text</p><figure id="trade" data-figure="trade"><svg><rect/></svg></figure>
    <script type="module">customElements.define('bloc-toc', class extends HTMLElement {});</script></main></body></html>`;

  it('makeControlPage(html) keeps text and CSS and drops scripts, figures and SVG', () => {
    const control = makeControlPage(html);
    expect(control).toContain('Author text');
    expect(control).toContain('href="/a.css"');
    expect(control).not.toMatch(/<script|<svg|<figure|content-security-policy|rel="canonical"/);
  });

  it('makePlainPage(html, css) keeps the headline, byline, the author\'s words and bio in the site\'s type, and nothing the edition adds', () => {
    const page = `<!doctype html><html lang="en"><head><title>T</title></head><body><h1>Headline &amp; more</h1><span data-author-name>Yasir Habib Khan</span>
      <p data-para id="a">One <span data-editorial>?</span>word &lt;x&gt;.<sup data-editorial>1</sup></p><div class="note" data-editorial>A note</div>
      <p data-para id="b">Two.</p><figure data-figure="f"><svg></svg></figure><p data-bio>The writer is a journalist.</p><script>x()</script></body></html>`;
    const plain = makePlainPage(page, ':root{--measure:38rem}');
    expect(plain).toContain('<h1 class="headline">Headline &amp; more</h1>');
    expect(plain).toContain('By Yasir Habib Khan');
    expect(plain).toContain('<p class="para">One word &lt;x&gt;.</p>');
    expect(plain).toContain('<p class="para">Two.</p>');
    expect(plain).toContain('The writer is a journalist.');
    expect(plain).toContain(':root{--measure:38rem}');
    expect(plain).not.toMatch(/<script|<svg|<figure|A note|data-editorial|style="/);
  });

  it('definedElements(js) finds the custom elements a script registers', () => {
    expect(definedElements("customElements.define(`bloc-a`,A);customElements.define('bloc-b', B)")).toEqual(['bloc-a', 'bloc-b']);
  });

  it('inlineScripts(html) measures only scripts written into the page, and not data blocks such as JSON-LD', () => {
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

  it('htmlLayers(html) weighs the page in layers: its words, then their elements, attributes, drawings and script', () => {
    const words = 'Pakistan and Russia agreed on a pipeline from Karachi to Lahore in October 2015. '.repeat(3);
    const page = `<!doctype html><html><head><title>Title words</title><style>p{color:red}</style></head><body>
      <main id="m"><p class="para" data-para="a" aria-describedby="n1"><a href="#x">${words}</a></p>
      <figure data-figure="f"><svg viewBox="0 0 10 10"><title>Chart title</title><path d="M0,0L10,10L3,7L9,1Z"/><text x="1" y="2">Axis label</text></svg></figure>
      <template><p>Not yet shown</p></template></main>
      <script type="module">customElements.define('bloc-toc', class extends HTMLElement { connectedCallback() { this.hidden = false; } });</script></body></html>`;
    const layers = htmlLayers(page);
    expect(layers.map((l) => l.what)).toEqual(['words', 'elements', 'attributes', 'drawings', 'script']);
    // The words are the text a reader gets, in reading order, and nothing else: not the script, the style or a template.
    expect(layers[0]!.bytes).toBe(brotliSize(`Title words ${words.trim()} Chart title Axis label`));
    // Each layer holds the one before it, and the last is the page as served.
    for (let i = 1; i < layers.length; i++) expect(layers[i]!.bytes, layers[i]!.what).toBeGreaterThan(layers[i - 1]!.bytes);
    expect(layers.at(-1)!.bytes).toBe(brotliSize(page));
  });
});

// Pure logic of the benchmark: medians, request classification, budgets and the printed report.

export const KB = 1024;

/**
 * Budgets for the mobile run, against the plain article (the author's text in the site's type, nothing the
 * edition adds), medians of interleaved runs; bytes are compressed bytes on the wire.
 */
export const BUDGETS = {
  score: 100,
  cls: 0,
  tbtMs: 0,
  /** Largest Contentful Paint, Lighthouse mobile, page / plain article. */
  lcpRatio: 1.25,
  /** Elements in the page, counted in Chromium. */
  elements: 1100,
  /** Style and layout on load at 390 px with the CPU slowed 4×, page / plain article. */
  styleLayoutRatio: 4,
  /** Blocking time on load at 390 px with the CPU slowed 4×, page / plain article. */
  blockingRatio: 2,
  /**
   * The enhancements' JavaScript, compressed: what the page runs on load, and the same budget for everything it
   * runs, the modules it fetches when the reader first asks for them included ("in total", as the budget was set).
   */
  jsBytes: 3 * KB,
  totalBytes: 36 * KB,
};

export const KINDS = ['html', 'css', 'js', 'font', 'image', 'other'];

/** @param {number[]} values */
export function median(values) {
  if (values.length === 0) throw new Error('median of no values');
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/**
 * The kind of a request, from Lighthouse's resource type, then its MIME type, then its extension.
 * @param {{ url: string, resourceType?: string, mimeType?: string }} request
 */
export function classify({ url, resourceType = '', mimeType = '' }) {
  const path = (() => { try { return new URL(url).pathname; } catch { return url; } })();
  const type = resourceType.toLowerCase();
  if (type === 'document' || /text\/html/.test(mimeType)) return 'html';
  if (type === 'stylesheet' || /text\/css/.test(mimeType) || /\.css$/.test(path)) return 'css';
  if (type === 'script' || /javascript/.test(mimeType) || /\.m?js$/.test(path)) return 'js';
  if (type === 'font' || /^font\//.test(mimeType) || /\.(woff2?|ttf|otf)$/.test(path)) return 'font';
  if (type === 'image' || /^image\//.test(mimeType) || /\.(png|jpe?g|gif|webp|avif|svg|ico)$/.test(path)) return 'image';
  return 'other';
}

/**
 * Bytes and requests by kind for one page load. Inline scripts travel inside the HTML; their
 * compressed size is counted as JavaScript too (`inlineJsBytes`), as the budget is for the whole page.
 * @param {{ url: string, transferSize: number, resourceType?: string, mimeType?: string }[]} requests
 * @param {number} [inlineJsBytes]
 */
export function summarizeRequests(requests, inlineJsBytes = 0) {
  const bytes = Object.fromEntries(KINDS.map((k) => [k, 0]));
  const counts = Object.fromEntries(KINDS.map((k) => [k, 0]));
  for (const r of requests) {
    const kind = classify(r);
    bytes[kind] += r.transferSize ?? 0;
    counts[kind] += 1;
  }
  const total = KINDS.reduce((sum, k) => sum + bytes[k], 0);
  return { bytes, counts, requests: requests.length, total, js: bytes.js + inlineJsBytes, inlineJs: inlineJsBytes };
}

/**
 * The median of each figure across runs of one page.
 * @param {{ scores: Record<string, number>, fcp: number, lcp: number, tbt: number, cls: number, summary: ReturnType<typeof summarizeRequests> }[]} runs
 */
export function medianRun(runs) {
  const m = (f) => median(runs.map(f));
  const scores = Object.fromEntries(Object.keys(runs[0].scores).map((k) => [k, m((r) => r.scores[k])]));
  return {
    runs: runs.length,
    scores,
    fcp: m((r) => r.fcp),
    lcp: m((r) => r.lcp),
    tbt: m((r) => r.tbt),
    cls: m((r) => r.cls),
    bytes: Object.fromEntries(KINDS.map((k) => [k, m((r) => r.summary.bytes[k])])),
    requests: m((r) => r.summary.requests),
    total: m((r) => r.summary.total),
    js: m((r) => r.summary.js),
    inlineJs: m((r) => r.summary.inlineJs),
    // Where the main thread's time went (simulated mobile CPU), to tell script cost from parsing and layout.
    elements: m((r) => r.elements ?? Number.NaN),
    scriptMs: m((r) => r.mainThread?.script ?? Number.NaN),
    styleLayoutMs: m((r) => r.mainThread?.styleLayout ?? Number.NaN),
    parseHtmlMs: m((r) => r.mainThread?.parseHtml ?? Number.NaN),
    // Chromium at 390 px, CPU slowed 4× (phone.mjs).
    phone: r0(runs[0].phone) ? {
      elements: m((r) => r.phone.elements),
      styleLayoutMs: m((r) => r.phone.styleLayoutMs),
      blockingMs: m((r) => r.phone.blockingMs),
      resizeMs: m((r) => r.phone.resizeMs),
      printMs: m((r) => r.phone.printMs),
    } : undefined,
  };
}
const r0 = (x) => x !== undefined && x !== null;

/** A ratio of two measures, where a zero reference makes any nonzero figure infinitely larger. */
export function ratio(value, reference) {
  if (reference === 0) return value === 0 ? 1 : Infinity;
  return value / reference;
}

/**
 * Whether a run of the plain article shows the machine, not the page. Its style and layout work (measured in
 * Chromium, not simulated) never changes: half as long again as its median over the clean runs so far means the
 * CPU was shared. Its blocking time is not zero even on an idle machine (Lighthouse multiplies the parsing and
 * layout of its one long task by the simulated slowdown: 24 to 140 ms measured here), so only a figure far past
 * its median (twice it and 100 ms more) counts. With fewer than two clean runs there is nothing to compare with.
 * @param {{ tbt: number, phone?: { styleLayoutMs: number } }} plainRun
 * @param {{ tbt: number, phone?: { styleLayoutMs: number } }[]} earlier clean runs of the plain article
 */
export function machineWasBusy(plainRun, earlier) {
  const layout = earlier.map((r) => r.phone?.styleLayoutMs).filter((x) => x !== undefined);
  if (earlier.length < 2) return false;
  if (plainRun.phone !== undefined && layout.length >= 2 && plainRun.phone.styleLayoutMs > 1.5 * median(layout)) return true;
  return plainRun.tbt > 2 * median(earlier.map((r) => r.tbt)) + 100;
}

/**
 * Requests that finished before the first paint in most runs, other than the page's stylesheets (linked in
 * its head and requested together: the ones the paint waits for, and the print ones beside them), the icons
 * the browser fetches by itself, and low-priority images (which Lighthouse leaves out of LCP itself): the
 * page's own requests that lengthen its LCP.
 * @param {{ beforePaint?: { path: string, priority: string, type: string }[] }[]} runs
 */
export function racingRequests(runs) {
  const exempt = (b) => b.type === 'Stylesheet'
    || /^\/(favicon\.[a-z]+|apple-touch-icon\.png|icons\/[^/]+)$/.test(b.path)
    || (b.type === 'Image' && /^(Low|VeryLow)$/.test(b.priority));
  const counts = new Map();
  for (const run of runs) {
    for (const path of new Set((run.beforePaint ?? []).filter((b) => !exempt(b)).map((b) => b.path))) {
      counts.set(path, (counts.get(path) ?? 0) + 1);
    }
  }
  return [...counts].filter(([, n]) => n * 2 > runs.length).map(([path]) => path).sort();
}

/**
 * Every budget with its measured value and whether it holds: Lighthouse's scores, CLS and TBT for the page
 * alone, and LCP, style and layout work and blocking time as ratios to the plain article.
 * @param {ReturnType<typeof medianRun> & { laterJs?: number }} ours `laterJs`: the compressed bytes of the modules the
 *   page fetches only when the reader first needs them.
 * @param {ReturnType<typeof medianRun>} plain
 * @param {typeof BUDGETS} [budgets]
 */
export function evaluateBudgets(ours, plain, budgets = BUDGETS) {
  const lcpRatio = ratio(ours.lcp, plain.lcp);
  const rows = [
    ...Object.entries(ours.scores).map(([name, score]) => ({
      name: `Lighthouse ${name}`, value: score, limit: `= ${budgets.score}`, ok: score >= budgets.score,
    })),
    { name: 'CLS', value: ours.cls, limit: `= ${budgets.cls}`, ok: ours.cls <= budgets.cls },
    { name: 'TBT (ms)', value: ours.tbt, limit: `= ${budgets.tbtMs}`, ok: ours.tbt <= budgets.tbtMs },
    { name: 'LCP / plain article', value: round(lcpRatio, 3), limit: `≤ ${budgets.lcpRatio}`, ok: Number.isFinite(lcpRatio) && lcpRatio <= budgets.lcpRatio },
  ];
  if (ours.phone && plain.phone) {
    const styleLayout = ratio(ours.phone.styleLayoutMs, plain.phone.styleLayoutMs);
    const blocking = ratio(ours.phone.blockingMs, plain.phone.blockingMs);
    rows.push(
      { name: 'Elements', value: ours.phone.elements, limit: `≤ ${budgets.elements}`, ok: ours.phone.elements <= budgets.elements },
      { name: 'Style + layout on load / plain (4× CPU)', value: round(styleLayout, 2), limit: `≤ ${budgets.styleLayoutRatio}`, ok: styleLayout <= budgets.styleLayoutRatio },
      { name: 'Blocking time / plain (4× CPU)', value: round(blocking, 2), limit: `≤ ${budgets.blockingRatio}`, ok: blocking <= budgets.blockingRatio },
    );
  }
  // Moving code into a module fetched later lowers the first row and raises the second: each is judged.
  const allJs = ours.js + (ours.laterJs ?? 0);
  rows.push(
    { name: 'JavaScript on load (bytes, compressed)', value: ours.js, limit: `≤ ${budgets.jsBytes}`, ok: ours.js <= budgets.jsBytes },
    { name: 'JavaScript in all (bytes, compressed)', value: allJs, limit: `≤ ${budgets.jsBytes}`, ok: allJs <= budgets.jsBytes },
    { name: 'First-view transfer (bytes)', value: ours.total, limit: `≤ ${budgets.totalBytes}`, ok: ours.total <= budgets.totalBytes },
  );
  return rows;
}

const LAYER_NAMES = {
  words: 'the words a reader gets, alone',
  elements: 'in their elements, with links and ids',
  attributes: 'with every attribute, the metadata and inline styles',
  drawings: 'with the drawings (inline SVG)',
  script: 'with the script: the HTML as served',
};

/**
 * The HTML's layers (`htmlLayers` of bench/page.mjs) as report lines, and what the first-view budget leaves for
 * markup once the words, the stylesheets and the JavaScript budget are paid: below zero, no markup can meet it.
 * @param {{ what: keyof typeof LAYER_NAMES, bytes: number }[]} layers
 * @param {{ cssBytes: number, budgets?: typeof BUDGETS }} options
 */
export function layersReport(layers, { cssBytes, budgets = BUDGETS }) {
  const at = (what) => layers.find((l) => l.what === what).bytes;
  const paid = at('words') + cssBytes + budgets.jsBytes;
  const left = budgets.totalBytes - paid;
  const markup = at('drawings') - at('words');
  const lines = layers.map((l) => `  ${String(l.bytes).padStart(7)}  ${LAYER_NAMES[l.what]}`);
  lines.push(
    `  The words (${kb(at('words'))}), the stylesheets (${kb(cssBytes)}) and the JavaScript budget (${kb(budgets.jsBytes)}) come to ${kb(paid)}`
    + ` of the ${kb(budgets.totalBytes)} first-view budget, leaving ${kb(left)} for every element, attribute and drawing, which take ${kb(markup)} now.`,
  );
  return { paid, left, markup, lines };
}

export function round(n, digits = 0) {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

export function kb(bytes) {
  return `${(bytes / KB).toFixed(1)} KB`;
}

/**
 * The plain-text report printed by `npm run bench`: the page beside the plain article (every ratio against
 * it), the zero-JavaScript control and the control padded to the page's HTML size.
 */
export function formatReport({ build, ours, plain, control, padded, budgets, attribution = [], layers }) {
  const pad = (s, n) => String(s).padEnd(n);
  const padL = (s, n) => String(s).padStart(n);
  const lines = [];
  lines.push(`Build: ${round(build.seconds, 1)} s; dist/: ${kb(build.distBytes)} in ${build.distFiles} files (uncompressed)`);
  lines.push(`Lighthouse ${build.lighthouse}, mobile preset; Chromium at 390 px with the CPU slowed ${build.cpuSlowdown}×; ${ours.runs} interleaved runs each, medians`);
  lines.push('');
  lines.push(`${pad('', 38)}${padL('page', 9)}${padL('plain', 9)}${padL('×plain', 8)}${padL('no-JS', 9)}${padL('×no-JS', 8)}${padL('padded', 9)}`);
  const ratioText = (a, b) => (Number.isFinite(a) && Number.isFinite(b) && b ? round(a / b, 2).toFixed(2) : '');
  const row = (label, get, withRatio = true) => {
    const [a, p, c, d] = [ours, plain, control, padded].map((x) => (x ? get(x) : Number.NaN));
    const f = (v) => (Number.isFinite(v) ? round(v, v < 10 && v % 1 ? 3 : 0) : '');
    lines.push(`${pad(label, 38)}${padL(f(a), 9)}${padL(f(p), 9)}${padL(withRatio ? ratioText(a, p) : '', 8)}${padL(f(c), 9)}${padL(withRatio ? ratioText(a, c) : '', 8)}${padL(f(d), 9)}`);
  };
  for (const k of Object.keys(ours.scores)) row(`score: ${k}`, (x) => x.scores[k], false);
  row('FCP (ms)', (x) => x.fcp);
  row('LCP (ms)', (x) => x.lcp);
  row('TBT (ms)', (x) => x.tbt, false);
  row('CLS', (x) => x.cls, false);
  for (const k of KINDS) row(`bytes: ${k}`, (x) => x.bytes[k], false);
  row('JavaScript incl. inline (bytes)', (x) => x.js, false);
  row('first-view transfer (bytes)', (x) => x.total);
  row('requests', (x) => x.requests, false);
  row('phone: elements', (x) => x.phone?.elements ?? Number.NaN);
  row('phone: style + layout on load (ms)', (x) => x.phone?.styleLayoutMs ?? Number.NaN);
  row('phone: blocking time on load (ms)', (x) => x.phone?.blockingMs ?? Number.NaN);
  row('phone: style + layout per resize (ms)', (x) => x.phone?.resizeMs ?? Number.NaN);
  row('phone: style + layout to print (ms)', (x) => x.phone?.printMs ?? Number.NaN);
  row('Lighthouse: script (ms)', (x) => x.scriptMs, false);
  row('Lighthouse: style, layout (ms)', (x) => x.styleLayoutMs);
  row('Lighthouse: parse HTML (ms)', (x) => x.parseHtmlMs);
  lines.push('');
  lines.push('Budgets (against the plain article):');
  for (const b of budgets) lines.push(`  ${b.ok ? 'ok  ' : 'FAIL'} ${pad(b.name, 40)} ${padL(round(b.value, 3), 10)}  ${b.limit}`);
  if (layers) {
    lines.push('');
    lines.push('The HTML in layers (bytes, compressed; each holds the one before):');
    lines.push(...layersReport(layers, { cssBytes: ours.bytes.css }).lines);
  }
  if (attribution.length) {
    lines.push('');
    lines.push('Where the bytes go (compressed):');
    for (const a of attribution) lines.push(`  ${padL(a.bytes, 7)}  ${a.what}`);
  }
  return lines.join('\n');
}

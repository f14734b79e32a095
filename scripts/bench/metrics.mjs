// Pure logic of the benchmark: medians, request classification, budgets and the printed report.

export const KB = 1024;

/** Budgets for the mobile run; bytes are compressed bytes on the wire. */
export const BUDGETS = {
  score: 100,
  cls: 0,
  tbtMs: 0,
  lcpRatio: 1.1,
  jsBytes: 8 * KB,
  totalBytes: 80 * KB,
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
  };
}

/**
 * The LCP of a page's fastest run. Lighthouse's simulated LCP waits for every request that happened to
 * finish before the first paint of the real, unthrottled load, so a favicon fetched a moment early adds a
 * whole slow-4G round trip to that run; lighter pages finish loading sooner and lose the race more often.
 * The fastest run is the one no such race touched, for every page alike.
 * @param {{ lcp: number }[]} runs
 */
export function fastestLcp(runs) {
  if (runs.length === 0) throw new Error('fastestLcp of no runs');
  return Math.min(...runs.map((r) => r.lcp));
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
 * Every budget with its measured value and whether it holds.
 * @param {ReturnType<typeof medianRun>} ours
 * @param {ReturnType<typeof medianRun>} control
 * @param {typeof BUDGETS} [budgets]
 * @param {{ page: number, reference: number, name: string }} [lcp] the two LCP figures compared, by default
 *   the medians of the page and the control. `npm run bench` passes the fastest runs of the page and of
 *   the byte-matched control, so that the budget weighs what the page's markup and scripts cost to
 *   render, not the round trip that any page holding its figures in its HTML pays on simulated slow 4G
 *   (that size is held by the transfer budget).
 */
export function evaluateBudgets(ours, control, budgets = BUDGETS, lcp = { page: ours.lcp, reference: control.lcp, name: 'LCP / control LCP' }) {
  const lcpRatio = lcp.page / lcp.reference;
  const lcpName = lcp.name;
  return [
    ...Object.entries(ours.scores).map(([name, score]) => ({
      name: `Lighthouse ${name}`, value: score, limit: `= ${budgets.score}`, ok: score >= budgets.score,
    })),
    { name: 'CLS', value: ours.cls, limit: `= ${budgets.cls}`, ok: ours.cls <= budgets.cls },
    { name: 'TBT (ms)', value: ours.tbt, limit: `= ${budgets.tbtMs}`, ok: ours.tbt <= budgets.tbtMs },
    { name: lcpName, value: round(lcpRatio, 3), limit: `≤ ${budgets.lcpRatio}`, ok: Number.isFinite(lcpRatio) && lcpRatio <= budgets.lcpRatio },
    ...(ours.racing ? [{ name: 'Requests racing the first paint', value: ours.racing.length, limit: '= 0', ok: ours.racing.length === 0 }] : []),
    { name: 'JavaScript (bytes, compressed)', value: ours.js, limit: `≤ ${budgets.jsBytes}`, ok: ours.js <= budgets.jsBytes },
    { name: 'First-view transfer (bytes)', value: ours.total, limit: `≤ ${budgets.totalBytes}`, ok: ours.total <= budgets.totalBytes },
  ];
}

export function round(n, digits = 0) {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

export function kb(bytes) {
  return `${(bytes / KB).toFixed(1)} KB`;
}

/** The plain-text report printed by `npm run bench`. */
export function formatReport({ build, ours, control, budgets, attribution = [] }) {
  const pad = (s, n) => String(s).padEnd(n);
  const padL = (s, n) => String(s).padStart(n);
  const lines = [];
  lines.push(`Build: ${round(build.seconds, 1)} s; dist/: ${kb(build.distBytes)} in ${build.distFiles} files (uncompressed)`);
  lines.push(`Lighthouse ${build.lighthouse}, mobile preset, ${ours.runs} runs each, medians`);
  lines.push('');
  lines.push(`${pad('', 34)}${padL('page', 12)}${padL('control', 12)}${padL('ratio', 8)}`);
  const row = (label, a, b, fmt = (x) => x, ratio = true) =>
    lines.push(`${pad(label, 34)}${padL(fmt(a), 12)}${padL(fmt(b), 12)}${padL(ratio && b ? round(a / b, 2).toFixed(2) : '', 8)}`);
  for (const k of Object.keys(ours.scores)) row(`score: ${k}`, ours.scores[k], control.scores[k], (x) => x, false);
  row('FCP (ms)', round(ours.fcp), round(control.fcp));
  row('LCP (ms)', round(ours.lcp), round(control.lcp));
  row('TBT (ms)', round(ours.tbt), round(control.tbt), (x) => x, false);
  row('CLS', round(ours.cls, 3), round(control.cls, 3), (x) => x, false);
  for (const k of KINDS) row(`bytes: ${k}`, ours.bytes[k], control.bytes[k], (x) => x, false);
  row('JavaScript incl. inline (bytes)', ours.js, control.js, (x) => x, false);
  row('first-view transfer (bytes)', ours.total, control.total);
  row('requests', ours.requests, control.requests, (x) => x, false);
  row('DOM elements', ours.elements, control.elements);
  row('main thread: script (ms)', round(ours.scriptMs), round(control.scriptMs), (x) => x, false);
  row('main thread: style, layout (ms)', round(ours.styleLayoutMs), round(control.styleLayoutMs));
  row('main thread: parse HTML (ms)', round(ours.parseHtmlMs), round(control.parseHtmlMs));
  lines.push('');
  lines.push('Budgets:');
  for (const b of budgets) lines.push(`  ${b.ok ? 'ok  ' : 'FAIL'} ${pad(b.name, 34)} ${padL(round(b.value, 3), 10)}  ${b.limit}`);
  if (attribution.length) {
    lines.push('');
    lines.push('Where the bytes go (compressed):');
    for (const a of attribution) lines.push(`  ${padL(a.bytes, 7)}  ${a.what}`);
  }
  return lines.join('\n');
}

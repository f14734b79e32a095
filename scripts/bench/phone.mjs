// What a page costs a low-end phone: Chromium at 390 px with its CPU slowed four times, read through the
// DevTools protocol: elements, style and layout work on load, blocking time, and the cost of crossing a
// width breakpoint and of preparing to print.

/** CPU slowdown of a low-end phone against this machine, as Lighthouse's mobile preset assumes. */
export const CPU_SLOWDOWN = 4;
export const PHONE_VIEWPORT = { width: 390, height: 844 };
/** A width on the other side of every container-query breakpoint the page's figures use. */
export const WIDE_VIEWPORT = { width: 1280, height: 844 };

/** Milliseconds of style recalculation and layout in a `Performance.getMetrics` reply. */
export function styleLayoutMs(metrics) {
  const m = Object.fromEntries(metrics.map((x) => [x.name, x.value]));
  return ((m.RecalcStyleDuration ?? 0) + (m.LayoutDuration ?? 0)) * 1000;
}

/** Total blocking time of a list of long tasks: what each spends past 50 ms. */
export function blockingMs(durations) {
  return durations.reduce((sum, d) => sum + Math.max(0, d - 50), 0);
}

/**
 * Loads `url` in a fresh phone context of `browser` (playwright-core) and measures it.
 * @param {import('playwright-core').Browser} browser
 * @param {string} url
 */
export async function phoneMetrics(browser, url) {
  const context = await browser.newContext({ viewport: PHONE_VIEWPORT, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
    await page.addInitScript(() => {
      const w = /** @type {any} */ (window);
      w.__longTasks = [];
      new PerformanceObserver((list) => { for (const e of list.getEntries()) w.__longTasks.push(e.duration); }).observe({ type: 'longtask', buffered: true });
    });
    await page.goto(url, { waitUntil: 'load' });
    // Let scripts that wait for idle time run: what they cost counts toward the load.
    await page.evaluate(() => new Promise((done) => requestIdleCallback(() => done(undefined), { timeout: 10_000 })));
    const layout = () => page.evaluate(() => document.body.getBoundingClientRect().height);
    const read = async () => styleLayoutMs((await cdp.send('Performance.getMetrics')).metrics);
    await layout();
    const onLoad = await read();
    const elements = await page.evaluate(() => document.getElementsByTagName('*').length);
    const longTasks = await page.evaluate(() => /** @type {any} */ (window).__longTasks);

    // Across the breakpoints and back: the mean of the two crossings.
    await page.setViewportSize(WIDE_VIEWPORT);
    await layout();
    await page.setViewportSize(PHONE_VIEWPORT);
    await layout();
    const afterResize = await read();

    await page.emulateMedia({ media: 'print' });
    await layout();
    const afterPrint = await read();
    return {
      elements,
      styleLayoutMs: onLoad,
      blockingMs: blockingMs(longTasks),
      resizeMs: (afterResize - onLoad) / 2,
      printMs: afterPrint - afterResize,
    };
  } finally {
    await context.close();
  }
}

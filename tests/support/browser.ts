// Launches Chromium for the browser layer; a missing browser fails the run, never skips it.
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { inject } from 'vitest';
import { findBrowser, HOW_TO_GET_A_BROWSER } from '../../scripts/find-browser.mjs';

/** `extraArgs`: further Chromium switches, e.g. `--enable-caret-browsing` for selecting text from the keyboard. */
export async function launch(extraArgs: string[] = []): Promise<Browser> {
  const executablePath: string | undefined = await findBrowser();
  if (!executablePath) throw new Error(HOW_TO_GET_A_BROWSER);
  return chromium.launch({
    executablePath,
    headless: true,
    args: [
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
      '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
      ...extraArgs,
    ],
  });
}

export function url(path = '/'): string {
  return new URL(path, inject('baseUrl')).toString();
}

export const PHONE: BrowserContextOptions = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
export const NARROW: BrowserContextOptions = { viewport: { width: 320, height: 640 }, isMobile: true, hasTouch: true };
export const DESKTOP: BrowserContextOptions = { viewport: { width: 1280, height: 900 } };

/** The page with the reader's text size set in the browser's preferences (32 px is 200 %), at `href` (the built site's front page unless told). */
export async function openAtTextSize(browser: Browser, options: BrowserContextOptions, px: number, href = url('/')): Promise<Page> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  if (px !== 16) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Page.enable');
    await cdp.send('Page.setFontSizes', { fontSizes: { standard: px, fixed: px } });
  }
  await page.goto(href, { waitUntil: 'load' });
  return page;
}

/** Loads `path` in a fresh context of `browser`, so that no state carries from one check to the next. */
export async function openPage(browser: Browser, options: BrowserContextOptions, path = '/'): Promise<Page> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  await page.goto(url(path), { waitUntil: 'load' });
  return page;
}

/** Resolves once the page has stopped scrolling: the same scroll position over ten animation frames in a row. */
export async function scrollSettled(page: Page): Promise<void> {
  await page.waitForFunction(() => new Promise<boolean>((done) => {
    let last = window.scrollY;
    let same = 0;
    const tick = () => {
      same = window.scrollY === last ? same + 1 : 0;
      last = window.scrollY;
      if (same >= 10) done(true); else requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  }));
}

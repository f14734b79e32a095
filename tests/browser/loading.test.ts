// What Chromium fetches first: the document and its stylesheets; no script competes with them (every script is in the page).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch, url, PHONE } from '../support/browser';
import { serveStatic } from '../../scripts/lib/static-server.mjs';
import { BROKEN_SITE } from '../support/gates';


let browser: Browser;
let broken: Awaited<ReturnType<typeof serveStatic>>;
beforeAll(async () => {
  browser = await launch();
  broken = await serveStatic(BROKEN_SITE);
});
afterAll(async () => {
  await browser?.close(); await broken?.close();
});

interface Fetch { path: string; type: string; priority: string }

/** Every request a page makes until the network is idle, with the priority Chromium gave it. */
async function fetches(target: string): Promise<{ requests: Fetch[]; undefinedElements: string[] }> {
  const context = await browser.newContext(PHONE);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  const requests: Fetch[] = [];
  cdp.on('Network.requestWillBeSent', (e) => {
    requests.push({ path: new URL(e.request.url).pathname, type: e.type ?? '', priority: e.request.initialPriority });
  });
  await page.goto(target, { waitUntil: 'networkidle' });
  const undefinedElements = await page.evaluate(() => [...new Set([...document.querySelectorAll('*')]
    .map((el) => el.localName).filter((n) => n.startsWith('bloc-') && !customElements.get(n)))]);
  await context.close();
  return { requests, undefinedElements };
}

const scriptsAbove = (requests: Fetch[], levels: string[]) => requests.filter((r) => r.type === 'Script' && levels.includes(r.priority)).map((r) => `${r.path} (${r.priority})`);

describe('loading order in Chromium', () => {
  it('fetches(article) finds no script fetched above Low priority (they are written into the page), and every enhancement defined', async () => {
    const { requests, undefinedElements } = await fetches(url('/'));
    expect(scriptsAbove(requests, ['VeryHigh', 'High', 'Medium'])).toEqual([]);
    // The stylesheets the first paint waits for still go first.
    expect(requests.filter((r) => r.type === 'Stylesheet' && r.priority === 'VeryHigh').length).toBeGreaterThan(0);
    expect(undefinedElements).toEqual([]);
  });

  it('fetches(brokenPage) catches scripts fetched at High priority', async () => {
    const { requests } = await fetches(new URL('/about/', broken.url).href);
    expect(scriptsAbove(requests, ['VeryHigh', 'High', 'Medium'])).toEqual(expect.arrayContaining(['/_astro/enhance.js (High)', '/_astro/shared.js (High)']));
  });
});

// What Chromium fetches first: the document and its stylesheets; every script waits behind them at low priority.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lowerScriptPriority, moduleFile, staticImports } from '../../src/integrations/scriptPriority';
import type { Browser } from 'playwright-core';
import { launch, url, PHONE } from '../support/browser';
import { serveStatic } from '../../scripts/lib/static-server.mjs';
import { BROKEN_SITE } from '../support/gates';


let browser: Browser;
let broken: Awaited<ReturnType<typeof serveStatic>>;
let lowered: Awaited<ReturnType<typeof serveStatic>>;
let loweredDir: string;
beforeAll(async () => {
  browser = await launch();
  broken = await serveStatic(BROKEN_SITE);
  // The broken page's module script after the build step: its script and its import at low priority.
  loweredDir = mkdtempSync(join(tmpdir(), 'lowered-'));
  cpSync(join(BROKEN_SITE, '_astro'), join(loweredDir, '_astro'), { recursive: true });
  const graph = new Map<string, string[]>();
  for (const name of ['enhance.js', 'shared.js']) graph.set(`/_astro/${name}`, await staticImports(readFileSync(join(BROKEN_SITE, '_astro', name), 'utf8')));
  const html = readFileSync(join(BROKEN_SITE, 'about/index.html'), 'utf8').replace(/<script src="[^"]*"><\/script>\n?/, '');
  writeFileSync(join(loweredDir, 'index.html'), lowerScriptPriority(html, (u) => graph.get(moduleFile(u)) ?? []).html);
  lowered = await serveStatic(loweredDir);
});
afterAll(async () => {
  await browser?.close(); await broken?.close(); await lowered?.close();
  if (loweredDir) rmSync(loweredDir, { recursive: true, force: true });
});

interface Fetch { path: string; type: string; priority: string }

/** Every request a page makes until the network is idle, with the priority Chromium gave it. */
async function fetches(target: string): Promise<{ requests: Fetch[]; undefinedElements: string[]; enhanced: string | undefined }> {
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
  // What the fixture's module script writes when it has run.
  const enhanced = await page.evaluate(() => document.body.dataset.enhanced);
  await context.close();
  return { requests, undefinedElements, enhanced };
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

  it('fetches(page after lowerScriptPriority) gets the module script and its import at Low priority, each once', async () => {
    const { requests, enhanced } = await fetches(new URL('/', lowered.url).href);
    const scripts = requests.filter((r) => r.type === 'Script' || r.path.endsWith('.js'));
    expect(scripts.map((r) => `${r.path} (${r.priority})`).sort()).toEqual(['/_astro/enhance.js (Low)', '/_astro/shared.js (Low)']);
    expect(enhanced).toBe('yes');
  });

  it('fetches(brokenPage) catches scripts fetched at High priority', async () => {
    const { requests } = await fetches(new URL('/about/', broken.url).href);
    expect(scriptsAbove(requests, ['VeryHigh', 'High', 'Medium'])).toEqual(expect.arrayContaining(['/_astro/enhance.js (High)', '/_astro/shared.js (High)']));
  });
});

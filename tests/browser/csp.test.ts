// Every page runs in Chromium with its Content Security Policy enforced from the header and the <meta>,
// reports no violation, and its enhancement scripts still run.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, DESKTOP } from '../support/browser';
import { BROKEN_SITE, htmlPages, pageUrlPath } from '../support/gates';
import { serveStatic } from '../../scripts/lib/static-server.mjs';

let browser: Browser;
let site: Awaited<ReturnType<typeof serveStatic>>;
let broken: Awaited<ReturnType<typeof serveStatic>>;
beforeAll(async () => {
  browser = await launch();
  site = await serveStatic(inject('distDir'), { headers: true });
  broken = await serveStatic(BROKEN_SITE, { headers: true });
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
  await broken?.close();
});

interface Visit { page: Page; status: number | undefined; headers: Record<string, string>; violations: string[]; errors: string[] }

/** Opens a page and collects every CSP violation event, CSP console message and uncaught error. */
async function visit(base: string, path: string, settle = true): Promise<Visit> {
  const context = await browser.newContext(DESKTOP);
  const page = await context.newPage();
  const violations: string[] = [];
  const errors: string[] = [];
  await page.exposeFunction('__reportViolation', (v: string) => { violations.push(v); });
  // Injected through the DevTools protocol, so the page's own policy does not stop it.
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { __reportViolation(v: string): void }).__reportViolation(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber}`);
    });
  });
  page.on('console', (m) => { if (/content security policy|refused to/i.test(m.text())) violations.push(m.text()); });
  page.on('pageerror', (e) => errors.push(e.message));
  const target = new URL(path, base);
  const response = await page.goto(target.href, { waitUntil: 'load' });
  // A redirect stub (meta refresh) moves on at once: check the page it lands on, fully loaded.
  const redirects = await page.evaluate(() => !!document.querySelector('meta[http-equiv="refresh" i]')).catch(() => true);
  if (redirects) {
    await page.waitForURL((u) => u.pathname !== target.pathname, { timeout: 10_000 });
    await page.waitForLoadState('load');
  }
  if (settle || redirects) await page.waitForLoadState('networkidle');
  return { page, status: response?.status(), headers: response ? await response.allHeaders() : {}, violations, errors };
}

describe('Content Security Policy in Chromium', () => {
  it('serveStatic(dist) sends the CSP and the security headers from _headers', async () => {
    const { page, headers } = await visit(site.url, '/');
    expect(headers['content-security-policy']).toMatch(/script-src 'self'( 'sha256-[^']+')+/);
    expect(headers['content-security-policy']).not.toContain("'unsafe-inline'");
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(headers['permissions-policy']).toContain('camera=()');
    const css = await page.evaluate(() => document.querySelector<HTMLLinkElement>('link[rel="stylesheet"][href^="/_astro/"]')!.href);
    const asset = await page.request.get(css);
    expect(asset.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
    await page.context().close();
  });

  it('every page in the build loads with the policy enforced, reports no violation and upgrades its custom elements', async () => {
    const pages = htmlPages(inject('distDir'));
    expect(pages.length).toBeGreaterThan(1);
    for (const file of pages) {
      const { page, violations, errors } = await visit(site.url, pageUrlPath(file), file === 'index.html');
      // The quote's offer is fetched when the reader first selects words: select some, so that it loads too.
      if (await page.locator('bloc-quote').count()) {
        await page.evaluate(() => {
          const range = document.createRange();
          range.selectNodeContents(document.querySelector('[data-para]')!);
          getSelection()!.addRange(range);
        });
        await expect.poll(() => page.evaluate(() => !!customElements.get('bloc-quote')), { message: file }).toBe(true);
      }
      // And a chart's tooltip when a bar is first focused.
      if (await page.locator('bloc-chart-tip [data-tip-value]').count()) {
        await page.locator('bloc-chart-tip [data-tip-value]').first().focus();
        await expect.poll(() => page.evaluate(() => !!customElements.get('bloc-chart-tip')), { message: file }).toBe(true);
      }
      expect(violations, file).toEqual([]);
      expect(errors, file).toEqual([]);
      // Scripts are allowed by hash or come from the site, so every enhancement element on the page must have been defined.
      const undefinedElements = await page.evaluate(() => [...document.querySelectorAll('*')]
        .filter((el) => el.localName.startsWith('bloc-') && !customElements.get(el.localName))
        .map((el) => el.localName));
      expect(undefinedElements, file).toEqual([]);
      await page.context().close();
    }
  });

  it('the article runs its contents script under the policy', async () => {
    const { page } = await visit(site.url, '/#how-the-thaw-began');
    expect(await page.evaluate(() => customElements.get('bloc-toc') !== undefined)).toBe(true);
    // What only the script does: it marks the section being read in the contents.
    await expect.poll(() => page.locator('nav.toc a[aria-current="true"]').getAttribute('href')).toBe('#how-the-thaw-began');
    await page.context().close();
  });

  it('the 404 page is served for unknown addresses, styled like the article', async () => {
    const article = await visit(site.url, '/');
    const missing = await visit(site.url, '/no/such/page/');
    expect(missing.status).toBe(404);
    expect(await missing.page.locator('h1').textContent()).toMatch(/no page/i);
    const look = (p: Page) => p.evaluate(() => {
      const s = getComputedStyle(document.body);
      return [s.fontFamily, s.backgroundColor, getComputedStyle(document.querySelector('.site-header')!).borderBottomStyle];
    });
    expect(await look(missing.page)).toEqual(await look(article.page));
    expect(missing.violations).toEqual([]);
    await article.page.context().close();
    await missing.page.context().close();
  });

  it('a 404 response carries the CSP with frame-ancestors, HSTS and the other headers, and the page runs its scripts under it', async () => {
    const missing = await visit(site.url, '/no/such/page/');
    expect(missing.status).toBe(404);
    const csp = missing.headers['content-security-policy']!;
    expect(csp).toMatch(/frame-ancestors 'self'/);
    expect(csp).toMatch(/default-src 'self'/);
    expect(csp).not.toContain("'unsafe-inline'");
    expect(missing.headers['strict-transport-security']).toMatch(/^max-age=\d+/);
    expect(missing.headers['x-content-type-options']).toBe('nosniff');
    expect(missing.errors).toEqual([]);
    expect(missing.violations).toEqual([]);
    await missing.page.context().close();
  });

  it.each([
    ['a lone %', '#%'], ['a cut-off escape', '#%E0%A4%A'], ['a bad escape', '#%ZZ'], ['a NUL', '#%00'], ['5,000 characters', `#${'a'.repeat(5000)}`],
    ['markup', '#<img src=x onerror=alert(1)>'], ['a selector breaker', '#"]);alert(1)//'], ['a text fragment', '#:~:text=Pakistan'],
    ['the main landmark', '#main'], ['a paragraph', '#trade-figures'], ['an event', '#druzhba-2018'], ['an unknown id', '#no-such-id'],
  ])('the article opened at a fragment with %s, and moved to it after load, throws no error and breaks no policy', async (_, fragment) => {
    const { page, errors, violations } = await visit(site.url, `/${fragment}`, false);
    // Moved away and back: the page's own hashchange listeners (arrival, the timeline) run before this one resolves.
    for (const hash of ['#elsewhere', fragment]) {
      await page.evaluate((h) => new Promise<void>((resolve) => {
        addEventListener('hashchange', () => setTimeout(resolve), { once: true });
        const before = location.href;
        location.hash = h;
        // A fragment directive (:~:text=) never reaches the address, so the address may not change.
        if (location.href === before) resolve();
      }), hash);
    }
    expect(errors).toEqual([]);
    expect(violations).toEqual([]);
    await page.context().close();
  });

  it('visit(brokenSite) catches an inline script the policy blocks, and the script does not run', async () => {
    const { page, violations } = await visit(broken.url, '/');
    expect(violations.some((v) => v.includes('script-src'))).toBe(true);
    expect(await page.locator('#csp-target').textContent()).not.toBe('inline script ran');
    await page.context().close();
  });
});

// Reading on a phone (and a desktop): the author's words copy clean, notes open in place, definitions fit the
// screen, markers are targets a thumb can hit, and the page passes axe at every width in light and dark.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { launch, url, PHONE, DESKTOP } from '../support/browser';
import { readSource } from '../support/source';

let browser: Browser;
beforeAll(async () => { browser = await launch(); });
afterAll(async () => { await browser?.close(); });

const source = readSource();

async function open(options: BrowserContextOptions, path = '/'): Promise<Page> {
  const context = await browser.newContext(options);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(url()).origin });
  const page = await context.newPage();
  await page.goto(url(path), { waitUntil: 'load' });
  return page;
}

describe('the author\'s words on the clipboard', () => {
  for (const [name, options] of [['a phone', PHONE], ['a desktop', DESKTOP]] as const) {
    it(`selecting each paragraph and copying it on ${name} copies exactly the author's paragraph`, async () => {
      const page = await open(options);
      const ids = await page.locator('[data-para]').evaluateAll((ps) => ps.map((p) => p.id));
      expect(ids).toHaveLength(source.paragraphs.length);
      const copied: string[] = [];
      for (const id of ids) {
        await page.evaluate((id) => {
          const range = document.createRange();
          range.selectNodeContents(document.getElementById(id)!);
          getSelection()!.removeAllRanges();
          getSelection()!.addRange(range);
        }, id);
        await page.keyboard.press('ControlOrMeta+C');
        await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).not.toBe(copied.at(-1) ?? '');
        copied.push(await page.evaluate(() => navigator.clipboard.readText()));
      }
      expect(copied).toEqual(source.paragraphs);
      await page.context().close();
    });
  }
});


// A build after a section is renamed the documented way (new id in the MDX and in published.json, the old one in
// redirects.yaml): every card URL already shared still answers, with its image, and leads to the new section.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as cheerio from 'cheerio';
import { buildContent, copyContent, editArticle } from '../support/hostileContent';
import { checkReferences } from '../support/gates';
import { pngSize } from '../../src/lib/og/renderCard';
import { DEFAULT_SITE_URL } from '../../src/lib/siteUrls';

const OLD = 'trade-on-the-rise';
const NEW = 'trade-grew';
let result: ReturnType<typeof buildContent>;

beforeAll(() => {
  const copy = copyContent();
  try {
    editArticle(copy.dir, (mdx) => mdx.replace(`<Section id="${OLD}"`, `<Section id="${NEW}"`));
    const publishedFile = join(copy.dir, 'ids/published.json');
    const published = JSON.parse(readFileSync(publishedFile, 'utf8'));
    published.section.push(NEW);
    writeFileSync(publishedFile, JSON.stringify(published, null, 2));
    writeFileSync(join(copy.dir, 'ids/redirects.yaml'), `${OLD}: ${NEW}\n`);
    result = buildContent(copy.dir, 'renamed');
  } finally {
    copy.remove();
  }
}, 240_000);
afterAll(() => { if (result) rmSync(result.outDir, { recursive: true, force: true }); });

const page = (path: string) => cheerio.load(readFileSync(join(result.outDir, path), 'utf8'));

describe('a build after a section is renamed with a redirect', () => {
  it(`astro build keeps /s/${OLD}/, leading on to /#${NEW}, with the new section's card as canonical`, () => {
    expect(result.status, result.output.slice(-3000)).toBe(0);
    const $ = page(`s/${OLD}/index.html`);
    expect($('meta[http-equiv="refresh"]').attr('content')).toBe(`0; url=/#${NEW}`);
    expect($('[data-card-target]').attr('href')).toBe(`/#${NEW}`);
    expect($('link[rel="canonical"]').attr('href')).toBe(`${DEFAULT_SITE_URL}s/${NEW}/`);
    expect($('h1').text()).toBe(page(`s/${NEW}/index.html`)('h1').text());
  });

  it(`astro build keeps the card image /og/s/${OLD}.png, and the old card page points at it`, () => {
    expect(pngSize(readFileSync(join(result.outDir, `og/s/${OLD}.png`)))).toEqual({ width: 1200, height: 630 });
    expect(page(`s/${OLD}/index.html`)('meta[property="og:image"]').attr('content')).toBe(`${DEFAULT_SITE_URL}og/s/${OLD}.png`);
  });

  it('the article keeps an anchor for the old id beside the new section, and every reference of the build resolves', () => {
    expect(page('index.html')(`#${OLD}`).attr('data-retired-to')).toBe(NEW);
    expect(checkReferences(result.outDir, DEFAULT_SITE_URL)).toEqual([]);
  });
});

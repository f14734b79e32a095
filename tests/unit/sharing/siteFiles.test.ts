import { describe, expect, it } from 'vitest';
import * as cheerio from 'cheerio';
import { articleJsonLd, serializeJsonLd } from '../../../src/lib/sharing/jsonLd';
import { robotsTxt, sitemapXml } from '../../../src/lib/sharing/siteFiles';
import { siteUrls } from '../../../src/lib/siteUrls';
import type { ArticleData } from '../../../src/schemas/article';

const data: ArticleData = {
  headline: 'Headline </script><script>alert(1)</script> & more',
  standfirst: 'A standfirst that is long enough to pass.',
  description: 'A description that is long enough to pass.',
  author: { name: 'Yasir Habib Khan', bio: 'The writer is a journalist.' },
  original: { publication: 'The Nation', credit: 'Originally Posted on The Nation' },
  published: { date: '2018-10', precision: 'month', inferred: true, basis: 'reasons' },
  language: 'en',
  updated: '2026-11-27',
};

describe('serializeJsonLd', () => {
  it('serializeJsonLd(data) cannot close the script element and parses back to the same data', () => {
    const ld = articleJsonLd(data, 'https://site.example/', 'https://site.example/og/article.png');
    const json = serializeJsonLd(ld);
    expect(json).not.toMatch(/[<>&]/);
    const $ = cheerio.load(`<script type="application/ld+json">${json}</script><p id="after">x</p>`);
    expect($('script')).toHaveLength(1);
    expect(JSON.parse($('script').text())).toEqual(ld);
    for (const s of ['a\u2028b', 'a\u2029b', '<&>']) {
      const text = serializeJsonLd({ s });
      expect(JSON.parse(text)).toEqual({ s });
      expect(text).not.toMatch(/[\u2028\u2029<&>]/);
    }
  });
});

describe('articleJsonLd', () => {
  it('articleJsonLd(data, url, image) describes an AnalysisNewsArticle based on the original publication', () => {
    const ld = articleJsonLd(data, 'https://site.example/', 'https://site.example/og/article.png');
    expect(ld['@type']).toBe('AnalysisNewsArticle');
    expect(ld.datePublished).toBe('2018-10');
    expect(ld.author.name).toBe('Yasir Habib Khan');
    expect(ld.publisher['@type']).toBe('Organization');
    expect(ld.isBasedOn.publisher.name).toBe('The Nation');
    expect(ld.isBasedOn.datePublished).toBe('2018-10');
    expect(ld.image).toEqual(['https://site.example/og/article.png']);
    expect(ld).not.toHaveProperty('backstory');
  });

  it('articleJsonLd(data, url, image, epilogue) says the epilogue was added later, when, and how far its facts run', () => {
    const epilogue = { id: 'did-the-bloc-happen', title: 'Did the bloc happen?', added: '2026-11-27', factsTo: '2026-02-27' };
    const ld = articleJsonLd(data, 'https://site.example/', 'https://site.example/og/article.png', epilogue);
    expect(ld.backstory).toBe('An annotated edition of the October 2018 article. On 27 November 2026 the editors added an epilogue, “Did the bloc happen?”, that checks the article’s claims against reports published up to 27 February 2026.');
    expect(ld.hasPart).toMatchObject({ '@type': 'WebPageElement', name: 'Did the bloc happen?', url: 'https://site.example/#did-the-bloc-happen', dateCreated: '2026-11-27' });
    expect(ld.dateModified).toBe(data.updated);
  });

  it('articleJsonLd(data, url, image) gives schema.org every property of the article and of the original, and nothing else', () => {
    const author = { '@type': 'Person', name: 'Yasir Habib Khan', description: 'The writer is a journalist.' };
    expect(articleJsonLd(data, 'https://site.example/', 'https://site.example/og/article.png')).toStrictEqual({
      '@context': 'https://schema.org',
      '@type': 'AnalysisNewsArticle',
      headline: data.headline,
      description: data.description,
      url: 'https://site.example/',
      mainEntityOfPage: 'https://site.example/',
      image: ['https://site.example/og/article.png'],
      inLanguage: 'en',
      author,
      datePublished: '2018-10',
      dateModified: '2026-11-27',
      isAccessibleForFree: true,
      publisher: { '@type': 'Organization', name: 'Asian Bloc · an annotated edition', url: 'https://site.example/' },
      isBasedOn: { '@type': 'NewsArticle', headline: data.headline, author, datePublished: '2018-10', publisher: { '@type': 'Organization', name: 'The Nation' } },
    });
  });

  it('articleJsonLd(data, url, image) links the original only where its address is known', () => {
    const url = 'https://www.nation.com.pk/example';
    expect(articleJsonLd({ ...data, original: { ...data.original, url } }, 'https://site.example/', 'i.png').isBasedOn.url).toBe(url);
    const { url: _, ...original } = { ...data.original, url };
    expect(Object.keys(articleJsonLd({ ...data, original }, 'https://site.example/', 'i.png').isBasedOn)).not.toContain('url');
  });
});

describe('sitemapXml and robotsTxt', () => {
  it('sitemapXml(url, pages) writes the whole file, escaping each of & < > " and \' in addresses and dates', () => {
    const url = siteUrls('https://site.example/');
    expect(sitemapXml(url, [{ path: '/', lastmod: '2026-11-27' }, { path: '/a&b<c>"d\'e/' }])).toBe([
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
      '  <url><loc>https://site.example/</loc><lastmod>2026-11-27</lastmod></url>',
      '  <url><loc>https://site.example/a&amp;b%3Cc%3E%22d&apos;e/</loc></url>',
      '</urlset>',
      '',
    ].join('\n'));
    expect(sitemapXml(url, [{ path: '/', lastmod: '<&>"\'' }])).toContain('<lastmod>&lt;&amp;&gt;&quot;&apos;</lastmod>');
  });

  it('sitemapXml(url, pages) lists absolute, escaped URLs under the base path, with their dates', () => {
    const xml = sitemapXml(siteUrls('https://site.example/sub/'), [{ path: '/', lastmod: '2026-11-27' }, { path: '/a&b/' }]);
    const $ = cheerio.load(xml, { xml: true });
    expect($('url > loc').toArray().map((e) => $(e).text())).toEqual(['https://site.example/sub/', 'https://site.example/sub/a&b/']);
    expect($('url').first().find('lastmod').text()).toBe('2026-11-27');
    expect(xml).toContain('a&amp;b');
  });

  it('robotsTxt(url) allows crawling and names the absolute sitemap URL', () => {
    expect(robotsTxt(siteUrls('https://site.example/'))).toBe('User-agent: *\nAllow: /\n\nSitemap: https://site.example/sitemap.xml\n');
  });
});

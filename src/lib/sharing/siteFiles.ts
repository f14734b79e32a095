// The text of sitemap.xml, robots.txt and the web manifest.

/** Pages search engines should index. Card pages under /s/ are redirect stubs and stay out. */
export const INDEXABLE_PATHS = ['/'] as const;

const xmlEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');

export function sitemapXml(site: URL | string, pages: { path: string; lastmod?: string }[]): string {
  const urls = pages.map(({ path, lastmod }) => {
    const loc = xmlEscape(new URL(path, site).toString());
    return `  <url><loc>${loc}</loc>${lastmod ? `<lastmod>${xmlEscape(lastmod)}</lastmod>` : ''}</url>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('\n')}\n</urlset>\n`;
}

export function robotsTxt(site: URL | string): string {
  return `User-agent: *\nAllow: /\n\nSitemap: ${new URL('/sitemap.xml', site).toString()}\n`;
}

export const ICON_SIZES = [32, 192, 512] as const;

export function webManifest(name: string, shortName: string, lang: string) {
  return {
    name,
    short_name: shortName,
    lang,
    start_url: '/',
    display: 'browser',
    icons: [
      { src: '/favicon.svg', type: 'image/svg+xml', sizes: 'any' },
      ...ICON_SIZES.filter((s) => s >= 192).map((s) => ({ src: `/icons/${s}.png`, type: 'image/png', sizes: `${s}x${s}` })),
    ],
  };
}

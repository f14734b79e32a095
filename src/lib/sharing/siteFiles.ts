// The text of sitemap.xml and robots.txt, and the sizes of the PNG icons.
import type { SiteUrls } from '../siteUrls';

/** Pages search engines should index. Card pages under /s/ are redirect stubs and stay out. */
export const INDEXABLE_PATHS = ['/'] as const;

const xmlEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');

export function sitemapXml(url: SiteUrls, pages: { path: string; lastmod?: string }[]): string {
  const urls = pages.map(({ path, lastmod }) => {
    const loc = xmlEscape(url.absolute(path));
    return `  <url><loc>${loc}</loc>${lastmod ? `<lastmod>${xmlEscape(lastmod)}</lastmod>` : ''}</url>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('\n')}\n</urlset>\n`;
}

export function robotsTxt(url: SiteUrls): string {
  return `User-agent: *\nAllow: /\n\nSitemap: ${url.absolute('/sitemap.xml')}\n`;
}

/**
 * PNG icons beside the SVG favicon: 32 px for browsers without SVG favicons, 192 px for home-screen
 * shortcuts on Android (iOS takes apple-touch-icon.png). There is no web manifest: a single article
 * is not an app to install, and Chrome's install check fetches a linked manifest while the page is
 * still painting.
 */
export const ICON_SIZES = [32, 192] as const;

// The site's own addresses: the public URL from SITE_URL, checked, and every same-site path and absolute URL made under its base path.

export const DEFAULT_SITE_URL = 'https://pakistan-russia-bloc.example/';

/**
 * The public address the site is built for, from `SITE_URL` (unset: the reserved placeholder domain, so that
 * nothing points at a real site by accident). Its path is where the site lives: `https://example.org/sub/`
 * serves the article at `/sub/`. Refuses, naming SITE_URL, an empty or unparsable value, one without an
 * http(s) scheme, one with a user name or password (they would be written into every page), a query or a fragment.
 */
export function parseSiteUrl(value: string | undefined): URL {
  if (value === undefined) return new URL(DEFAULT_SITE_URL);
  const v = value.trim();
  if (!v) throw new Error('SITE_URL is set but empty: give the public address of the site, such as https://example.org/, or unset it to build for the placeholder address');
  if (!/^[a-z][a-z\d+.-]*:/i.test(v)) throw new Error(`SITE_URL "${v}" has no scheme: write it as https://${v.replace(/^\/+/, '')}`);
  let url: URL;
  try { url = new URL(v); } catch { throw new Error(`SITE_URL "${v}" is not a valid URL`); }
  if (url.username || url.password) throw new Error('SITE_URL must not hold a user name or password: they would be written into every page; give the public address alone');
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`SITE_URL "${v}" must be an http: or https: address, not ${url.protocol}`);
  if (url.search || url.hash) throw new Error(`SITE_URL "${v}" must not have a query or a fragment`);
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url;
}

/**
 * What a build for the placeholder address must say: with SITE_URL unset, every canonical link, share card, printed
 * address and QR code points at a domain that cannot exist. Undefined when SITE_URL names the site.
 */
export function placeholderWarning(value: string | undefined): string | undefined {
  if (value !== undefined) return undefined;
  return `SITE_URL is not set: the canonical links, share cards, sitemap, printed address and QR code point at the placeholder ${DEFAULT_SITE_URL}. Set SITE_URL to the site's public address (SITE_URL=https://example.org/ npm run build) before deploying.`;
}

export interface SiteUrls {
  /** The base path the site is served under, with slashes at both ends: "/" or "/sub/". */
  base: string;
  /** A same-site path under the base: path("/data/trade.csv") → "/sub/data/trade.csv", path("/#trade") → "/sub/#trade". */
  path(sitePath: string): string;
  /** The absolute URL of a same-site path: "https://example.org/sub/og/article.png". */
  absolute(sitePath: string): string;
}

/** `site` is the public URL; `base` is Astro's base (import.meta.env.BASE_URL), which the config derives from it. */
export function siteUrls(site: string | URL, base = new URL(site).pathname): SiteUrls {
  const b = `/${base.replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');
  const origin = new URL(site).origin;
  const path = (sitePath: string) => {
    if (!sitePath.startsWith('/')) throw new Error(`siteUrls: "${sitePath}" is not a site path (it must start with "/")`);
    return `${b}${sitePath.slice(1)}`;
  };
  return { base: b, path, absolute: (sitePath) => new URL(path(sitePath), origin).href };
}

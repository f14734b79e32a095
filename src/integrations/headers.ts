// Pure logic behind the `_headers` file: the CSP read from built pages and the rules for static hosts.

/** Directives only a response header can carry; browsers ignore them in a <meta> policy. */
export const HEADER_ONLY_DIRECTIVES = ["frame-ancestors 'self'"];

/** Headers every response gets, on any static host that reads a `_headers` file (Netlify, Cloudflare Pages). */
export const COMMON_HEADERS: Record<string, string> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  // Only features the site never uses are switched off; copy-link and print keep working.
  'Permissions-Policy': 'accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=(), browsing-topics=()',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

/** Hashed build output never changes under the same name, so browsers may keep it for a year. */
export const IMMUTABLE_PATHS = ['/_astro/*'];
export const IMMUTABLE_CACHE = 'public, max-age=31536000, immutable';

const META_CSP = /<meta\s+http-equiv=["']content-security-policy["']\s+content=(?:"([^"]*)"|'([^']*)')/i;

/** The policy Astro wrote into a page's <meta http-equiv="content-security-policy">, if any. */
export function metaCsp(html: string): string | undefined {
  const m = META_CSP.exec(html);
  const raw = m?.[1] ?? m?.[2];
  return raw?.replaceAll('&#39;', "'").replaceAll('&quot;', '"').replaceAll('&amp;', '&').trim();
}

export type Policy = Map<string, string[]>;

export function parsePolicy(csp: string): Policy {
  const policy: Policy = new Map();
  for (const part of csp.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) policy.set(name.toLowerCase(), sources);
  }
  return policy;
}

export function serializePolicy(policy: Policy): string {
  return [...policy].map(([name, sources]) => [name, ...sources].join(' ')).join('; ');
}

/**
 * One site-wide policy from every page's policy: the same directives, with the sources
 * (hashes included) of all pages merged. Each page's own <meta> policy stays the tighter one;
 * a browser enforces both, so a page still runs only its own scripts.
 */
export function mergePolicies(policies: string[], extra: string[] = HEADER_ONLY_DIRECTIVES): string {
  const merged: Policy = new Map();
  for (const csp of [...policies, ...extra]) {
    for (const [name, sources] of parsePolicy(csp)) {
      const have = merged.get(name) ?? [];
      merged.set(name, [...new Set([...have, ...sources])]);
    }
  }
  for (const [name, sources] of merged) {
    if (sources.includes("'unsafe-inline'") && name.startsWith('script-src')) {
      throw new Error(`Content-Security-Policy: ${name} must not allow 'unsafe-inline'`);
    }
  }
  return serializePolicy(merged);
}

export interface PagePolicy { path: string; csp: string }

/** The URL paths a built file answers on under `base`: `a/index.html` on `/a/` and `/a`, `index.html` on `/`. */
export function pagePaths(file: string, base = '/'): string[] {
  const rel = file.replaceAll('\\', '/').replace(/^\/+/, '');
  const root = base.endsWith('/') ? base : `${base}/`;
  if (rel === 'index.html') return [root];
  if (rel.endsWith('/index.html')) {
    const dir = `${root}${rel.slice(0, -'index.html'.length)}`;
    return [dir, dir.slice(0, -1)];
  }
  return [`${root}${rel}`, `${root}${rel.replace(/\.html$/, '')}`];
}

/**
 * The text of a `_headers` file: common headers everywhere under `base`, each page's CSP on that page's
 * paths, long caching on hashed assets. The CSP is sent with documents only, where it has effect, to keep
 * it off every asset response. (The site has a dozen pages; hosts cap a file at 100 rules.)
 */
export function headersFile(pages: PagePolicy[], base = '/'): string {
  const root = base.endsWith('/') ? base : `${base}/`;
  const block = (path: string, headers: Record<string, string>) =>
    [path, ...Object.entries(headers).map(([k, v]) => `  ${k}: ${v}`)].join('\n');
  return [
    '# Security and caching headers for static hosts that read _headers; generated at build time.',
    block(`${root}*`, COMMON_HEADERS),
    ...IMMUTABLE_PATHS.map((p) => block(`${root}${p.slice(1)}`, { 'Cache-Control': IMMUTABLE_CACHE })),
    ...pages.map((p) => block(p.path, { 'Content-Security-Policy': mergePolicies([p.csp]) })),
    '',
  ].join('\n\n');
}

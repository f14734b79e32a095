// Pure logic behind the `_headers` file: the CSP read from built pages and the rules for static hosts.
import { createHash } from 'node:crypto';
import { decodeHTMLAttribute } from 'entities';

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

/** Strict-Transport-Security unless SITE_HSTS says otherwise: two years, this host name only (MDN's recommendation). */
export const DEFAULT_HSTS = 'max-age=63072000';
const HSTS = /^max-age=(\d+)(?:; *includeSubDomains)?(?:; *preload)?$/i;

/**
 * The Strict-Transport-Security value from SITE_HSTS: unset, DEFAULT_HSTS; "off", none (for a host that sends its
 * own); else a value such as "max-age=63072000; includeSubDomains; preload", checked, with a message naming SITE_HSTS.
 */
export function parseHsts(value: string | undefined): string | undefined {
  if (value === undefined) return DEFAULT_HSTS;
  const v = value.trim();
  if (v === 'off') return undefined;
  const m = HSTS.exec(v);
  if (!m) throw new Error(`SITE_HSTS "${v}" is not a Strict-Transport-Security value: write max-age=<seconds>, optionally with "; includeSubDomains" and "; preload", or "off"`);
  if (/preload/i.test(v) && (!/includeSubDomains/i.test(v) || Number(m[1]) < 31536000)) {
    throw new Error(`SITE_HSTS "${v}": preload needs includeSubDomains and a max-age of at least 31536000 (one year)`);
  }
  return v;
}

/** Hashed build output never changes under the same name, so browsers may keep it for a year. */
export const IMMUTABLE_PATHS = ['/_astro/*'];
export const IMMUTABLE_CACHE = 'public, max-age=31536000, immutable';

const META_CSP = /<meta\s+http-equiv=["']content-security-policy["']\s+content=(?:"([^"]*)"|'([^']*)')/i;

/** The policy Astro wrote into a page's <meta http-equiv="content-security-policy">, if any. */
export function metaCsp(html: string): string | undefined {
  const m = META_CSP.exec(html);
  const raw = m?.[1] ?? m?.[2];
  return raw === undefined ? undefined : decodeHTMLAttribute(raw).trim();
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
 * The text of a `_headers` file: on every path under `base`, the common headers, HSTS and one Content-Security-Policy
 * merged from every page's (with frame-ancestors, which only a header can carry); long caching on hashed assets.
 * One rule serves every response, a 404 too: the hosts serve 404.html under the address asked for and match rules
 * against that address. Each page's own, tighter policy is its <meta>: a browser enforces both, so a page runs only
 * its own scripts. (A second policy in the header, one rule per page, would be joined to the first with a comma,
 * which graders such as Mozilla's Observatory read as one policy with every directive twice.)
 */
export function headersFile(policies: string[], base = '/', { hsts }: { hsts: string | undefined } = { hsts: DEFAULT_HSTS }): string {
  const root = base.endsWith('/') ? base : `${base}/`;
  const block = (path: string, headers: Record<string, string>) =>
    [path, ...Object.entries(headers).map(([k, v]) => `  ${k}: ${v}`)].join('\n');
  const everywhere: Record<string, string> = { ...COMMON_HEADERS };
  if (hsts) everywhere['Strict-Transport-Security'] = hsts;
  if (policies.length) everywhere['Content-Security-Policy'] = mergePolicies(policies);
  return [
    '# Security and caching headers for static hosts that read _headers; generated at build time.',
    block(`${root}*`, everywhere),
    ...IMMUTABLE_PATHS.map((p) => block(`${root}${p.slice(1)}`, { 'Cache-Control': IMMUTABLE_CACHE })),
    '',
  ].join('\n\n');
}

const META_CSP_ELEMENT = /<meta\s+http-equiv=["']content-security-policy["'][^>]*>/i;
const META_CHARSET = /<meta\s+charset=["']?[\w-]+["']?\s*\/?>/i;

/**
 * The page with its <meta> CSP moved to right after <meta charset>, so that the policy covers every element of the
 * head. (Astro writes it where the layout's <head> ends, after the page's own links and metadata, with no option to
 * place it.) A page without the two is returned as it is.
 */
export function cspFirst(html: string): string {
  const csp = META_CSP_ELEMENT.exec(html);
  const charset = META_CHARSET.exec(html);
  if (!csp || !charset) return html;
  const without = html.slice(0, csp.index) + html.slice(csp.index + csp[0].length);
  const at = charset.index + charset[0].length;
  return without.slice(0, at) + csp[0] + without.slice(at);
}

// A <script> or <style> start tag (its attributes' quoted values may hold ">"), its text, and its end tag.
const INLINE = /<(script|style)(?=[\s/>])((?:[^>"']|"[^"]*"|'[^']*')*)>([\s\S]*?)<\/\1(?=[\s/>])[^>]*>/gi;
const ATTRIBUTE = (name: string) => new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s"'>]+))`, 'i');
const HASH_SOURCE = /^'sha(256|384|512)-([A-Za-z0-9+/]+={0,2})'$/;

/**
 * The page with its <meta> CSP allowing, by hash, only the inline scripts and styles the page carries. Astro lists
 * the hashes of every script it could write (its islands' loaders among them) on every page; a page that does not
 * carry a script has no reason to allow it, and each unused hash is some 54 bytes in every response's header.
 * Other sources are kept as they are. A page without a <meta> CSP is returned as it is.
 */
export function ownHashesOnly(html: string): string {
  const csp = META_CSP_ELEMENT.exec(html);
  const policy = metaCsp(html);
  if (!csp || policy === undefined) return html;
  const carried = new Set<string>();
  // Commented-out markup is no element; the parser reads a CR LF or a lone CR as one line feed before hashing.
  for (const [, tag, attrs, body] of html.replace(/<!--[\s\S]*?-->/g, '').matchAll(INLINE)) {
    if (ATTRIBUTE('src').test(attrs!)) continue;
    // A JSON data block (JSON-LD) is never run. Any other type is kept: allowing a script that is there is harmless,
    // dropping one would block it.
    const type = ATTRIBUTE('type').exec(attrs!)?.slice(1).find((v) => v !== undefined);
    if (tag!.toLowerCase() === 'script' && type !== undefined && /json$/i.test(type.trim())) continue;
    const text = body!.replace(/\r\n?/g, '\n');
    for (const algorithm of ['sha256', 'sha384', 'sha512']) carried.add(`${algorithm}-${createHash(algorithm).update(text).digest('base64')}`);
  }
  const parsed = parsePolicy(policy);
  for (const [name, sources] of parsed) {
    parsed.set(name, sources.filter((source) => {
      const m = HASH_SOURCE.exec(source);
      return !m || carried.has(`sha${m[1]}-${m[2]}`);
    }));
  }
  const element = `<meta http-equiv="content-security-policy" content="${serializePolicy(parsed).replaceAll('&', '&amp;').replaceAll('"', '&quot;')}">`;
  return html.slice(0, csp.index) + element + html.slice(csp.index + csp[0].length);
}

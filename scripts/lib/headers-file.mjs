// Reads a `_headers` file (Netlify and Cloudflare Pages format) and answers which headers a path gets.

/**
 * @param {string} text
 * @returns {{ pattern: string, test: RegExp, headers: [string, string][] }[]}
 */
export function parseHeadersFile(text) {
  const rules = [];
  let rule;
  for (const raw of text.split(/\r?\n/)) {
    if (!raw.trim() || raw.trim().startsWith('#')) continue;
    if (!/^\s/.test(raw)) {
      const pattern = raw.trim();
      rule = { pattern, test: patternToRegExp(pattern), headers: [] };
      rules.push(rule);
      continue;
    }
    if (!rule) throw new Error(`_headers: header line before any path: "${raw.trim()}"`);
    const colon = raw.indexOf(':');
    if (colon < 0) throw new Error(`_headers: "${raw.trim()}" under ${rule.pattern} is not "Name: value"`);
    rule.headers.push([raw.slice(0, colon).trim(), raw.slice(colon + 1).trim()]);
  }
  return rules;
}

function patternToRegExp(pattern) {
  const body = pattern
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/:[A-Za-z]\w*/g, '[^/]+'))
    .join('.*');
  return new RegExp(`^${body}$`);
}

/**
 * Every header for a path, in file order; a header named by several matching rules is joined
 * with ", " as the hosts do (two CSPs joined that way are both enforced).
 * @param {ReturnType<typeof parseHeadersFile>} rules
 * @param {string} pathname
 * @returns {Record<string, string>}
 */
export function headersFor(rules, pathname) {
  const out = {};
  for (const rule of rules) {
    if (!rule.test.test(pathname)) continue;
    for (const [name, value] of rule.headers) {
      const key = Object.keys(out).find((k) => k.toLowerCase() === name.toLowerCase()) ?? name;
      out[key] = out[key] ? `${out[key]}, ${value}` : value;
    }
  }
  return out;
}

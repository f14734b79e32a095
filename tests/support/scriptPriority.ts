// The module scripts a built page loads and what they import, for the script-priority gate.
import { init, parse } from 'es-module-lexer';

/**
 * Chromium fetches `<script type="module" src>` at High priority, alongside the stylesheets a first paint
 * waits for, and Lighthouse's simulation counts a High-priority script as render-blocking. The site writes
 * every script into the page; these helpers let the gate (gates.ts, checkScriptPriority) find any external
 * module script, and the modules it imports, should one ever appear.
 */
/** Every module reachable from `entry` through static imports, nearest first, without `entry` itself. */
export function moduleGraph(entry: string, importsOf: (url: string) => string[]): string[] {
  const seen = new Set([entry]);
  const order: string[] = [];
  const queue = [entry];
  while (queue.length) {
    const from = queue.shift()!;
    for (const spec of importsOf(from)) {
      const dep = sitePath(spec, from);
      if (dep === undefined || seen.has(dep)) continue;
      seen.add(dep);
      order.push(dep);
      queue.push(dep);
    }
  }
  return order;
}

/**
 * A module's URL on the site (path and query: the browser's module map tells `a.js?v=2` from `a.js`) for a
 * specifier written in the page or a module. Bare specifiers and absolute URLs, which the build never
 * writes for its own modules, give undefined.
 */
export function sitePath(spec: string, from: string): string | undefined {
  if (!/^(\/|\.\.?\/)/.test(spec) || spec.startsWith('//')) return undefined;
  const url = new URL(spec, new URL(from, 'http://site.invalid/'));
  return url.pathname + url.search;
}

/** The same for a URL in an HTML attribute of the page at `pagePath`, where `a.js` means `./a.js`. */
export function attributeUrl(value: string, pagePath: string): string | undefined {
  const relative = !/^([a-z][a-z\d+.-]*:|\/|\.\.?\/)/i.test(value);
  return sitePath(relative ? `./${value}` : value, pagePath);
}

/** The built file a module URL is served from: its path without query or fragment. */
export const moduleFile = (url: string): string => url.replace(/[?#].*$/, '');

/** The static import specifiers of a module's source (dynamic imports are fetched on demand and left alone). */
export async function staticImports(code: string): Promise<string[]> {
  await init;
  const [imports] = parse(code);
  return imports.filter((i) => i.d === -1 && i.n !== undefined).map((i) => i.n!);
}

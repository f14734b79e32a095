// Astro integration: after the build, puts each page's <meta> CSP first in its head, allowing only the inline
// scripts and styles the page carries, and writes `_headers` with HSTS
// and a CSP merged from the built pages' policies.
import type { AstroIntegration } from 'astro';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cspFirst, headersFile, metaCsp, ownHashesOnly } from './headers';
import { htmlFiles } from './builtFiles';

/** `hsts`: the Strict-Transport-Security value (parseHsts of SITE_HSTS), or undefined for none. */
export default function securityHeaders({ hsts }: { hsts: string | undefined }): AstroIntegration {
  let base = '/';
  return {
    name: 'bloc-security-headers',
    hooks: {
      'astro:config:done': ({ config }) => { base = config.base; },
      'astro:build:done': async ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        const policies: string[] = [];
        for (const file of (await htmlFiles(out)).sort()) {
          const html = await readFile(file, 'utf8');
          const moved = cspFirst(ownHashesOnly(html));
          if (moved !== html) await writeFile(file, moved);
          // A page without a policy is a misconfiguration the CSP tests report; no header can fix it here.
          const csp = metaCsp(moved);
          if (csp) policies.push(csp);
        }
        await writeFile(join(out, '_headers'), headersFile(policies, base, { hsts }));
        logger.info(`_headers written with a CSP merged from ${policies.length} page(s)${hsts ? ` and Strict-Transport-Security: ${hsts}` : ', without HSTS'}`);
      },
    },
  };
}

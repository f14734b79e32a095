// Astro integration: after the build, writes `_headers` with a CSP matching the hashes in the built pages.
import type { AstroIntegration } from 'astro';
import { readFile, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { headersFile, metaCsp, pagePaths, type PagePolicy } from './headers';
import { htmlFiles } from './builtFiles';

export default function securityHeaders(): AstroIntegration {
  let base = '/';
  return {
    name: 'bloc-security-headers',
    hooks: {
      'astro:config:done': ({ config }) => { base = config.base; },
      'astro:build:done': async ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        const pages: PagePolicy[] = [];
        for (const file of (await htmlFiles(out)).sort()) {
          const csp = metaCsp(await readFile(file, 'utf8'));
          // A page without a policy is a misconfiguration the CSP tests report; no header can fix it here.
          if (csp) for (const path of pagePaths(relative(out, file), base)) pages.push({ path, csp });
        }
        await writeFile(join(out, '_headers'), headersFile(pages, base));
        logger.info(`_headers written with the CSP of ${pages.length} page path(s)`);
      },
    },
  };
}

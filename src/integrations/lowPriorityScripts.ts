// Astro integration: after the build, every page fetches its enhancement scripts, and what they import, at low priority.
import type { AstroIntegration } from 'astro';
import { readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lowerScriptPriority, moduleFile, staticImports } from './scriptPriority';
import { builtFiles, htmlFiles, pagePath } from './builtFiles';

export default function lowPriorityScripts(): AstroIntegration {
  return {
    name: 'bloc-low-priority-scripts',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        // The imports of every built module, read once: the lookup below must be synchronous.
        const imports = new Map<string, string[]>();
        for (const file of await builtFiles(out, /\.m?js$/)) imports.set(pagePath(out, file), await staticImports(await readFile(file, 'utf8')));
        const importsOf = (url: string) => {
          const file = moduleFile(url);
          const found = imports.get(file);
          if (!found && !existsSync(join(out, file))) throw new Error(`A page loads the script ${url}, which the build did not write.`);
          return found ?? [];
        };
        let pages = 0, preloads = 0;
        for (const file of await htmlFiles(out)) {
          const result = lowerScriptPriority(await readFile(file, 'utf8'), importsOf, pagePath(out, file));
          if (!result.changed) continue;
          await writeFile(file, result.html);
          pages++; preloads += result.preloads.length;
        }
        logger.info(`scripts at low priority in ${pages} page(s), ${preloads} module preload(s) added`);
      },
    },
  };
}

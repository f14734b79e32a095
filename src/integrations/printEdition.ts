// Astro integration: after the build, numbers the figures and turns the article's links into endnotes in every page.
import type { AstroIntegration } from 'astro';
import { readFile, writeFile } from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { preparePrintEdition } from '../lib/print/printEdition';
import { htmlFiles, pagePath } from './builtFiles';

export default function printEdition(): AstroIntegration {
  let site: URL | undefined;
  return {
    name: 'bloc-print-edition',
    hooks: {
      'astro:config:done': ({ config }) => {
        site = config.site ? new URL(config.site) : undefined;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        const base = site ?? new URL('http://localhost/');
        let figures = 0, endnotes = 0, pages = 0;
        const sheets = new Map<string, string | undefined>();
        // Only the site's own stylesheets, read from the build output.
        const readStylesheet = (href: string) => {
          if (!href.startsWith('/') || href.startsWith('//')) return undefined;
          if (!sheets.has(href)) {
            const path = join(out, decodeURIComponent(href.split(/[?#]/)[0]!));
            sheets.set(href, existsSync(path) ? readFileSync(path, 'utf8') : undefined);
          }
          return sheets.get(href);
        };
        for (const file of await htmlFiles(out)) {
          const html = await readFile(file, 'utf8');
          const result = preparePrintEdition(html, { file: relative(out, file), pageUrl: new URL(pagePath(out, file), base), readStylesheet });
          if (!result.changed) continue;
          await writeFile(file, result.html);
          pages++; figures += result.figures.length; endnotes += result.endnotes.length;
        }
        logger.info(`print edition: ${figures} figure(s) numbered, ${endnotes} endnote(s) in ${pages} page(s)`);
      },
    },
  };
}

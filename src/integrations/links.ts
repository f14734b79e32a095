// Astro integration: when the build is done, every id is used once on its page, and every internal link, fragment
// and asset of every page and stylesheet leads to something the build wrote. An id of the article's that the page
// already uses, or a link in the article or its data to a section, note or page that does not exist, stops the
// build, naming the page, the id or the link's words and where it points, and the line of the content that writes it,
// instead of shipping.
import type { AstroIntegration } from 'astro';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkReferences, duplicateIds, writtenIn } from './references';

export default function linkCheck(): AstroIntegration {
  let site = 'https://site.invalid/';
  let content = 'content';
  return {
    name: 'bloc-links',
    hooks: {
      'astro:config:done': ({ config }) => {
        site = new URL(config.base, config.site ?? site).href;
        // The content folder the build reads (SITE_CONTENT_DIR, as src/content.config.ts reads it).
        content = resolve(fileURLToPath(config.root), process.env.SITE_CONTENT_DIR ?? 'content');
      },
      'astro:build:done': ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        // Each problem with the content's lines that write its id or link, where the content writes it.
        const located = (problems: string[], find: RegExp, key: 'id' | 'link') => problems.map((p) => {
          const name = find.exec(p)?.[1];
          const lines = name ? writtenIn(content, key === 'id' ? { id: name } : { link: name }) : [];
          return lines.length ? `${p} (written at ${lines.join(', ')})` : p;
        });
        const twice = located(duplicateIds(out), /the id "([^"]+)"/, 'id');
        const nowhere = located(checkReferences(out, site), /points to #(\S+), which/, 'link');
        if (twice.length + nowhere.length > 0) {
          const counts = [twice.length && `${twice.length} id(s) used twice`, nowhere.length && `${nowhere.length} link(s) that lead nowhere`].filter(Boolean).join(' and ');
          throw new Error(`the built site has ${counts}; fix the id or the link in the article or its data:\n${[...twice, ...nowhere].map((p) => `  - ${p}`).join('\n')}`);
        }
        logger.info('every id is used once, and every internal link, fragment and asset leads to something the build wrote');
      },
    },
  };
}

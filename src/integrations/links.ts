// Astro integration: when the build is done, every id is used once on its page, and every internal link, fragment
// and asset of every page and stylesheet leads to something the build wrote. An id of the article's that the page
// already uses, or a link in the article or its data to a section, note or page that does not exist, stops the
// build, naming the page, the id or the link's words and where it points, instead of shipping.
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { checkReferences, duplicateIds } from './references';

export default function linkCheck(): AstroIntegration {
  let site = 'https://site.invalid/';
  return {
    name: 'bloc-links',
    hooks: {
      'astro:config:done': ({ config }) => { site = new URL(config.base, config.site ?? site).href; },
      'astro:build:done': ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        const problems = [...duplicateIds(out), ...checkReferences(out, site)];
        if (problems.length > 0) {
          throw new Error(`the built site has ${problems.length} id(s) used twice or link(s) that lead nowhere; fix the id or the link in the article or its data:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
        }
        logger.info('every id is used once, and every internal link, fragment and asset leads to something the build wrote');
      },
    },
  };
}

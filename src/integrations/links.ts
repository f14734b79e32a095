// Astro integration: when the build is done, every internal link, fragment and asset of every page and stylesheet
// must lead to something the build wrote. A link in the article or its data to a section, note or page that does
// not exist stops the build, naming the page, the link's words and where it points, instead of shipping.
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { checkReferences } from './references';

export default function linkCheck(): AstroIntegration {
  let site = 'https://site.invalid/';
  return {
    name: 'bloc-links',
    hooks: {
      'astro:config:done': ({ config }) => { site = new URL(config.base, config.site ?? site).href; },
      'astro:build:done': ({ dir, logger }) => {
        const problems = checkReferences(fileURLToPath(dir), site);
        if (problems.length > 0) {
          throw new Error(`${problems.length} link(s) in the built site lead nowhere; fix the link in the article or its data, or add the missing id:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
        }
        logger.info('every internal link, fragment and asset leads to something the build wrote');
      },
    },
  };
}

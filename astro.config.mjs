// Astro configuration: a fully static site with MDX content kept in ./content.
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';

// The public URL of the site. Set SITE_URL when deploying; the default is a
// reserved placeholder domain so that nothing ever points at a real site by accident.
export const DEFAULT_SITE_URL = 'https://pakistan-russia-bloc.example';

export default defineConfig({
  site: process.env.SITE_URL ?? DEFAULT_SITE_URL,
  output: 'static',
  trailingSlash: 'ignore',
  // Builds for tests may write elsewhere so that several builds never share a folder.
  outDir: process.env.SITE_OUT_DIR ?? './dist',
  cacheDir: process.env.SITE_CACHE_DIR ?? './node_modules/.astro',
  integrations: [mdx()],
  build: { inlineStylesheets: 'never', format: 'directory' },
  devToolbar: { enabled: false },
});

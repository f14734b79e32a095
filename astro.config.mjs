// Astro configuration: a fully static site with MDX content kept in ./content.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import securityHeaders from './src/integrations/securityHeaders';
import linkCheck from './src/integrations/links';
import { laterScripts } from './src/integrations/laterScripts';
import { parseHsts } from './src/integrations/headers';
import { parseSiteUrl, placeholderWarning } from './src/lib/siteUrls';
import { outDirOf } from './src/integrations/outDir';

// The public URL of the site (SITE_URL, checked; unset, a reserved placeholder domain, so that nothing ever
// points at a real site by accident). Its path is where the site is served: every page and asset lives under it.
const site = parseSiteUrl(process.env.SITE_URL);
// Strict-Transport-Security for `_headers` (SITE_HSTS: a value, or "off"; unset, two years).
const hsts = parseHsts(process.env.SITE_HSTS);

export default defineConfig({
  site: site.href,
  base: site.pathname,
  output: 'static',
  trailingSlash: 'ignore',
  // Builds for tests may write elsewhere so that several builds never share a folder.
  outDir: outDirOf(process.env.SITE_OUT_DIR, fileURLToPath(new URL('.', import.meta.url))),
  cacheDir: process.env.SITE_CACHE_DIR ?? './node_modules/.astro',
  integrations: [
    mdx(),
    securityHeaders({ hsts }),
    // A link that leads nowhere stops the build, after the pages are written and before anything is deployed.
    linkCheck(),
    // A build for the placeholder address says so at its end, where whoever deploys it reads.
    { name: 'bloc-site-url', hooks: { 'astro:build:done': ({ logger }) => { const w = placeholderWarning(process.env.SITE_URL); if (w) logger.warn(w); } } },
  ],
  build: { inlineStylesheets: 'never', format: 'directory' },
  devToolbar: { enabled: false },
  // Every script is small and only enhances: Astro writes each one into the page instead of a file that
  // would be fetched beside the stylesheets before the first paint. The JavaScript budget (npm run bench)
  // keeps them small; other assets keep Vite's 4 KB limit. The screen's styles are one file for every page
  // (cssCodeSplit: false): a phone's first paint waits for one request instead of three, and a section's card
  // page fetches the very file the article then finds in its cache.
  vite: {
    plugins: [laterScripts({ quote: '/src/scripts/bloc-quote.ts', chartTip: '/src/scripts/bloc-chart-tip.ts' })],
    build: { cssCodeSplit: false, assetsInlineLimit: (file) => (/\.m?js$/.test(file) ? true : undefined) },
  },
  // The article has no code blocks, and Shiki's inline styles would need 'unsafe-inline' under the CSP.
  markdown: { syntaxHighlight: false },
  // Astro hashes its own scripts and styles into a <meta> policy on every page; inline scripts
  // run only if Astro emitted them. `_headers` repeats the policy for hosts that send headers.
  security: {
    csp: {
      algorithm: 'SHA-256',
      directives: [
        "default-src 'self'",
        "img-src 'self'",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
    },
  },
});

// sitemap.xml: the public, indexable pages only (card pages are redirect stubs and stay out).
import type { APIRoute } from 'astro';
import { getEntry } from 'astro:content';
import { loadArticle } from '../lib/article/loadArticle';
import { INDEXABLE_PATHS, sitemapXml } from '../lib/sharing/siteFiles';

export const GET: APIRoute = async ({ site }) => {
  const { entry } = await loadArticle(getEntry);
  const body = sitemapXml(site!, INDEXABLE_PATHS.map((path) => ({ path, lastmod: entry.data.updated })));
  return new Response(body, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};

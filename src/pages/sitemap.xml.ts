// sitemap.xml: the public, indexable pages only (card pages are redirect stubs and stay out).
import type { APIRoute } from 'astro';
import { INDEXABLE_PATHS, sitemapXml } from '../lib/sharing/siteFiles';

export const GET: APIRoute = ({ locals }) => {
  const { article, url } = locals.edition;
  const body = sitemapXml(url, INDEXABLE_PATHS.map((path) => ({ path, lastmod: article.updated })));
  return new Response(body, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};

// The print-only stylesheet holding the article's running title and address for the page margins.
import type { APIRoute } from 'astro';
import { getEntry } from 'astro:content';
import { loadArticle } from '../lib/article/loadArticle';
import { pageFurnitureCss } from '../lib/print/furniture';

export const GET: APIRoute = async ({ site }) => {
  const { entry } = await loadArticle(getEntry);
  const css = pageFurnitureCss({ title: entry.data.headline, url: new URL('/', site).href });
  return new Response(css, { headers: { 'Content-Type': 'text/css; charset=utf-8' } });
};

// The print-only stylesheet holding the article's running title and address for the page margins.
import type { APIRoute } from 'astro';
import { pageFurnitureCss } from '../lib/print/furniture';

export const GET: APIRoute = ({ locals }) => {
  const { article, url } = locals.edition;
  return new Response(pageFurnitureCss({ title: article.headline, url: url.absolute('/') }), { headers: { 'Content-Type': 'text/css; charset=utf-8' } });
};

// The article's share card image, 1200×630, drawn at build time.
import type { APIRoute } from 'astro';
import { getEntry } from 'astro:content';
import { loadArticle } from '../../lib/article/loadArticle';
import { articleCardPng, png } from '../../lib/og/cards';

export const GET: APIRoute = async () => {
  const { entry } = await loadArticle(getEntry);
  return png(await articleCardPng(entry.data));
};

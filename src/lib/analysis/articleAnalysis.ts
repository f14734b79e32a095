// The analysis layer for the page build: the checked analysis of the article, shared by the page and every component that needs it.
import { getEntry } from 'astro:content';
import { ARTICLE_ID, loadArticle } from '../article/loadArticle';
import { analyse, type Analysis } from './analyse';

let cached: { body: string; value: Promise<Analysis> } | undefined;

/** Built once per version of the article's text, so that each note and term reads the same numbers. */
export async function articleAnalysis(): Promise<Analysis> {
  const entry = await getEntry('article', ARTICLE_ID);
  const body = entry?.body ?? '';
  if (!cached || cached.body !== body) {
    cached = { body, value: loadArticle(getEntry).then(({ outline, file }) => analyse(outline, file)) };
  }
  return cached.value;
}

// Loads the one article entry and its outline; every page that needs the article goes through here.
import type { getEntry as GetEntry } from 'astro:content';
import { parseOutline, readingMinutes } from './outline';
import { ContentError } from '../../schemas/issues';

export const ARTICLE_ID = 'pakistan-russia-asian-bloc';

export async function loadArticle(getEntry: typeof GetEntry) {
  const entry = await getEntry('article', ARTICLE_ID);
  if (!entry) throw new ContentError(`content/article/${ARTICLE_ID}.mdx: the article is missing`);
  const file = entry.filePath ?? `content/article/${ARTICLE_ID}.mdx`;
  const outline = parseOutline(entry.body ?? '', file);
  const minutes = readingMinutes([...outline.paragraphs.map((p) => p.text), entry.data.author.bio]);
  return { entry, outline, minutes, file };
}

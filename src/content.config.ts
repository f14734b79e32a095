// Content collections: the article (MDX in ../content/article).
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { articleSchema } from './schemas/article';

export const CONTENT_DIR = process.env.SITE_CONTENT_DIR ?? './content';

const article = defineCollection({
  loader: glob({ pattern: '*.mdx', base: `${CONTENT_DIR}/article` }),
  schema: articleSchema,
});

export const collections = { article };

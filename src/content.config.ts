// Content collections: the article (MDX in ../content/article) and its data (YAML in ../content/data).
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { articleSchema } from './schemas/article';
import { tradeFileSchema, tradeRowSchema } from './schemas/trade';
import { dealsFileSchema, dealRowSchema } from './schemas/deals';
import { yamlLoader } from './lib/data/yamlLoader';
import { timelineLoader } from './lib/timeline/loader';

export const CONTENT_DIR = process.env.SITE_CONTENT_DIR ?? './content';

const article = defineCollection({
  loader: glob({ pattern: '*.mdx', base: `${CONTENT_DIR}/article` }),
  schema: articleSchema,
});

// The money in the story: rows validated, ids unique and sources checked against the article's paragraphs.
const ARTICLE_FILE = `${CONTENT_DIR}/article/pakistan-russia-asian-bloc.mdx`;
const trade = defineCollection({
  loader: yamlLoader({ file: `${CONTENT_DIR}/data/trade.yaml`, schema: tradeFileSchema, article: ARTICLE_FILE }),
  schema: tradeRowSchema,
});
const deals = defineCollection({
  loader: yamlLoader({ file: `${CONTENT_DIR}/data/deals.yaml`, schema: dealsFileSchema, article: ARTICLE_FILE }),
  schema: dealRowSchema,
});

// Dated events 2010–2018, each pointing at the paragraph that mentions it.
const timeline = defineCollection({
  loader: timelineLoader({ file: `${CONTENT_DIR}/data/timeline.yaml`, article: `${CONTENT_DIR}/article/pakistan-russia-asian-bloc.mdx` }),
});

export const collections = { article, trade, deals, timeline };

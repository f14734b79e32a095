// One share card image per section, 1200×630, drawn at build time.
import type { APIRoute, GetStaticPaths } from 'astro';
import { getEntry } from 'astro:content';
import { loadArticle } from '../../../lib/article/loadArticle';
import { sectionCards, type SectionCard } from '../../../lib/sharing/sectionCards';
import { png, sectionCardPng } from '../../../lib/og/cards';

export const getStaticPaths = (async () => {
  const { entry, outline } = await loadArticle(getEntry);
  return sectionCards(outline, entry.data.headline, import.meta.env.SITE, entry.data.language).map((card) => ({
    params: { section: card.id },
    props: { card, data: entry.data },
  }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ card: SectionCard; data: Parameters<typeof sectionCardPng>[1] }> = async ({ props }) =>
  png(await sectionCardPng(props.card, props.data));

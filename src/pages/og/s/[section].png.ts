// One share card image per section, 1200×630, drawn at build time.
import type { APIRoute, GetStaticPaths } from 'astro';
import { getEdition } from '../../../lib/edition/getEdition';
import { epilogueCard, sectionCards, type SectionCard } from '../../../lib/sharing/sectionCards';
import { png, sectionCardPng } from '../../../lib/og/cards';

export const getStaticPaths = (async () => {
  const { outline, article, url, epilogue } = await getEdition();
  const cards = [...sectionCards(outline, article.headline, url, article.language), epilogueCard(epilogue, article.headline, url, article.language)];
  return cards.map((card) => ({ params: { section: card.id }, props: { card } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ card: SectionCard }> = async ({ props, locals }) => png(await sectionCardPng(props.card, locals.edition.article));

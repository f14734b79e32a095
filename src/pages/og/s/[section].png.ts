// One share card image per section, 1200×630, drawn at build time.
import type { APIRoute, GetStaticPaths } from 'astro';
import { getEdition } from '../../../lib/edition/getEdition';
import { sectionCards, type SectionCard } from '../../../lib/sharing/sectionCards';
import { png, sectionCardPng } from '../../../lib/og/cards';

export const getStaticPaths = (async () => {
  const { outline, article, url } = await getEdition();
  return sectionCards(outline, article.headline, url, article.language).map((card) => ({ params: { section: card.id }, props: { card } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ card: SectionCard }> = async ({ props, locals }) => png(await sectionCardPng(props.card, locals.edition.article));

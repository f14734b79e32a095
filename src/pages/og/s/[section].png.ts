// One share card image per section, 1200×630, drawn at build time; a retired section id keeps its image.
import type { APIRoute, GetStaticPaths } from 'astro';
import { getEdition } from '../../../lib/edition/getEdition';
import type { SectionCard } from '../../../lib/sharing/sectionCards';
import { png, sectionCardPng } from '../../../lib/og/cards';

export const getStaticPaths = (async () => {
  const { sectionCards } = await getEdition();
  return sectionCards.map((card) => ({ params: { section: card.id }, props: { card } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ card: SectionCard }> = async ({ props, locals }) => png(await sectionCardPng(props.card, locals.edition.article));

// Renders the article's and the sections' card images (used by the /og/ endpoints).
import tokensCss from '../../styles/tokens.css?raw';
import type { ArticleData } from '../../schemas/article';
import type { SectionCard } from '../sharing/sectionCards';
import { articleCardInput, sectionCardInput } from './cardInputs';
import { cardTree } from './cardTree';
import { cardPalette } from './palette';
import { renderCardPng } from './renderCard';

const palette = cardPalette(tokensCss);

export function articleCardPng(data: ArticleData): Promise<Uint8Array> {
  return renderCardPng(cardTree(articleCardInput(data), palette));
}

export function sectionCardPng(card: SectionCard, data: ArticleData): Promise<Uint8Array> {
  return renderCardPng(cardTree(sectionCardInput(card, data), palette));
}

export const png = (bytes: Uint8Array) =>
  new Response(bytes as Uint8Array<ArrayBuffer>, { headers: { 'Content-Type': 'image/png' } });

// Composes a 1200×630 share card as a satori element tree: pure data, no fonts or rendering here.
import type { CardPalette } from './palette';
import { cardFamily } from './cardGlyphs';

const SERIF = cardFamily('Serif');
const SANS = cardFamily('Sans');

export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;

export interface CardInput {
  /** Small line above the headline, e.g. "Section 3 of 8". */
  kicker: string;
  /** The big line: a section heading or the article's headline. */
  headline: string;
  /** Under the rule: where the headline comes from. */
  source: string;
  siteName: string;
  /** Position among the sections (1-based); drawn as a row of marks so each card differs. */
  index?: number;
  total?: number;
}

export interface CardNode {
  type: string;
  props: { style?: Record<string, string | number>; children?: (CardNode | string)[] | CardNode | string; [key: string]: unknown };
}

/** The most lines the heading and the source line take; longer ones end in an ellipsis. */
export const HEADLINE_LINES = 3;
export const SOURCE_LINES = 2;

/** Headline size in px: longer headings get smaller type so they stay within three lines. */
export function headlineSize(headline: string): number {
  const n = headline.length;
  if (n <= 22) return 92;
  if (n <= 34) return 80;
  if (n <= 48) return 68;
  return 58;
}

const el = (type: string, style: Record<string, string | number>, children?: CardNode['props']['children']): CardNode => ({
  type,
  props: { style, ...(children === undefined ? {} : { children }) },
});

/** The section marks in the footer: one per section, the card's own filled and taller. */
export function sectionMarks(index: number, total: number, palette: CardPalette): CardNode[] {
  if (!Number.isInteger(total) || total < 1 || index < 1 || index > total) {
    throw new Error(`sectionMarks: index ${index} is outside 1…${total}`);
  }
  return Array.from({ length: total }, (_, i) =>
    el('div', {
      width: 28,
      height: i + 1 === index ? 28 : 10,
      marginLeft: i === 0 ? 0 : 8,
      background: i + 1 === index ? palette.accent : palette.rule,
    }),
  );
}

export function cardTree(input: CardInput, palette: CardPalette): CardNode {
  const marks = input.index && input.total ? sectionMarks(input.index, input.total, palette) : [];
  return el(
    'div',
    {
      display: 'flex',
      flexDirection: 'column',
      boxSizing: 'border-box',
      width: CARD_WIDTH,
      height: CARD_HEIGHT,
      background: palette.background,
      color: palette.text,
      borderTop: `16px solid ${palette.accent}`,
      padding: '56px 72px 48px',
    },
    [
      el('div', { display: 'flex', flexShrink: 0, fontFamily: SANS, fontWeight: 600, fontSize: 28, letterSpacing: 3, textTransform: 'uppercase', color: palette.accent }, input.kicker),
      // However long the heading, it wraps and stops at three lines with an ellipsis, inside its band of the card.
      el(
        'div',
        { display: 'flex', flexGrow: 1, flexShrink: 1, minHeight: 0, overflow: 'hidden', alignItems: 'center', fontFamily: SERIF, fontWeight: 700, fontSize: headlineSize(input.headline), lineHeight: 1.08, letterSpacing: -1 },
        [el('div', { display: 'block', width: '100%', lineClamp: HEADLINE_LINES }, input.headline)],
      ),
      el('div', { display: 'flex', flexShrink: 0, height: 4, background: palette.text, marginBottom: 24 }),
      el('div', { display: 'block', flexShrink: 0, lineClamp: SOURCE_LINES, fontFamily: SERIF, fontWeight: 400, fontStyle: 'italic', fontSize: 30, lineHeight: 1.3, color: palette.muted }, input.source),
      el('div', { display: 'flex', flexShrink: 0, justifyContent: 'space-between', alignItems: 'flex-end', marginTop: 28 }, [
        el('div', { display: 'flex', fontFamily: SANS, fontWeight: 600, fontSize: 26, color: palette.text }, input.siteName),
        el('div', { display: 'flex', alignItems: 'flex-end' }, marks),
      ]),
    ],
  );
}

import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { cardPalette } from '../../../src/lib/og/palette';
import { cardTree, headlineSize, sectionMarks, CARD_HEIGHT, CARD_WIDTH, HEADLINE_LINES, SOURCE_LINES, type CardInput, type CardNode } from '../../../src/lib/og/cardTree';
import { cardFamily, cardTextProblems, undrawable, CARD_SUBSETS } from '../../../src/lib/og/cardGlyphs';
import { PNG } from 'pngjs';
import { articleCardInput, sectionCardInput } from '../../../src/lib/og/cardInputs';
import { cardFonts, pngSize, renderCardPng, renderIconPng } from '../../../src/lib/og/renderCard';
import { articleCardPng, png, sectionCardPng } from '../../../src/lib/og/cards';
import type { SectionCard } from '../../../src/lib/sharing/sectionCards';
import type { ArticleData } from '../../../src/schemas/article';

const tokens = readFileSync(resolve(import.meta.dirname, '../../../src/styles/tokens.css'), 'utf8');
const paletteOf = () => cardPalette(tokens);

const data = {
  headline: 'Pakistan, Russia teaming up for Asian bloc',
  author: { name: 'Yasir Habib Khan', bio: 'b' },
  original: { publication: 'The Nation', credit: 'c' },
  published: { date: '2018-10', precision: 'month', inferred: true, basis: 'b' },
} as ArticleData;
const card = { id: 'the-energy-corridor', title: 'The energy corridor', index: 7, total: 8 } as SectionCard;

const texts = (n: CardNode | string): string[] =>
  typeof n === 'string' ? [n] : [n.props.children ?? []].flat().flatMap((c) => texts(c as CardNode | string));

describe('cardPalette', () => {
  it('cardPalette(tokens.css) takes the light values of the colour tokens', () => {
    const palette = paletteOf();
    expect(palette.accent).toBe(/--color-accent:\s*([^;]+);/.exec(tokens)![1]);
    expect(palette.background).toBe(/--color-bg:\s*([^;]+);/.exec(tokens)![1]);
    expect(() => cardPalette(':root { --color-bg: #fff; }', 'x.css')).toThrow(/x\.css: the token --color-surface is missing/);
  });
});

describe('cardTree', () => {
  it('cardTree(sectionCardInput(card, data)) carries the heading, its position, the article and the site name', () => {
    const palette = paletteOf();
    const input = sectionCardInput(card, data);
    const tree = cardTree(input, palette);
    expect(tree.props.style).toMatchObject({ width: CARD_WIDTH, height: CARD_HEIGHT });
    const t = texts(tree);
    expect(t).toContain('The energy corridor');
    expect(t).toContain('Section 7 of 8');
    expect(t).toContain('From “Pakistan, Russia teaming up for Asian bloc” by Yasir Habib Khan');
    expect(t.some((s) => s.startsWith('Asian Bloc'))).toBe(true);
  });

  it('cardTree(articleCardInput(data)) carries the headline, author, publication and date at its precision', () => {
    const palette = paletteOf();
    const t = texts(cardTree(articleCardInput(data), palette));
    expect(t).toContain('Pakistan, Russia teaming up for Asian bloc');
    // The date is the edition's inference (the reposted copy carries none), and the card says so.
    expect(t).toContain('By Yasir Habib Khan · first published in The Nation, October 2018 (date\u00a0inferred)');
    expect(articleCardInput(data)).toEqual({
      kicker: 'Analysis · annotated edition', headline: data.headline,
      source: 'By Yasir Habib Khan · first published in The Nation, October 2018 (date\u00a0inferred)', siteName: 'Asian Bloc · an annotated edition',
    });
    expect(articleCardInput({ ...data, published: { ...data.published, inferred: false } }).source).toBe('By Yasir Habib Khan · first published in The Nation, October 2018');
  });

  it('sectionMarks(index, total) draws one mark per section and fills only the card’s own', () => {
    const palette = paletteOf();
    const marks = sectionMarks(3, 8, palette);
    expect(marks).toHaveLength(8);
    const filled = marks.map((m) => m.props.style!.background === palette.accent);
    expect(filled.indexOf(true)).toBe(2);
    expect(filled.filter(Boolean)).toHaveLength(1);
    expect(() => sectionMarks(9, 8, palette)).toThrow(/outside 1…8/);
  });

  it('sectionMarks(index, total) draws the marks 8 px apart, the card\'s own 28 px tall and the others 10, and refuses an index outside the sections', () => {
    const palette = paletteOf();
    expect(sectionMarks(1, 1, palette)).toStrictEqual([{ type: 'div', props: { style: { width: 28, height: 28, marginLeft: 0, background: palette.accent } } }]);
    expect(sectionMarks(2, 3, palette).map((m) => m.props)).toStrictEqual([
      { style: { width: 28, height: 10, marginLeft: 0, background: palette.rule } },
      { style: { width: 28, height: 28, marginLeft: 8, background: palette.accent } },
      { style: { width: 28, height: 10, marginLeft: 8, background: palette.rule } },
    ]);
    for (const [index, total] of [[0, 8], [1, 0], [1, 2.5], [-1, 8]]) {
      expect(() => sectionMarks(index!, total!, palette), `${index} of ${total}`).toThrow(`sectionMarks: index ${index} is outside 1…${total}`);
    }
  });

  it('cardTree(input) is a tree of divs, the only element satori lays out here, with section marks only where both the index and the count are given', () => {
    const palette = paletteOf();
    const nodes = (n: CardNode | string): CardNode[] => (typeof n === 'string' ? [] : [n, ...[n.props.children ?? []].flat().flatMap((c) => nodes(c as CardNode))]);
    const tree = cardTree(sectionCardInput(card, data), palette);
    expect(new Set(nodes(tree).map((n) => n.type))).toEqual(new Set(['div']));
    const marks = (input: Partial<CardInput>) => nodes(cardTree({ ...articleCardInput(data), ...input }, palette)).filter((n) => n.props.style?.width === 28).length;
    expect(marks({ index: 2, total: 3 })).toBe(3);
    expect(marks({ index: 2 })).toBe(0);
    expect(marks({ total: 3 })).toBe(0);
  });

  it('headlineSize(text) steps down at 23, 35 and 49 characters: 92, 80, 68 and 58 px', () => {
    const at = (n: number) => headlineSize('x'.repeat(n));
    expect([1, 22, 23, 34, 35, 48, 49, 200].map(at)).toEqual([92, 92, 80, 80, 68, 68, 58, 58]);
  });

  it('headlineSize(text) never grows as the headline gets longer', () => {
    const sizes = [5, 20, 30, 40, 60, 90].map((n) => headlineSize('x'.repeat(n)));
    sizes.forEach((s, i) => { if (i > 0) expect(s).toBeLessThanOrEqual(sizes[i - 1]!); });
  });
});

describe('renderCardPng', () => {
  it('renderCardPng(tree) draws a 1200×630 PNG, different for different sections', async () => {
    const palette = paletteOf();
    const a = await renderCardPng(cardTree(sectionCardInput(card, data), palette));
    const b = await renderCardPng(cardTree(sectionCardInput({ ...card, title: 'Trade on the rise', index: 8 }, data), palette));
    expect(pngSize(a)).toEqual({ width: 1200, height: 630 });
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(false);
  });

  it('renderIconPng(svg, size) draws a square PNG of the size asked for', () => {
    const svg = readFileSync(resolve(import.meta.dirname, '../../../public/favicon.svg'), 'utf8');
    expect(pngSize(renderIconPng(svg, 192))).toEqual({ width: 192, height: 192 });
    expect(() => pngSize(new Uint8Array(30))).toThrow(/not a PNG/);
    // The whole signature, not its first byte only.
    expect(() => pngSize(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0, ...new Array(22).fill(0)]))).toThrow(/not a PNG/);
  });

  it('cardFonts() names each face by family and subset, as cardFamily() lists them for the card', () => {
    const fonts = cardFonts();
    for (const face of ['Serif', 'Sans'] as const) {
      const names = cardFamily(face).split(', ');
      expect(names).toEqual(CARD_SUBSETS.map((subset) => `${face} ${subset}`));
      for (const name of names) expect(fonts.some((f) => f.name === name), name).toBe(true);
    }
    expect(fonts).toHaveLength(3 * CARD_SUBSETS.length);
  });

  it('renderIconPng(svg, size, background) fills what the drawing leaves transparent, and only when asked', () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect x="4" y="4" width="2" height="2" fill="#000"/></svg>';
    const corner = (bytes: Uint8Array) => [...PNG.sync.read(Buffer.from(bytes)).data.subarray(0, 4)];
    expect(corner(renderIconPng(svg, 20, '#ff0000'))).toEqual([255, 0, 0, 255]);
    expect(corner(renderIconPng(svg, 20))).toEqual([0, 0, 0, 0]);
  });
});

describe('cards for the /og/ endpoints', () => {
  it('articleCardPng(data) and sectionCardPng(card, data) draw the cards of the page palette, as renderCardPng(cardTree(…)) does', async () => {
    const palette = paletteOf();
    const article = await articleCardPng(data);
    expect(Buffer.from(article).equals(Buffer.from(await renderCardPng(cardTree(articleCardInput(data), palette))))).toBe(true);
    const section = await sectionCardPng(card, data);
    expect(Buffer.from(section).equals(Buffer.from(await renderCardPng(cardTree(sectionCardInput(card, data), palette))))).toBe(true);
    expect(Buffer.from(section).equals(Buffer.from(article))).toBe(false);
  });

  it('png(bytes) answers with the bytes as image/png', async () => {
    const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47]);
    const response = png(bytes);
    expect(response.headers.get('Content-Type')).toBe('image/png');
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(bytes);
  });
});

describe('the card as drawn', () => {
  const rgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  const drawn = async (tree: CardNode) => {
    const { width, height, data } = PNG.sync.read(Buffer.from(await renderCardPng(tree)));
    const at = (x: number, y: number) => [...data.subarray((y * width + x) * 4, (y * width + x) * 4 + 3)];
    const same = (a: number[], b: number[]) => a.every((v, i) => v === b[i]);
    /** Whether every pixel of the rectangle is `colour`; and whether any is. */
    const all = (x0: number, y0: number, x1: number, y1: number, colour: number[]) => {
      for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) if (!same(at(x, y), colour)) return false;
      return true;
    };
    const some = (x0: number, y0: number, x1: number, y1: number, colour: number[]) => {
      for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) if (same(at(x, y), colour)) return true;
      return false;
    };
    return { width, height, at, all, some };
  };

  it('renderCardPng(cardTree(input)) draws a 16 px accent band at the top, margins of 56, 72 and 48 px, and nothing in them', async () => {
    const palette = paletteOf();
    const { width, height, all } = await drawn(cardTree(sectionCardInput(card, data), palette));
    const [bg, accent] = [rgb(palette.background), rgb(palette.accent)];
    expect(all(0, 0, width, 16, accent)).toBe(true);
    expect(all(0, 16, width, 16 + 56, bg)).toBe(true);
    expect(all(0, 16, 72, height, bg)).toBe(true);
    expect(all(width - 72, 16, width, height, bg)).toBe(true);
    expect(all(0, height - 48, width, height, bg)).toBe(true);
    // Just inside the margins something is drawn: the kicker below the top, the last mark at the bottom right.
    expect(all(72, 16 + 56, width - 72, 16 + 56 + 28, bg)).toBe(false);
    expect(all(width - 72 - 28, height - 48 - 10, width - 72, height - 48, rgb(palette.rule))).toBe(true);
  });

  it('renderCardPng(cardTree(input)) draws the kicker in the accent colour, a 4 px rule in the text colour and the source in the muted colour', async () => {
    const palette = paletteOf();
    const { width, height, all, some } = await drawn(cardTree(sectionCardInput(card, data), palette));
    const [accent, text, muted, rule] = [rgb(palette.accent), rgb(palette.text), rgb(palette.muted), rgb(palette.rule)];
    expect(some(72, 72, width - 72, 72 + 40, accent)).toBe(true);
    const ruleRows = Array.from({ length: height }, (_, y) => y).filter((y) => all(72, y, width - 72, y + 1, text));
    expect(ruleRows).toHaveLength(4);
    expect(ruleRows.at(-1)! - ruleRows[0]!).toBe(3);
    expect(some(72, ruleRows.at(-1)! + 1, width - 72, height - 48, muted)).toBe(true);
    // The other seven marks: 28 × 10 in the rule colour, 8 px apart, left of the card's own.
    const own = width - 72 - 28 * (card.total! - card.index! + 1) - 8 * (card.total! - card.index!);
    expect(all(own - 8 - 28, height - 48 - 10, own - 8, height - 48, rule)).toBe(true);
    expect(all(own - 8, height - 48 - 10, own, height - 48, rule)).toBe(false);
    expect(all(own, height - 48 - 28, own + 28, height - 48, accent)).toBe(true);
  });

  it('renderCardPng(cardTree(input)) sets the kicker in capitals, whatever its case', async () => {
    const palette = paletteOf();
    const input = sectionCardInput(card, data);
    const lower = await renderCardPng(cardTree({ ...input, kicker: 'Section 7 of 8' }, palette));
    const upper = await renderCardPng(cardTree({ ...input, kicker: 'SECTION 7 OF 8' }, palette));
    expect(Buffer.from(lower).equals(Buffer.from(upper))).toBe(true);
    const other = await renderCardPng(cardTree({ ...input, kicker: 'SECTION 6 OF 8' }, palette));
    expect(Buffer.from(other).equals(Buffer.from(upper))).toBe(false);
  });

  it('renderCardPng(cardTree(input)) draws the article\'s card without section marks', async () => {
    const palette = paletteOf();
    const { width, height, all } = await drawn(cardTree(articleCardInput(data), palette));
    expect(all(width - 72 - 28, height - 48 - 10, width - 72, height - 48, rgb(palette.background))).toBe(true);
  });
});

describe('long and non-Latin card text', () => {
  const LONG = 'A section heading that goes on and on about pipelines, joint drills, summits in Sochi and Moscow and trade figures, far beyond what any card could hold in three lines of type';
  const input = (headline: string) => ({ kicker: 'Section 3 of 8', headline, source: `From “${LONG}” by Yasir Habib Khan`, siteName: 'Asian Bloc · an annotated edition', index: 3, total: 8 });
  const rows = (png: Uint8Array) => {
    const { width, height, data } = PNG.sync.read(Buffer.from(png));
    return Array.from({ length: height }, (_, y) => data.subarray(y * width * 4, (y + 1) * width * 4).toString('base64'));
  };

  it('cardTree(input) clamps the heading to three lines and the source to two', () => {
    const palette = paletteOf();
    const tree = cardTree(input(LONG), palette);
    const styles: Record<string, unknown>[] = [];
    const walk = (n: CardNode | string) => { if (typeof n !== 'string') { styles.push(n.props.style ?? {}); [n.props.children ?? []].flat().forEach((c) => walk(c as CardNode)); } };
    walk(tree);
    expect(styles.filter((s) => s.lineClamp !== undefined).map((s) => s.lineClamp)).toEqual([HEADLINE_LINES, SOURCE_LINES]);
  });

  it('renderCardPng(cardTree(input)) keeps a heading of any length inside its band: the rule, the source and the footer are drawn the same', async () => {
    const palette = paletteOf();
    const short = rows(await renderCardPng(cardTree(input('Trade'), palette)));
    const long = rows(await renderCardPng(cardTree(input(LONG.repeat(4)), palette)));
    // The rule under the heading: the first row, from the bottom up, that is drawn the same across the text column and differs from the background.
    const differing = short.map((r, y) => r !== long[y]).flatMap((d, y) => (d ? [y] : []));
    expect(differing.length).toBeGreaterThan(0);
    const lastDiffering = differing.at(-1)!;
    // Below the heading's band nothing changed: the bottom third of the card is identical.
    expect(lastDiffering).toBeLessThan(CARD_HEIGHT * 0.66);
    // Above it, the kicker is untouched.
    expect(differing[0]).toBeGreaterThan(16 + 56 + 28);
  });

  it('renderCardPng draws Cyrillic, Greek and Vietnamese headings with real letters, each different from the next', async () => {
    const palette = paletteOf();
    for (const [a, b] of [['Дружба', 'Жжжжжж'], ['Ελλάδα', 'Ωωωωωω'], ['Việt Nam', 'Ưưưưưưưư']]) {
      const [pa, pb] = [await renderCardPng(cardTree(input(a!), palette)), await renderCardPng(cardTree(input(b!), palette))];
      // Missing glyphs would all be drawn as the same empty box, and the two cards would be the same.
      expect(Buffer.from(pa).equals(Buffer.from(pb)), a).toBe(false);
      expect(cardTextProblems([{ field: 'heading', text: a! }])).toEqual([]);
    }
  });

  it('cardTextProblems(texts) names the field and each character the cards cannot draw, with its code point', () => {
    expect(cardTextProblems([{ field: 'section "x" title', text: 'پاکستان and 中国' }])).toEqual([
      'section "x" title: the share card cannot draw "پ" (U+067E), "ا" (U+0627), "ک" (U+06A9), "س" (U+0633), "ت" (U+062A), "ن" (U+0646), "中" (U+4E2D), "国" (U+56FD): its fonts (Source Serif 4, Source Sans 3) cover the Latin, Cyrillic, Greek and Vietnamese alphabets',
    ]);
    expect(cardTextProblems([{ field: 'headline', text: 'Pakistan – Russia: “$10bn” … 2018' }])).toEqual([]);
    expect(undrawable('Ok 😀')).toEqual(['😀']);
  });
});

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fitX, overlaps, textBox, textWidth, wrapText, type FontWeight, type TextStyle } from '../../../src/lib/charts/textBox';

const WEIGHTS: FontWeight[] = ['regular', 'semibold', 'bold'];
const text = fc.string({ minLength: 1, maxLength: 40 });
const fontSize = fc.integer({ min: 8, max: 32 });
const words = fc.array(fc.constantFrom('Summit', 'in', 'Moscow', 'Druzhba', 'WWW', 'Mi-35', '$541m', 'Khyber Pakhtunkhwa', 'WWWWWWWWWWWWWWWWWWWW', '💥'), { minLength: 1, maxLength: 12 }).map((w) => w.join(' '));

/**
 * Widths in ems as Chromium sets them in the charts' font stack where it falls back to DejaVu Sans,
 * the widest face in that stack (SVG getBBox() at 100 px).
 */
const DEJAVU_SANS: [string, TextStyle, number][] = [
  ['Salala checkpost attack', {}, 11.89],
  ['Russian officers in North Waziristan', {}, 17.69],
  ['The quick brown fox jumps over the lazy dog', {}, 22.5],
  ['WWWWWWWWWW', {}, 9.89],
  ['WWWWWWWWWW', { weight: 'bold' }, 11.03],
  ['mmmmmmmmmm', { weight: 'bold' }, 10.42],
  ['0123456789', { weight: 'bold' }, 6.96],
  ['$10bn', { weight: 'bold' }, 3.52],
  ['+$141M (+35.3\u00a0%)', { weight: 'bold' }, 10.53],
  ['“last year”', { weight: 'bold' }, 6.27],
  ['A year’s trade', { weight: 'bold' }, 8.03],
  ['Islamabad', { weight: 'semibold' }, 5.81],
  ['Peshawar', { weight: 'semibold' }, 5.49],
  ['AFGHANISTAN', { letterSpacing: 0.08 }, 7.99],
];

describe('textBox', () => {
  it('textWidth(text, fontSize) is never narrower than DejaVu Sans sets the text, at any weight the charts use', () => {
    for (const [t, style, ems] of DEJAVU_SANS) expect(textWidth(t, 100, style), `${t} ${JSON.stringify(style)}`).toBeGreaterThanOrEqual(ems * 100);
  });

  it('textWidth(text, fontSize) grows with every character added and with the font size', () => {
    fc.assert(fc.property(text, fc.string({ minLength: 1, maxLength: 10 }), fontSize, (a, b, size) => {
      expect(textWidth(a + b, size)).toBeGreaterThan(textWidth(a, size));
      expect(textWidth(a, size + 1)).toBeGreaterThanOrEqual(textWidth(a, size));
      expect(textWidth(a, 2 * size)).toBeGreaterThan(textWidth(a, size));
    }));
    expect(textWidth('', 12)).toBe(0);
  });

  it('textWidth(text, fontSize, { weight }) is wider in bold than in regular, semi-bold measured as bold', () => {
    // Widths are whole pixels, so a character or two may round to the same width in either weight.
    fc.assert(fc.property(fc.string({ minLength: 10, maxLength: 40 }), fontSize, (t, size) => {
      const [regular, semibold, bold] = WEIGHTS.map((weight) => textWidth(t, size, { weight }));
      expect(bold).toBeGreaterThan(regular!);
      expect(semibold).toBe(bold);
    }));
  });

  it('textWidth(text, fontSize, { letterSpacing }) adds the spacing after every character', () => {
    expect(textWidth('CHINA', 10, { letterSpacing: 0.1 })).toBe(textWidth('CHINA', 10) + 5);
  });

  it('textWidth(text, fontSize) counts wide letters, capitals and full-width characters as wider than narrow ones', () => {
    expect(textWidth('WWWWW', 10)).toBeGreaterThan(textWidth('NNNNN', 10));
    expect(textWidth('NNNNN', 10)).toBeGreaterThan(textWidth('nnnnn', 10));
    expect(textWidth('nnnnn', 10)).toBeGreaterThan(textWidth('iiiii', 10));
    expect(textWidth('ＷＷＷＷＷ', 10)).toBeGreaterThanOrEqual(50);
  });

  it('textWidth(text, fontSize) sets slim letters between narrow and ordinary ones, and every capital, the ampersand and CJK wider than lower case', () => {
    const w = (t: string) => textWidth(t, 100);
    expect(w('fffff')).toBeGreaterThan(w('iiiii'));
    expect(w('fffff')).toBeLessThan(w('aaaaa'));
    // The first and last capitals and the ampersand, set as capitals.
    for (const ch of ['A', 'Z', '&']) expect(w(ch), ch).toBe(w('N'));
    expect(w('N')).toBeGreaterThan(w('a'));
    // The CJK radicals begin the full-width range; the character before them is set as an ordinary one.
    expect(w('\u2e80')).toBeGreaterThan(w('W'));
    expect(w('\u2e7f')).toBe(w('a'));
  });

  it('wrapText(text, maxWidth, fontSize) never returns a line wider than maxWidth, and loses no character', () => {
    fc.assert(fc.property(words, fc.integer({ min: 40, max: 600 }), fontSize, fc.constantFrom(...WEIGHTS), (t, maxWidth, size, weight) => {
      // The widest single character must fit, or nothing could.
      fc.pre(textWidth('💥', size, { weight }) <= maxWidth);
      const lines = wrapText(t, maxWidth, size, { weight });
      for (const line of lines) expect(textWidth(line, size, { weight }), line).toBeLessThanOrEqual(maxWidth);
      expect(lines.join('').replace(/\s/g, '')).toBe(t.replace(/\s/g, ''));
    }), { numRuns: 300 });
  });

  it('wrapText(text, maxWidth, fontSize) breaks between words where the words fit', () => {
    const lines = wrapText('Russian officers in North Waziristan', 140, 13);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join(' ')).toBe('Russian officers in North Waziristan');
    expect(wrapText('Summit in Moscow', 1000, 13)).toEqual(['Summit in Moscow']);
  });

  it('wrapText(text, maxWidth, fontSize) cuts a single word wider than maxWidth across lines', () => {
    const word = 'W'.repeat(30);
    const lines = wrapText(word, 100, 12);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join('')).toBe(word);
    for (const line of lines) expect(textWidth(line, 12)).toBeLessThanOrEqual(100);
  });

  it('wrapText(text, maxWidth, fontSize) keeps a line or a piece of a word exactly maxWidth wide whole, and cuts one a pixel wider', () => {
    const words = 'Moscow talks';
    const w = textWidth(words, 13);
    expect(wrapText(words, w, 13)).toEqual([words]);
    expect(wrapText(words, w - 1, 13)).toEqual(['Moscow', 'talks']);
    const half = textWidth('WWW', 13);
    expect(wrapText('WWWWWW', half, 13)).toEqual(['WWW', 'WWW']);
    expect(wrapText('WWWWWW', half - 1, 13)).toEqual(['WW', 'WW', 'WW']);
  });

  it('wrapText(text, maxWidth, fontSize) drops spaces at either end and between words, and gives no line for no words', () => {
    expect(wrapText('  Summit   in Moscow \n', 1000, 13)).toEqual(['Summit in Moscow']);
    expect(wrapText('', 1000, 13)).toEqual([]);
    expect(wrapText(' \t ', 1000, 13)).toEqual([]);
  });

  it('textBox(mark) covers the text from its anchor, bold marks measured as bold', () => {
    const mark = { x: 100, y: 50, text: '$400M', fontSize: 15 };
    const w = textWidth(mark.text, 15);
    expect(textBox({ ...mark, anchor: 'start' })).toEqual({ x0: 100, x1: 100 + w, y0: 38, y1: 53.75 });
    expect(textBox({ ...mark, anchor: 'middle' })).toMatchObject({ x0: 100 - w / 2, x1: 100 + w / 2 });
    expect(textBox({ ...mark, anchor: 'end' })).toMatchObject({ x0: 100 - w, x1: 100 });
    expect(textBox({ ...mark, anchor: 'start', bold: true }).x1).toBe(100 + textWidth(mark.text, 15, { weight: 'bold' }));
  });

  it('overlaps(a, b) is true for boxes that share area, false for boxes that only touch along an edge', () => {
    const a = { x0: 0, y0: 0, x1: 10, y1: 10 };
    expect(overlaps(a, { x0: 9, y0: 9, x1: 20, y1: 20 })).toBe(true);
    expect(overlaps(a, { x0: 10, y0: 0, x1: 20, y1: 10 })).toBe(false);
    expect(overlaps({ x0: 10, y0: 0, x1: 20, y1: 10 }, a)).toBe(false);
    expect(overlaps(a, { x0: 0, y0: 10, x1: 10, y1: 20 })).toBe(false);
    expect(overlaps({ x0: 0, y0: 10, x1: 10, y1: 20 }, a)).toBe(false);
  });

  it('fitX(text, x, anchor, fontSize, min, max) moves a label back inside [min, max] and refuses one wider than that', () => {
    const w = textWidth('Druzhba', 12);
    expect(fitX('Druzhba', 50, 'middle', 12, 0, 200)).toEqual({ x: 50, anchor: 'middle' });
    expect(fitX('Druzhba', 2, 'middle', 12, 0, 200)).toEqual({ x: 0, anchor: 'start' });
    expect(fitX('Druzhba', 199, 'start', 12, 0, 200)).toEqual({ x: 200, anchor: 'end' });
    expect(() => fitX('Druzhba', 0, 'start', 12, 0, w - 1)).toThrow(/"Druzhba" is too wide for its chart/);
    expect(() => fitX('Druzhba', 20, 'start', 12, 20, 20 + w - 1.5)).toThrow(new RangeError(`the label "Druzhba" is too wide for its chart: it needs ${w} px and has ${w - 2} px`));
    expect(fitX('Druzhba', 20, 'start', 12, 20, 20 + w)).toEqual({ x: 20, anchor: 'start' });
    // An end-anchored label reaches left of its x by its width; a middle-anchored one by half.
    expect(fitX('Druzhba', w, 'end', 12, 0, 200)).toEqual({ x: w, anchor: 'end' });
    expect(fitX('Druzhba', w - 1, 'end', 12, 0, 200)).toEqual({ x: 0, anchor: 'start' });
    expect(fitX('Druzhba', 200, 'end', 12, 0, 200)).toEqual({ x: 200, anchor: 'end' });
    expect(fitX('Druzhba', w / 2, 'middle', 12, 0, 200)).toEqual({ x: w / 2, anchor: 'middle' });
    expect(fitX('Druzhba', 200 - w / 2 + 1, 'middle', 12, 0, 200)).toEqual({ x: 200, anchor: 'end' });
  });
});

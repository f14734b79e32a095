import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { encodeTextTerm, firstMatch, quoteDirective, textDirective, textFragmentUrl, wholeWords, WHOLE_QUOTE_WORDS } from '../../../src/scripts/text-fragment';

/** Reverses the encoding of one term, as a browser does when it reads the directive. */
const decode = (s: string) => decodeURIComponent(s);

describe('encodeTextTerm', () => {
  it('encodeTextTerm(term) escapes the directive syntax characters - , and &', () => {
    expect(encodeTextTerm('Pak-Russian')).toBe('Pak%2DRussian');
    expect(encodeTextTerm('a, b & c')).toBe('a%2C%20b%20%26%20c');
    expect(encodeTextTerm('“the more Afghan war prolongs,')).not.toMatch(/[,\-&“]/);
  });

  it('encodeTextTerm(term) round-trips any text and never leaves - , & or # bare', () => {
    fc.assert(
      fc.property(fc.string(), (t) => {
        const e = encodeTextTerm(t);
        expect(e).not.toMatch(/[-,&#\s]/);
        expect(decode(e)).toBe(t);
      }),
    );
  });
});

describe('textDirective', () => {
  it('textDirective(parts) joins prefix-, start, end and -suffix with commas', () => {
    expect(textDirective({ start: 'a b' })).toBe('text=a%20b');
    expect(textDirective({ start: 'a', end: 'z' })).toBe('text=a,z');
    expect(textDirective({ prefix: 'p', start: 'a', end: 'z', suffix: 's' })).toBe('text=p-,a,z,-s');
    expect(() => textDirective({ start: '  ' })).toThrow(/empty/);
  });

  it('textFragmentUrl(base, directive) replaces any fragment with the directive', () => {
    expect(textFragmentUrl('https://x.example/#old', { start: 'Druzhba-111' })).toBe('https://x.example/#:~:text=Druzhba%2D111');
  });
});

const article = [
  'Amid fast-changing geo-economic and geo-strategic alignments, Pakistan and Russia, once Cold War arch enemies are laying down foundation of friendship.',
  'This hard reality may become instrumental. The twist has deep potential to give rise to Asian bloc.',
  'Friendship touched to new heights when Pakistan and Russia met again.',
].join('\n');

describe('quoteDirective', () => {
  it('quoteDirective(text, from, to) links a short quote whole', () => {
    const from = article.indexOf('Cold War');
    const d = quoteDirective(article, from, from + 'Cold War arch enemies'.length);
    expect(d).toEqual({ start: 'Cold War arch enemies' });
  });

  it(`quoteDirective(text, from, to) links a quote longer than ${WHOLE_QUOTE_WORDS} words by its first and last four words`, () => {
    const quote = 'This hard reality may become instrumental. The twist has deep potential';
    const from = article.indexOf(quote);
    const d = quoteDirective(article, from, from + quote.length)!;
    expect(d.start).toBe('This hard reality may');
    expect(d.end).toBe('twist has deep potential');
    expect(d.start.split(' ')).toHaveLength(4);
  });

  it('quoteDirective widens a selection that cuts a word to whole words', () => {
    const from = article.indexOf('ssia, once');
    expect(wholeWords(article, from, from + 4)).toEqual([article.indexOf('Russia, once'), article.indexOf(', once')]);
    expect(quoteDirective(article, from, from + 4)!.start).toBe('Russia');
  });

  it('quoteDirective takes in no punctuation the reader did not select', () => {
    const page = 'The twist has deep potential to give rise to an Asian Union sooner or later. Next.';
    const quote = 'sooner or later';
    const from = page.indexOf(quote);
    expect(quoteDirective(page, from, from + quote.length)!.start).toBe(quote);
    expect(quoteDirective(page, from + 2, from + quote.length - 2)!.start).toBe(quote);
    // Selected with it, it stays.
    expect(quoteDirective(page, from, from + quote.length + 1)!.start).toBe(`${quote}.`);
  });

  it('wholeWords(text, from, to) widens to the white space either side where the browser has no Intl.Segmenter', () => {
    const page = 'An Asian Union sooner or later. Next.';
    const from = page.indexOf('oner');
    const Segmenter = Intl.Segmenter;
    try {
      (Intl as { Segmenter?: unknown }).Segmenter = undefined;
      expect(page.slice(...wholeWords(page, from, from + 'oner or lat'.length))).toBe('sooner or later.');
    } finally {
      (Intl as { Segmenter?: unknown }).Segmenter = Segmenter;
    }
    expect(page.slice(...wholeWords(page, from, from + 'oner or lat'.length))).toBe('sooner or later');
  });

  it('quoteDirective widens a cut word to what the browser counts as one word: "Pakistan’s" is one', () => {
    const page = 'Trade is up. Pakistan’s exports rose.';
    const from = page.indexOf('Pakistan');
    expect(quoteDirective(page, from, from + 'Pakistan'.length)!.start).toBe('Pakistan’s');
    expect(quoteDirective(page, from + 2, from + 5)!.start).toBe('Pakistan’s');
  });

  it('quoteDirective adds a prefix when the quote first occurs earlier in the text', () => {
    // "Pakistan and Russia" occurs in the first paragraph before the one selected in the third.
    const from = article.lastIndexOf('Pakistan and Russia');
    const d = quoteDirective(article, from, from + 'Pakistan and Russia'.length)!;
    expect(d.prefix).toBe('when');
    const flat = article.replace(/\s+/g, ' ').toLowerCase();
    expect(firstMatch(flat, d)).toBe(article.replace(/\s+/g, ' ').lastIndexOf('Pakistan and Russia'));
  });

  it('quoteDirective(text, from, to) finds the reader’s selection first, wherever it is (property)', () => {
    const flat = article.replace(/\s+/g, ' ');
    fc.assert(
      fc.property(fc.nat(article.length - 1), fc.nat(60), (a, len) => {
        let [from, to] = wholeWords(article, a, Math.min(article.length, a + len + 1));
        if (!article.slice(from, to).trim()) return;
        const d = quoteDirective(article, from, to)!;
        while (/\s/.test(article[from]!)) from++;
        const at = article.slice(0, from).replace(/\s+/g, ' ').replace(/^ /, '').length;
        expect(firstMatch(flat.toLowerCase(), d)).toBe(at);
      }),
    );
  });

  it('quoteDirective(text, from, to, breaks) links a quote across a note number or paragraph break by the words either side', () => {
    const quote = 'arch enemies are laying down';
    const from = article.indexOf(quote);
    const noteAt = article.indexOf(' are laying');
    expect(quoteDirective(article, from, from + quote.length, [noteAt])).toEqual({ start: 'arch enemies', end: 'are laying down' });
    // A break at the very edge of the quote changes nothing.
    expect(quoteDirective(article, from, from + quote.length, [from, from + quote.length])).toEqual({ start: quote });
    const across = article.indexOf('friendship.');
    const paraBreak = article.indexOf('\nThis hard') + 1;
    expect(quoteDirective(article, across, paraBreak + 'This hard'.length, [paraBreak])).toEqual({ start: 'friendship.', end: 'This hard' });
  });

  it('quoteDirective leaves out the white space at either end of a selection, instead of taking in the word beyond it', () => {
    const quote = ' Cold War arch ';
    const from = article.indexOf(quote);
    expect(quoteDirective(article, from, from + quote.length)).toEqual({ start: 'Cold War arch' });
  });

  it('quoteDirective(text, from, to, breaks, floor) takes a prefix from the quote\'s own paragraph only, and gives up where none finds it first', () => {
    // The page's text: a headline, a paragraph, a note between paragraphs, and the paragraph the reader selects in.
    const page = ['Asian bloc in the making', 'Talks went on as part of the plan.', '5 Context As part of a wider move.', 'As part of the deal, the twist may give rise to Asian bloc soon.'].join('\n');
    const para = page.lastIndexOf('As part of the deal');
    const note = page.indexOf('5 Context');
    const breaks = [note, para];
    // The words before the paragraph are the note's: a prefix taken from them would not be read before the quote.
    expect(quoteDirective(page, para, para + 'As part of'.length, breaks, para)).toBeUndefined();
    // Without the paragraph's edge, the prefix would reach into the note.
    expect(quoteDirective(page, para, para + 'As part of'.length)).toEqual({ prefix: 'move.', start: 'As part of' });
    // The headline says it first; the paragraph's own words before the quote tell it apart.
    const bloc = page.lastIndexOf('Asian bloc');
    const d = quoteDirective(page, bloc, bloc + 'Asian bloc'.length, breaks, para)!;
    expect(d).toEqual({ prefix: 'to', start: 'Asian bloc' });
    expect(firstMatch(page.replace(/\s+/g, ' ').toLowerCase(), d)).toBe(page.replace(/\s+/g, ' ').lastIndexOf('Asian bloc'));
  });

  it('quoteDirective takes a quote that starts a block whose text follows the block before without a space', () => {
    // "Title here." is a heading; "Asian bloc grows." the paragraph after it, where the reader selects.
    const page = 'Title here.Asian bloc grows.';
    const at = page.indexOf('Asian');
    expect(quoteDirective(page, at, at + 'Asian bloc'.length, [at], at)).toEqual({ start: 'Asian bloc' });
  });

  it('quoteDirective measures where the quote begins in the text as lowercased, whose length can differ ("İ" is two characters lowercased)', () => {
    const page = 'İstanbul talks. Asian bloc soon.';
    const at = page.indexOf('Asian');
    expect(quoteDirective(page, at, at + 'Asian bloc'.length)).toEqual({ start: 'Asian bloc' });
  });

  it('quoteDirective widens a selection to whole words but never past a break, where the next block\'s text runs on without a space', () => {
    const page = 'Trade swelled to $541 million current year.14 Correction The figure is for 2017.';
    const edge = page.indexOf('14 Correction');
    const from = page.indexOf('$541');
    expect(quoteDirective(page, from, edge, [edge], 0)).toEqual({ start: '$541 million current year.' });
    // A selection that starts inside a word of the paragraph still takes the whole word, as the browser counts one.
    expect(quoteDirective(page, from + 2, edge, [edge], 0)).toEqual({ start: '541 million current year.' });
  });

  it('quoteDirective rejects a selection without words', () => {
    expect(() => quoteDirective('a   b', 2, 3)).toThrow(/no words/);
  });
});

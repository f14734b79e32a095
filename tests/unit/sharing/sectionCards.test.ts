import { describe, expect, it } from 'vitest';
import { clip, epilogueCard, firstSentence, retiredSectionCards, sectionCard, sectionCards, DESCRIPTION_MAX } from '../../../src/lib/sharing/sectionCards';
import { siteUrls } from '../../../src/lib/siteUrls';
import { outline as parsedOutline } from '../analysis/fixture';

describe('firstSentence', () => {
  it('firstSentence(text) ends at the first full stop that ends a sentence', () => {
    expect(firstSentence('Both dismiss Trump Afghan Policy. Talk is the key.')).toBe('Both dismiss Trump Afghan Policy.');
    expect(firstSentence('In 2016, Pakistan held a drill. In 2017, Russia did.')).toBe('In 2016, Pakistan held a drill.');
    expect(firstSentence('One sentence only')).toBe('One sentence only');
  });

  it('firstSentence(text) reads every run of spaces, tabs and line breaks as one space', () => {
    expect(firstSentence('Talks  \n began\tin   Sochi. Then more.')).toBe('Talks began in Sochi.');
  });

  it('firstSentence(text) of a text with no words is empty', () => {
    expect(firstSentence('')).toBe('');
    expect(firstSentence(' \n\t ')).toBe('');
  });

  it('clip(text, max) keeps a text of exactly max characters and cuts one of max + 1 to at most max', () => {
    const exact = 'word '.repeat(DESCRIPTION_MAX).slice(0, DESCRIPTION_MAX);
    expect(clip(exact, DESCRIPTION_MAX)).toBe(exact);
    const over = `${exact}x`;
    const cut = clip(over, DESCRIPTION_MAX);
    expect(cut.length).toBeLessThanOrEqual(DESCRIPTION_MAX);
    expect(cut.endsWith('…')).toBe(true);
    expect(firstSentence(`${'a'.repeat(DESCRIPTION_MAX + 40)}.`).length).toBe(DESCRIPTION_MAX);
  });

  it('clip(text, max) cuts a text without a space in its second half mid-word, and drops punctuation before the ellipsis', () => {
    expect(clip('abcdefghij', 6)).toBe('abcde…');
    expect(clip('one two, three', 9)).toBe('one two…');
  });

  it('clip(text, max) cuts at the last space when it lies past half of max, mid-word when it lies at half or before', () => {
    expect(clip('aaaaa bbbb cccc', 9)).toBe('aaaaa…');
    expect(clip('abcd efghij', 8)).toBe('abcd ef…');
  });

  it('clip(text, max) drops every trailing punctuation mark before the ellipsis', () => {
    expect(clip('one two,; three', 10)).toBe('one two…');
    expect(clip('one two – three', 10)).toBe('one two…');
  });

  it('clip(text, max) cuts at a word boundary and marks the cut', () => {
    expect(clip('aaa bbb ccc', 20)).toBe('aaa bbb ccc');
    const c = clip('word '.repeat(100), 50);
    expect(c.length).toBeLessThanOrEqual(50);
    expect(c.endsWith('word…')).toBe(true);
  });
});

describe('sectionCards', () => {
  const cards = () => sectionCards(parsedOutline(), 'Pakistan, Russia teaming up for Asian bloc', siteUrls('https://site.example/sub/'));

  it('sectionCards(outline, …) makes one card per section, numbered in order, with the card URL and image', () => {
    const outline = parsedOutline();
    expect(cards().map((c) => c.id)).toEqual(outline.sections.map((s) => s.id));
    cards().forEach((c, i) => {
      expect(c.index).toBe(i + 1);
      expect(c.total).toBe(outline.sections.length);
      expect(c.url).toBe(`https://site.example/sub/s/${c.id}/`);
      expect(c.image).toBe(`https://site.example/sub/og/s/${c.id}.png`);
      expect(c.target).toBe(`/sub/#${c.id}`);
    });
  });

  it('sectionCards(outline, …) describes each section by the opening of its first paragraph, in the author’s words and in quotation marks', () => {
    const outline = parsedOutline();
    for (const c of cards()) {
      const first = outline.sections.find((s) => s.id === c.id)!.paragraphs[0]!.text;
      expect(c.description.length).toBeGreaterThan(20);
      expect(c.description.length).toBeLessThanOrEqual(DESCRIPTION_MAX);
      // The card's title is the editors' heading; the description is the author's, and quoted as his.
      expect(c.description.startsWith('“') && c.description.endsWith('”'), c.description).toBe(true);
      expect(first.startsWith(c.description.slice(1, -1).replace(/…$/, ''))).toBe(true);
    }
    const drills = cards().find((c) => c.id === 'friendship-drills')!;
    expect(drills.description).toMatch(/^“During current month in 2018.*cozy up relationship\.”$/);
  });

  it('sectionCards(outline, …) gives every card a distinct title and description', () => {
    expect(new Set(cards().map((c) => c.pageTitle)).size).toBe(cards().length);
    expect(new Set(cards().map((c) => c.description)).size).toBe(cards().length);
  });
});

describe('epilogueCard', () => {
  const epilogue = {
    id: 'did-the-bloc-happen', title: 'Did the bloc happen?', added: '2026-11-29',
    intro: ['The article was written in October 2018. This epilogue looks at what happened next.'],
    tally: [{ label: 'Borne out', count: 2 }, { label: 'Partly borne out', count: 0 }, { label: 'Not borne out', count: 3 }],
  };
  it('epilogueCard(epilogue, …) describes the epilogue by its first sentence, says whose it is and counts the verdicts it gave', () => {
    const card = epilogueCard(epilogue, 'Pakistan, Russia teaming up for Asian bloc', siteUrls('https://site.example/sub/'));
    expect(card).toMatchObject({
      id: 'did-the-bloc-happen',
      pageTitle: 'Did the bloc happen? — Pakistan, Russia teaming up for Asian bloc',
      description: 'The article was written in October 2018.',
      kicker: 'Editors’ epilogue, November 2026',
      line: 'Our verdicts on the article’s claims: 2 borne out, 3 not borne out',
      url: 'https://site.example/sub/s/did-the-bloc-happen/',
      image: 'https://site.example/sub/og/s/did-the-bloc-happen.png',
      target: '/sub/#did-the-bloc-happen',
    });
    expect(card.index).toBeUndefined();
  });
});

describe('retiredSectionCards', () => {
  const url = siteUrls('https://site.example/sub/');
  const cards = () => sectionCards(parsedOutline(), 'Headline', url);

  it('retiredSectionCards(retired, cards, url) gives a retired id the card of the section it leads to, its own image and the target', () => {
    const [kept] = retiredSectionCards([{ id: 'old-trade', to: 'trade-figures', sectionId: 'trade-on-the-rise' }], cards(), url);
    const live = cards().find((c) => c.id === 'trade-on-the-rise')!;
    expect(kept).toEqual({ ...live, id: 'old-trade', image: 'https://site.example/sub/og/s/old-trade.png', target: '/sub/#trade-figures' });
  });

  it('retiredSectionCards(retired, cards, url) refuses a section that has no card', () => {
    expect(() => retiredSectionCards([{ id: 'old', to: 'x', sectionId: 'no-such-section' }], cards(), url)).toThrow(/retired id "old" leads to section "no-such-section", which has no card/);
  });
});

describe('sectionCard', () => {
  const url = siteUrls('https://site.example/');
  const headline = 'Pakistan, Russia teaming up for Asian bloc';

  it('sectionCard(section, outline, headline, url) reads English sentences by default, as sectionCards does', () => {
    const outline = parsedOutline();
    const [section] = outline.sections;
    expect(sectionCard(section!, outline, headline, url)).toEqual(sectionCards(outline, headline, url)[0]);
    expect(sectionCard(section!, outline, headline, url).pageTitle).toBe(`${section!.title} — ${headline}`);
  });

  it('sectionCard(section, …) refuses a section the outline does not hold, and describes a section without paragraphs as empty', () => {
    const outline = parsedOutline();
    expect(() => sectionCard({ id: 'elsewhere', title: 'Elsewhere', paragraphs: [] }, outline, headline, url))
      .toThrow(/^sectionCard: section "elsewhere" is not in the outline$/);
    const empty = { ...outline.sections[0]!, paragraphs: [] };
    const o = { ...outline, sections: [empty, ...outline.sections.slice(1)] };
    expect(sectionCard(empty, o, headline, url).description).toBe('');
  });
});

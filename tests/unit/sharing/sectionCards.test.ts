import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseOutline } from '../../../src/lib/article/outline';
import { clip, firstSentence, sectionCards, DESCRIPTION_MAX } from '../../../src/lib/sharing/sectionCards';

const body = readFileSync(resolve(import.meta.dirname, '../../../content/article/pakistan-russia-asian-bloc.mdx'), 'utf8').replace(/^---[\s\S]*?^---$/m, '');
const outline = parseOutline(body, 'article.mdx');

describe('firstSentence', () => {
  it('firstSentence(text) ends at the first full stop that ends a sentence', () => {
    expect(firstSentence('Both dismiss Trump Afghan Policy. Talk is the key.')).toBe('Both dismiss Trump Afghan Policy.');
    expect(firstSentence('In 2016, Pakistan held a drill. In 2017, Russia did.')).toBe('In 2016, Pakistan held a drill.');
    expect(firstSentence('One sentence only')).toBe('One sentence only');
  });

  it('clip(text, max) cuts at a word boundary and marks the cut', () => {
    expect(clip('aaa bbb ccc', 20)).toBe('aaa bbb ccc');
    const c = clip('word '.repeat(100), 50);
    expect(c.length).toBeLessThanOrEqual(50);
    expect(c.endsWith('word…')).toBe(true);
  });
});

describe('sectionCards', () => {
  const cards = sectionCards(outline, 'Pakistan, Russia teaming up for Asian bloc', 'https://site.example');

  it('sectionCards(outline, …) makes one card per section, numbered in order, with the card URL and image', () => {
    expect(cards.map((c) => c.id)).toEqual(outline.sections.map((s) => s.id));
    cards.forEach((c, i) => {
      expect(c.index).toBe(i + 1);
      expect(c.total).toBe(outline.sections.length);
      expect(c.url).toBe(`https://site.example/s/${c.id}/`);
      expect(c.imagePath).toBe(`/og/s/${c.id}.png`);
      expect(c.target).toBe(`/#${c.id}`);
    });
  });

  it('sectionCards(outline, …) describes each section by the opening of its first paragraph, in the author’s words', () => {
    for (const c of cards) {
      const first = outline.sections.find((s) => s.id === c.id)!.paragraphs[0]!.text;
      expect(c.description.length).toBeGreaterThan(20);
      expect(c.description.length).toBeLessThanOrEqual(DESCRIPTION_MAX);
      expect(first.startsWith(c.description.replace(/…$/, ''))).toBe(true);
    }
    const drills = cards.find((c) => c.id === 'friendship-drills')!;
    expect(drills.description).toMatch(/^During current month in 2018.*cozy up relationship\.$/);
  });

  it('sectionCards(outline, …) gives every card a distinct title and description', () => {
    expect(new Set(cards.map((c) => c.pageTitle)).size).toBe(cards.length);
    expect(new Set(cards.map((c) => c.description)).size).toBe(cards.length);
  });
});

// The fact sheet's sources and what a reader should weigh about each: refusals name the file, the entry and the field.
import { describe, expect, it } from 'vitest';
import { parseFactSheet, sourceCaveats, STATE_MEDIA_LABELS } from '../../../src/schemas/factSheet';

const FILE = 'content/facts/sources.yaml';
const refusal = (text: string): string => {
  try { parseFactSheet(text, FILE); } catch (e) { return (e as Error).message; }
  throw new Error('accepted');
};

describe('sourceCaveats', () => {
  it('sourceCaveats(source) says nothing of a high-confidence source of no state, and names the state medium first, then a lower confidence', () => {
    expect(sourceCaveats({ confidence: 'high' })).toEqual([]);
    expect(sourceCaveats({ confidence: 'medium' })).toEqual(['medium confidence']);
    expect(sourceCaveats({ confidence: 'high', stateMedia: 'pakistan' })).toEqual([STATE_MEDIA_LABELS.pakistan]);
    expect(sourceCaveats({ confidence: 'low', stateMedia: 'russia' })).toEqual([STATE_MEDIA_LABELS.russia, 'low confidence']);
  });
});

describe('parseFactSheet', () => {
  it('parseFactSheet(text, file) reads the sources, with no earlier addresses when none are listed', () => {
    expect(parseFactSheet('since2018:\n  - { fact: F1, url: "https://a.example/", confidence: high }\n', FILE)).toEqual({
      since2018: [{ fact: 'F1', url: 'https://a.example/', confidence: 'high' }],
      earlier: [],
    });
  });

  it('parseFactSheet(text, file) names the entry of a malformed source, and a missing list by its field alone', () => {
    const entry = refusal('since2018:\n  - { fact: F1, url: "https://a.example/", confidence: high }\n  - { fact: X2, url: "https://b.example/", confidence: high }\n');
    expect(entry).toContain(FILE);
    expect(entry).toMatch(/since2018 entry 2/);
    const list = refusal('earlier: []\n');
    expect(list).toContain(FILE);
    expect(list).toMatch(/since2018/);
    expect(list).not.toMatch(/entry/);
  });
});

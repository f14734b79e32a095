// A claim of the scorecard on its own: its verdict's messages and the length of its evidence.
import { describe, expect, it } from 'vitest';
import { claimSchema, sentenceCount, verdict } from '../../../src/schemas/claims';

const message = (value: unknown) => {
  const r = verdict.safeParse(value);
  return r.success ? undefined : r.error.issues[0]!.message;
};

describe('claims.yaml', () => {
  it('verdict says a missing verdict is missing, and names a wrong one with the scale', () => {
    expect(message(undefined)).toBe('is missing: a verdict from the scale');
    expect(message('maybe')).toBe('"maybe" is not on the scale: borne-out, partly, not-borne-out, too-early, not-known');
    expect(message('partly')).toBeUndefined();
  });

  it('sentenceCount(text) counts the sentences as the runtime\'s segmenter does, across line breaks', () => {
    expect(sentenceCount('One thing happened.')).toBe(1);
    expect(sentenceCount('One thing happened. Then another.')).toBe(2);
    expect(sentenceCount('One thing happened.\n\n  Then another. And a third.')).toBe(3);
    expect(sentenceCount('  ')).toBe(0);
  });

  it('a claim\'s evidence is two or three sentences: one or four are refused', () => {
    const evidence = claimSchema.shape.evidence;
    const sentences = ['Trade between the two rose in the years after the article.', 'The figures come from both governments.', 'Neither side disputes them.', 'A fourth sentence is too many.'];
    const ok = (n: number) => evidence.safeParse(sentences.slice(0, n).join(' ')).success;
    expect([1, 2, 3, 4].map(ok)).toEqual([false, true, true, false]);
  });
});

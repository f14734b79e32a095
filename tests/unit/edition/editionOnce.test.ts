// The edition gate and the pages share one edition per version of the content: a second asker with the same content
// takes the first one's edition, and any change of an entry, of the site's address or a missing digest builds anew.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { contentKey, editionOnce } from '../../../src/lib/edition/editionOnce';
import { readInput, SITE } from '../../support/content';

const entries = (digests: Record<string, string | undefined>) => ({
  article: [{ id: 'a', digest: digests.a }],
  trade: [{ id: 't1', digest: digests.t1 }, { id: 't2', digest: digests.t2 }],
});

describe('editionOnce', () => {
  afterEach(() => { vi.restoreAllMocks(); });

  it('contentKey(collections, site) names the content whatever the order the collections arrive in, and changes with any digest or the site', () => {
    const key = contentKey(entries({ a: '1', t1: '2', t2: '3' }), SITE)!;
    expect(key.split('\n')).toEqual([`${SITE.url} ${SITE.base}`, 'article/a@1', 'trade/t1@2', 'trade/t2@3']);
    expect(contentKey({ trade: entries({ a: '1', t1: '2', t2: '3' }).trade, article: [{ id: 'a', digest: '1' }] }, SITE)).toBe(key);
    expect(contentKey(entries({ a: '1', t1: '2', t2: '4' }), SITE)).not.toBe(key);
    expect(contentKey(entries({ a: '1', t1: '2', t2: '3' }), { ...SITE, base: '/sub/' })).not.toBe(key);
    expect(contentKey(entries({ a: '1', t1: undefined, t2: '3' }), SITE)).toBeUndefined();
  });

  it('editionOnce(key, input) builds once for a key, logs each build, and builds again for another key or none', () => {
    const log = vi.spyOn(console, 'info').mockImplementation(() => {});
    const input = vi.fn(() => readInput());
    const key = `test ${Math.random()}`;
    const first = editionOnce(key, input, 7);
    expect(editionOnce(key, input, 7)).toBe(first);
    expect(input).toHaveBeenCalledTimes(1);
    expect(log.mock.calls.map((c) => c[0])).toEqual([
      `[edition] built from 7 entries, the outline parsed once: ${first.outline.sections.length} sections, ${first.outline.paragraphs.length} paragraphs, ${first.outline.notes.length} notes, ${first.figures.length} figures, ${first.sources.length} sources`,
    ]);
    const other = editionOnce(`${key} changed`, input, 7);
    expect(other).not.toBe(first);
    expect(editionOnce(undefined, input, 7)).not.toBe(other);
    expect(editionOnce(undefined, input, 7)).not.toBe(other);
    expect(input).toHaveBeenCalledTimes(4);
    expect(log).toHaveBeenCalledTimes(4);
    // Asked not to reuse (the dev server, whose code may have changed), it builds even for a key it holds.
    const again = editionOnce(key, input, 7);
    expect(editionOnce(key, input, 7, { reuse: false })).not.toBe(again);
  });
});

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { packLabels } from '../../../../src/lib/charts/timeline/packLabels';

const labels = fc.array(fc.record({ wish: fc.integer({ min: 0, max: 600 }), height: fc.integer({ min: 10, max: 60 }) }), { minLength: 1, maxLength: 30 })
  .map((ls) => ls.sort((a, b) => a.wish - b.wish));

describe('packLabels', () => {
  it('packLabels(labels, minTop, gap) keeps labels in order, a gap apart and none above minTop', () => {
    fc.assert(fc.property(labels, fc.integer({ min: -10, max: 20 }), fc.integer({ min: 0, max: 10 }), (ls, minTop, gap) => {
      const tops = packLabels(ls, minTop, gap);
      expect(tops).toHaveLength(ls.length);
      for (const [i, top] of tops.entries()) {
        expect(top).toBeGreaterThanOrEqual(minTop - 1e-9);
        if (i) expect(top - (tops[i - 1]! + ls[i - 1]!.height)).toBeGreaterThanOrEqual(gap - 1e-9);
      }
    }));
  });

  it('packLabels(labels, minTop, gap) centres each label on its wish where the labels do not meet', () => {
    expect(packLabels([{ wish: 20, height: 10 }, { wish: 100, height: 20 }], 0, 4)).toEqual([15, 90]);
  });

  it('packLabels(labels, minTop, gap) centres two labels that would overlap on the mean of their wishes', () => {
    const [a, b] = packLabels([{ wish: 100, height: 20 }, { wish: 104, height: 20 }], 0, 4);
    // A block 44 px tall centred on 102.
    expect([a, b]).toEqual([80, 104]);
  });

  it('packLabels(labels, minTop, gap) leaves labels exactly a gap apart where they are, whatever their heights', () => {
    expect(packLabels([{ wish: 20, height: 10 }, { wish: 44, height: 30 }], 0, 4)).toEqual([15, 29]);
  });

  it('packLabels(labels, minTop, gap) merges a block into the block above it, weighting each block\'s wish by its labels', () => {
    // The last two merge first (a block centred on 81); that block then meets the first label, and the three
    // are centred on (50 + 2 × 81) / 3.
    const tops = packLabels([{ wish: 50, height: 20 }, { wish: 80, height: 20 }, { wish: 82, height: 20 }], 0, 4);
    const centre = (50 + 2 * 81) / 3;
    expect(tops.map((t) => Math.round(t * 1000) / 1000)).toEqual([centre - 34, centre - 10, centre + 14].map((t) => Math.round(t * 1000) / 1000));
    // Two that meet after a label that stands apart: the first stays where it is.
    expect(packLabels([{ wish: 10, height: 10 }, { wish: 100, height: 20 }, { wish: 104, height: 20 }], 0, 4)).toEqual([5, 80, 104]);
  });

  it('packLabels(labels, minTop, gap) of no labels is no tops', () => {
    expect(packLabels([], 0, 4)).toEqual([]);
  });
});

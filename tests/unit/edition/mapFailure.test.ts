// A map the layout cannot draw stops the build naming the places file, and is not kept: the next edition lays it
// out again. The layout is replaced here by one that fails on demand: it finds room even for seven places on one spot.
import { describe, expect, it, vi } from 'vitest';
import { buildEdition } from '../../../src/lib/edition/edition';
import { input, refusal } from '../analysis/fixture';

const layout = vi.hoisted(() => ({ fail: false, calls: 0 }));
vi.mock('../../../src/lib/charts/locatorMap', async (original) => {
  const real = await original<typeof import('../../../src/lib/charts/locatorMap')>();
  return {
    ...real,
    locatorMap: (...args: Parameters<typeof real.locatorMap>) => {
      layout.calls++;
      if (layout.fail) throw new Error('locatorMap: no room to label "Peshawar" and Pakistan in panel "north-west-pakistan" at 8 em, even by number and code');
      return real.locatorMap(...args);
    },
  };
});

describe('buildEdition and the locator map', () => {
  it('buildEdition(input) refuses places the map cannot label, naming the file and the layout\'s reason, and lays the map out again next time', () => {
    // A place renamed, so that the map is laid out anew (the fixture's layout is kept for the content's own places).
    const renamed = () => {
      const i = input();
      (i.places.rows.find((p) => (p as { id: string }).id === 'peshawar') as { name: string }).name = 'Peshawar city';
      return i;
    };
    layout.fail = true;
    const before = layout.calls;
    expect(refusal(renamed())).toMatch(/content\/data\/places\.yaml: the locator map cannot be drawn: locatorMap: no room to label "Peshawar" and Pakistan in panel "north-west-pakistan" at 8 em/);
    expect(layout.calls).toBe(before + 1);
    layout.fail = false;
    const map = buildEdition(renamed()).map;
    expect(layout.calls, 'the failed layout was not kept: the same places are laid out again').toBe(before + 2);
    expect(map.at(-1)!.labels.at(-1)!.places.find((l) => l.id === 'peshawar')!.text).toBe('Peshawar city');
  });
});

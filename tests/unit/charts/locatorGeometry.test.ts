// The locator map's geometric rules, each on its own: label boxes, leaders through boxes, the panel's margin,
// the fit of a panel to its extent, crowded panels and the failure when nothing fits.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { geoContains, geoPath } from 'd3-geo';
import type { Feature, Geometry } from 'geojson';
import { countryMask, crosses, inside, labelBox, locatorMap, MAP_DIMS, MAP_MIN_EM, nearestOnBox, panelProjection, pointCandidates, PANELS, type LabelBox, type MapPlaceInput, type PanelSpec } from '../../../src/lib/charts/locatorMap';
import { overlaps, textBox } from '../../../src/lib/charts/textBox';
import { atlases, countriesOf, mapCss } from './data';

/** The halo map.css draws round every label: a stroke, half of it outside the glyphs. */
const haloStroke = Number(/\.map-labels text \{[^}]*stroke-width:\s*([\d.]+)px/.exec(mapCss)![1]);

/** Whether a segment meets the inside of a box, by the separating-axis rule (exact, independent of the layout's clipping). */
function meetsInside([x1, y1, x2, y2]: [number, number, number, number], b: LabelBox): boolean {
  if (Math.max(x1, x2) <= b.x0 || Math.min(x1, x2) >= b.x1 || Math.max(y1, y2) <= b.y0 || Math.min(y1, y2) >= b.y1) return false;
  const side = (x: number, y: number) => (x2 - x1) * (y - y1) - (y2 - y1) * (x - x1);
  const s = [side(b.x0, b.y0), side(b.x1, b.y0), side(b.x1, b.y1), side(b.x0, b.y1)];
  return !(s.every((v) => v >= 0) || s.every((v) => v <= 0));
}

describe('locator map geometry', () => {
  it('labelBox() covers the text and its halo on every side, and no more than the halo\'s whole stroke past the text', () => {
    expect(haloStroke).toBeGreaterThan(0);
    for (const anchor of ['start', 'middle', 'end'] as const) {
      for (const style of [{}, { weight: 'semibold' as const }, { letterSpacing: 0.04 }]) {
        const t = textBox({ text: 'Abbottabad', x: 100, y: 50, anchor, fontSize: 10 }, style);
        const b = labelBox('Abbottabad', 100, 50, anchor, 10, style);
        const room = [t.x0 - b.x0, b.x1 - t.x1, t.y0 - b.y0, b.y1 - t.y1];
        for (const [i, r] of room.entries()) {
          expect(r, `${anchor} side ${i}`).toBeGreaterThan(0);
          expect(r, `${anchor} side ${i}`).toBeLessThanOrEqual(haloStroke);
        }
        // Left and right alike, top and bottom alike.
        expect(room[0]).toBeCloseTo(room[1]!, 1);
        expect(room[2]).toBeCloseTo(room[3]!, 1);
        expect(room[0]).toBeGreaterThanOrEqual(haloStroke / 2);
      }
    }
  });

  it('crosses() finds a leader through the inside of a box, and not one that passes by, stops short or only touches it', () => {
    const b: LabelBox = { x0: 10, y0: 10, x1: 20, y1: 20 };
    const cases: Array<[[number, number, number, number], boolean, string]> = [
      [[0, 15, 30, 15], true, 'straight across'],
      [[15, 0, 15, 30], true, 'straight down'],
      [[0, 0, 30, 30], true, 'diagonally'],
      [[12, 12, 18, 18], true, 'wholly inside'],
      [[0, 15, 15, 15], true, 'ending inside from the left'],
      [[30, 15, 15, 15], true, 'ending inside from the right'],
      [[15, 30, 15, 15], true, 'ending inside from below'],
      [[15, 0, 15, 15], true, 'ending inside from above'],
      [[0, 15, 9, 15], false, 'stopping short on the left'],
      [[30, 15, 21, 15], false, 'stopping short on the right'],
      [[15, 0, 15, 9], false, 'stopping short above'],
      [[15, 30, 15, 21], false, 'stopping short below'],
      [[0, 5, 30, 5], false, 'passing above'],
      [[0, 25, 30, 25], false, 'passing below'],
      [[5, 0, 5, 30], false, 'passing to the left'],
      [[25, 0, 25, 30], false, 'passing to the right'],
      [[0, 10, 30, 10], false, 'along the top edge'],
      [[20, 0, 20, 30], false, 'along the right edge'],
      [[0, 20, 20, 0], false, 'through a corner only'],
      [[25, 15, 40, 15], false, 'pointing away'],
      [[0, 40, 40, 0], false, 'diagonally past a corner'],
    ];
    for (const [seg, want, what] of cases) {
      expect(crosses(seg, b), what).toBe(want);
      expect(crosses([seg[2], seg[3], seg[0], seg[1]], b), `${what}, reversed`).toBe(want);
    }
  });

  it('crosses() agrees with the separating-axis rule on 4,000 random leaders and boxes', () => {
    // Coordinates on a grid of hundredths, spread evenly (a leader that meets a box then meets it for more than the
    // clipping's 1e-9), from a fixed seed so that the count of hits below is the same on every run.
    const at = (max: number) => fc.noBias(fc.integer({ min: 0, max: max * 100 })).map((n) => n / 100);
    let hits = 0;
    fc.assert(fc.property(at(80), at(80), at(20), at(20), fc.tuple(at(100), at(100), at(100), at(100)), (x0, y0, w, h, seg) => {
      const b: LabelBox = { x0, y0, x1: x0 + 1 + w, y1: y0 + 1 + h };
      const want = meetsInside(seg, b);
      if (want) hits++;
      expect(crosses(seg, b), JSON.stringify({ seg, b })).toBe(want);
    }), { numRuns: 4000, seed: 20180206 });
    // Both answers are well represented.
    expect(hits).toBeGreaterThan(400);
    expect(hits).toBeLessThan(3600);
  });

  it('nearestOnBox() is the point itself inside the box, and the nearest point of its edge or corner outside it', () => {
    const b: LabelBox = { x0: 10, y0: 10, x1: 20, y1: 30 };
    expect(nearestOnBox(b, 15, 20)).toEqual([15, 20]);
    expect(nearestOnBox(b, 0, 20)).toEqual([10, 20]);
    expect(nearestOnBox(b, 50, 20)).toEqual([20, 20]);
    expect(nearestOnBox(b, 15, 0)).toEqual([15, 10]);
    expect(nearestOnBox(b, 15, 40)).toEqual([15, 30]);
    expect(nearestOnBox(b, 0, 0)).toEqual([10, 10]);
    expect(nearestOnBox(b, 40, 50)).toEqual([20, 30]);
    fc.assert(fc.property(fc.double({ min: -5, max: 35, noNaN: true }), fc.double({ min: -5, max: 45, noNaN: true }), (x, y) => {
      const [ex, ey] = nearestOnBox(b, x, y);
      // On the box, and no point of the box (sampled every half unit) is nearer.
      expect(ex >= b.x0 && ex <= b.x1 && ey >= b.y0 && ey <= b.y1, `${x}, ${y}`).toBe(true);
      let nearest = Infinity;
      for (let sx = b.x0; sx <= b.x1; sx += 0.5) for (let sy = b.y0; sy <= b.y1; sy += 0.5) nearest = Math.min(nearest, Math.hypot(sx - x, sy - y));
      expect(Math.hypot(ex - x, ey - y), `${x}, ${y}`).toBeLessThanOrEqual(nearest + 1e-9);
    }), { numRuns: 50, seed: 1 });
  });

  it('inside() keeps a box the margin away from every edge of the panel, the margin itself allowed', () => {
    const [w, h, m] = [300, 200, 4];
    expect(inside({ x0: m, y0: m, x1: w - m, y1: h - m }, w, h, m)).toBe(true);
    expect(inside({ x0: 50, y0: 50, x1: 60, y1: 60 }, w, h, m)).toBe(true);
    expect(inside({ x0: m - 0.01, y0: 50, x1: 60, y1: 60 }, w, h, m)).toBe(false);
    expect(inside({ x0: 50, y0: m - 0.01, x1: 60, y1: 60 }, w, h, m)).toBe(false);
    expect(inside({ x0: 50, y0: 50, x1: w - m + 0.01, y1: 60 }, w, h, m)).toBe(false);
    expect(inside({ x0: 50, y0: 50, x1: 60, y1: h - m + 0.01 }, w, h, m)).toBe(false);
    // The right and bottom edges are the panel's width and height, not its margin alone.
    expect(inside({ x0: 50, y0: 50, x1: w - m / 2, y1: 60 }, w, h, m)).toBe(false);
    expect(inside({ x0: 50, y0: 50, x1: 60, y1: h - m / 2 }, w, h, m)).toBe(false);
  });

  it('panelProjection() fits the whole extent, curved parallels included, across the panel\'s width and height', () => {
    for (const spec of PANELS) {
      const { projection, height } = panelProjection(spec);
      const [w, s, e, n] = spec.extent;
      // Every point of the extent's edges, sampled far more finely than the fit's own outline.
      const pts: [number, number][] = [];
      for (let i = 0; i <= 200; i++) {
        const lon = w + ((e - w) * i) / 200, lat = s + ((n - s) * i) / 200;
        pts.push([lon, s], [lon, n], [w, lat], [e, lat]);
      }
      const xy = pts.map((p) => projection.clipExtent(null)(p)!);
      projection.clipExtent([[0, 0], [MAP_DIMS.width, height]]);
      const xs = xy.map((p) => p[0]), ys = xy.map((p) => p[1]);
      expect(Math.min(...xs), spec.id).toBeCloseTo(0, 0);
      expect(Math.max(...xs), spec.id).toBeCloseTo(MAP_DIMS.width, 0);
      expect(Math.min(...ys), spec.id).toBeGreaterThanOrEqual(-0.5);
      expect(Math.min(...ys), spec.id).toBeLessThan(0.5);
      expect(Math.max(...ys), spec.id).toBeLessThanOrEqual(height + 0.01);
      expect(Math.max(...ys), spec.id).toBeGreaterThan(height - 1);
      // The panel's height is the extent's, rounded up to a whole unit.
      expect(height).toBe(Math.ceil(geoPath(projection.clipExtent(null)).bounds({ type: 'MultiPoint', coordinates: pts })[1][1]));
      projection.clipExtent([[0, 0], [MAP_DIMS.width, height]]);
    }
  });
});

describe('locator map under pressure', () => {
  const closeUp = PANELS.find((p) => p.id === 'north-west-pakistan')!;
  /** Eight places on a grid `step` degrees apart in the middle of the close-up. */
  const crowd = (step: number): { places: MapPlaceInput[]; spec: PanelSpec } => {
    const places = Array.from({ length: 8 }, (_, i) => ({ id: `p${i}`, name: `Placename ${i}`, lat: 33.8 + (i % 3) * step, lon: 71.9 + Math.floor(i / 3) * step, country: '586' }));
    return { places, spec: { ...closeUp, id: 'crowd', places: places.map((p) => p.id) } };
  };

  it('locatorMap() numbers crowded places and codes the countries where names cannot be set apart, and names them where they can', () => {
    const { places, spec } = crowd(0.15);
    const [panel] = locatorMap(atlases, places, [spec]);
    const modes = panel!.labels.map((s) => `${s.mode}/${s.countryMode}`);
    // The narrowest set gives up the most, the widest the least; each set is at least as full as a narrower one.
    expect(modes[0]).toBe('numbers/codes');
    expect(modes.at(-1)).toBe('names/names');
    const rank = (m: string) => ['numbers/codes', 'numbers/names', 'names/codes', 'names/names'].indexOf(m);
    for (let i = 1; i < modes.length; i++) expect(rank(modes[i]!), modes.join(' ')).toBeGreaterThanOrEqual(rank(modes[i - 1]!));
    for (const set of panel!.labels) {
      for (const l of [...set.places, ...set.countries]) expect(inside(l.box, panel!.width, panel!.height, MAP_DIMS.margin), `${l.id} @ ${set.minWidthEm}`).toBe(true);
      for (const l of set.places) expect(l.text).toBe(set.mode === 'names' ? places.find((p) => p.id === l.id)!.name : String(places.findIndex((p) => p.id === l.id) + 1));
    }
  });

  it('locatorMap() fails naming the places, the countries, the panel and the width when even numbers and codes cannot be placed', () => {
    const { places, spec } = crowd(0.15);
    const two = { ...spec, places: ['p0', 'p1'] };
    expect(() => locatorMap(atlases, places, [two], { ...MAP_DIMS, width: 30 }))
      .toThrow(`locatorMap: no room to label "Placename 0", "Placename 1" and Pakistan, Afghanistan in panel "crowd" at ${MAP_MIN_EM} em, even by number and code`);
  });

  it('locatorMap() names a country the site has no name for by its atlas name, and codes it by its atlas id', () => {
    const { places, spec } = crowd(0.15);
    // Uzbekistan (860) lies inside the overview's extent; the site names only the countries of the story.
    const region = PANELS.find((p) => p.id === 'region')!;
    const [panel] = locatorMap(atlases, places, [{ ...region, frameOf: undefined, places: spec.places.slice(0, 1), named: [...region.named, '860'] }]);
    const uz = panel!.countries.find((c) => c.id === '860')!;
    expect(uz.name).toBe('Uzbekistan');
    expect(uz.code).toBe('860');
    expect(panel!.labels.at(-1)!.countries.find((l) => l.id === '860')!.text).toBe('Uzbekistan');
    // Uzbekistan is drawn as a named country, so it is not also in the faint land of the rest.
    expect(panel!.countries.map((c) => c.id)).toContain('860');
  });
});

describe('locator map rasters and candidates', () => {
  it('countryMask() says a spot is in a country exactly where the country\'s outline on the sphere holds it, away from its border', () => {
    for (const spec of PANELS) {
      const countries = countriesOf(atlases[spec.atlas]).features;
      const { projection, height } = panelProjection(spec);
      const { width } = MAP_DIMS;
      const outside = projection.clipExtent(null);
      for (const id of spec.named) {
        const f = countries.find((c) => String(c.id) === id) as Feature<Geometry>;
        const isIn = countryMask(f, projection.clipExtent([[0, 0], [width, height]]), width, height);
        const truth = (x: number, y: number) => geoContains(f, outside.invert!([x, y])!);
        projection.clipExtent([[0, 0], [width, height]]);
        let inCount = 0, checked = 0;
        // A spot every 7 units: some 1,000 a panel, each checked with its four neighbours on the sphere.
        for (let y = 0.5; y < height; y += 7) {
          for (let x = 0.5; x < width; x += 7) {
            // A spot within a unit of the border may fall either way: the raster's squares are a unit wide.
            const near = [[-1, 0], [1, 0], [0, -1], [0, 1], [0, 0]].map(([dx, dy]) => truth(x + dx!, y + dy!));
            if (near.some((v) => v !== near[0])) continue;
            checked++;
            if (near[0]) inCount++;
            expect(isIn(x, y), `${spec.id}: ${id} at ${x}, ${y}`).toBe(near[0]);
          }
        }
        expect(checked, `${spec.id}: ${id}`).toBeGreaterThan(500);
        expect(inCount, `${spec.id}: ${id} has some of the panel`).toBeGreaterThan(0);
        // Nothing outside the panel is in, on any side, even beside a country that runs to the edge.
        for (let t = 0.5; t < Math.max(width, height); t += 5) {
          for (const [x, y] of [[-0.5, t], [width + 0.5, t], [t, -0.5], [t, height + 0.5], [width, t], [t, height]] as const) expect(isIn(x, y), `${spec.id}: ${id} at ${x}, ${y}`).toBe(false);
        }
      }
      projection.clipExtent([[0, 0], [width, height]]);
    }
  }, 60_000);

  it('pointCandidates() offers beside the point first, then three rings further out, each in eight directions, none over the point', () => {
    const [x, y, f, r] = [150, 100, 10, MAP_DIMS.pointRadius];
    const all = pointCandidates('Peshawar', x, y, f, r, { weight: 'semibold' });
    expect(all).toHaveLength(32);
    const dot: LabelBox = { x0: x - r - 1, y0: y - r - 1, x1: x + r + 1, y1: y + r + 1 };
    const gap = (b: LabelBox) => Math.hypot(...nearestOnBox(b, x, y).map((v, i) => v - [x, y][i]!));
    for (const [k, ring] of [0, 1, 2, 3].map((k) => [k, all.slice(k * 8, k * 8 + 8)] as const)) {
      for (const c of ring) {
        expect(overlaps(c.box, dot), `ring ${k} ${c.anchor}`).toBe(false);
        // Each box is the label's, at the candidate's spot.
        expect(c.box).toEqual(labelBox('Peshawar', c.x, c.y, c.anchor, f, { weight: 'semibold' }));
      }
      const [right, left, above, below, aboveRight, aboveLeft, belowRight, belowLeft] = ring.map((c) => c.box);
      // Beside the point: level with it, to the right and to the left.
      for (const b of [right!, left!]) expect(b.y0 < y && b.y1 > y, `ring ${k}`).toBe(true);
      expect(right!.x0).toBeGreaterThan(x);
      expect(left!.x1).toBeLessThan(x);
      // Above and below: centred on it.
      for (const b of [above!, below!]) expect((b.x0 + b.x1) / 2).toBeCloseTo(x, 5);
      expect(above!.y1).toBeLessThan(y);
      expect(below!.y0).toBeGreaterThan(y);
      // The diagonals: on their side of the point, both across and up or down.
      expect(aboveRight!.x0 > x && aboveRight!.y1 < y).toBe(true);
      expect(aboveLeft!.x1 < x && aboveLeft!.y1 < y).toBe(true);
      expect(belowRight!.x0 > x && belowRight!.y0 > y).toBe(true);
      expect(belowLeft!.x1 < x && belowLeft!.y0 > y).toBe(true);
      // The straight spots of the first ring leave no more than half a line to the point; each ring lies a line further off.
      if (k === 0) for (const b of [right!, left!, above!, below!]) expect(gap(b)).toBeLessThan(r + 2 + f * 0.6);
      if (k > 0) {
        const inner = all.slice((k - 1) * 8, k * 8);
        ring.forEach((c, i) => expect(gap(c.box) - gap(inner[i]!.box), `ring ${k}, spot ${i}`).toBeGreaterThan(f * 0.5));
      }
    }
  });

  it('pointCandidates() leads a label that stands off back to its point: from just outside the point to the nearest point of the label', () => {
    const [x, y, f, r] = [150, 100, 10, MAP_DIMS.pointRadius];
    const all = pointCandidates('Cherat', x, y, f, r, {});
    for (const c of all.slice(0, 8)) expect(c.leader).toBeUndefined();
    for (const c of all.slice(8)) {
      const [x1, y1, x2, y2] = c.leader!;
      expect(Math.hypot(x1 - x, y1 - y)).toBeCloseTo(r + 1, 1);
      const [ex, ey] = nearestOnBox(c.box, x, y);
      expect([x2, y2]).toEqual([Math.round(ex * 100) / 100, Math.round(ey * 100) / 100]);
      // The leader points from the point towards the label.
      expect(Math.hypot(x2 - x, y2 - y)).toBeGreaterThan(Math.hypot(x1 - x, y1 - y));
      expect((x1 - x) * (x2 - x) + (y1 - y) * (y2 - y)).toBeGreaterThan(0);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { geoBounds, geoContains } from 'd3-geo';
import { boxesOverlap, locatorMap, placeCountryProblems, COUNTRY_CODES, MAP_DIMS, MAP_LABEL_EM, MAP_MIN_EM, MAP_WIDTHS_EM, PANELS, panelProjection, type LabelBox, type MapPanel } from '../../../src/lib/charts/locatorMap';
import type { Place } from '../../../src/schemas/places';
import { readData, CONTENT } from '../../support/content';
import { atlases, countriesOf, mapCss } from './data';

const places = readData(CONTENT, 'places') as unknown as Place[];
// Laid out inside each test, not when the file loads: under mutation testing the mutant is switched on only then.
const layout = () => locatorMap(atlases, places);
/** A point as map.css draws it: its radius and half of its outline's stroke. */
const drawnRadius = MAP_DIMS.pointRadius + Number(/\.map-point \{[^}]*stroke-width:\s*([\d.]+)/.exec(mapCss)![1]) / 2;

/** Whether a segment passes through a box, sampled every tenth of a unit (independent of the layout's own test). */
function segmentHits([x1, y1, x2, y2]: [number, number, number, number], b: LabelBox): boolean {
  const n = Math.ceil(Math.hypot(x2 - x1, y2 - y1) * 10);
  for (let t = 1; t < n; t++) {
    const x = x1 + ((x2 - x1) * t) / n, y = y1 + ((y2 - y1) * t) / n;
    if (x > b.x0 + 0.05 && x < b.x1 - 0.05 && y > b.y0 + 0.05 && y < b.y1 - 0.05) return true;
  }
  return false;
}

/** How many of a grid of 8 × 3 points over a label's letters (its box, the halo aside) `isIn` holds for, of 24. */
function lettersWhere(b: LabelBox, isIn: (x: number, y: number) => boolean): number {
  let n = 0;
  for (let i = 0; i < 8; i++) for (let j = 0; j < 3; j++) if (isIn(b.x0 + 2 + ((b.x1 - b.x0 - 4) * (i + 0.5)) / 8, b.y0 + 1 + ((b.y1 - b.y0 - 2) * (j + 0.5)) / 3)) n++;
  return n;
}

/** Whether two segments cross or touch (orientation test, independent of the layout's own tests). */
function segmentsMeet([ax, ay, bx, by]: [number, number, number, number], [cx, cy, dx, dy]: [number, number, number, number]): boolean {
  const side = (px: number, py: number, qx: number, qy: number, rx: number, ry: number) => Math.sign((qx - px) * (ry - py) - (qy - py) * (rx - px));
  return side(ax, ay, bx, by, cx, cy) !== side(ax, ay, bx, by, dx, dy) && side(cx, cy, dx, dy, ax, ay) !== side(cx, cy, dx, dy, bx, by);
}

/** Every clash in one panel's set of labels: outside the panel, over another label, a point or the frame's edge, or a leader through a label or another point. */
function clashes(panel: MapPanel, set: MapPanel['labels'][number]): string[] {
  const out: string[] = [];
  const labels = [...set.places.map((l) => ({ ...l, kind: 'place' })), ...set.countries.map((l) => ({ ...l, kind: 'country' }))];
  const r = drawnRadius;
  const dots = panel.points.map((p) => ({ id: p.id, box: { x0: p.x - r, y0: p.y - r, x1: p.x + r, y1: p.y + r } }));
  const edges: LabelBox[] = panel.frame ? (() => {
    const { x, y, width: w, height: h } = panel.frame!;
    return [{ x0: x, y0: y - 0.5, x1: x + w, y1: y + 0.5 }, { x0: x, y0: y + h - 0.5, x1: x + w, y1: y + h + 0.5 }, { x0: x - 0.5, y0: y, x1: x + 0.5, y1: y + h }, { x0: x + w - 0.5, y0: y, x1: x + w + 0.5, y1: y + h }];
  })() : [];
  for (const l of labels) {
    const b = l.box;
    if (b.x0 < 0 || b.y0 < 0 || b.x1 > panel.width || b.y1 > panel.height) out.push(`${l.id} leaves the panel`);
    for (const d of dots) if (boxesOverlap(d.box, b)) out.push(`${l.kind} ${l.id} × point ${d.id}`);
    for (const e of edges) if (boxesOverlap(e, b)) out.push(`${l.kind} ${l.id} × the close-up's frame`);
    for (const o of labels) if (o !== l && boxesOverlap(o.box, b)) out.push(`${l.kind} ${l.id} × ${o.kind} ${o.id}`);
    if (l.leader) {
      for (const o of labels) if (o !== l && segmentHits(l.leader, o.box)) out.push(`${l.id}'s leader × ${o.kind} ${o.id}`);
      for (const d of dots) if (d.id !== l.id && segmentHits(l.leader, d.box)) out.push(`${l.id}'s leader × point ${d.id}`);
      for (const o of labels) if (o !== l && o.leader && segmentsMeet(l.leader, o.leader)) out.push(`${l.kind} ${l.id}'s leader × ${o.kind} ${o.id}'s leader`);
    }
  }
  return out;
}

describe('locatorMap', () => {
  // The story's places are laid out once and every rule is checked on that one layout: under mutation testing
  // each mutant of the map runs this test, and a layout of the whole map costs seconds there.
  it('locatorMap(atlases, places) lays out the story\'s places by every rule of the map', () => {
    const panels = layout();
    const rules: Record<string, () => void> = {
      'shows every place of the data in at least one panel, numbered as in the data, and the cluster in the close-up': () => {
        const shown = new Set(panels.flatMap((p) => p.points.map((pt) => pt.id)));
        expect([...shown].sort()).toEqual(places.map((p) => p.id).sort());
        for (const pt of panels.flatMap((p) => p.points)) expect(pt.number, pt.id).toBe(places.findIndex((p) => p.id === pt.id) + 1);
        const detail = panels.find((p) => p.id === 'north-west-pakistan')!;
        for (const id of ['peshawar', 'pabbi', 'cherat', 'abbottabad', 'salala', 'miramshah']) expect(detail.points.map((p) => p.id)).toContain(id);
      },
      'puts each place inside its country, at the scale of each panel that shows it': () => {
        for (const spec of PANELS) {
          const countries = countriesOf(atlases[spec.atlas]).features;
          const { projection } = panelProjection(spec);
          for (const id of spec.places) {
            const place = places.find((p) => p.id === id)!;
            const country = countries.find((c) => String(c.id) === place.country)!;
            expect(geoContains(country, [place.lon, place.lat]), `${place.name} in ${place.country} at ${spec.atlas}`).toBe(true);
            const [x, y] = projection([place.lon, place.lat])!;
            const pt = panels.find((p) => p.id === spec.id)!.points.find((p) => p.id === id)!;
            expect([pt.x, pt.y]).toEqual([Math.round(x * 100) / 100, Math.round(y * 100) / 100]);
          }
        }
      },
      'gives each panel one set of labels per width, each at least the reader\'s small text at the narrowest width it is shown': () => {
        for (const panel of panels) {
          expect(panel.labels.map((s) => s.minWidthEm)).toEqual([...MAP_WIDTHS_EM]);
          for (const set of panel.labels) {
            // Rendered size = fontSize × (panel px ÷ panel units); at a width of W ems that is fontSize × W ÷ width ems.
            expect((set.fontSize * Math.max(set.minWidthEm, MAP_MIN_EM)) / panel.width, `${panel.id} @ ${set.minWidthEm}`).toBeGreaterThanOrEqual(MAP_LABEL_EM - 0.01);
          }
        }
      },
      'names every country the panel shows and labels every place in every set, none over another label, a point or the frame, no leader through a label': () => {
        for (const panel of panels) {
          for (const set of panel.labels) {
            expect(set.places.map((l) => l.id), `${panel.id} @ ${set.minWidthEm}`).toEqual(panel.points.map((p) => p.id));
            expect(set.countries.map((l) => l.id), `${panel.id} @ ${set.minWidthEm}`).toEqual(panel.countries.map((c) => c.id));
            for (const l of set.places) expect(l.text).toBe(set.mode === 'names' ? panel.points.find((p) => p.id === l.id)!.name : String(panel.points.find((p) => p.id === l.id)!.number));
            for (const l of set.countries) expect(l.text).toBe(set.countryMode === 'names' ? panel.countries.find((c) => c.id === l.id)!.name : COUNTRY_CODES[l.id]);
            expect(clashes(panel, set), `${panel.id} @ ${set.minWidthEm}`).toEqual([]);
          }
        }
      },
      'names the places and countries in full wherever the panel is wide enough, and names Afghanistan and Tajikistan': () => {
        for (const panel of panels) {
          const wide = panel.labels.filter((s) => s.minWidthEm >= 21);
          for (const set of wide) expect([set.mode, set.countryMode], `${panel.id} @ ${set.minWidthEm}`).toEqual(['names', 'names']);
        }
        const region = panels.find((p) => p.id === 'region')!;
        expect(region.labels.at(-1)!.countries.map((c) => c.text)).toEqual(expect.arrayContaining(['Afghanistan', 'Tajikistan', 'Pakistan', 'Russia', 'China']));
      },
      'names each country over it, at least one end of the name over it too, or touching it, or beside it with a leader that ends in it, near by, long enough to see and clear of the points': () => {
        for (const spec of PANELS) {
          const panel = panels.find((p) => p.id === spec.id)!;
          const sphere = panelProjection(spec).projection.clipExtent(null);
          const features = countriesOf(atlases[spec.atlas]).features;
          // In the country on the sphere, give or take a unit (the layout works on a raster of one-unit squares).
          const inCountry = (id: string, x: number, y: number) => {
            const f = features.find((c) => String(c.id) === id)!;
            return [[0, 0], [1, 0], [-1, 0], [0, 1], [0, -1]].some(([dx, dy]) => geoContains(f, sphere.invert!([x + dx!, y + dy!])!));
          };
          for (const set of panel.labels) {
            for (const l of set.countries) {
              const where = `${panel.id} @ ${set.minWidthEm}: ${l.id}`;
              const [mx, my] = [(l.box.x0 + l.box.x1) / 2, (l.box.y0 + l.box.y1) / 2];
              if (!l.leader) {
                // Over it, at least one end of the name over it too; or beside it and touching it, some of its letters
                // over it: a tenth of a grid of 8 × 3 points over the letters (give or take inCountry's unit).
                const over = inCountry(l.id, mx, my) && [l.box.x0 + 2, l.box.x1 - 2].some((x) => inCountry(l.id, x, my));
                const letters = lettersWhere(l.box, (x, y) => inCountry(l.id, x, y));
                expect(over || letters / 24 >= 0.1, `${where}, over its country or touching it, ${letters} of 24 points of its letters over it`).toBe(true);
              } else {
                const [x1, y1, x2, y2] = l.leader;
                expect(inCountry(l.id, x2, y2), `${where}, the end of its leader`).toBe(true);
                // The leader starts on the name's box and is no longer than five lines.
                expect(x1 >= l.box.x0 - 0.01 && x1 <= l.box.x1 + 0.01 && y1 >= l.box.y0 - 0.01 && y1 <= l.box.y1 + 0.01, `${where}, the start of its leader`).toBe(true);
                expect(Math.hypot(x2 - x1, y2 - y1), where).toBeLessThan(5 * set.fontSize);
                // Long enough to read as a line: at least a point's width.
                expect(Math.hypot(x2 - x1, y2 - y1), `${where}, the length of its leader`).toBeGreaterThanOrEqual(2 * MAP_DIMS.pointRadius);
                // Ending clear of every place's point (four radii from its centre), where it would read as that place's leader.
                for (const pt of panel.points) expect(Math.hypot(pt.x - x2, pt.y - y2), `${where}, its leader's end by ${pt.id}`).toBeGreaterThanOrEqual(4 * MAP_DIMS.pointRadius - 0.01);
              }
            }
          }
        }
      },
      'sets no country\'s name more than half over another country the map names, where a reader would take it for that one\'s': () => {
        for (const spec of PANELS) {
          const panel = panels.find((p) => p.id === spec.id)!;
          const sphere = panelProjection(spec).projection.clipExtent(null);
          const named = countriesOf(atlases[spec.atlas]).features.filter((c) => spec.named.includes(String(c.id)));
          for (const set of panel.labels) {
            for (const l of set.countries) {
              // The points of its letters over another named country: at most half (the layout reads the countries
              // from a raster, this from their outlines on the sphere).
              const inOther = lettersWhere(l.box, (x, y) => { const at = sphere.invert!([x, y])!; return named.some((c) => String(c.id) !== l.id && geoContains(c, at)); });
              expect(inOther / 24, `${panel.id} @ ${set.minWidthEm}: ${l.text}`).toBeLessThanOrEqual(0.5);
            }
          }
        }
      },
      'clips every outline to its panel and rounds it to at most one decimal': () => {
        for (const panel of panels) {
          const paths = [panel.land, ...panel.countries.map((c) => c.d)].filter(Boolean);
          expect(panel.countries.map((c) => c.id)).toContain('586');
          for (const d of paths) {
            const numbers = d.match(/-?\d+(?:\.\d+)?/g)!.map(Number);
            for (const n of numbers) {
              expect(n).toBeGreaterThanOrEqual(0);
              expect(n).toBeLessThanOrEqual(Math.max(panel.width, panel.height));
            }
            expect(d).not.toMatch(/\.\d{2}/);
          }
        }
      },
    };
    for (const [rule, check] of Object.entries(rules)) {
      try { check(); } catch (e) { throw new Error(`it ${rule}: ${(e as Error).message}`, { cause: e }); }
    }
  });

  it('locatorMap(atlases, places) fails clearly when a panel names a place the data lacks', () => {
    expect(() => locatorMap(atlases, places.filter((p) => p.id !== 'cherat'))).toThrow(/panel "north-west-pakistan" shows "cherat", which is not a place/);
  });
});

describe('locator map: which dot a name belongs to', () => {
  it('locatorMap() sets every place\'s name nearer its own dot than any other, by half a line, where it has no leader', () => {
    const out: string[] = [];
    for (const panel of layout()) {
      for (const set of panel.labels.filter((s) => s.mode === 'names')) {
        for (const l of set.places.filter((x) => !x.leader)) {
          // Distance from a dot's centre to the nearest point of the label's box.
          const away = (p: { x: number; y: number }) => Math.hypot(Math.max(l.box.x0 - p.x, 0, p.x - l.box.x1), Math.max(l.box.y0 - p.y, 0, p.y - l.box.y1));
          const own = panel.points.find((p) => p.id === l.id)!;
          for (const q of panel.points) if (q !== own && away(q) < away(own) + set.fontSize / 2) out.push(`${panel.id} @ ${set.minWidthEm} em: "${l.text}" is ${away(own).toFixed(1)} from its dot and ${away(q).toFixed(1)} from ${q.name}'s`);
        }
      }
    }
    expect(out).toEqual([]);
  });
});

describe('locator map: what it draws of disputed land', () => {
  /** Whether (x, y) lies inside a path of straight segments (M, L, Z), by the even-odd rule its fill uses. */
  function inPath(d: string, x: number, y: number): boolean {
    let inside = false;
    for (const ring of d.split('M').filter(Boolean)) {
      const pts = ring.replace(/Z/g, '').split('L').map((p) => p.split(',').map(Number) as [number, number]);
      for (let i = 0, j = pts.length - 1; i < pts.length; j = i++) {
        const [xi, yi] = pts[i]!, [xj, yj] = pts[j]!;
        if ((yi > y) !== (yj > y) && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
      }
    }
    return inside;
  }
  const regionSpec = PANELS.find((p) => p.id === 'region')!;

  it('locatorMap() draws Crimea, annexed by Russia in 2014, as Ukraine\'s: other land, not Russia\'s shade', () => {
    const region = layout().find((p) => p.id === 'region')!;
    const russia = region.countries.find((c) => c.id === '643')!;
    const { projection } = panelProjection(regionSpec);
    const [sx, sy] = projection([34.1, 44.95])!; // Simferopol
    expect(inPath(russia.d, sx, sy)).toBe(false);
    expect(inPath(region.land, sx, sy)).toBe(true);
    // Russia keeps the rest of itself: Sochi, and the Kerch peninsula's far shore.
    const [kx, ky] = projection([39.72, 43.6])!;
    expect(inPath(russia.d, kx, ky)).toBe(true);
  });

  it('placeCountryProblems() holds a place in Crimea to Ukraine, as the map draws it, not to Russia', () => {
    const sevastopol = { id: 'sevastopol', name: 'Sevastopol', lat: 44.6, lon: 33.52 };
    expect(placeCountryProblems([{ ...sevastopol, country: '804' }], atlases['50m'])).toEqual([]);
    expect(placeCountryProblems([{ ...sevastopol, country: '643' }], atlases['50m'])).toEqual([
      'place "sevastopol", field "country": 643 (Russia), but its coordinates (44.6° N, 33.52° E) lie in Ukraine (804); correct the code or the coordinates',
    ]);
    // Elsewhere Russia is Russia: Sochi.
    expect(placeCountryProblems([{ id: 'sochi', name: 'Sochi', lat: 43.6, lon: 39.72, country: '643' }], atlases['50m'])).toEqual([]);
  });

  it('the overview takes in the whole of Pakistan, its southern coast and Karachi included', () => {
    const pakistan = countriesOf(atlases[regionSpec.atlas]).features.find((c) => String(c.id) === '586')!;
    const [[w, s], [e, n]] = geoBounds(pakistan);
    const [W, S, E, N] = regionSpec.extent;
    expect(s).toBeGreaterThanOrEqual(S);
    expect(w).toBeGreaterThanOrEqual(W);
    expect(e).toBeLessThanOrEqual(E);
    expect(n).toBeLessThanOrEqual(N);
  });
});

import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { geoContains } from 'd3-geo';
import { feature } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { FeatureCollection } from 'geojson';
import { boxesOverlap, locatorMap, MAP_DIMS, PANELS, panelProjection, type LabelBox } from '../../../src/lib/charts/locatorMap';
import type { Place } from '../../../src/schemas/places';
import { readData, CONTENT } from '../../support/content';

const require = createRequire(import.meta.url);
const atlas = (scale: string) => JSON.parse(readFileSync(require.resolve(`world-atlas/countries-${scale}.json`), 'utf8')) as Topology;
const atlases = { '110m': atlas('110m'), '50m': atlas('50m') };
const places = readData(CONTENT, 'places') as unknown as Place[];
// Laid out when a test first asks, inside the test: under mutation testing, the mutant is then switched on.
let laidOut: ReturnType<typeof locatorMap> | undefined;
const map = () => (laidOut ??= locatorMap(atlases, places));
const countriesOf = (t: Topology) => feature(t, t.objects.countries as GeometryCollection) as FeatureCollection;

describe('locatorMap', () => {
  it('locatorMap(atlases, places) shows every place of the data in at least one panel, and the cluster in the close-up', () => {
    const shown = new Set(map().flatMap((p) => p.points.map((pt) => pt.id)));
    expect([...shown].sort()).toEqual(places.map((p) => p.id).sort());
    const detail = map().find((p) => p.id === 'north-west-pakistan')!;
    for (const id of ['peshawar', 'pabbi', 'cherat', 'abbottabad', 'salala', 'miramshah']) expect(detail.points.map((p) => p.id)).toContain(id);
  });

  it('locatorMap(atlases, places) puts each place inside its country, at the scale of each panel that shows it', () => {
    for (const spec of PANELS) {
      const countries = countriesOf(atlases[spec.atlas]).features;
      const projection = panelProjection(spec);
      for (const id of spec.places) {
        const place = places.find((p) => p.id === id)!;
        const country = countries.find((c) => String(c.id) === place.country)!;
        expect(geoContains(country, [place.lon, place.lat]), `${place.name} in ${place.country} at ${spec.atlas}`).toBe(true);
        const [x, y] = projection([place.lon, place.lat])!;
        const pt = map().find((p) => p.id === spec.id)!.points.find((p) => p.id === id)!;
        expect([pt.x, pt.y]).toEqual([Math.round(x * 100) / 100, Math.round(y * 100) / 100]);
      }
    }
  });

  it('locatorMap(atlases, places) places labels inside the panel, clear of each other and of every point', () => {
    for (const panel of map()) {
      const labels: LabelBox[] = [...panel.points.map((p) => p.label.box), ...panel.countries.flatMap((c) => (c.label ? [c.label.box] : []))];
      if (panel.frame) labels.push(panel.frame.label.box);
      for (const b of labels) {
        expect(b.x0).toBeGreaterThanOrEqual(0);
        expect(b.y0).toBeGreaterThanOrEqual(0);
        expect(b.x1).toBeLessThanOrEqual(panel.width);
        expect(b.y1).toBeLessThanOrEqual(panel.height);
      }
      labels.forEach((a, i) => labels.slice(i + 1).forEach((b) => expect(boxesOverlap(a, b), `${panel.id}: ${JSON.stringify(a)} / ${JSON.stringify(b)}`).toBe(false)));
      const r = MAP_DIMS.pointRadius;
      for (const pt of panel.points) {
        const dot = { x0: pt.x - r, y0: pt.y - r, x1: pt.x + r, y1: pt.y + r };
        for (const b of labels) expect(boxesOverlap(dot, b), `${panel.id}: ${pt.name}`).toBe(false);
      }
    }
  });

  it('locatorMap(atlases, places) clips every outline to its panel and rounds it to at most one decimal', () => {
    for (const panel of map()) {
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
  });

  it('locatorMap(atlases, places) backs out of a label that leaves a later place no room, and keeps each label beside its own place', () => {
    // Abbottabad and Miramshah moved next to each other: the first spot for one leaves the other no room.
    const moved: Record<string, [number, number]> = {
      islamabad: [33.784, 73.142], abbottabad: [34.291, 70.212], peshawar: [34.286, 71.766], pabbi: [33.82, 71.117],
      cherat: [34.384, 71.729], salala: [33.519, 70.318], miramshah: [34.337, 70.258],
    };
    const spec = PANELS.find((p) => p.id === 'north-west-pakistan')!;
    const [panel] = locatorMap(atlases, places.map((p) => (moved[p.id] ? { ...p, lat: moved[p.id]![0], lon: moved[p.id]![1] } : p)), [spec]);
    const { pointRadius: r, fontSize: f } = MAP_DIMS;
    for (const pt of panel!.points) {
      // Beside its point: at most the gap to the right or left, or a line above or below.
      expect(Math.abs(pt.label.x - pt.x), pt.name).toBeLessThanOrEqual(r + 3);
      expect(Math.abs(pt.label.y - pt.y), pt.name).toBeLessThanOrEqual(r + 3 + f * 0.8 + 1);
    }
    const boxes = panel!.points.map((p) => p.label.box);
    boxes.forEach((a, i) => boxes.slice(i + 1).forEach((b) => expect(boxesOverlap(a, b)).toBe(false)));
  });

  it('locatorMap(atlases, places) fails clearly when a panel names a place the data lacks', () => {
    expect(() => locatorMap(atlases, places.filter((p) => p.id !== 'cherat'))).toThrow(/panel "north-west-pakistan" shows "cherat", which is not a place/);
  });
});

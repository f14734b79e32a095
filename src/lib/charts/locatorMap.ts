// Geometry of the locator map "Where it happened": an overview of the region and a detail of north-west Pakistan, with labels that never collide.
import { geoConicConformal, geoContains, geoPath, type GeoProjection } from 'd3-geo';
import { feature, merge } from 'topojson-client';
import type { Topology, GeometryCollection, Polygon as TopoPolygon, MultiPolygon as TopoMultiPolygon } from 'topojson-specification';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { overlaps, textBox, type Box, type TextStyle } from './textBox';
import { round2 as round } from './dimensions';

export interface MapPlaceInput { id: string; name: string; lat: number; lon: number; country: string }
export type LabelBox = Box;
export { overlaps as boxesOverlap };
export interface MapLabel { x: number; y: number; anchor: 'start' | 'middle' | 'end'; box: LabelBox }
export interface MapPoint { id: string; name: string; x: number; y: number; label: MapLabel }
export interface MapCountry { id: string; name: string; d: string; label?: MapLabel }
export interface MapPanel {
  id: string;
  title: string;
  width: number;
  height: number;
  /** Every other country's land, merged into one faint shape without borders. */
  land: string;
  countries: MapCountry[];
  points: MapPoint[];
  /** The detail panel's extent drawn on the overview. */
  frame?: { x: number; y: number; width: number; height: number; label: MapLabel };
}

/** One panel: its geographic extent [west, south, east, north], which places it shows and which countries it names. */
export interface PanelSpec {
  id: string;
  title: string;
  extent: [number, number, number, number];
  places: string[];
  /** ISO numeric ids of the countries to name; every other country inside the extent is drawn faintly. */
  named: string[];
  /** Draw this other panel's extent as a frame. */
  frameOf?: string;
  /** Label each named country at its visible centre. */
  countryLabels?: boolean;
  /** Natural Earth scale: 1:110m is detailed enough for the region, 1:50m for the close-up. */
  atlas: '110m' | '50m';
}

export interface MapDims { width: number; height: number; margin: number; fontSize: number; pointRadius: number }
export const MAP_DIMS: MapDims = { width: 300, height: 270, margin: 6, fontSize: 11, pointRadius: 3.5 };

export const COUNTRY_NAMES: Record<string, string> = {
  '004': 'Afghanistan', '156': 'China', '356': 'India', '364': 'Iran', '586': 'Pakistan', '643': 'Russia', '762': 'Tajikistan',
};

export const PANELS: PanelSpec[] = [
  { id: 'region', title: 'The region', extent: [32, 29, 80, 59], places: ['moscow', 'sochi', 'dushanbe', 'islamabad'], named: ['643', '586', '004', '762', '156'], frameOf: 'north-west-pakistan', countryLabels: true, atlas: '110m' },
  { id: 'north-west-pakistan', title: 'North-west Pakistan', extent: [69.4, 32.6, 74.4, 35], places: ['islamabad', 'abbottabad', 'peshawar', 'pabbi', 'cherat', 'salala', 'miramshah'], named: ['586', '004'], countryLabels: true, atlas: '50m' },
];

// How map.css sets each kind of label: places semi-bold, country names spaced out.
const PLACE: TextStyle = { weight: 'semibold' };
const COUNTRY: TextStyle = { letterSpacing: 0.08 };
const FRAME: TextStyle = {};
/** Room for the halo drawn round each label. */
const PAD = 2;

/** The box a label covers, its halo included, as the charts' one text estimate measures it. */
export function labelBox(text: string, x: number, y: number, anchor: MapLabel['anchor'], fontSize: number, style: TextStyle): LabelBox {
  const b = textBox({ text, x, y, anchor, fontSize }, style);
  return { x0: round(b.x0 - PAD), x1: round(b.x1 + PAD), y0: round(b.y0 - PAD / 2), y1: round(b.y1 + PAD / 2) };
}

const inside = (b: LabelBox, d: MapDims) => b.x0 >= d.margin && b.y0 >= d.margin && b.x1 <= d.width - d.margin && b.y1 <= d.height - d.margin;

/** A GeoJSON outline of an extent, densified so that fitting follows its curved edges. */
function extentOutline([w, s, e, n]: PanelSpec['extent']): Feature {
  const coords: [number, number][] = [];
  const steps = 12;
  for (let i = 0; i <= steps; i++) coords.push([w + ((e - w) * i) / steps, s], [w + ((e - w) * i) / steps, n]);
  for (let i = 0; i <= steps; i++) coords.push([w, s + ((n - s) * i) / steps], [e, s + ((n - s) * i) / steps]);
  return { type: 'Feature', properties: {}, geometry: { type: 'MultiPoint', coordinates: coords } };
}

export function panelProjection(spec: PanelSpec, dims: MapDims = MAP_DIMS): GeoProjection {
  const [w, s, e, n] = spec.extent;
  const projection = geoConicConformal()
    .parallels([s + (n - s) / 4, n - (n - s) / 4])
    .rotate([-(w + e) / 2, 0])
    .fitExtent([[0, 0], [dims.width, dims.height]], extentOutline(spec.extent));
  return projection.clipExtent([[0, 0], [dims.width, dims.height]]);
}

/** The positions a label may take beside its point, in order of preference. */
function labelCandidates(text: string, x: number, y: number, dims: MapDims): MapLabel[] {
  const g = dims.pointRadius + 3;
  const f = dims.fontSize;
  // Baselines sit so that the label's box (descenders and padding included) clears the point.
  const above = y - g - f * 0.25 - 1;
  const below = y + g + f * 0.8 + 1;
  const spots: [number, number, MapLabel['anchor']][] = [
    [x + g, y + f * 0.3, 'start'], [x - g, y + f * 0.3, 'end'],
    [x, above, 'middle'], [x, below, 'middle'],
    [x + 2, above, 'start'], [x - 2, above, 'end'],
    [x + 2, below, 'start'], [x - 2, below, 'end'],
  ];
  return spots.map(([lx, ly, anchor]) => ({ x: round(lx), y: round(ly), anchor, box: labelBox(text, lx, ly, anchor, f, PLACE) })).filter((l) => inside(l.box, dims));
}

/** Chooses one candidate per point so that no label hits another label or any obstacle (depth-first, preferred spots first). */
function placeLabels(points: { id: string; name: string; x: number; y: number }[], obstacles: LabelBox[], dims: MapDims): Map<string, MapLabel> {
  const options = points.map((p) => labelCandidates(p.name, p.x, p.y, dims).filter((l) => !obstacles.some((o) => overlaps(o, l.box))));
  const chosen: MapLabel[] = [];
  const search = (i: number): boolean => {
    if (i === points.length) return true;
    for (const l of options[i]!) {
      if (chosen.some((c) => overlaps(c.box, l.box))) continue;
      chosen.push(l);
      if (search(i + 1)) return true;
      chosen.pop();
    }
    return false;
  };
  if (!search(0)) throw new Error(`locatorMap: no room to label ${points.map((p) => `"${p.name}"`).join(', ')} without overlaps`);
  return new Map(points.map((p, i) => [p.id, chosen[i]!]));
}

const pointBox = (x: number, y: number, r: number): LabelBox => ({ x0: x - r, y0: y - r, x1: x + r, y1: y + r });

/**
 * Lays out every panel: country outlines clipped to the panel and rounded to one decimal,
 * the places as points with labels placed without collisions, and the country names.
 */
export function locatorMap(atlases: Record<PanelSpec['atlas'], Topology>, places: MapPlaceInput[], panels: PanelSpec[] = PANELS, dims: MapDims = MAP_DIMS): MapPanel[] {
  const byId = new Map(places.map((p) => [p.id, p]));
  return panels.map((spec) => {
    const world = atlases[spec.atlas];
    const countries = feature(world, world.objects.countries as GeometryCollection) as FeatureCollection<Geometry, { name?: string }>;
    const projection = panelProjection(spec, dims);
    // Whole pixels are enough for the overview's coarse shapes; the close-up keeps a tenth.
    const path = geoPath(projection).digits(spec.atlas === '110m' ? 0 : 1);
    const shapes: MapCountry[] = [];
    const featureOf = new Map<string, Feature<Geometry, { name?: string }>>();
    for (const c of countries.features) {
      const id = String(c.id);
      if (!spec.named.includes(id)) continue;
      const d = path(c);
      if (d) { shapes.push({ id, name: COUNTRY_NAMES[id] ?? c.properties?.name ?? id, d }); featureOf.set(id, c); }
    }
    const others = (world.objects.countries as GeometryCollection).geometries
      .filter((g) => !spec.named.includes(String(g.id)) && (g.type === 'Polygon' || g.type === 'MultiPolygon')) as Array<TopoPolygon | TopoMultiPolygon>;
    const land = path(merge(world, others)) ?? '';

    const points = spec.places.map((pid) => {
      const p = byId.get(pid);
      if (!p) throw new Error(`locatorMap: panel "${spec.id}" shows "${pid}", which is not a place`);
      const [x, y] = projection([p.lon, p.lat])!;
      return { id: p.id, name: p.name, x: round(x), y: round(y) };
    });
    const obstacles: LabelBox[] = points.map((p) => pointBox(p.x, p.y, dims.pointRadius + 1));

    let frame: MapPanel['frame'];
    if (spec.frameOf) {
      const other = panels.find((s) => s.id === spec.frameOf)!;
      const [w, s, e, n] = other.extent;
      const corners = [[w, s], [e, s], [e, n], [w, n]].map((c) => projection(c as [number, number])!);
      const xs = corners.map((c) => c[0]), ys = corners.map((c) => c[1]);
      const x0 = Math.min(...xs), y0 = Math.min(...ys), x1 = Math.max(...xs), y1 = Math.max(...ys);
      const label = labelBox('Detail', x0, y1 + dims.fontSize, 'start', dims.fontSize, FRAME);
      frame = { x: round(x0), y: round(y0), width: round(x1 - x0), height: round(y1 - y0), label: { x: round(x0), y: round(y1 + dims.fontSize), anchor: 'start', box: label } };
      obstacles.push(label);
    }

    const labels = placeLabels(points, obstacles, dims);
    obstacles.push(...[...labels.values()].map((l) => l.box));

    if (spec.countryLabels) {
      for (const c of shapes) {
        const f = featureOf.get(c.id)!;
        const [cx, cy] = path.centroid(f);
        if (!Number.isFinite(cx)) continue;
        const text = c.name.toUpperCase();
        // Try the centre, then nudges around it; a name with no room is left out rather than overlap.
        for (const [dx, dy] of [[0, 0], [0, -14], [0, 14], [-20, 0], [20, 0], [0, -28], [0, 28]] as const) {
          const box = labelBox(text, cx + dx, cy + dy, 'middle', dims.fontSize - 1, COUNTRY);
          const centre: [number, number] = projection.invert!([cx + dx, cy + dy]) ?? [NaN, NaN];
          if (inside(box, dims) && !obstacles.some((o) => overlaps(o, box)) && geoContains(f, centre)) {
            c.label = { x: round(cx + dx), y: round(cy + dy), anchor: 'middle', box };
            obstacles.push(box);
            break;
          }
        }
      }
    }

    return {
      id: spec.id,
      title: spec.title,
      width: dims.width,
      height: dims.height,
      land,
      countries: shapes,
      points: points.map((p) => ({ ...p, label: labels.get(p.id)! })),
      frame,
    };
  });
}

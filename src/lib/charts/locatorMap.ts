// Geometry of the locator map "Where it happened": an overview of the region and a close-up of north-west Pakistan,
// drawn once, with a set of labels for each width class (in ems of the reader's text) so labels keep their size.
import { geoConicConformal, geoContains, geoPath, geoStream, type GeoProjection } from 'd3-geo';
import { feature, merge } from 'topojson-client';
import type { Topology, GeometryCollection, Polygon as TopoPolygon, MultiPolygon as TopoMultiPolygon } from 'topojson-specification';
import type { Feature, FeatureCollection, Geometry, MultiPolygon } from 'geojson';
import { overlaps, textBox, type Box, type TextStyle } from './textBox';
import { round2 as round } from './dimensions';

export interface MapPlaceInput { id: string; name: string; lat: number; lon: number; country: string }
export type LabelBox = Box;
export { overlaps as boxesOverlap };
/** A label: its text, where it is set, the box it covers (halo included) and, when it stands off its mark, a leader [x1, y1, x2, y2]. */
export interface MapLabel { id: string; text: string; x: number; y: number; anchor: 'start' | 'middle' | 'end'; box: LabelBox; leader?: Leader }
type Leader = [number, number, number, number];
/**
 * The labels a panel shows from `minWidthEm` ems wide up to the next set's width: set at `fontSize` in the panel's
 * units, which is at least the reader's small text at that width. Places are named, or numbered as in the list
 * of places where their names cannot all be set apart; countries are named, or given their two-letter codes
 * (which the map's key spells out) where their names cannot.
 */
export interface MapLabelSet { minWidthEm: number; fontSize: number; mode: 'names' | 'numbers'; countryMode: 'names' | 'codes'; places: MapLabel[]; countries: MapLabel[] }
export interface MapPoint { id: string; name: string; number: number; x: number; y: number }
export interface MapCountry { id: string; name: string; code: string; d: string }
export interface MapPanel {
  id: string;
  title: string;
  width: number;
  height: number;
  /** Every other country's land, merged into one faint shape without borders. */
  land: string;
  countries: MapCountry[];
  points: MapPoint[];
  /** The close-up's extent drawn on the overview. */
  frame?: { x: number; y: number; width: number; height: number };
  labels: MapLabelSet[];
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
  /** Natural Earth scale: 1:110m is detailed enough for the region, 1:50m for the close-up. */
  atlas: '110m' | '50m';
}

/** Panels are laid out 300 units wide, as tall as their extent; the SVG scales them to the figure. */
export interface MapDims { width: number; margin: number; pointRadius: number }
export const MAP_DIMS: MapDims = { width: 300, margin: 4, pointRadius: 3.5 };

/**
 * The panel widths, in ems of the reader's text, from which each set of labels is shown (map.css has a rule
 * for each). The narrowest set is fitted to a panel MAP_MIN_EM wide: 256 px of a 320 px screen at 200 % text (the page keeps 1 rem each side).
 */
export const MAP_WIDTHS_EM = [0, 12, 16, 21, 28, 36] as const;
export const MAP_MIN_EM = 8;
/** Labels are set at least this size, in ems: the largest the body's small text (--step--1) ever is. */
export const MAP_LABEL_EM = 0.9;

export const COUNTRY_NAMES: Record<string, string> = {
  '004': 'Afghanistan', '156': 'China', '356': 'India', '364': 'Iran', '586': 'Pakistan', '643': 'Russia', '762': 'Tajikistan',
};
/** ISO 3166-1 alpha-2 codes, for the narrowest maps. */
export const COUNTRY_CODES: Record<string, string> = {
  '004': 'AF', '156': 'CN', '356': 'IN', '364': 'IR', '586': 'PK', '643': 'RU', '762': 'TJ',
};

export const PANELS: PanelSpec[] = [
  { id: 'region', title: 'The region', extent: [32, 23.4, 80, 57.5], places: ['moscow', 'sochi', 'dushanbe', 'islamabad'], named: ['643', '586', '004', '762', '156'], frameOf: 'north-west-pakistan', atlas: '110m' },
  { id: 'north-west-pakistan', title: 'North-west Pakistan', extent: [69.4, 32.6, 74.4, 35], places: ['islamabad', 'abbottabad', 'peshawar', 'pabbi', 'cherat', 'salala', 'miramshah'], named: ['586', '004'], atlas: '50m' },
];

/**
 * Land that Natural Earth, drawing borders as they stand on the ground, gives to a country that holds it but whose
 * claim is not recognised: each part of `heldBy` that contains `at` is drawn as other land (the country it belongs to is
 * not one the map names). Crimea, annexed by Russia in 2014, is Ukraine's (UN General Assembly resolution 68/262).
 */
export const NOT_RECOGNISED: readonly { name: string; heldBy: string; belongsTo: string; at: [number, number] }[] = [
  { name: 'Crimea', heldBy: '643', belongsTo: '804', at: [34.1, 44.95] },
];

/**
 * A country's feature without the land it holds unrecognised, and that land on its own, with the id of the country it
 * belongs to (undefined when it holds none).
 */
function recognisedPart(c: Feature<Geometry>): { country: Feature<Geometry>; held?: Feature<MultiPolygon> } {
  const entry = NOT_RECOGNISED.find((n) => n.heldBy === String(c.id));
  if (!entry || c.geometry.type !== 'MultiPolygon') return { country: c };
  const isHeld = (polygon: MultiPolygon['coordinates'][number]) => geoContains({ type: 'Polygon', coordinates: polygon }, entry.at);
  const held = c.geometry.coordinates.filter(isHeld);
  if (!held.length) return { country: c };
  return {
    country: { ...c, geometry: { type: 'MultiPolygon', coordinates: c.geometry.coordinates.filter((p) => !isHeld(p)) } },
    held: { type: 'Feature', id: entry.belongsTo, properties: {}, geometry: { type: 'MultiPolygon', coordinates: held } },
  };
}

/** How near (in degrees, about 5 km) a place may lie outside its country's outline: the atlas's borders are generalised. */
const BORDER_SLACK_DEG = 0.05;

/**
 * Each place lies in the country it names, or within BORDER_SLACK_DEG of it (a post on the border, a town on the coast):
 * a place whose coordinates fall inside another country names that one. `atlas` is the finer (1:50m) set.
 */
export function placeCountryProblems(places: readonly MapPlaceInput[], atlas: Topology): string[] {
  const atlasCountries = feature(atlas, atlas.objects.countries as GeometryCollection) as FeatureCollection<Geometry, { name?: string }>;
  // As the map draws them: land held without recognition belongs to the country it is recognised as part of.
  const countries = atlasCountries.features.flatMap((c) => {
    const { country, held } = recognisedPart(c);
    return held ? [country, held] : [country];
  });
  const atlasName = new Map(atlasCountries.features.map((c) => [String(c.id), c.properties?.name]));
  const name = (id: string) => COUNTRY_NAMES[id] ?? atlasName.get(id) ?? id;
  const problems: string[] = [];
  for (const p of places) {
    const own = countries.filter((c) => String(c.id) === p.country);
    const near = [[0, 0], ...Array.from({ length: 8 }, (_, k) => [Math.cos((k * Math.PI) / 4), Math.sin((k * Math.PI) / 4)])]
      .some(([dx, dy]) => own.some((c) => geoContains(c, [p.lon + dx! * BORDER_SLACK_DEG, p.lat + dy! * BORDER_SLACK_DEG])));
    if (near) continue;
    const inside = countries.find((c) => geoContains(c, [p.lon, p.lat]));
    if (!inside) continue; // at sea, off every outline: the map shows where it is
    const where = `${Math.abs(p.lat)}° ${p.lat < 0 ? 'S' : 'N'}, ${Math.abs(p.lon)}° ${p.lon < 0 ? 'W' : 'E'}`;
    problems.push(`place "${p.id}", field "country": ${p.country} (${name(p.country)}), but its coordinates (${where}) lie in ${name(String(inside.id))} (${String(inside.id)}); correct the code or the coordinates`);
  }
  return problems;
}

// How map.css sets each kind of label: places semi-bold, their numbers bold, country names regular and spaced a little.
const PLACE: TextStyle = { weight: 'semibold' };
const NUMBER: TextStyle = { weight: 'bold' };
const COUNTRY: TextStyle = { letterSpacing: 0.04 };
/** How many lines further off a country's name may sit to keep it off another country the map names. */
const ELSEWHERE_COST = 3;
/** How many lines a place's name costs for each other point about as near it as its own point: more than a short leader. */
const AMBIGUOUS_COST = 12;
/** A country's name is set with less than this share of it over another country the map names. */
const ELSEWHERE_MAX = 0.5;
/** A name set off its country without a leader has at least this share of its letters over it. */
const TOUCH_MIN = 0.15;
/** Room for the halo drawn round each label. */
const PAD = 2;
/** Past this many tries a panel's names are given up for numbers: a search that long would not end in a readable map. */
const SEARCH_BUDGET = 40_000;

/** The box a label covers, its halo included, as the charts' one text estimate measures it. */
export function labelBox(text: string, x: number, y: number, anchor: MapLabel['anchor'], fontSize: number, style: TextStyle): LabelBox {
  const b = textBox({ text, x, y, anchor, fontSize }, style);
  return { x0: round(b.x0 - PAD), x1: round(b.x1 + PAD), y0: round(b.y0 - PAD / 2), y1: round(b.y1 + PAD / 2) };
}

/** A GeoJSON outline of an extent, densified so that fitting follows its curved edges. */
function extentOutline([w, s, e, n]: PanelSpec['extent']): Feature {
  const coords: [number, number][] = [];
  const steps = 12;
  for (let i = 0; i <= steps; i++) coords.push([w + ((e - w) * i) / steps, s], [w + ((e - w) * i) / steps, n]);
  for (let i = 0; i <= steps; i++) coords.push([w, s + ((n - s) * i) / steps], [e, s + ((n - s) * i) / steps]);
  return { type: 'Feature', properties: {}, geometry: { type: 'MultiPoint', coordinates: coords } };
}

/** The panel's projection, fitted to its width, and the height its extent then takes. */
export function panelProjection(spec: PanelSpec, dims: MapDims = MAP_DIMS): { projection: GeoProjection; height: number } {
  const [w, s, e, n] = spec.extent;
  const outline = extentOutline(spec.extent);
  const projection = geoConicConformal().parallels([s + (n - s) / 4, n - (n - s) / 4]).rotate([-(w + e) / 2, 0]).fitWidth(dims.width, outline);
  const height = Math.ceil(geoPath(projection).bounds(outline)[1][1]);
  return { projection: projection.clipExtent([[0, 0], [dims.width, height]]), height };
}

/** Whether a box lies inside a panel `width` × `height`, at least `m` from every edge. */
export const inside = (b: LabelBox, width: number, height: number, m: number) => b.x0 >= m && b.y0 >= m && b.x1 <= width - m && b.y1 <= height - m;

/** The nearest point of a box to (x, y). */
export const nearestOnBox = (b: LabelBox, x: number, y: number): [number, number] => [Math.min(Math.max(x, b.x0), b.x1), Math.min(Math.max(y, b.y0), b.y1)];

/** Whether a leader line passes through the inside of a box (Liang–Barsky clipping of the segment). */
export function crosses([x1, y1, x2, y2]: [number, number, number, number], b: LabelBox): boolean {
  let t0 = 0, t1 = 1;
  const dx = x2 - x1, dy = y2 - y1;
  for (const [p, q] of [[-dx, x1 - b.x0], [dx, b.x1 - x1], [-dy, y1 - b.y0], [dy, b.y1 - y1]] as const) {
    if (p === 0) { if (q <= 0) return false; continue; }
    const t = q / p;
    if (p < 0) { if (t > t1) return false; if (t > t0) t0 = t; } else { if (t < t0) return false; if (t < t1) t1 = t; }
  }
  return t1 - t0 > 1e-9;
}

/** How many other points lie about as near a label's box as its own point, within half a line (`f`): a reader pairs a name with the nearest dot. */
function dotsAsNear(box: LabelBox, own: MapPoint, points: readonly MapPoint[], f: number): number {
  const away = (p: MapPoint) => { const [ex, ey] = nearestOnBox(box, p.x, p.y); return Math.hypot(ex - p.x, ey - p.y); };
  const near = away(own) + f / 2;
  return points.filter((q) => q !== own && away(q) < near).length;
}

/** The least distance between two segments (zero where they meet), from each one's ends to the other. */
export function segmentGap(a: Leader, b: Leader): number {
  if (segmentsMeet(a, b)) return 0;
  const toSegment = (px: number, py: number, [x1, y1, x2, y2]: Leader) => {
    const dx = x2 - x1, dy = y2 - y1, len2 = dx * dx + dy * dy;
    const t = len2 === 0 ? 0 : Math.min(1, Math.max(0, ((px - x1) * dx + (py - y1) * dy) / len2));
    return Math.hypot(px - (x1 + t * dx), py - (y1 + t * dy));
  };
  return Math.min(toSegment(a[0], a[1], b), toSegment(a[2], a[3], b), toSegment(b[0], b[1], a), toSegment(b[2], b[3], a));
}

/** The share of a label's letters (its box, the halo aside) where `isIn`, on a grid of 8 × 3 points. */
function share(b: LabelBox, isIn: (x: number, y: number) => boolean): number {
  let n = 0;
  for (let i = 0; i < 8; i++) for (let j = 0; j < 3; j++) {
    if (isIn(b.x0 + PAD + ((b.x1 - b.x0 - 2 * PAD) * (i + 0.5)) / 8, b.y0 + PAD / 2 + ((b.y1 - b.y0 - PAD) * (j + 0.5)) / 3)) n++;
  }
  return n / 24;
}

/** Whether two segments meet: cross, or touch end to end. */
function segmentsMeet([ax, ay, bx, by]: Leader, [cx, cy, dx, dy]: Leader): boolean {
  const side = (px: number, py: number, qx: number, qy: number, rx: number, ry: number) => Math.sign((qx - px) * (ry - py) - (qy - py) * (rx - px));
  return side(ax, ay, bx, by, cx, cy) !== side(ax, ay, bx, by, dx, dy) && side(cx, cy, dx, dy, ax, ay) !== side(cx, cy, dx, dy, bx, by);
}

/**
 * Which parts of a panel a country covers, as a raster of one-unit squares (a square is in when its centre is):
 * its projected outline filled scanline by scanline, so that asking whether a spot is inside costs a lookup.
 */
export function countryMask(f: Feature<Geometry>, projection: GeoProjection, width: number, height: number): (x: number, y: number) => boolean {
  const rings: [number, number][][] = [];
  let ring: [number, number][] | undefined;
  geoStream(f, projection.stream({
    point(x: number, y: number) { ring?.push([x, y]); },
    lineStart() { ring = []; },
    lineEnd() { if (ring && ring.length > 2) rings.push(ring); ring = undefined; },
    polygonStart() {}, polygonEnd() {}, sphere() {},
  }));
  const cols = Math.ceil(width), rows = Math.ceil(height);
  const mask = new Uint8Array(cols * rows);
  for (let r = 0; r < rows; r++) {
    const y = r + 0.5;
    const xs: number[] = [];
    for (const g of rings) {
      for (let i = 0, j = g.length - 1; i < g.length; j = i++) {
        const [xi, yi] = g[i]!, [xj, yj] = g[j]!;
        if ((yi > y) !== (yj > y)) xs.push(xi + ((y - yi) * (xj - xi)) / (yj - yi));
      }
    }
    xs.sort((a, b) => a - b);
    for (let k = 0; k + 1 < xs.length; k += 2) {
      for (let c = Math.max(0, Math.ceil(xs[k]! - 0.5)); c < cols && c + 0.5 <= xs[k + 1]!; c++) mask[r * cols + c] = 1;
    }
  }
  return (x, y) => x >= 0 && y >= 0 && x < width && y < height && mask[Math.floor(y) * cols + Math.floor(x)] === 1;
}

type Candidate = Omit<MapLabel, 'id'>;

/**
 * Where a point's label may go, in order of preference: beside it, then further off in eight directions with
 * a leader back to it. Baselines sit so that the box (descenders and halo included) clears the point.
 */
export function pointCandidates(text: string, x: number, y: number, f: number, r: number, style: TextStyle): Candidate[] {
  const g = r + 2 + f * 0.15;
  const spots: [number, number, MapLabel['anchor'], number][] = [];
  for (const k of [0, 1, 2, 3]) {
    const d = g + k * f;
    const above = y - d - f * 0.25 - 1, below = y + d + f * 0.8 + 1;
    spots.push(
      [x + d, y + f * 0.3, 'start', k], [x - d, y + f * 0.3, 'end', k], [x, above, 'middle', k], [x, below, 'middle', k],
      [x + d * 0.7, above + d * 0.3, 'start', k], [x - d * 0.7, above + d * 0.3, 'end', k], [x + d * 0.7, below - d * 0.3, 'start', k], [x - d * 0.7, below - d * 0.3, 'end', k],
    );
  }
  return spots.map(([lx, ly, anchor, k]) => {
    const box = labelBox(text, lx, ly, anchor, f, style);
    if (k === 0) return { text, x: round(lx), y: round(ly), anchor, box };
    const [ex, ey] = nearestOnBox(box, x, y);
    const len = Math.hypot(ex - x, ey - y);
    const leader: [number, number, number, number] = [round(x + ((ex - x) * (r + 1)) / len), round(y + ((ey - y) * (r + 1)) / len), round(ex), round(ey)];
    return { text, x: round(lx), y: round(ly), anchor, box, leader };
  });
}

/**
 * Ways to label the points (their `dots`, a point's box) so that no label meets another label, a point or an obstacle (a leader may cross the
 * close-up's frame, never a label or another point): the most constrained point first, depth first, preferred
 * spots first, within a budget of tries. The first is the first such search finds; then, for each point in turn
 * and each of its other spots, the first way with that point's label held there.
 */
function* pointLabelLayouts(points: MapPoint[], dots: LabelBox[], texts: string[], f: number, style: TextStyle, obstacles: LabelBox[], width: number, height: number, dims: MapDims, names = true): Generator<MapLabel[]> {
  // A spot with another dot about as near as its own comes after every other: a reader pairs a name with the nearest dot.
  // (Numbers are looked up in the list, and their search keeps its order.)
  const nearAnother = (c: Candidate, i: number) => names && !c.leader && dotsAsNear(c.box, points[i]!, points, f) > 0;
  const options = points.map((p, i) => {
    const fit = pointCandidates(texts[i]!, p.x, p.y, f, dims.pointRadius, style).filter((c) =>
      inside(c.box, width, height, dims.margin) && !obstacles.some((o) => overlaps(o, c.box)) && !dots.some((d) => overlaps(d, c.box))
      && !(c.leader && dots.some((o, j) => j !== i && crosses(c.leader!, o))));
    return [...fit.filter((c) => !nearAnother(c, i)), ...fit.filter((c) => nearAnother(c, i))];
  });
  const order = points.map((_, i) => i).sort((a, b) => options[a]!.length - options[b]!.length);
  const clash = (a: Candidate, b: Candidate) => overlaps(a.box, b.box) || (!!a.leader && crosses(a.leader, b.box)) || (!!b.leader && crosses(b.leader, a.box));
  const solve = (fixed?: [number, Candidate]): MapLabel[] | undefined => {
    const chosen = new Map<number, Candidate>(fixed ? [fixed] : []);
    let tries = 0;
    const search = (k: number): boolean => {
      if (k === order.length) return true;
      const i = order[k]!;
      if (i === fixed?.[0]) return search(k + 1);
      for (const c of options[i]!) {
        if (++tries > SEARCH_BUDGET) return false;
        if ([...chosen.values()].some((o) => clash(o, c))) continue;
        chosen.set(i, c);
        if (search(k + 1)) return true;
        chosen.delete(i);
      }
      return false;
    };
    return search(0) ? points.map((p, i) => ({ id: p.id, ...chosen.get(i)! })) : undefined;
  };
  const first = solve();
  if (!first) return;
  yield first;
  for (const i of order) {
    for (const c of options[i]!) {
      if (c.x === first[i]!.x && c.y === first[i]!.y) continue;
      const other = solve([i, c]);
      if (other) yield other;
    }
  }
}

/** A list worked out one item at a time, as it is first asked for, and kept: a layout reads it again for each order it tries. */
class Lazy<S, T> implements Iterable<T> {
  private readonly done: T[] = [];
  private source?: Iterator<S>;
  private ended = false;
  /** `from` gives what the list's items are made from, and is called only when the list is first read; `make` drops an item by returning undefined. */
  constructor(private readonly from: () => Iterable<S>, private readonly make: (item: S) => T | undefined) {}
  *[Symbol.iterator](): Iterator<T> {
    for (let i = 0; ; i++) {
      while (this.done.length <= i && !this.ended) {
        const next = (this.source ??= this.from()[Symbol.iterator]()).next();
        if (next.done) this.ended = true;
        else {
          const t = this.make(next.value);
          if (t !== undefined) this.done.push(t);
        }
      }
      if (i >= this.done.length) return;
      yield this.done[i]!;
    }
  }
}

/** Where a country's name may go, in order of preference, before other labels are known. */
interface CountrySpots {
  /** Centred over the country, nearest its centre first, each with at least one end of the name over it too. */
  over: Iterable<MapLabel>;
  /** Just outside it, nearest first, each with the points inside the country its leader may end at, nearest first. */
  off: Iterable<{ label: MapLabel; touches: boolean; targets: () => { x: number; y: number }[] }>;
}

/**
 * Where a country's name may go: centred where its label falls inside the country, as near its centre as room
 * allows; failing that, just outside with a leader to a point inside it. Undefined when it has no spot at all.
 */
function countrySpots(c: MapCountry, text: string, f: Feature<Geometry>, isIn: (x: number, y: number) => boolean, elsewhere: (b: LabelBox) => number, path: ReturnType<typeof geoPath>, f0: number, width: number, height: number, dims: MapDims): CountrySpots | undefined {
  const [cx, cy] = path.centroid(f);
  const [[bx0, by0], [bx1, by1]] = path.bounds(f);
  // Inside: a grid over the country fine enough for a small one; outside: a coarser grid over the panel.
  const fine = Math.max(1.5, Math.min(f0 / 2, (bx1 - bx0) / 6, (by1 - by0) / 6));
  const samples: { x: number; y: number; in: boolean }[] = [];
  for (let y = Math.max(by0, dims.margin) + fine / 2; y < Math.min(by1, height - dims.margin); y += fine) {
    for (let x = Math.max(bx0, dims.margin) + fine / 2; x < Math.min(bx1, width - dims.margin); x += fine) samples.push({ x, y, in: isIn(x, y) });
  }
  const coarse = Math.max(3, f0 / 2);
  for (let y = dims.margin + f0; y < height - dims.margin; y += coarse) {
    for (let x = dims.margin; x < width - dims.margin; x += coarse) {
      const inBox = x >= bx0 && x <= bx1 && y >= by0 && y <= by1;
      samples.push({ x, y, in: inBox && isIn(x, y) });
    }
  }
  const within = samples.filter((s) => s.in);
  if (!within.length) return undefined;
  const inPanel = (b: LabelBox) => inside(b, width, height, dims.margin);
  const centre = Number.isFinite(cx) ? [cx!, cy!] : [within[0]!.x, within[0]!.y];
  const byCentre = [...within].sort((a, b) => Math.hypot(a.x - centre[0]!, a.y - centre[1]!) - Math.hypot(b.x - centre[0]!, b.y - centre[1]!));
  // The name centred on a sample spot, its baseline set so that the spot is the middle of its letters.
  const at = (s: { x: number; y: number }): MapLabel => ({ id: c.id, text, x: round(s.x), y: round(s.y + f0 * 0.3), anchor: 'middle', box: labelBox(text, s.x, s.y + f0 * 0.3, 'middle', f0, COUNTRY) });
  // Most of the label over the country: its centre and at least one end.
  const over = new Lazy(() => byCentre, (s) => {
    const label = at(s), { box } = label;
    return inPanel(box) && [[box.x0 + PAD, s.y], [box.x1 - PAD, s.y]].some(([x, y]) => isIn(x!, y!)) && elsewhere(box) < ELSEWHERE_MAX ? label : undefined;
  });
  // Outside, as near as possible to the country, with a leader to one of its nearest points inside.
  const near = (x: number, y: number) => Math.min(...within.map((w) => Math.hypot(w.x - x, w.y - y)));
  // A spot over another country the map names counts as further off: a name there reads as that country's.
  const nearest = () => samples.filter((s) => !s.in).map((s) => ({ s, d: near(s.x, s.y) })).filter((o) => o.d < 5 * f0)
    .map(({ s, d }) => ({ s, label: at(s), d })).filter((o) => inPanel(o.label.box))
    .map((o) => ({ ...o, share: elsewhere(o.label.box) })).filter((o) => o.share < ELSEWHERE_MAX)
    .map((o) => ({ ...o, cost: o.d + ELSEWHERE_COST * f0 * o.share })).sort((a, b) => a.cost - b.cost);
  const off = new Lazy(nearest, ({ s, label }) => {
    let targets: { x: number; y: number }[] | undefined;
    return { label, touches: share(label.box, isIn) >= TOUCH_MIN, targets: () => (targets ??= [...within].sort((a, b) => Math.hypot(a.x - s.x, a.y - s.y) - Math.hypot(b.x - s.x, b.y - s.y))) };
  });
  return { over, off };
}

/**
 * The first of a country's spots that is free: over no label, point, leader or frame edge (`obstacles`, the frame's
 * `frameEdgeCount` edges first) and, off the country, with a leader that crosses no label, point or other leader
 * and ends away from the places' points.
 */
function placeCountryLabel(spots: CountrySpots, obstacles: LabelBox[], leaders: Leader[], points: readonly MapPoint[], frameEdgeCount: number, dims: MapDims): MapLabel | undefined {
  const free = (b: LabelBox) => !obstacles.some((o) => overlaps(o, b)) && !leaders.some((l) => crosses(l, b));
  for (const l of spots.over) if (free(l.box)) return l;
  const open = (x: number, y: number) => !obstacles.some((o) => x >= o.x0 && x <= o.x1 && y >= o.y0 && y <= o.y1);
  for (const { label, touches, targets } of spots.off) {
    const { box } = label;
    if (!free(box)) continue;
    // The leader ends at the nearest point inside the country that no label covers and it can reach unobstructed.
    let tried = 0;
    for (const target of targets()) {
      // Not at a place's point either, where the leader would read as the place's.
      if (!open(target.x, target.y) || points.some((p) => Math.hypot(p.x - target.x, p.y - target.y) < 4 * dims.pointRadius)) continue;
      if (++tried > 6) break;
      const [ex, ey] = nearestOnBox(box, target.x, target.y);
      const leader: Leader = [round(ex), round(ey), round(target.x), round(target.y)];
      // A name that reaches the country (within a unit), some of its letters over it, touches it and needs no
      // leader; one that only grazes it, or is a little off it (a leader under a point's width would not read as a
      // line), will not do there.
      const gap = Math.hypot(leader[2] - leader[0], leader[3] - leader[1]);
      if (gap < 1) {
        if (touches) return label;
        break;
      }
      if (gap < 2 * dims.pointRadius) continue;
      if (obstacles.slice(frameEdgeCount).some((o) => crosses(leader, o)) || leaders.some((l) => segmentsMeet(l, leader))) continue;
      return { ...label, leader };
    }
  }
  return undefined;
}

/** Every order of `items`, `items` itself first. */
function* permutations<T>(items: T[]): Generator<T[]> {
  if (items.length <= 1) { yield items; return; }
  for (let i = 0; i < items.length; i++) {
    const rest = [...items.slice(0, i), ...items.slice(i + 1)];
    for (const tail of permutations(rest)) yield [items[i]!, ...tail];
  }
}

/**
 * Lays out every panel: country outlines clipped to the panel and rounded, the places as numbered points, and
 * for each width class a set of labels, none overlapping another, a point, a leader or the close-up's frame.
 */
export function locatorMap(atlases: Record<PanelSpec['atlas'], Topology>, places: readonly MapPlaceInput[], panels: PanelSpec[] = PANELS, dims: MapDims = MAP_DIMS): MapPanel[] {
  const byId = new Map(places.map((p, i) => [p.id, { ...p, number: i + 1 }]));
  return panels.map((spec) => {
    const world = atlases[spec.atlas];
    const atlasCountries = feature(world, world.objects.countries as GeometryCollection) as FeatureCollection<Geometry, { name?: string }>;
    const parts = atlasCountries.features.map((c) => recognisedPart(c));
    const countries = { ...atlasCountries, features: parts.map((p) => p.country) };
    const { projection, height } = panelProjection(spec, dims);
    const { width } = dims;
    // Whole pixels are enough for the overview's coarse shapes; the close-up keeps a tenth.
    const path = geoPath(projection).digits(spec.atlas === '110m' ? 0 : 1);
    const shapes: MapCountry[] = [];
    const featureOf = new Map<string, Feature<Geometry>>();
    for (const c of countries.features) {
      const id = String(c.id);
      if (!spec.named.includes(id)) continue;
      const d = path(c);
      if (d) { shapes.push({ id, name: COUNTRY_NAMES[id] ?? c.properties?.name ?? id, code: COUNTRY_CODES[id] ?? id, d }); featureOf.set(id, c); }
    }
    const others = (world.objects.countries as GeometryCollection).geometries
      .filter((g) => !spec.named.includes(String(g.id)) && (g.type === 'Polygon' || g.type === 'MultiPolygon')) as Array<TopoPolygon | TopoMultiPolygon>;
    const heldLand = parts.flatMap((p) => (p.held && spec.named.includes(String(p.country.id)) ? [path(p.held) ?? ''] : []));
    const land = [path(merge(world, others)) ?? '', ...heldLand].join('');

    const points: MapPoint[] = spec.places.map((pid) => {
      const p = byId.get(pid);
      if (!p) throw new Error(`locatorMap: panel "${spec.id}" shows "${pid}", which is not a place`);
      const [x, y] = projection([p.lon, p.lat])!;
      return { id: p.id, name: p.name, number: p.number, x: round(x), y: round(y) };
    });

    let frame: MapPanel['frame'];
    const frameEdges: LabelBox[] = [];
    if (spec.frameOf) {
      const other = panels.find((s) => s.id === spec.frameOf)!;
      const [w, s, e, n] = other.extent;
      const corners = [[w, s], [e, s], [e, n], [w, n]].map((c) => projection(c as [number, number])!);
      const xs = corners.map((c) => c[0]), ys = corners.map((c) => c[1]);
      const x0 = Math.min(...xs), y0 = Math.min(...ys), x1 = Math.max(...xs), y1 = Math.max(...ys);
      frame = { x: round(x0), y: round(y0), width: round(x1 - x0), height: round(y1 - y0) };
      // Labels may sit inside the frame or outside it, never across its dashed edge.
      frameEdges.push({ x0: x0 - 1, y0: y0 - 1, x1: x1 + 1, y1: y0 + 1 }, { x0: x0 - 1, y0: y1 - 1, x1: x1 + 1, y1: y1 + 1 }, { x0: x0 - 1, y0: y0 - 1, x1: x0 + 1, y1: y1 + 1 }, { x0: x1 - 1, y0: y0 - 1, x1: x1 + 1, y1: y1 + 1 });
    }

    // Smaller countries first, so that a big one cannot take the only room a small one has.
    const countryOrder = [...shapes].sort((a, b) => path.area(featureOf.get(a.id)!) - path.area(featureOf.get(b.id)!));
    const dots = points.map((p) => ({ x0: p.x - dims.pointRadius - 1, y0: p.y - dims.pointRadius - 1, x1: p.x + dims.pointRadius + 1, y1: p.y + dims.pointRadius + 1 }));
    const masks = new Map(shapes.map((c) => [c.id, countryMask(featureOf.get(c.id)!, projection, width, height)]));
    // Each country in turn, in `order`; undefined when one of them finds no room.
    const nameInOrder = (order: MapCountry[], spotsOf: Map<string, CountrySpots | undefined>, placed: MapLabel[]) => {
      const obstacles = [...frameEdges, ...dots, ...placed.map((l) => l.box)];
      const leaders = placed.flatMap((l) => (l.leader ? [l.leader] : []));
      const out: MapLabel[] = [];
      for (const c of order) {
        const l = placeCountryLabel(spotsOf.get(c.id)!, obstacles, leaders, points, frameEdges.length, dims);
        if (!l) return undefined;
        out.push(l);
        obstacles.push(l.box);
        if (l.leader) leaders.push(l.leader);
      }
      return shapes.map((s) => out.find((l) => l.id === s.id)!);
    };
    // A leader costs its length, and more the longer it is: two short leaders read better than one across the map.
    const leaderCost = (ls: MapLabel[], f: number) => ls.reduce((sum, l) => {
      const len = l.leader ? Math.hypot(l.leader[2] - l.leader[0], l.leader[3] - l.leader[1]) : 0;
      return sum + len + (len * len) / (4 * f);
    }, 0);
    // Where each country's name may go depends only on the size and kind of the labels: worked out once for each.
    const spotCache = new Map<string, Map<string, CountrySpots | undefined>>();
    // The share of a label over named countries other than `id`.
    const elsewhereOf = (id: string) => (b: LabelBox) => share(b, (x, y) => shapes.some((c) => c.id !== id && masks.get(c.id)!(x, y)));
    /**
     * What a labelling costs: its leaders, and each name over another country the map names (a place's over a
     * country not its own) as ELSEWHERE_COST lines of leader.
     */
    const countryOf = new Map(places.map((p) => [p.id, p.country]));
    // A reader pairs a name with the dot nearest it: a name (without a leader) costs AMBIGUOUS_COST lines for each other
    // point about as near it as its own, within half a line. (A number is looked up in the list, not read off the map.)
    const ambiguity = (ls: MapLabel[], f: number) => ls.reduce((sum, l) => {
      const own = l.leader ? undefined : points.find((p) => p.id === l.id && p.name === l.text);
      return own ? sum + AMBIGUOUS_COST * f * dotsAsNear(l.box, own, points, f) : sum;
    }, 0);
    // Two leaders side by side within a line are as hard to follow as two names between two dots: the same cost.
    const closeLeaders = (ls: MapLabel[], f: number) => {
      const lines = ls.flatMap((l) => (l.leader ? [l.leader] : []));
      let n = 0;
      for (let i = 0; i < lines.length; i++) for (let j = i + 1; j < lines.length; j++) if (segmentGap(lines[i]!, lines[j]!) < f) n++;
      return AMBIGUOUS_COST * f * n;
    };
    const cost = (placeLabels: MapLabel[], countryLabels: MapLabel[], f: number) => leaderCost(placeLabels, f) + leaderCost(countryLabels, f) + ambiguity(placeLabels, f) + closeLeaders(placeLabels, f)
      + countryLabels.reduce((sum, l) => sum + ELSEWHERE_COST * f * elsewhereOf(l.id)(l.box), 0)
      + placeLabels.reduce((sum, l) => sum + ELSEWHERE_COST * f * elsewhereOf(countryOf.get(l.id) ?? '')(l.box), 0);
    // The countries named in each order in turn (smallest first, then, while the best so far costs anything, every
    // other order), keeping the cheapest; `everyOrder` false tries smallest first alone.
    const nameCountries = (f: number, placed: MapLabel[], mode: MapLabelSet['countryMode'], everyOrder: boolean) => {
      const key = `${f} ${mode}`;
      let spotsOf = spotCache.get(key);
      if (!spotsOf) spotCache.set(key, spotsOf = new Map(shapes.map((c) => [c.id, countrySpots(c, mode === 'names' ? c.name : c.code, featureOf.get(c.id)!, masks.get(c.id)!, elsewhereOf(c.id), path, f, width, height, dims)])));
      if ([...spotsOf.values()].some((s) => !s)) return undefined;
      let best: { countries: MapLabel[]; cost: number } | undefined;
      for (const order of everyOrder ? permutations(countryOrder) : [countryOrder]) {
        const countries = nameInOrder(order, spotsOf, placed);
        if (!countries) continue;
        const c = cost(placed, countries, f);
        if (!best || c < best.cost) best = { countries, cost: c };
        if (best.cost === 0) break;
      }
      return best;
    };
    // The fullest labelling that fits, in this order: names everywhere; country codes; numbered places; both.
    const labels = MAP_WIDTHS_EM.map((minWidthEm): MapLabelSet => {
      const f = round((MAP_LABEL_EM * width) / Math.max(minWidthEm, MAP_MIN_EM));
      for (const mode of ['names', 'numbers'] as const) {
        const layouts = new Lazy(() => pointLabelLayouts(points, dots, points.map((p) => (mode === 'names' ? p.name : String(p.number))), f, mode === 'names' ? PLACE : NUMBER, frameEdges, width, height, dims, mode === 'names'), (l) => l);
        const [preferred] = layouts;
        if (!preferred) continue;
        for (const countryMode of ['names', 'codes'] as const) {
          // Which kind of labels fits is decided with the places at their preferred spots and the countries named
          // in every order. Where that labelling costs anything, each other way of placing the places is tried
          // with the countries named smallest first, and the cheapest of those again in every order.
          const named = nameCountries(f, preferred, countryMode, true);
          if (!named) continue;
          let best = { places: preferred, ...named };
          if (best.cost > 0) {
            for (const places of layouts) {
              if (places === preferred) continue;
              const other = nameCountries(f, places, countryMode, false);
              if (other && other.cost < best.cost) best = { places, ...other };
              if (best.cost === 0) break;
            }
            if (best.places !== preferred) {
              const again = nameCountries(f, best.places, countryMode, true)!;
              if (again.cost < best.cost) best = { places: best.places, ...again };
            }
          }
          return { minWidthEm, fontSize: f, mode, countryMode, places: best.places, countries: best.countries };
        }
      }
      throw new Error(`locatorMap: no room to label ${points.map((p) => `"${p.name}"`).join(', ')} and ${shapes.map((c) => c.name).join(', ')} in panel "${spec.id}" at ${Math.max(minWidthEm, MAP_MIN_EM)} em, even by number and code`);
    });

    return { id: spec.id, title: spec.title, width, height, land, countries: shapes, points, frame, labels };
  });
}

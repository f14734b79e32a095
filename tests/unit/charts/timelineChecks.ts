// Shared by the timeline layout tests: the real events, a time scale independent of d3, and checks for overlaps.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseTimeline } from '../../../src/schemas/timeline';
import {
  SYMBOL_RADIUS, HORIZONTAL_DIMS, VERTICAL_DIMS, TIMELINE_START, TIMELINE_END,
  type Box, type TimelineDims, type TimelineLayout, type Orientation,
} from '../../../src/lib/charts/timelineLayout';

const FILE = resolve(import.meta.dirname, '../../../content/data/timeline.yaml');
export const events = parseTimeline(readFileSync(FILE, 'utf8'), 'content/data/timeline.yaml');
export const DAY = 86_400_000;

/** Independent of d3: a linear map of UTC time onto the plotted range. */
export function at(t: number, from: number, to: number): number {
  return from + ((t - TIMELINE_START) / (TIMELINE_END - TIMELINE_START)) * (to - from);
}
export const utcOf = (iso: string) => {
  const [y, m = 1, d = 1] = iso.split('-').map(Number);
  return Date.UTC(y!, m - 1, d);
};

export const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** Every pair of labels that overlap, by id; and every label that touches another event's symbol. */
export function collisions(layout: TimelineLayout): string[] {
  const found: string[] = [];
  const { marks } = layout;
  for (let i = 0; i < marks.length; i++) {
    for (let j = i + 1; j < marks.length; j++) {
      if (overlaps(marks[i]!.label.box, marks[j]!.label.box)) found.push(`${marks[i]!.id} × ${marks[j]!.id}`);
    }
    for (const other of marks) {
      const r = SYMBOL_RADIUS;
      const sym: Box = { x: other.x - r, y: other.y - r, width: 2 * r, height: 2 * r };
      if (other.id !== marks[i]!.id && overlaps(marks[i]!.label.box, sym)) found.push(`${marks[i]!.id} label × ${other.id} symbol`);
    }
  }
  return found;
}

/** Every pair of symbols that overlap, by id. */
export function symbolClashes(layout: TimelineLayout): string[] {
  const r = SYMBOL_RADIUS;
  const box = (m: TimelineLayout['marks'][number]): Box => ({ x: m.x - r, y: m.y - r, width: 2 * r, height: 2 * r });
  return layout.marks.flatMap((a, i) => layout.marks.slice(i + 1).filter((b) => overlaps(box(a), box(b))).map((b) => `${a.id} × ${b.id}`));
}

/** Every leader that passes through another event's symbol, sampled every half pixel along its segments. */
export function leaderClashes(layout: TimelineLayout): string[] {
  const r = SYMBOL_RADIUS;
  const found: string[] = [];
  for (const m of layout.marks) {
    const points = [...(m.leader ?? '').matchAll(/([MLH])(-?[\d.]+)(?:,(-?[\d.]+))?/g)].reduce<[number, number][]>((pts, [, cmd, a, b]) => {
      const last = pts.at(-1);
      pts.push(cmd === 'H' ? [Number(a), last![1]] : [Number(a), Number(b)]);
      return pts;
    }, []);
    for (let k = 1; k < points.length; k++) {
      const [[x1, y1], [x2, y2]] = [points[k - 1]!, points[k]!];
      const n = Math.ceil(Math.hypot(x2 - x1, y2 - y1) * 2);
      for (const other of layout.marks) {
        if (other.id === m.id) continue;
        for (let t = 0; t <= n; t++) {
          const px = x1 + ((x2 - x1) * t) / n, py = y1 + ((y2 - y1) * t) / n;
          if (Math.abs(px - other.x) < r && Math.abs(py - other.y) < r) { found.push(`${m.id} leader × ${other.id} symbol`); break; }
        }
      }
    }
  }
  return found;
}

export function outside(layout: TimelineLayout): string[] {
  return layout.marks
    .filter(({ label: { box } }) => box.x < 0 || box.x + box.width > layout.width || box.y < 0 || box.y + box.height > layout.height)
    .map((m) => m.id);
}

export const dimsAt = (orientation: Orientation, width: number): TimelineDims => ({ ...(orientation === 'horizontal' ? HORIZONTAL_DIMS : VERTICAL_DIMS), width });

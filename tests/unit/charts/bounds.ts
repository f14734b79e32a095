// Shared checks for chart layouts: no label overlaps another or a bar, and none leaves the chart.
import type { ChartLayout } from '../../../src/lib/charts/dimensions';
import { overlaps, textBox, type Box } from '../../../src/lib/charts/textBox';

export function labelProblems(layout: ChartLayout): string[] {
  const problems: string[] = [];
  const boxes = layout.texts.map((t) => ({ key: t.key, box: textBox(t) }));
  for (const { key, box } of boxes) {
    if (box.x0 < 0 || box.y0 < 0 || box.x1 > layout.width || box.y1 > layout.height) problems.push(`${key} leaves the chart`);
  }
  boxes.forEach((a, i) => boxes.slice(i + 1).forEach((b) => { if (overlaps(a.box, b.box)) problems.push(`${a.key} overlaps ${b.key}`); }));
  const bars: { key: string; box: Box }[] = layout.rects.map((r) => ({ key: r.key, box: { x0: r.x, y0: r.y, x1: r.x + r.width, y1: r.y + r.height } }));
  for (const t of boxes) for (const b of bars) if (overlaps(t.box, b.box)) problems.push(`${t.key} overlaps bar ${b.key}`);
  return problems;
}

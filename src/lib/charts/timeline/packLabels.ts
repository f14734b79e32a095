// Vertical timeline: stacks the labels down the page in event order, each as near its symbol as its neighbours allow.

export interface LabelToPack {
  /** Where the middle of the label would be: level with its symbol. */
  wish: number;
  height: number;
}

/**
 * The top of each label. Labels keep their order; overlapping neighbours merge into a block centred on
 * the mean of their wished-for centres, until no two blocks touch (the labeller of d3's line-end labels).
 * Nothing rises above minTop.
 */
export function packLabels(labels: LabelToPack[], minTop: number, gap: number): number[] {
  type Block = { first: number; last: number; top: number; height: number; wish: number };
  let blocks: Block[] = labels.map((l, i) => ({ first: i, last: i, top: l.wish - l.height / 2, height: l.height, wish: l.wish }));
  for (let changed = true; changed;) {
    changed = false;
    // A block held down at the top may now meet the next one.
    for (const b of blocks) b.top = Math.max(b.top, minTop);
    const next: Block[] = [];
    for (const b of blocks) {
      const prev = next.at(-1);
      if (prev && prev.top + prev.height + gap > b.top) {
        const count = b.last - prev.first + 1;
        const wish = (prev.wish * (prev.last - prev.first + 1) + b.wish * (b.last - b.first + 1)) / count;
        const height = prev.height + gap + b.height;
        next[next.length - 1] = { first: prev.first, last: b.last, top: wish - height / 2, height, wish };
        changed = true;
      } else next.push({ ...b });
    }
    blocks = next;
  }

  const tops: number[] = [];
  for (const b of blocks) {
    let t = b.top;
    for (let i = b.first; i <= b.last; i++) {
      tops[i] = t;
      t += labels[i]!.height + gap;
    }
  }
  return tops;
}

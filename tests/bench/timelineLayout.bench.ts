// How long the timeline layout takes for 18 (the article's), 100 and 1,000 events: `npm run bench:layout`.
// A benchmark, not a test: it reports times and fails nothing; the schema caps a figure at 60 events.
import { test } from 'vitest';
import { timelineLayout } from '../../src/lib/charts/timelineLayout';
import { readInput } from '../support/content';
import type { TimelineEvent } from '../../src/schemas/timeline';

const real = readInput().timeline.events;

/** `n` events spread over 2010–2018 at every precision, in no particular order, the same on every run. */
function synthetic(n: number): TimelineEvent[] {
  const DAY = 86_400_000, start = Date.UTC(2010, 0, 1), days = 9 * 365;
  let seed = 20181001;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  return Array.from({ length: n }, (_, i) => {
    const day = new Date(start + Math.floor(next() * (days - 30)) * DAY).toISOString().slice(0, 10);
    const base = { ...real[i % real.length]!, id: `event-${i}` };
    const kind = i % 4;
    if (kind === 0) return { ...base, date: day, precision: 'day' as const, start: undefined, end: undefined };
    if (kind === 1) return { ...base, date: day.slice(0, 7), precision: 'month' as const, start: undefined, end: undefined };
    if (kind === 2) return { ...base, date: day.slice(0, 4), precision: 'year' as const, start: undefined, end: undefined };
    return { ...base, date: undefined, precision: undefined, start: day, end: new Date(Date.parse(day) + 14 * DAY).toISOString().slice(0, 10) };
  });
}

test('timelineLayout(events): milliseconds per layout by number of events', async ({ bench }) => {
  const rows: string[] = [];
  for (const [name, events] of [['18 (the article)', real], ['100', synthetic(100)], ['1,000', synthetic(1000)]] as const) {
    const result = await bench(`${name} events`, () => { timelineLayout(events); }).run();
    rows.push(`${name.padEnd(17)} ${result.latency.mean.toFixed(3).padStart(9)} ms   (p99 ${result.latency.p99.toFixed(3)} ms, ${result.latency.samplesCount} runs)`);
  }
  console.log(`\ntimelineLayout(events), mean time per layout\nevents            mean\n${rows.join('\n')}\n`);
});

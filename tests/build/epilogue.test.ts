// The epilogue in the built page: after the author's text and marked as ours, the scorecard linked both ways with the
// paragraphs, the chart's bars in proportion in two panels, the later timeline, its downloads, and a real build that
// stops on a figure the data does not give.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { csvParse } from 'd3-dsv';
import { authorText, distPath, loadPage } from '../support/dist';
import { readEdition } from '../support/content';
import { childEnv } from '../support/childEnv';
import { withBuildLock } from '../support/buildLock';
import { sourceKey } from '../../src/lib/analysis/sources';
import { VERDICT_LABELS } from '../../src/schemas/claims';
import { sourceCaveats } from '../../src/schemas/factSheet';
import { formatEventDate, precisionNote } from '../../src/lib/timeline/dates';
import { formatUsd } from '../../src/lib/charts/formatUsd';
import { formatPartialDate } from '../../src/lib/format';
import { LATER_SPAN } from '../../src/schemas/laterEvents';

const ROOT = resolve(import.meta.dirname, '../..');
const $ = loadPage();
const edition = readEdition();
const { epilogue } = edition;
const section = $('section[data-epilogue]');
const num = (v: string | undefined) => Number(v);
const sheet = readFileSync(join(ROOT, 'content/facts/sources.yaml'), 'utf8');
/** The years the later timeline draws, as the epilogue gives them to it. */
const span = { from: Number(LATER_SPAN.firstDay.slice(0, 4)), to: Number(LATER_SPAN.lastDay.slice(0, 4)) };
const sheetKeys = new Set([...sheet.matchAll(/https?:\/\/\S+/g)].map((m) => sourceKey(m[0])));

describe('the epilogue in the built page', () => {
  it('index.html places the epilogue after the author\'s text and bio, before the corrections, marked as the editors\' and holding none of the author\'s paragraphs', () => {
    expect(section).toHaveLength(1);
    expect(section.attr('data-editorial')).toBe('');
    expect(section.prevAll('.writer-bio')).toHaveLength(1);
    expect(section.nextAll('[data-corrections]')).toHaveLength(1);
    expect($('.article-body').nextAll('section[data-epilogue]')).toHaveLength(1);
    expect(section.find('[data-para], .para, p[data-author-text]')).toHaveLength(0);
    expect(section.children('h2').attr('id')).toBe(epilogue.id);
    expect(section.find('.epilogue-kicker').text()).toMatch(/^Editors’ epilogue, added \w+ \d{4}$/);
    expect(section.find('.epilogue-text').first().text()).toContain('our writing, not the author’s');
    expect(section.find('.epilogue-text').toArray().map((p) => $(p).text())).toEqual(epilogue.intro);
    // Listed last in the contents, as ours.
    const toc = $('nav.toc a[data-toc-link]').last();
    expect(toc.attr('href')).toBe(`#${epilogue.id}`);
    expect(toc.closest('li').hasClass('toc-epilogue')).toBe(true);
  });

  it('index.html shows every claim: the article\'s words from its paragraph, the verdict by word and shape, the month, the evidence and the sources with their marks', () => {
    const items = section.find('[data-scorecard] > li[data-claim]');
    expect(items.toArray().map((li) => $(li).attr('id'))).toEqual(epilogue.claims.map((c) => c.id));
    for (const c of epilogue.claims) {
      const li = $(`li#${c.id}`);
      const verdict = li.find('.claim-head [data-verdict]');
      expect(verdict.attr('data-verdict')).toBe(c.verdict);
      expect(verdict.find('.verdict-label').text()).toBe(VERDICT_LABELS[c.verdict]);
      expect(verdict.find(`svg[data-verdict-shape="${c.verdict}"]`)).toHaveLength(1);
      const quote = li.find('[data-claim-quote]').clone();
      quote.find('.visually-hidden').remove();
      // In quotation marks, single outside where the words hold double marks of their own.
      const [before, after] = c.quote.includes('“') ? ['‘', '’'] : ['“', '”'];
      expect(quote.text()).toBe(`${before}${c.quote}${after}`);
      expect(authorText($, $(`#${c.paragraph}`))).toContain(c.quote);
      expect(li.find('.claim-asof time').attr('datetime')).toBe(c.asOf);
      expect(li.find('.claim-evidence').text()).toBe(c.evidence);
      const links = li.find('.claim-sources-list a[href^="http"]').toArray();
      expect(links.map((a) => $(a).attr('href'))).toEqual(c.sources.map((s) => s.url));
      links.forEach((a, i) => {
        const caveats = sourceCaveats(c.sources[i]!);
        const mark = $(a).nextAll('[data-caveat]').first();
        if (caveats.length) expect(mark.text()).toBe(` (${caveats.join('; ')})`);
      });
    }
    // The shapes differ, so that no verdict depends on colour.
    const shapes = new Set(section.find('.verdict-key svg').toArray().map((s) => $(s).html()));
    expect(shapes.size).toBe(section.find('.verdict-key li').length);
  });

  it('index.html links both ways: each judged paragraph has a marker to its verdict, each verdict a link to its paragraph, and no other paragraph has one', () => {
    const judged = new Set(epilogue.claims.map((c) => c.paragraph));
    for (const c of epilogue.claims) {
      expect($(`li#${c.id} a[data-claim-paragraph]`).attr('href')).toBe(`#${c.paragraph}`);
      const marker = $(`#${c.paragraph} a.verdict-marker[href="#${c.id}"]`);
      expect(marker).toHaveLength(1);
      expect(marker.closest('[data-editorial]')).toHaveLength(1);
      expect(marker.attr('aria-label')).toBe(`Verdict in the epilogue: ${VERDICT_LABELS[c.verdict]} (${c.title})`);
    }
    const marked = $('[data-para]').toArray().filter((p) => $(p).find('a.verdict-marker').length).map((p) => $(p).attr('id'));
    expect(new Set(marked)).toEqual(judged);
  });

  it('index.html tallies the verdicts from the data', () => {
    const tally = section.find('[data-verdict-tally]').text().replace(/\s+/g, ' ');
    expect(tally).toContain(`Our verdicts on ${epilogue.claims.length} claims:`);
    for (const t of epilogue.tally.filter((x) => x.count > 0)) expect(tally).toContain(`${t.count} ${t.label.toLowerCase()}`);
  });

  it('index.html draws the trade record in proportion from one zero, calendar years above and apart from fiscal years, one row and one bar per period', () => {
    const figure = $(`figure#${epilogue.figures.trade.id}`);
    expect(figure.find('[data-figure-label]').text()).toBe(`Figure ${epilogue.figures.trade.number}`);
    const chart = figure.find('[data-chart="trade-record"]');
    expect(chart).toHaveLength(1);
    // The key tells the bars' looks apart, and the bars are hidden from screen readers; each row says in words what
    // its bar shows ("more than $1bn", "$45M: Pakistan’s exports only"), so the key is hidden too.
    expect(chart.find('svg.record-bar').toArray().every((s) => $(s).attr('aria-hidden') === 'true')).toBe(true);
    expect(figure.find('ul.record-key').attr('aria-hidden')).toBe('true');
    // Two panels, calendar years first, each under its heading, side by side in the page and never one inside the other.
    const panels = chart.children('div.record-panel');
    expect(panels.toArray().map((p) => $(p).attr('data-series'))).toEqual(['calendar', 'fiscal']);
    expect(chart.find('.record-panel .record-panel')).toHaveLength(0);
    for (const kind of ['calendar', 'fiscal'] as const) {
      const panel = chart.children(`div.record-panel[data-series="${kind}"]`);
      const heading = epilogue.figures.trade[kind];
      expect(panel.children('.record-heading').text()).toBe(heading);
      // Not a landmark named by its own heading: a screen reader would read the heading twice, and list two more regions.
      expect(panel.attr('aria-label')).toBeUndefined();
      // Every row of the group, gaps included, in the order of the data, and none of the other group's.
      const rows = panel.find('li.record-row');
      expect(rows.toArray().map((li) => $(li).attr('data-row'))).toEqual(epilogue.trade[kind].map((r) => r.id));
      for (const r of epilogue.trade[kind]) {
        const li = panel.find(`li.record-row[data-row="${r.id}"]`);
        if (r.type === 'gap') {
          expect(li.find('svg'), r.id).toHaveLength(0);
          expect(li.find('.record-gap').text(), r.id).toMatch(new RegExp(`^${RegExp.escape(r.label)}: no (dated )?figure`));
        } else {
          expect(li.attr('data-series'), r.id).toBe(kind);
        }
      }
    }

    // Each period one bar, alone in its own drawing under its label: nothing can join one period to another.
    const points = [...epilogue.trade.calendar, ...epilogue.trade.fiscal].filter((r) => r.type === 'figure');
    const svgs = chart.find('svg.record-bar');
    expect(svgs.toArray().map((s) => $(s).attr('data-bar'))).toEqual(points.map((p) => p.id));
    expect(chart.find('path, polyline, polygon')).toHaveLength(0);
    const value = (p: (typeof points)[number]) => p.valueUsdMillions ?? p.pakistanExportsUsdMillions!;
    const bar = (p: (typeof points)[number]) => chart.find(`svg.record-bar[data-bar="${p.id}"]`);
    const total = (p: (typeof points)[number]) => bar(p).find('rect.chart-bar').not('[data-exports-width]');
    for (const p of points) {
      const svg = bar(p);
      expect(svg.closest('li.record-row').attr('data-row'), p.id).toBe(p.id);
      expect(svg.attr('aria-hidden'), p.id).toBe('true');
      // The label says what the bar draws: the period, its months if part of a year, and the value.
      const label = svg.siblings('.record-label');
      expect(label.find('.record-period').text(), p.id).toContain(p.label);
      if (p.partial) expect(label.find('.record-period').text(), p.id).toContain(`${p.months} months`);
      expect(label.find('.record-value').text(), p.id).toContain(formatUsd(value(p)));
      if (p.atLeast) expect(label.find('.record-value').text(), p.id).toMatch(/^more than /);
      if (p.valueUsdMillions === undefined) expect(label.find('.record-value').text(), p.id).toContain('Pakistan’s exports only');
      // One bar from the zero, its drawn width the width the data gives it.
      expect(total(p), p.id).toHaveLength(1);
      for (const rect of svg.find('rect').toArray()) {
        expect($(rect).attr('x'), p.id).toBe('0');
        const w = $(rect).attr('data-width') ?? $(rect).attr('data-exports-width');
        if (w !== undefined) expect($(rect).attr('width'), p.id).toBe(`${w}%`);
      }
      expect(total(p).hasClass('chart-bar--exports'), p.id).toBe(p.valueUsdMillions === undefined);
      // Partial periods are drawn as such, and only they; the hatch is the trade chart's increase, not theirs.
      expect(total(p).hasClass('chart-bar--partial'), p.id).toBe(p.partial);
      expect(svg.find('.chart-pattern, [fill^="url("]'), p.id).toHaveLength(0);
      // A floor runs on past its value as a dashed arrow, level in its row; nothing else is a line but the zero.
      const floor = svg.find('line.chart-floor');
      expect(floor.length, p.id).toBe(p.atLeast ? 1 : 0);
      if (p.atLeast) {
        expect(floor.attr('marker-end'), p.id).toMatch(/^url\(#/);
        expect(floor.attr('y1'), p.id).toBe(floor.attr('y2'));
        expect(floor.attr('x1'), p.id).toBe(total(p).attr('width'));
        expect(parseFloat(floor.attr('x2')!), p.id).toBeGreaterThan(parseFloat(floor.attr('x1')!));
        expect(parseFloat(floor.attr('x2')!), p.id).toBeLessThanOrEqual(100);
      }
      const zero = svg.find('line.chart-baseline');
      expect(zero.attr('x1'), p.id).toBe('0');
      expect(zero.attr('x2'), p.id).toBe('0');
      expect(svg.find('line').length, p.id).toBe(1 + floor.length);
    }

    // True proportion across both panels: per cent of the row per US$ million the same for every bar, taken from
    // the longest (where the widths' rounding to hundredths weighs least), Pakistan's exports included.
    const longest = points.reduce((a, b) => (value(b) > value(a) ? b : a));
    const perMillion = num(total(longest).attr('data-width')) / value(longest);
    for (const p of points) {
      expect(Math.abs(num(total(p).attr('data-width')) - value(p) * perMillion), p.id).toBeLessThanOrEqual(0.01);
      const exports = bar(p).find('rect[data-exports-width]');
      expect(exports.length, p.id).toBe(p.valueUsdMillions !== undefined && p.pakistanExportsUsdMillions !== undefined ? 1 : 0);
      if (exports.length) {
        // Inside the total, from the same zero, drawn over it.
        expect(Math.abs(num(exports.attr('data-exports-width')) - p.pakistanExportsUsdMillions! * perMillion), p.id).toBeLessThanOrEqual(0.01);
        expect(num(exports.attr('data-exports-width')), p.id).toBeLessThan(num(total(p).attr('data-width')));
        expect(exports.prevAll('rect.chart-bar').first().is(total(p)), p.id).toBe(true);
      }
    }
    expect(Math.max(...points.map((p) => num(total(p).attr('data-width'))))).toBeLessThanOrEqual(100);
  });

  it('index.html gives the chart a table, notes on the figures that do not fit and on the accounts that differ, and downloads that match the data', () => {
    const figure = $(`figure#${epilogue.figures.trade.id}`);
    const rows = [...epilogue.trade.calendar, ...epilogue.trade.fiscal];
    expect(figure.find('tbody tr[data-row]').toArray().map((r) => $(r).attr('data-row'))).toEqual(rows.map((r) => r.id));
    expect(figure.find('[data-conflict]').text()).toMatch(/\$1\.04bn.*\$1\.81bn.*\$770M of trade in June 2024 alone/);
    expect(figure.find('[data-account]').text()).toContain('somewhat declined');
    const csv = csvParse(readFileSync(distPath('data/trade-since.csv'), 'utf8'));
    const points = rows.filter((r) => r.type === 'figure');
    expect(csv.map((r) => r.id)).toEqual(points.map((p) => p.id));
    for (const p of points) {
      const row = csv.find((r) => r.id === p.id)!;
      expect(row.series).toBe(p.kind === 'calendar' ? 'calendar-year' : 'fiscal-year-july-june');
      expect(row.valueUsdMillions).toBe(p.valueUsdMillions === undefined ? '' : String(p.valueUsdMillions));
      expect(row.partial).toBe(String(p.partial));
    }
    const json = JSON.parse(readFileSync(distPath('data/trade-since.json'), 'utf8'));
    expect(json.calendar.map((r: { id: string }) => r.id)).toEqual(epilogue.trade.calendar.map((r) => r.id));
    expect(json.fiscal.map((r: { id: string }) => r.id)).toEqual(epilogue.trade.fiscal.map((r) => r.id));
    expect(figure.find('.figure-data a').attr('href')).toBe('/data/trade-since.csv');
    expect(figure.find('.chart-json a').attr('href')).toBe('/data/trade-since.json');
  });

  it('index.html draws the events of 2019–2026 on their own timeline, each leading to its verdict, with a filter of its own', () => {
    const figure = $(`figure#${epilogue.figures.timeline.id}`);
    expect(figure.find('[data-figure-label]').text()).toBe(`Figure ${epilogue.figures.timeline.number}`);
    expect(figure.find('bloc-timeline').attr('data-filter-param')).toBe('since');
    const items = figure.find('ol.timeline-list > li');
    expect(items.toArray().map((li) => $(li).attr('id'))).toEqual(epilogue.events.map((e) => e.id));
    for (const e of epilogue.events) {
      const li = figure.find(`li#${e.id}`);
      expect(li.find('a[data-event-link]').attr('href')).toBe(`#${e.claim}`);
      expect($(`li#${e.claim}[data-claim]`)).toHaveLength(1);
      expect(li.find('.timeline-event-when time').toArray().map((t) => $(t).attr('datetime'))).toEqual(e.date ? [e.date] : [e.start, e.end]);
      // The date as a reader sees it (the category after it is for screen readers), with how exact it is.
      const when = li.find('.timeline-event-when').clone();
      when.find('.visually-hidden').remove();
      const note = precisionNote(e);
      expect(when.text().replace(/\s+/g, ' ').trim(), e.id).toBe(`${formatEventDate(e)}${note ? ` (${note})` : ''}`);
      const source = li.find('.timeline-event-source');
      expect(source.find('a').attr('href')).toBe(e.source.url);
      // What to weigh about the source follows its title, in brackets, in the same sentence.
      const caveats = sourceCaveats(e.source);
      expect(source.text().replace(/\s+/g, ' ').trim().endsWith(`${e.source.title}${caveats.length ? ` (${caveats.join('; ')})` : ''}.`), e.id).toBe(true);
    }
    // The strip: a tick at the start of each year 2019–2026 and one at the end, each where its share of the span's
    // days puts it, the years named, and one mark per event in the order of the list.
    const strip = figure.find('svg[data-timeline-strip]');
    expect(strip).toHaveLength(1);
    expect(strip.attr('aria-hidden')).toBe('true');
    const years = Array.from({ length: span.to - span.from + 1 }, (_, i) => span.from + i);
    const share = (year: number) => Math.round(((Date.UTC(year, 0, 1) - Date.UTC(span.from, 0, 1)) / (Date.UTC(span.to + 1, 0, 1) - Date.UTC(span.from, 0, 1))) * 10000) / 100;
    expect(strip.find('.timeline-strip-tick').toArray().map((t) => parseFloat($(t).attr('x1')!))).toEqual([...years, span.to + 1].map(share));
    expect(strip.find('.timeline-strip-year').toArray().map((t) => $(t).text())).toEqual(years.map(String));
    expect([years[0], years.at(-1)]).toEqual([2019, 2026]);
    expect(strip.find('.timeline-strip-mark').toArray().map((m) => $(m).attr('data-event'))).toEqual(epilogue.events.map((e) => e.id));
    // The facts run to factsTo, not to the span's end: the stretch after it is shaded, from the day after to the end,
    // and the caption says where the facts stop, so that empty months do not read as months without events.
    const after = strip.find('.timeline-strip-after');
    expect(after).toHaveLength(1);
    const dayAfter = Date.parse(`${epilogue.factsTo}T00:00:00Z`) + 86_400_000;
    const shareOf = (t: number) => Math.round(((t - Date.UTC(span.from, 0, 1)) / (Date.UTC(span.to + 1, 0, 1) - Date.UTC(span.from, 0, 1))) * 10000) / 100;
    expect(parseFloat(after.attr('x')!)).toBe(shareOf(dayAfter));
    expect(parseFloat(after.attr('x')!) + parseFloat(after.attr('width')!)).toBeCloseTo(100, 1);
    expect(after.index()).toBeLessThan(strip.find('.timeline-strip-axis').index());
    expect(figure.find('.timeline-strip-caption').text()).toContain(`the shaded stretch at the end comes after ${formatPartialDate(epilogue.factsTo, 'day')}, the newest report this epilogue weighs`);
    // The article's own timeline runs to the end of its span: nothing shaded.
    expect($('figure#timeline .timeline-strip-after')).toHaveLength(0);
    // The year bands below: one per year with events, any run of years without one shortened to a single break.
    const yearOf = (e: (typeof epilogue.events)[number]) => Number((e.start ?? e.date)!.slice(0, 4));
    const busy = new Set(epilogue.events.map(yearOf));
    const expected: string[] = [];
    for (let y = span.from; y <= span.to; y++) {
      if (busy.has(y)) { expected.push(String(y)); continue; }
      let end = y;
      while (end + 1 <= span.to && !busy.has(end + 1)) end++;
      expected.push(end === y ? String(y) : `${y}–${end}`);
      y = end;
    }
    expect(figure.find('ol[data-timeline-bands] > li').toArray().map((b) => $(b).children('.timeline-band-year').text())).toEqual(expected);
    for (const e of epilogue.events) expect(figure.find(`li#${e.id}`).closest('li[data-year]').attr('data-year'), e.id).toBe(String(yearOf(e)));
    // The filter names its own parameter in every box.
    const boxes = figure.find('[data-timeline-filter] input[type="checkbox"]');
    expect(boxes.toArray().map((i) => $(i).attr('value')).sort()).toEqual([...new Set(epilogue.events.map((e) => e.category))].sort());
    expect(boxes.toArray().every((i) => $(i).attr('name') === 'since')).toBe(true);
    // The article's own timeline still draws 2010–2018, with its filter under its own name.
    expect($('figure#timeline .timeline-strip-year').first().text()).toBe('2010');
    expect($('figure#timeline .timeline-strip-year').last().text()).toBe('2018');
    expect($('figure#timeline bloc-timeline').attr('data-filter-param')).toBeUndefined();
    expect($('figure#timeline [data-timeline-filter] input').toArray().every((i) => $(i).attr('name') === 'cat')).toBe(true);
    const json = JSON.parse(readFileSync(distPath('data/after-the-article.json'), 'utf8'));
    expect(json.events.map((e: { id: string }) => e.id)).toEqual(epilogue.events.map((e) => e.id));
  });

  it('index.html cites in the epilogue only sources of the fact sheet, each with its number in the one list', () => {
    // Every outside link but the share controls' (which share the page, and cite nothing).
    const links = section.find('a[href^="http"]').not('bloc-share a').toArray().map((a) => $(a).attr('href')!);
    expect(links.length).toBeGreaterThan(40);
    const outside = links.filter((h) => !sheetKeys.has(sourceKey(h)));
    expect(outside).toEqual([]);
    const listed = new Set($('[data-sources] > li a').toArray().map((a) => sourceKey($(a).attr('href')!)));
    for (const h of links) expect(listed.has(sourceKey(h)), h).toBe(true);
  });
});

describe('astro build with a changed epilogue', () => {
  it('astro build stops, naming the file, the row and the field, when the epilogue states a figure the data does not give', () => {
    mkdirSync(join(ROOT, '.cache'), { recursive: true });
    const dir = mkdtempSync(join(ROOT, '.cache', 'epilogue-check-'));
    try {
      cpSync(join(ROOT, 'content'), join(dir, 'content'), { recursive: true });
      const claims = join(dir, 'content/data/claims.yaml');
      const text = readFileSync(claims, 'utf8');
      expect(text).toContain('came to $236M');
      writeFileSync(claims, text.replace('came to $236M', 'came to $263M'));
      const result = withBuildLock(() => spawnSync(process.execPath, [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build'], {
        cwd: ROOT,
        env: childEnv({ SITE_CONTENT_DIR: relative(ROOT, join(dir, 'content')), SITE_OUT_DIR: join(dir, 'dist'), SITE_CACHE_DIR: join(dir, 'astro') }),
        encoding: 'utf8',
      }));
      const output = result.stdout + result.stderr;
      expect(result.status, output.slice(-2000)).not.toBe(0);
      expect(output).toMatch(/claims\.yaml: row "trade-rising", field "evidence": "\$263M" is not a figure the data gives \(nearest: \$236M, .*trade-later\.yaml, row "fy-2024-25-jul-may"\)/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 240_000);
});

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
import { formatEventDate } from '../../src/lib/timeline/dates';

const ROOT = resolve(import.meta.dirname, '../..');
const $ = loadPage();
const edition = readEdition();
const { epilogue } = edition;
const section = $('section[data-epilogue]');
const num = (v: string | undefined) => Number(v);
const sheet = readFileSync(join(ROOT, 'content/facts/sources.yaml'), 'utf8');
const sheetKeys = new Set([...sheet.matchAll(/https?:\/\/\S+/g)].map((m) => sourceKey(m[0])));

describe('the epilogue in the built page', () => {
  it('index.html places the epilogue after the author\'s text and bio, before the corrections, marked as the editors\' and holding none of the author\'s paragraphs', () => {
    expect(section).toHaveLength(1);
    expect(section.attr('data-editorial')).toBe('');
    expect(section.prevAll('.author-bio')).toHaveLength(1);
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
      expect(quote.text()).toBe(`“${c.quote}”`);
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

  it('index.html draws the trade record in proportion from one zero, calendar years above and apart from fiscal years, in both sizes', () => {
    const figure = $(`figure#${epilogue.figures.trade.id}`);
    expect(figure.find('[data-figure-label]').text()).toBe(`Figure ${epilogue.figures.trade.number}`);
    const points = [...epilogue.trade.calendar, ...epilogue.trade.fiscal].filter((r) => r.type === 'figure');
    for (const size of ['narrow', 'wide']) {
      const svg = figure.find(`svg[data-chart-size="${size}"]`);
      expect(svg.attr('role')).toBe('img');
      const bars = new Map(svg.find('.chart-mark').toArray().map((g) => [$(g).attr('data-mark')!, $(g).find('rect.chart-bar')]));
      expect([...bars.keys()]).toEqual(points.map((p) => p.id));
      const zero = new Set([...bars.values()].map((r) => r.attr('x')));
      expect(zero.size).toBe(1);
      const perMillion = points.map((p) => num(bars.get(p.id)!.attr('width')) / (p.valueUsdMillions ?? p.pakistanExportsUsdMillions!));
      for (const k of perMillion) expect(k).toBeCloseTo(perMillion[0]!, 2);
      // Every calendar bar lies above every fiscal bar, between the two panels' headings.
      const y = (p: { id: string }) => num(bars.get(p.id)!.attr('y'));
      const lowestCalendar = Math.max(...epilogue.trade.calendar.filter((r) => r.type === 'figure').map(y));
      const highestFiscal = Math.min(...epilogue.trade.fiscal.filter((r) => r.type === 'figure').map(y));
      const fiscalHeading = svg.find('text.chart-heading').toArray().find((t) => $(t).text().startsWith(epilogue.figures.trade.fiscal.split(' ')[0]!))!;
      expect(lowestCalendar).toBeLessThan(num($(fiscalHeading).attr('y')));
      expect(num($(fiscalHeading).attr('y'))).toBeLessThan(highestFiscal);
      // Bars, never a line: no path in the drawing.
      expect(svg.find('path')).toHaveLength(0);
      // Partial periods are hatched.
      for (const p of points) expect(bars.get(p.id)!.siblings('.chart-pattern').length, p.id).toBe(p.partial ? 1 : 0);
    }
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
      expect(li.find('.timeline-event-date time').toArray().map((t) => $(t).attr('datetime'))).toEqual(e.date ? [e.date] : [e.start, e.end]);
      expect(li.find('.timeline-event-date').text().replace(/\s+/g, '')).toBe(formatEventDate(e).replace(/\s+/g, ''));
      expect(li.find('.timeline-event-source a').attr('href')).toBe(e.source.url);
      const caveats = sourceCaveats(e.source);
      expect(li.find('.timeline-event-caveat').text()).toBe(caveats.length ? `(${caveats.join('; ')})` : '');
    }
    for (const orientation of ['horizontal', 'vertical']) {
      const svg = figure.find(`svg[data-timeline-svg="${orientation}"]`);
      expect(svg.find('.timeline-years text').toArray().map((t) => $(t).text().replace('’', '20'))).toEqual(['2019', '2020', '2021', '2022', '2023', '2024', '2025', '2026']);
      expect(svg.find('.timeline-mark')).toHaveLength(epilogue.events.length);
    }
    // The article's own timeline still draws 2010–2018.
    expect($('figure#timeline svg[data-timeline-svg="vertical"] .timeline-years text').first().text()).toBe('2010');
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

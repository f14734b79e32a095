import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseTimeline } from '../../src/schemas/timeline';
import { formatEventDate } from '../../src/lib/timeline/dates';
import { loadPage, distPath } from '../support/dist';

const $ = loadPage();
const FILE = resolve(import.meta.dirname, '../../content/data/timeline.yaml');
const events = parseTimeline(readFileSync(FILE, 'utf8'), 'content/data/timeline.yaml');
const figure = $('figure#timeline');
const items = figure.find('ol.timeline-list > li');

/** The events the issue asks for, found by what they are about rather than by id alone. */
const REQUIRED: [string, RegExp, string][] = [
  ['sochi-summit-2010', /Sochi/, '2010'],
  ['abbottabad-raid-2011', /Abbottabad/, '2011'],
  ['salala-attack-2011', /Salala/, '2011'],
  ['parliamentary-review-2012', /Parliament/, '2012'],
  ['kayani-visit-2012', /Kayani/, '2012'],
  ['north-south-pipeline-agreement-2015', /pipeline agreement/i, '2015'],
  ['helicopter-deal-2015', /helicopter/i, '2015'],
  ['druzhba-2016', /Druzhba/, '2016'],
  ['druzhba-2017', /Druzhba/, '2017'],
  ['druzhba-2018', /Druzhba/, '2018'],
  ['pipeline-proposal-2016', /proposal/i, '2016'],
  ['moscow-trilateral-talks-2016', /talks/i, '2016'],
  ['north-waziristan-visit-2017', /Waziristan/, '2017'],
  ['peshawar-consulate-2018', /Peshawar/, '2018'],
  ['offshore-pipeline-mou-2018', /[Oo]ffshore pipeline/, '2018'],
  ['north-south-extension-2018', /extended/, '2018'],
];

describe('built timeline', () => {
  it('index.html says in the timeline\'s subtitle which years it covers and how many events, from the data', () => {
    const years = events.flatMap((e) => [e.start ?? e.date!, e.end ?? e.date!]).map((d) => Number(d.slice(0, 4)));
    const [from, to] = [Math.min(...years), Math.max(...years)];
    expect(figure.find('.figure-subtitle').text()).toContain(`Events the article mentions, ${from}–${to} (${events.length} in all)`);
  });

  it('index.html holds the timeline figure inside "How the thaw began", after the Sochi paragraph', () => {
    expect(figure).toHaveLength(1);
    expect(figure.closest('section').attr('data-section')).toBe('how-the-thaw-began');
    expect(figure.prevAll('p[data-para]').first().attr('id')).toBe('sochi-summit-and-kayani');
    expect(figure.is('[data-editorial]')).toBe(true);
    expect(figure.parents('p').length).toBe(0);
  });

  it('index.html lists every event of the data file, in date order, each with its own id', () => {
    // ISO strings sort as dates do, and a bare year or month sorts before the days inside it.
    const expected = [...events].sort((a, b) => (a.start ?? a.date)!.localeCompare((b.start ?? b.date)!)).map((e) => e.id);
    expect(items.toArray().map((li) => $(li).attr('id'))).toEqual(expected);
  });

  it('index.html includes every event the timeline must show, with its year', () => {
    for (const [id, about, year] of REQUIRED) {
      const li = figure.find(`li[id="${id}"]`);
      expect(li, id).toHaveLength(1);
      expect(li.find('.timeline-event-title').text(), id).toMatch(about);
      expect(li.find('time').first().attr('datetime')!.slice(0, 4), id).toBe(year);
    }
  });

  it('index.html writes each date in a <time datetime> at its true precision', () => {
    for (const e of events) {
      const times = figure.find(`li[id="${e.id}"] time`).toArray().map((t) => $(t).attr('datetime'));
      if (e.start) expect(times, e.id).toEqual([e.start, e.end]);
      else expect(times, e.id).toEqual([e.date]);
      const when = figure.find(`li[id="${e.id}"] .timeline-event-when`).text().replace(/\s+/g, ' ');
      expect(when, e.id).toContain(formatEventDate(e));
      if (e.precision === 'month') expect(when, e.id).toContain('month only');
      if (e.precision === 'year') expect(when, e.id).toContain('year only');
    }
  });

  it('index.html marks each event on the strip with its category\'s symbol as well as its colour, the shape the list and the key use', () => {
    for (const fig of [figure, $('figure#after-the-article')]) {
      const strip = fig.find('svg[data-timeline-strip]');
      const marks = strip.find('.timeline-strip-mark').toArray();
      expect(marks.length).toBeGreaterThan(0);
      for (const m of marks) {
        const category = $(m).attr('data-category')!;
        const ref = /^url\(#([^)]+)\)$/.exec($(m).attr('marker-start') ?? '')?.[1];
        expect(ref, $(m).attr('data-event')).toBeDefined();
        // The marker is the strip's own, of the mark's category, drawn with the symbol its event has in the list.
        const marker = strip.find(`marker[id="${ref}"]`);
        expect(marker.attr('data-category')).toBe(category);
        const listed = fig.find(`li[id="${$(m).attr('data-event')}"] svg[data-timeline-symbol] path`).attr('d');
        expect(marker.find('path').attr('d')).toBe(listed);
      }
      // One marker for each category the strip shows, and an id no other element on the page takes.
      const ids = strip.find('marker').toArray().map((x) => $(x).attr('id')!);
      expect(new Set(ids).size).toBe(new Set(marks.map((m) => $(m).attr('data-category'))).size);
      for (const id of ids) expect($(`[id="${id}"]`)).toHaveLength(1);
    }
  });

  it('index.html draws one strip to a true time scale: a tick for each year 2010 to 2018, one mark per event, hidden from screen readers', () => {
    const strip = figure.find('svg[data-timeline-strip]');
    expect(strip).toHaveLength(1);
    expect(figure.find('svg[data-timeline-strip], svg[data-timeline-svg]')).toHaveLength(1);
    expect(strip.attr('aria-hidden')).toBe('true');
    expect(strip.attr('viewBox')).toBeUndefined();
    // Each year starts where its share of the days since 1 January 2010 puts it, and the strip ends on 1 January 2019.
    const ticks = strip.find('.timeline-strip-tick').toArray().map((t) => parseFloat($(t).attr('x1')!));
    const share = (year: number) => Math.round(((Date.UTC(year, 0, 1) - Date.UTC(2010, 0, 1)) / (Date.UTC(2019, 0, 1) - Date.UTC(2010, 0, 1))) * 10000) / 100;
    expect(ticks).toEqual([2010, 2011, 2012, 2013, 2014, 2015, 2016, 2017, 2018, 2019].map(share));
    expect(strip.find('.timeline-strip-year').first().text()).toBe('2010');
    expect(strip.find('.timeline-strip-year').last().text()).toBe('2018');
    expect(strip.find('.timeline-strip-mark').toArray().map((m) => $(m).attr('data-event'))).toEqual(items.toArray().map((li) => $(li).attr('id')));
    // The Druzhba exercises lasted days, drawn as a stretch; the summit in Sochi was one day, drawn as a tick.
    const druzhba = strip.find('.timeline-strip-mark[data-event="druzhba-2018"]');
    expect(parseFloat(druzhba.attr('x2')!)).toBeGreaterThan(parseFloat(druzhba.attr('x1')!));
    const sochi = strip.find('.timeline-strip-mark[data-event="sochi-summit-2010"]');
    expect(sochi.attr('x1')).toBe(sochi.attr('x2'));
    // Its caption says how each kind of mark it draws reads: a tick, a bar for days, a dotted line for a month or a year.
    const caption = figure.find('.timeline-strip-caption').text();
    // It and the key to how exact the marks are describe the strip, which screen readers do not get: nor do they.
    expect(strip.attr('aria-hidden')).toBe('true');
    expect(figure.find('.timeline-strip-caption').attr('aria-hidden')).toBe('true');
    expect(figure.find('.timeline-key-precision').attr('aria-hidden')).toBe('true');
    const drawn = (kinds: string) => strip.find(kinds).length > 0;
    expect(caption).toMatch(/a tick for an event on a known day/);
    expect(/a bar across several days/.test(caption)).toBe(drawn('.timeline-strip-mark--range'));
    expect(/a dotted line across the month or the year/.test(caption)).toBe(drawn('.timeline-strip-mark--month, .timeline-strip-mark--year'));
    expect(drawn('.timeline-strip-mark--range') && drawn('.timeline-strip-mark--month, .timeline-strip-mark--year')).toBe(true);
  });

  it('index.html draws the events down the page in year bands, each event a disclosure whose summary is its date and title, beside its symbol', () => {
    const bands = figure.find('ol[data-timeline-bands] > li').toArray().map((b) => $(b).find('> .timeline-band-year').text());
    expect(bands).toEqual(['2010', '2011', '2012', '2013–2014', '2015', '2016', '2017', '2018']);
    expect(figure.find('li[data-gap]').text()).toMatch(/no events/);
    expect(figure.find('.timeline-bands-caption').text()).toMatch(/each year takes the room its events need; 2013–2014, without any, are shortened/);
    for (const e of events) {
      const li = figure.find(`li[id="${e.id}"]`);
      expect(li.closest('li[data-year]').attr('data-year'), e.id).toBe((e.start ?? e.date)!.slice(0, 4));
      const symbol = li.children('svg[data-timeline-symbol]');
      expect(symbol.attr('aria-hidden'), e.id).toBe('true');
      expect(symbol.hasClass('timeline-symbol--approximate'), e.id).toBe(e.precision === 'month' || e.precision === 'year');
      const summary = li.find('> details > summary');
      expect(summary, e.id).toHaveLength(1);
      expect(summary.find('.timeline-event-title').text(), e.id).toBe(e.title);
      expect(summary.text().replace(/\s+/g, ' '), e.id).toContain(formatEventDate(e));
      expect(li.find('> details > p.timeline-event-summary').text(), e.id).toBe(e.summary);
    }
  });

  it('index.html links each event to the places on the map where it happened, as each place links back to it', () => {
    const places = $('figure#where-it-happened [data-map-place]');
    expect(places.length).toBeGreaterThan(5);
    let pairs = 0;
    places.each((_, pl) => {
      const placeId = $(pl).attr('id')!;
      $(pl).find('a.map-event-link').each((__, a) => {
        const eventId = $(a).attr('href')!.slice(1);
        expect(figure.find(`li[id="${eventId}"] a[data-map-link][href="#${placeId}"]`), `${eventId} → ${placeId}`).toHaveLength(1);
        pairs++;
      });
    });
    expect(pairs).toBeGreaterThan(5);
    expect(figure.find('a[data-map-link]')).toHaveLength(pairs);
  });

  it('index.html links every event to the paragraph that mentions it, and that paragraph back to the event', () => {
    for (const e of events) {
      const link = figure.find(`li[id="${e.id}"] a[data-event-link]`);
      expect(link.attr('href'), e.id).toBe(`#${e.paragraph}`);
      const para = $(`p[data-para][id="${e.paragraph}"]`);
      expect(para, e.id).toHaveLength(1);
      // One marker per year: it leads to the year's first event and names every event of that year.
      const year = (e.start ?? e.date)!.slice(0, 4);
      const back = para.find(`a.event-marker[data-year="${year}"]`);
      expect(back, `${e.paragraph} → ${e.id}`).toHaveLength(1);
      expect(back.closest('[data-editorial]').length, e.id).toBe(1);
      expect(back.attr('aria-label')).toContain(`${e.title}, ${formatEventDate(e)}`);
      expect(back.attr('aria-label')).toMatch(/^On the timeline: /);
      expect(back.attr('href')).toBe(`#${events.find((x) => x.paragraph === e.paragraph && (x.start ?? x.date)!.startsWith(year))!.id}`);
      expect(back.text()).toBe('');
    }
    // No paragraph carries a marker for an event it does not mention.
    $('a.event-marker').each((_, a) => {
      const id = $(a).attr('href')!.slice(1);
      expect(events.find((e) => e.id === id)?.paragraph).toBe($(a).closest('p[data-para]').attr('id'));
    });
  });

  it('index.html names the source of every date that does not come from the article', () => {
    for (const e of events.filter((x) => x.dateFrom !== 'article')) {
      const a = figure.find(`li[id="${e.id}"] .timeline-event-source a`);
      expect(a.attr('href'), e.id).toBe(e.source!.url);
      expect(a.text()).toBe(e.source!.title);
      // What the source gives: a year inferred from a report's date is not a date the report states.
      const says = figure.find(`li[id="${e.id}"] .timeline-event-source`).text().replace(/\s+/g, ' ');
      if (e.dateFrom === 'inferred') expect(says, e.id).toContain(e.precision === 'year' ? '; the year is inferred from ' : '; the full date is from ');
    }
    expect(events.some((e) => e.dateFrom === 'inferred' && e.precision === 'year')).toBe(true);
  });

  it('index.html resolves every in-page link the timeline and its markers make', () => {
    const links = [...figure.find('a[href^="#"]').toArray(), ...$('a.event-marker').toArray()];
    expect(links.length).toBeGreaterThanOrEqual(events.length * 2);
    const missing = links.map((a) => $(a).attr('href')!.slice(1)).filter((id) => $(`[id="${id}"]`).length !== 1);
    expect(missing).toEqual([]);
  });

  it('index.html renders the category filter hidden, for the script to reveal, and a plain key without it', () => {
    const filter = figure.find('[data-timeline-filter]');
    expect(filter.is('[hidden]')).toBe(true);
    const categories = [...new Set(events.map((e) => e.category))].sort();
    expect(filter.find('input[type="checkbox"]').toArray().map((i) => $(i).attr('value')).sort()).toEqual(categories);
    expect(figure.find('[data-timeline-categories] li').length).toBe(categories.length);
    expect(figure.find('bloc-timeline')).toHaveLength(1);
  });
});

describe('built timeline data', () => {
  it('data/timeline.json holds every event, in the order of the list, linked from the figure', () => {
    const json = JSON.parse(readFileSync(distPath('data/timeline.json'), 'utf8'));
    expect(json.events.map((e: { id: string }) => e.id)).toEqual(items.toArray().map((li) => $(li).attr('id')));
    expect(json.events).toEqual(expect.arrayContaining(events.map((e) => expect.objectContaining({ id: e.id, paragraph: e.paragraph, dateFrom: e.dateFrom }))));
    expect(figure.find('.figure-data a').attr('href')).toBe('/data/timeline.json');
  });
});

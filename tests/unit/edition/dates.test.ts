// Dates, periods, counts and ids that must agree across files: the article cannot tell of what came after it, the epilogue
// of what came after its facts, a label of months it does not cover, an introduction of claims it does not hold.
import { describe, expect, it } from 'vitest';
import { buildEdition, type EditionInput } from '../../../src/lib/edition/edition';
import { input, refusal } from '../analysis/fixture';
import { latestDayOnEarth } from '../../../src/lib/analysis/dateChecks';

type Row = Record<string, unknown>;
const rows = (list: readonly unknown[]) => list as unknown as Row[];
const later = (i: EditionInput) => rows(i.epilogue.events.events);
const published = (i: EditionInput) => i.article.data.published.date;

describe('dates across files', () => {
  it('buildEdition(input) refuses a timeline event that starts after the month the article was published, naming the event and field', () => {
    const i = input();
    const e = rows(i.timeline.events).find((r) => r.precision === 'day')!;
    const [y, m] = published(i).split('-').map(Number);
    e.date = `${y}-${String(m! + 1).padStart(2, '0')}-15`;
    expect(refusal(i)).toContain(`content/data/timeline.yaml: event "${String(e.id)}", field "date": ${String(e.date)} is after the article was published (${published(i)}); the article cannot tell of it`);
    // A run of days that began by then may end after: the article may be written while it went on.
    const j = input();
    const range = rows(j.timeline.events).find((r) => r.start !== undefined)!;
    range.start = `${published(j)}-28`;
    range.end = `${published(j).slice(0, 4)}-${String(Number(published(j).slice(5)) + 1).padStart(2, '0')}-03`;
    expect(() => buildEdition(j)).not.toThrow();
  });

  it('buildEdition(input) refuses a deal confirmed after the article was published', () => {
    const i = input();
    const deal = rows(i.deals.rows)[0]!;
    (deal.confirmedBy as Row).date = `${Number(published(i).slice(0, 4)) + 1}-01-15`;
    expect(refusal(i)).toContain(`content/data/deals.yaml: row "${String(deal.id)}", field "confirmedBy.date": ${String((deal.confirmedBy as Row).date)} is after the article was published (${published(i)})`);
  });

  it('buildEdition(input) refuses a later event after the facts run out, or before the article was published', () => {
    const i = input();
    const last = later(i).find((e) => e.precision === 'day')!;
    last.date = `${i.epilogue.data.factsTo.slice(0, 4)}-12-01`;
    expect(refusal(i)).toContain(`content/data/later-events.yaml: event "${String(last.id)}", field "date": ${String(last.date)} is after the facts run out (factsTo ${i.epilogue.data.factsTo}, content/data/epilogue.yaml)`);
    const j = input();
    const first = later(j).find((e) => e.precision === 'day')!;
    j.article.data.published.date = `${String(first.date).slice(0, 4)}-12`;
    expect(refusal(j)).toMatch(new RegExp(`later-events\\.yaml: event "${String(first.id)}", field "date": ${String(first.date)} is not after the article was published \\(${j.article.data.published.date}\\)`));
    // A year that holds the article's month may fall either side of it: the message asks for the month or the day.
    const k = input();
    const byYear = later(k).find((e) => e.precision === 'day')!;
    k.article.data.published.date = `${String(byYear.date).slice(0, 4)}-06`;
    byYear.date = String(byYear.date).slice(0, 4);
    byYear.precision = 'year';
    expect(refusal(k)).toMatch(new RegExp(`event "${String(byYear.id)}", field "date": ${String(byYear.date)} may fall before the article was published \\(${k.article.data.published.date}\\); give the month or the day`));
  });

  it('latestDayOnEarth(now) is the day where it is already latest, so that an editor ahead of UTC is never refused their today', () => {
    expect(latestDayOnEarth(Date.parse('2026-12-01T05:00:00Z'))).toBe('2026-12-01');
    // 11:00 UTC is already the next day on Kiritimati (UTC+14), and 00:30 in Karachi (UTC+5) is still the same day.
    expect(latestDayOnEarth(Date.parse('2026-12-01T11:00:00Z'))).toBe('2026-12-02');
    expect(latestDayOnEarth(Date.parse('2026-11-30T19:30:00Z'))).toBe('2026-12-01');
  });

  it('buildEdition(input) refuses an edition updated, or an epilogue added, after today', () => {
    const i = input();
    // The day comes with the input, read from the clock where the content is read: the edition itself reads no clock.
    expect([latestDayOnEarth(Date.now()), latestDayOnEarth(Date.now() - 3_600_000)]).toContain(i.today);
    const j = input();
    j.today = '2026-11-28';
    expect(refusal(j)).toMatch(/frontmatter field "updated": 2026-11-29 is after today \(2026-11-28\)/);
    i.article.data.updated = '2999-01-01';
    i.epilogue.data.added = '2999-01-01';
    const msg = refusal(i);
    expect(msg).toMatch(new RegExp(`pakistan-russia-asian-bloc\\.mdx: frontmatter field "updated": 2999-01-01 is after today \\(${i.today}\\)`));
    expect(msg).toMatch(/epilogue\.yaml: field "added": 2999-01-01 is after today/);
  });
});

describe('periods and counts across files', () => {
  it('buildEdition(input) refuses a period label naming a year outside the months its row covers', () => {
    const i = input();
    const own = rows(i.epilogue.trade.rows).find((r) => typeof r.period === 'string' && r.from !== undefined)!;
    own.period = `Jan–Dec ${Number(String(own.from).slice(0, 4)) + 1}`;
    expect(refusal(i)).toContain(`content/data/trade-later.yaml: row "${String(own.id)}", field "period": “${String(own.period)}” names a year outside ${String(own.from)} to ${String(own.to)}`);
  });

  it('buildEdition(input) refuses an article figure\'s likely period that disagrees with where the trade record shows it', () => {
    const i = input();
    const figure = rows(i.trade.rows).find((r) => r.series === 'article' && typeof r.likelyPeriod === 'string' && /\d{4}/.test(r.likelyPeriod as string))!;
    const shown = rows(i.epilogue.trade.rows).find((r) => r.row === figure.id)!;
    figure.likelyPeriod = `most likely ${Number(String(shown.from).slice(0, 4)) - 2}`;
    expect(refusal(i)).toContain(`content/data/trade.yaml: row "${String(figure.id)}", field "likelyPeriod": “${String(figure.likelyPeriod)}” names a year outside ${String(shown.from)} to ${String(shown.to)}, where content/data/trade-later.yaml shows it (row "${String(shown.id)}")`);
  });

  it('buildEdition(input) refuses an introduction that counts the claims differently from the scorecard', () => {
    const i = input();
    const count = i.epilogue.claims.rows.length;
    (i.epilogue.claims.rows as unknown[]).pop();
    expect(refusal(i)).toMatch(new RegExp(`epilogue\\.yaml: field "intro\\.0": it says \\S+ claims \\(“[^”]+”\\), but content/data/claims\\.yaml holds ${count - 1}`));
    // A count of some of them is not the total: only the number checked is held to the scorecard.
    const j = input();
    j.epilogue.data.intro = [...j.epilogue.data.intro, 'Two of its claims held by 2026, and the 2016 claims of the envoy are not among them.'];
    expect(() => buildEdition(j)).not.toThrow();
  });

  it('buildEdition(input) refuses an id two data files both use, naming both', () => {
    const i = input();
    const deal = rows(i.deals.rows)[0]!;
    const context = rows(i.trade.rows).find((r) => r.series === 'context')!;
    deal.id = context.id;
    expect(refusal(i)).toContain(`content/data/deals.yaml: row "${String(context.id)}", field "id": content/data/trade.yaml uses the id "${String(context.id)}" too; ids are unique across the data files`);
  });
});

describe('places against the map', () => {
  it('buildEdition(input) refuses a place whose coordinates lie in another country than the one it names', () => {
    const i = input();
    const place = rows(i.places.rows).find((p) => p.id === 'dushanbe')!;
    place.country = '586';
    expect(refusal(i)).toMatch(/content\/data\/places\.yaml: place "dushanbe", field "country": 586 \(Pakistan\), but its coordinates \([\d.]+° N, [\d.]+° E\) lie in Tajikistan \(762\)/);
  });
});

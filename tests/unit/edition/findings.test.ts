import { beforeEach, describe, expect, it } from 'vitest';
import { buildEdition } from '../../../src/lib/edition/edition';
import { FINDINGS, findings } from '../../../src/lib/edition/findings';
import { formatPercent } from '../../../src/lib/charts/formatUsd';
import { editBody, input } from '../analysis/fixture';

/** The numbers as the content files state them, read without the edition. */
function fromTheFiles(i = input()) {
  const kinds = [...i.article.body.matchAll(/<Note\b[^>]*\bkind="(\w+)"/g)].map((m) => m[1]);
  // The file holds the article's two figures, earlier first, and the rate it states.
  const [from, to] = i.trade.rows.filter((r) => r.series === 'article').sort((a, b) => a.position - b.position) as { valueUsdMillions: number }[];
  const claim = i.trade.rows.find((r) => r.series === 'claims') as { growthPercent: number };
  return {
    corrections: kinds.filter((k) => k === 'correction').length,
    spelling: kinds.filter((k) => k === 'spelling').length,
    growth: ((to!.valueUsdMillions - from!.valueUsdMillions) / from!.valueUsdMillions) * 100,
    claimed: claim.growthPercent,
    events: i.timeline.events.length,
    claims: i.epilogue.claims.rows.length,
    verdicts: (v: string) => i.epilogue.claims.rows.filter((c) => c.verdict === v).length,
  };
}

describe('findings(edition)', () => {
  // Made afresh before each test: under mutation testing, the mutant is switched on only then.
  let edition: ReturnType<typeof buildEdition>;
  let items: ReturnType<typeof findings>;
  beforeEach(() => { edition = buildEdition(input()); items = findings(edition); });
  const files = fromTheFiles();
  const item = (id: string) => items.find((f) => f.id === id)!;

  it('findings(edition) counts the corrections and the spelling notes the article has', () => {
    expect(files.corrections).toBeGreaterThan(0);
    expect(item('corrections').figure).toBe(String(files.corrections));
    expect(item('corrections').text).toContain(`${files.spelling} notes on spelling`);
    expect(item('corrections').href).toBe('#corrections-heading');
  });

  it('findings(edition) gives the growth the two trade figures imply against the rate the article states, linked to its note', () => {
    expect(item('trade-growth').figure).toBe(formatPercent(files.growth, 1));
    expect(item('trade-growth').text).toContain(`not the ${formatPercent(files.claimed, 0)} it states`);
    const note = edition.outline.notes.find((n) => `#${n.id}` === item('trade-growth').href);
    expect(note?.explains.length).toBeGreaterThan(0);
  });

  it('findings(edition) counts the events on the timeline and links to the timeline figure', () => {
    expect(item('timeline').figure).toBe(String(files.events));
    expect(edition.figures.find((f) => `#${f.id}` === item('timeline').href)?.component).toBe('Timeline');
  });

  it('findings(edition) counts the claims the epilogue judges borne out, and in part, and links to the epilogue', () => {
    expect(files.claims).toBeGreaterThan(0);
    expect(item('claims').figure).toBe(`${files.verdicts('borne-out')} of ${files.claims}`);
    expect(item('claims').text).toContain(`, and ${files.verdicts('partly')} more in part`);
    expect(item('claims').text).toContain(`borne out by ${edition.epilogue.factsTo.slice(0, 4)}`);
    expect(item('claims').href).toBe(`#${edition.epilogue.id}`);
  });

  it('findings(edition) follows the content: a correction more, an event more', () => {
    const more = editBody(input(), /(<P id="on-the-same-page">[^\n]*<\/P>)/, '$1\n\n<Note for="on-the-same-page" kind="correction" id="note-extra" title="An extra correction">\nA test correction ([source](https://example.org)).\n</Note>');
    expect(findings(buildEdition(more)).find((f) => f.id === 'corrections')!.figure).toBe(String(files.corrections + 1));

    const another = input();
    another.timeline.events = [...another.timeline.events, { ...another.timeline.events[0]!, id: 'an-event-more' }];
    expect(findings(buildEdition(another)).find((f) => f.id === 'timeline')!.figure).toBe(String(files.events + 1));
  });

  it('FINDINGS has one entry per item, each returning nothing where the edition has nothing to say', () => {
    expect(items.map((f) => f.id)).toEqual(['corrections', 'trade-growth', 'timeline', 'claims']);
    expect(FINDINGS).toHaveLength(items.length);
    const noClaim = { ...edition, tradeFacts: { ...edition.tradeFacts, claimedPercent: undefined } };
    expect(findings(noClaim).map((f) => f.id)).toEqual(['corrections', 'timeline', 'claims']);
    const same = { ...edition, tradeFacts: { ...edition.tradeFacts, claimedPercent: edition.tradeFacts.growthPercent } };
    expect(findings(same).map((f) => f.id)).not.toContain('trade-growth');
  });
});

describe('FINDINGS, one by one on plain editions', () => {
  const note = (kind: string, id = `n-${kind}`, extra: object = {}) => ({ id, kind, for: 'p1', explains: [], ...extra });
  const plain = (over: Record<string, unknown>) => ({
    outline: { notes: [] },
    tradeFacts: { growthPercent: 35.25, claimedPercent: 25, paragraphId: 'p1' },
    timeline: { events: [] },
    figures: [],
    epilogue: { id: 'epi', claims: [], tally: [], factsTo: '2026-10-31' },
    ...over,
  }) as never;
  const find = (e: never, id: string) => findings(e).find((f) => f.id === id);

  it('the corrections item is left out without notes, and counts one correction and one note in the singular', () => {
    expect(find(plain({}), 'corrections')).toBeUndefined();
    const one = find(plain({ outline: { notes: [note('correction'), note('spelling')] } }), 'corrections')!;
    expect(one).toMatchObject({ figure: '1', text: 'correction of fact and 1 note on spelling, beside the text' });
    const many = find(plain({ outline: { notes: [note('correction', 'a'), note('correction', 'b'), note('context')] } }), 'corrections')!;
    expect(many).toMatchObject({ figure: '2', text: 'corrections of fact and 0 notes on spelling, beside the text' });
    // Spelling notes alone make an item too.
    expect(find(plain({ outline: { notes: [note('spelling')] } }), 'corrections')).toMatchObject({ figure: '0' });
  });

  it('the trade item links to the note that explains the paragraph\'s figure, else to the paragraph', () => {
    const notes = [note('context', 'other-para', { for: 'p2', explains: ['x'] }), note('context', 'plain'), note('correction', 'explains', { explains: ['growth'] })];
    expect(find(plain({ outline: { notes } }), 'trade-growth')!.href).toBe('#explains');
    expect(find(plain({ outline: { notes: notes.slice(0, 2) } }), 'trade-growth')!.href).toBe('#p1');
    expect(find(plain({}), 'trade-growth')).toMatchObject({ figure: formatPercent(35.25, 1), text: `growth in trade by the article’s own two figures, not the ${formatPercent(25, 0)} it states` });
  });

  it('the timeline item needs events and a timeline figure, and counts one event in the singular', () => {
    const figures = [{ id: 'the-timeline', component: 'Timeline' }];
    expect(find(plain({ figures }), 'timeline')).toBeUndefined();
    expect(find(plain({ timeline: { events: [{}] } }), 'timeline')).toBeUndefined();
    expect(find(plain({ timeline: { events: [{}] }, figures: [{ id: 'map', component: 'LocatorMap' }] }), 'timeline')).toBeUndefined();
    expect(find(plain({ timeline: { events: [{}] }, figures }), 'timeline')).toMatchObject({ figure: '1', text: 'event the article mentions, dated and sourced on a timeline', href: '#the-timeline' });
    expect(find(plain({ timeline: { events: [{}, {}] }, figures }), 'timeline')!.text).toBe('events the article mentions, dated and sourced on a timeline');
  });

  it('the claims item needs claims, reads the tally by verdict, gives the year of the newest report and mentions claims borne out in part only when there are some', () => {
    expect(find(plain({}), 'claims')).toBeUndefined();
    const epilogue = (tally: { verdict: string; count: number }[]) => ({ id: 'epi', claims: [{}, {}, {}, {}], tally, factsTo: '2026-10-31' });
    expect(find(plain({ epilogue: epilogue([{ verdict: 'not-borne-out', count: 1 }, { verdict: 'partly', count: 1 }, { verdict: 'borne-out', count: 2 }]) }), 'claims'))
      .toEqual({ id: 'claims', figure: '2 of 4', text: 'claims in the article borne out by 2026, and 1 more in part, as the epilogue judges them', href: '#epi' });
    expect(find(plain({ epilogue: epilogue([{ verdict: 'borne-out', count: 3 }, { verdict: 'partly', count: 0 }]) }), 'claims')!.text).toBe('claims in the article borne out by 2026, as the epilogue judges them');
    expect(find(plain({ epilogue: epilogue([]) }), 'claims')!.figure).toBe('0 of 4');
  });
});

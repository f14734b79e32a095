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
    expect(item('trade-growth').text).toContain(`not the ${formatPercent(files.claimed, 0)} the article says`);
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
    expect(item('claims').text).toContain(`, ${files.verdicts('partly')} in part`);
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

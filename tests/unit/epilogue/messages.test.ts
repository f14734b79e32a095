// Where the epilogue's checks point: every field whose words are checked is named in the message, and a figure the
// data does not give is shown beside the nearest one the data does give, with the file and row it comes from.
import { describe, expect, it } from 'vitest';
import { buildEdition } from '../../../src/lib/edition/edition';
import { input, refusal } from '../analysis/fixture';

type Row = Record<string, unknown>;
const FIGURE = ' It came to $987.6 million.';

describe('the epilogue\'s number check, field by field', () => {
  it('buildEdition(input) names each field of the epilogue, its scorecard, its chart\'s accounts and its later events that states a figure the data does not give', () => {
    const i = input();
    const d = i.epilogue.data;
    d.title += FIGURE;
    d.intro = d.intro.map((p) => p + FIGURE);
    for (const k of ['trade', 'timeline'] as const) for (const f of ['title', 'subtitle', 'source'] as const) d.figures[k][f] += FIGURE;
    d.figures.trade.calendar += FIGURE;
    d.figures.trade.fiscal += FIGURE;
    const claims = i.epilogue.claims.rows as unknown as Row[];
    const claim = claims[0]!;
    claim.title = `${claim.title as string}${FIGURE}`;
    claim.evidence = `${claim.evidence as string}${FIGURE}`;
    const account = (i.epilogue.trade.rows as unknown as Row[]).find((r) => r.series === 'accounts')!;
    account.says = `${account.says as string}${FIGURE}`;
    const event = i.epilogue.events.events[0] as unknown as Row;
    event.title = `${event.title as string}${FIGURE}`;
    event.summary = `${event.summary as string}${FIGURE}`;

    const msg = refusal(i);
    const { file, claims: { file: claimsFile }, trade: { file: tradeFile }, events: { file: eventsFile } } = i.epilogue;
    const named = [
      `${file}: field "title"`,
      ...d.intro.map((_, k) => `${file}: field "intro.${k}"`),
      ...['trade', 'timeline'].flatMap((k) => ['title', 'subtitle', 'source'].map((f) => `${file}: field "figures.${k}.${f}"`)),
      `${file}: field "figures.trade.calendar"`,
      `${file}: field "figures.trade.fiscal"`,
      `${tradeFile}: row "${account.id as string}", field "says"`,
      `${claimsFile}: row "${claim.id as string}", field "title"`,
      `${claimsFile}: row "${claim.id as string}", field "evidence"`,
      `${eventsFile}: event "${event.id as string}", field "title"`,
      `${eventsFile}: event "${event.id as string}", field "summary"`,
    ];
    for (const where of named) expect(msg, where).toContain(`${where}: "$987.6 million" is not a figure the data gives`);
  });

  it('buildEdition(input) shows a wrong figure beside the nearest the data gives, naming its file and row, for each kind of data it checks against', () => {
    const i = input();
    const tradeFile = i.trade.file, dealsFile = i.deals.file, laterFile = i.epilogue.trade.file, claimsFile = i.epilogue.claims.file;
    const trade = i.trade.rows as unknown as Row[];
    const later = i.epilogue.trade.rows as unknown as Row[];
    const claims = i.epilogue.claims.rows as unknown as { id: string; figures: Row[] }[];
    type Known = { value: number; origin: string; kind: 'usd' | 'percent' };
    const known = (value: unknown, origin: string, kind: Known['kind'] = 'usd'): Known[] => (typeof value === 'number' ? [{ value, origin, kind }] : []);
    const rowOf = (file: string, r: Row) => `${file}, row "${r.id as string}"`;
    // Every figure the check knows, with where it comes from.
    const all: Known[] = [
      ...trade.flatMap((r) => (r.series === 'claims' ? known(r.growthPercent, rowOf(tradeFile, r), 'percent') : known(r.valueUsdMillions, rowOf(tradeFile, r)))),
      ...(i.deals.rows as unknown as Row[]).flatMap((r) => known(r.valueUsdMillions, rowOf(dealsFile, r))),
      ...later.flatMap((r) => [...known(r.valueUsdMillions, rowOf(laterFile, r)), ...known(r.pakistanExportsUsdMillions, rowOf(laterFile, r))]),
      ...claims.flatMap((c) => c.figures.flatMap((f) => [...known(f.valueUsdMillions, `${claimsFile}, row "${c.id}", figure "${f.id as string}"`), ...known(f.percent, `${claimsFile}, row "${c.id}", figure "${f.id as string}"`, 'percent')])),
    ];
    // One figure from each origin whose value no other figure of its kind shares, stated a little off.
    const first = (test: (k: Known) => boolean) => all.find((k) => test(k) && all.filter((o) => o.kind === k.kind && Math.abs(o.value - k.value) < 1).length === 1);
    const ofSeries = (series: string) => (k: Known) => trade.some((r) => r.series === series && rowOf(tradeFile, r) === k.origin);
    const exportsRow = later.find((r) => typeof r.pakistanExportsUsdMillions === 'number');
    const chosen = {
      'trade figure': first(ofSeries('article')),
      'trade context': first(ofSeries('context')),
      'exports in a later trade row': first((k) => !!exportsRow && k.value === exportsRow.pakistanExportsUsdMillions && k.origin === rowOf(laterFile, exportsRow)),
      'deal': first((k) => k.origin.startsWith(dealsFile)),
      'later trade row': first((k) => k.origin.startsWith(laterFile)),
      'claim figure': first((k) => k.kind === 'usd' && k.origin.startsWith(claimsFile)),
      'growth claim': first((k) => k.kind === 'percent' && k.origin.startsWith(tradeFile)),
    };
    const stated = Object.entries(chosen).map(([what, k]) => {
      expect(k, what).toBeDefined();
      return k!;
    });
    const phrase = (k: Known) => (k.kind === 'percent' ? `${k.value + 0.4} per cent` : `$${k.value + 0.4} million`);
    i.epilogue.data.intro = [...i.epilogue.data.intro, stated.map((k) => `It was ${phrase(k)}.`).join(' ')];
    const msg = refusal(i);
    for (const k of stated) {
      const shown = k.kind === 'percent' ? `${k.value} %` : `$${k.value}M`;
      expect(msg, k.origin).toContain(`"${phrase(k)}" is not a figure the data gives (nearest: ${shown}, ${k.origin})`);
    }
  });
});

describe('the epilogue\'s ids, sources and markers, field by field', () => {
  it('buildEdition(input) refuses a claim that takes a later event\'s id, and a later event that takes the epilogue\'s or a section\'s id', () => {
    const i = input();
    const claims = i.epilogue.claims.rows as unknown as Row[];
    const events = i.epilogue.events.events as unknown as Row[];
    const section = /<Section id="([^"]+)"/.exec(i.article.body)![1]!;
    const [first, second, third] = events;
    // A later event's id given to a claim, and the claims' events that pointed to it moved with it.
    const oldClaim = claims[0]!.id as string;
    claims[0]!.id = first!.id;
    for (const e of events) if (e.claim === oldClaim) e.claim = first!.id;
    second!.id = i.epilogue.data.id;
    third!.id = section;
    const msg = refusal(i);
    expect(msg).toContain(`${i.epilogue.claims.file}: row "${first!.id as string}", field "id": the page already uses the id "${first!.id as string}"`);
    expect(msg).toContain(`${i.epilogue.events.file}: event "${i.epilogue.data.id}", field "id": the page already uses the id "${i.epilogue.data.id}"`);
    expect(msg).toContain(`${i.epilogue.events.file}: event "${section}", field "id": the page already uses the id "${section}"`);
  });

  it('buildEdition(input) names the field of a claim\'s figure, a trade row and a row shown again from trade.yaml whose source the fact sheets do not list', () => {
    const i = input();
    const claims = i.epilogue.claims.rows as unknown as { id: string; figures: { id: string; source: { url: string } }[]; sources: { url: string }[] }[];
    const withFigure = claims.find((c) => c.figures.length)!;
    const figure = withFigure.figures[0]!;
    const figureUrl = withFigure.sources.find((s) => s.url === figure.source.url)!;
    figure.source.url = figureUrl.url = 'https://figure.example/not-listed';
    const rows = i.epilogue.trade.rows as unknown as Row[];
    const own = rows.find((r) => Array.isArray(r.sources))!;
    (own.sources as { url: string }[])[0]!.url = 'https://trade.example/not-listed';
    const again = rows.find((r) => typeof r.row === 'string' && (i.trade.rows as unknown as Row[]).some((t) => t.id === r.row && t.series === 'context'))!;
    const context = (i.trade.rows as unknown as Row[]).find((t) => t.id === again.row)!;
    context.source = { ...(context.source as object), url: 'https://context.example/not-listed' };
    const msg = refusal(i);
    expect(msg).toContain(`${i.epilogue.claims.file}: row "${withFigure.id}", field "figures.${figure.id}.source": https://figure.example/not-listed is not a source of the fact sheet`);
    expect(msg).toContain(`${i.epilogue.trade.file}: row "${own.id as string}", field "sources.0": https://trade.example/not-listed is not a source of the fact sheet`);
    expect(msg).toContain(`${i.epilogue.trade.file}: row "${again.id as string}", field "row" (${i.trade.file}, row "${context.id as string}"): https://context.example/not-listed is not a source of the fact sheets`);
  });

  it('buildEdition(input) marks each paragraph with exactly the claims it makes', () => {
    const e = buildEdition(input());
    const paragraphs = new Set(e.epilogue.claims.map((c) => c.paragraph));
    expect([...e.epilogue.byParagraph.keys()].sort()).toEqual([...paragraphs].sort());
    for (const p of paragraphs) expect(e.epilogue.byParagraph.get(p)!.map((c) => c.id), p).toEqual(e.epilogue.claims.filter((c) => c.paragraph === p).map((c) => c.id));
  });
});

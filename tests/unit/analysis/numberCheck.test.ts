import { describe, expect, it } from 'vitest';
import { figuresInText, numberProblems, agrees } from '../../../src/lib/analysis/numberCheck';
import { dataFigures, tradeFacts } from '../../../src/lib/analysis/analysisData';
import { buildEdition } from '../../../src/lib/edition/edition';
import { editBody, input, refusal } from './fixture';

describe('figuresInText', () => {
  it('figuresInText(text) reads dollar figures in US$ millions and percentages as written', () => {
    const found = figuresInText('Trade spiked to 33 per cent, from $400 million to $541 million; a $10 billion pipeline and 2.5% more.');
    expect(found.map((f) => [f.phrase, f.kind, f.value])).toEqual([
      ['$400 million', 'usd', 400], ['$541 million', 'usd', 541], ['$10 billion', 'usd', 10000],
      ['33 per cent', 'percent', 33], ['2.5%', 'percent', 2.5],
    ]);
  });

  it('figuresInText(text) reads thousands separators and the short units, with the precision each figure is written to', () => {
    const found = figuresInText('About $1,250 million, or $1.25bn, then $2m and $3.5 Billion.');
    expect(found.map((f) => [f.phrase, f.value, f.digits])).toEqual([
      ['$1,250 million', 1250, 0], ['$1.25bn', 1250, -1], ['$2m', 2, 0], ['$3.5 Billion', 3500, -2],
    ]);
  });

  it('figuresInText(text) reads money written without a unit word, or in words, in US$ millions', () => {
    const found = figuresInText('After trade of $2,400,000,000 in 2023 and 2.4 billion dollars since, $74M more.');
    expect(found.map((f) => [f.phrase, f.value])).toEqual([['$2,400,000,000', 2400], ['2.4 billion dollars', 2400], ['$74M', 74]]);
    // Written to the hundred million, as "$2.4bn" is.
    expect([2_350, 2_449, 2_450].map((v) => agrees(found[0]!, v))).toEqual([true, true, false]);
  });

  it('figuresInText(text) reads the short and long units, and leaves a range\'s first amount to its unit at the end', () => {
    const read = (t: string) => figuresInText(t).map((f) => [f.phrase, f.value]);
    expect(read('$5 mn, $1.8-billion, $1.2B, $3 trillion and $5k')).toEqual([['$5 mn', 5], ['$1.8-billion', 1800], ['$1.2B', 1200], ['$3 trillion', 3_000_000], ['$5k', 0.005]]);
    expect(read('a $1.5-2 billion plan')).toEqual([]);
    expect(read('between $2.25 and $3.5 billion')).toEqual([['$3.5 billion', 3500]]);
  });

  it('agrees(text, value) compares at the precision the text writes', () => {
    const [pct] = figuresInText('33 per cent');
    expect(agrees(pct!, 33.2)).toBe(true);
    expect(agrees(pct!, 35.25)).toBe(false);
  });

  it('agrees(text, value) accepts the values that round half up to the text\'s figure: from half a step below, to just under half a step above', () => {
    const [whole] = figuresInText('33 per cent');
    expect([32.5, 33.49, 33.5, 32.49, 33.51].map((v) => agrees(whole!, v))).toEqual([true, true, false, false, false]);
    const [tenth] = figuresInText('35.3 per cent');
    expect([35.25, 35.34, 35.35, 35.24].map((v) => agrees(tenth!, v))).toEqual([true, true, false, false]);
    // "$3 billion" is written to the billion: 2,500 up to (not including) 3,500 US$ millions round to it.
    const [billions] = figuresInText('a $3 billion pipeline');
    expect(billions!.value).toBe(3_000);
    expect([2_500, 3_499, 3_500, 2_499].map((v) => agrees(billions!, v))).toEqual([true, true, false, false]);
  });
});

describe('numberProblems', () => {
  const paragraphs = [{ id: 'trade', text: 'Trade rose 33 per cent, from $400 million to $541 million.' }];
  const figures = [
    { origin: 'trade.yaml, row "a"', paragraphId: 'trade', kind: 'usd' as const, value: 400 },
    { origin: 'trade.yaml, row "b"', paragraphId: 'trade', kind: 'usd' as const, value: 541 },
    { origin: 'computed growth', paragraphId: 'trade', kind: 'percent' as const, value: 35.25 },
  ];

  it('numberProblems(paragraphs, notes, figures) accepts a disagreement that a note on the paragraph explains', () => {
    expect(numberProblems(paragraphs, [{ id: 'n', for: 'trade', explains: ['33 per cent'] }], figures)).toEqual([]);
  });

  it('numberProblems(paragraphs, notes, figures) takes a note\'s explanation of a figure the data does not give, and asks for one without it', () => {
    const para = [{ id: 'trade', text: 'Trade rose from $400 million to $541 million, part of a $5 billion plan.' }];
    const rows = figures.slice(0, 2);
    expect(numberProblems(para, [{ id: 'n', for: 'trade', explains: ['$5 billion'] }], rows)).toEqual([]);
    expect(numberProblems(para, [], rows)).toEqual([expect.stringMatching(/paragraph "trade": the text says "\$5 billion", which no row of the data gives .*explains="\$5 billion"/)]);
  });

  it('numberProblems(paragraphs, notes, figures) names the paragraph and the figure when nothing explains a disagreement', () => {
    const problems = numberProblems(paragraphs, [], figures);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/paragraph "trade": the text says "33 per cent" but computed growth gives 35.25 %/);
  });

  it('numberProblems(paragraphs, notes, figures) rejects an explanation of a figure that agrees, or that the paragraph does not say', () => {
    const notes = [{ id: 'n', for: 'trade', explains: ['33 per cent', '$400 million', '40 per cent'] }];
    const problems = numberProblems(paragraphs, notes, figures);
    expect(problems).toEqual([
      expect.stringMatching(/note "n": explains "\$400 million", but no figure in the data disagrees/),
      expect.stringMatching(/note "n": explains "40 per cent", which paragraph "trade" does not say/),
    ]);
  });

  it('numberProblems(paragraphs, notes, figures) takes an explanation only from a note on the paragraph itself', () => {
    const two = [...paragraphs, { id: 'other', text: 'Elsewhere, 33 per cent.' }];
    expect(numberProblems(two, [{ id: 'n', for: 'other', explains: ['33 per cent'] }], figures)).toEqual([
      expect.stringMatching(/^paragraph "trade": the text says "33 per cent" but computed growth gives 35\.25 %/),
      'note "n": explains "33 per cent", but no figure in the data disagrees with it; remove explains or check the data',
    ]);
  });

  it('numberProblems(paragraphs, notes, figures) names a data row that cites a paragraph the article does not have', () => {
    const lost = [{ origin: 'deals.yaml, row "pipeline"', paragraphId: 'pipelines', kind: 'usd' as const, value: 2000 }];
    expect(numberProblems(paragraphs, [], lost)).toEqual(['deals.yaml, row "pipeline": cites paragraph "pipelines", which is not in the article']);
  });

  it('numberProblems(paragraphs, notes, figures) says which kind of figure a paragraph that states none lacks', () => {
    const plain = [{ id: 'talks', text: 'The two sides met in Moscow.' }];
    expect(numberProblems(plain, [], [
      { origin: 'deals.yaml, row "a"', paragraphId: 'talks', kind: 'usd', value: 2000 },
      { origin: 'computed growth', paragraphId: 'talks', kind: 'percent', value: 35.254 },
    ])).toEqual([
      'paragraph "talks": deals.yaml, row "a" gives $2000M, but the paragraph states no dollar figure',
      'paragraph "talks": computed growth gives 35.25 %, but the paragraph states no percentage',
    ]);
  });

  it('numberProblems(paragraphs, notes, figures) suggests a note explaining the figure nearest the data, the first of two equally near', () => {
    const problem = (value: number) => numberProblems(paragraphs, [], [{ origin: 'trade.yaml, row "x"', paragraphId: 'trade', kind: 'usd', value }]);
    const says = 'paragraph "trade": the text says "$400 million" and "$541 million" but trade.yaml, row "x" gives';
    expect(problem(530)).toEqual([`${says} $530M; correct the data, or explain the difference in a <Note for="trade" explains="$541 million">`]);
    expect(problem(410)).toEqual([`${says} $410M; correct the data, or explain the difference in a <Note for="trade" explains="$400 million">`]);
    expect(problem(470.5)).toEqual([`${says} $470.5M; correct the data, or explain the difference in a <Note for="trade" explains="$400 million">`]);
    expect(problem(-100)).toEqual([`${says} $-100M; correct the data, or explain the difference in a <Note for="trade" explains="$400 million">`]);
    expect(problem(1000)).toEqual([`${says} $1000M; correct the data, or explain the difference in a <Note for="trade" explains="$541 million">`]);
  });

  it('numberProblems(paragraphs, notes, figures) suggests explaining the figure the text changed, not one another row of the data gives', () => {
    // "$400 million" changed to "$900 million": $541 million is nearer to the row's 400, but the other row gives it.
    const changed = [{ id: 'trade', text: 'Trade reached $900 million, then $541 million.' }];
    const rows = [
      { origin: 'trade.yaml, row "a"', paragraphId: 'trade', kind: 'usd' as const, value: 400 },
      { origin: 'trade.yaml, row "b"', paragraphId: 'trade', kind: 'usd' as const, value: 541 },
    ];
    expect(numberProblems(changed, [], rows)).toEqual([
      'paragraph "trade": the text says "$900 million" and "$541 million" but trade.yaml, row "a" gives $400M; correct the data, or explain the difference in a <Note for="trade" explains="$900 million">',
    ]);
    // The same slip in the article's MDX.
    expect(refusal(editBody(input(), '$400 million', '$900 million'))).toMatch(/row "trade-last-year" gives \$400M; correct the data, or explain the difference in a <Note for="trade-figures" explains="\$900 million">/);
  });
});

describe('the article and its data', () => {
  it('buildEdition(input) passes on the article as published, with the 33 % note', () => {
    const edition = buildEdition(input());
    expect(edition.outline.notes.find((n) => n.for === 'trade-figures' && n.explains.includes('33 per cent'))).toBeDefined();
    const [from, to] = edition.trade.figures;
    expect(edition.tradeFacts.growthPercent).toBeCloseTo(((to!.valueUsdMillions - from!.valueUsdMillions) / from!.valueUsdMillions) * 100, 10);
  });

  it('dataFigures(data) checks every trade and pipeline figure and the computed growth against its paragraph', () => {
    const { trade, deals } = buildEdition(input());
    const figures = dataFigures({ files: { trade: 'trade.yaml', deals: 'deals.yaml' }, trade: trade.figures, claims: trade.claims, deals });
    const facts = tradeFacts(trade.figures, trade.claims);
    expect(figures.filter((f) => f.kind === 'usd').map((f) => f.value).sort((a, b) => a - b))
      .toEqual([...trade.figures.map((r) => r.valueUsdMillions), ...deals.map((d) => d.valueUsdMillions)].sort((a, b) => a - b));
    expect(figures).toContainEqual(expect.objectContaining({ paragraphId: 'trade-figures', kind: 'percent', value: facts.growthPercent }));
  });

  it('tradeFacts(trade, claims) gives the start the claimed rate would need, and none without a claim', () => {
    const { trade } = buildEdition(input());
    const [from, to] = trade.figures;
    const facts = tradeFacts(trade.figures, trade.claims);
    expect(facts.claimedPercent).toBe(trade.claims[0]!.growthPercent);
    expect(facts.impliedStartUsdMillions).toBeCloseTo(to!.valueUsdMillions / (1 + trade.claims[0]!.growthPercent / 100), 9);
    expect(facts.changeUsdMillions).toBe(to!.valueUsdMillions - from!.valueUsdMillions);
    const none = tradeFacts(trade.figures, []);
    expect(none.claimedPercent).toBeUndefined();
    expect(none.impliedStartUsdMillions).toBeUndefined();
    expect(none.paragraphId).toBe('trade-figures');
  });

  it('dataFigures(data) checks only rows that cite a paragraph of the article', () => {
    const { trade, deals } = buildEdition(input());
    const outside = { ...deals[0]!, id: 'outside-deal', source: { title: 'A report', url: 'https://example.org/' } };
    const figures = dataFigures({ files: { trade: 'trade.yaml', deals: 'deals.yaml' }, trade: trade.figures, claims: trade.claims, deals: [...deals, outside] });
    expect(figures.map((f) => f.origin)).not.toContain('deals.yaml, row "outside-deal"');
    expect(figures.every((f) => typeof f.paragraphId === 'string')).toBe(true);
    expect(figures.filter((f) => f.origin.startsWith('deals.yaml')).map((f) => f.origin)).toEqual(deals.map((d) => `deals.yaml, row "${d.id}"`));
  });

  it('tradeFacts(trade, claims) needs both of the article\'s trade figures', () => {
    const { trade } = buildEdition(input());
    expect(() => tradeFacts(trade.figures.slice(0, 1), trade.claims)).toThrow('tradeFacts needs the article’s two trade figures, earlier first');
    expect(() => tradeFacts(trade.figures, trade.claims)).not.toThrow();
  });

  it('buildEdition(input) fails naming the paragraph when a trade figure in the data changes', () => {
    const i = input();
    const row = i.trade.rows.find((r) => r.id === 'trade-current-year')! as { valueUsdMillions: number };
    row.valueUsdMillions = 560;
    expect(() => buildEdition(i)).toThrow(/paragraph "trade-figures": the text says "\$400 million" and "\$541 million" but .*trade\.yaml, row "trade-current-year" gives \$560M/);
  });

  it('buildEdition(input) fails naming the paragraph when a pipeline value in the data changes', () => {
    const i = input();
    (i.deals.rows.find((r) => r.id === 'offshore-gas-pipeline') as { valueUsdMillions: number }).valueUsdMillions = 12000;
    expect(() => buildEdition(i)).toThrow(/paragraph "offshore-pipeline-mou": the text says "\$10 billion"/);
  });

  it('buildEdition(input) fails naming the figure left unchecked when a trade row is copied over the other', () => {
    const i = input();
    (i.trade.rows.find((r) => r.id === 'trade-last-year')! as { valueUsdMillions: number }).valueUsdMillions = 541;
    expect(refusal(i)).toMatch(/paragraph "trade-figures": the text says "\$400 million", which no row of the data gives \(.*trade\.yaml, row "trade-last-year": \$541M; .*row "trade-current-year": \$541M\)/);
  });

  it('buildEdition(input) fails when the article\'s two trade figures are in the opposite order to the paragraph\'s', () => {
    const i = input();
    // The rows keep their place in the file: swap the two places, as swapping the rows in trade.yaml does.
    const [a, b] = ['trade-last-year', 'trade-current-year'].map((id) => i.trade.rows.find((r) => r.id === id)! as { position: number });
    [a!.position, b!.position] = [b!.position, a!.position];
    expect(refusal(i)).toMatch(/paragraph "trade-figures": .*row "trade-current-year" \(\$541M\) comes before .*row "trade-last-year" \(\$400M\), but the paragraph states "\$400 million" first/);
    // The same message when the values, not the rows, were swapped: it says what to do in either case.
    const j = input();
    const [x, y] = ['trade-last-year', 'trade-current-year'].map((id) => j.trade.rows.find((r) => r.id === id)! as { valueUsdMillions: number });
    [x!.valueUsdMillions, y!.valueUsdMillions] = [y!.valueUsdMillions, x!.valueUsdMillions];
    expect(refusal(j)).toMatch(/but the paragraph states "\$400 million" first; keep the rows in the paragraph's order, earlier first, or, if each row's period is right, put each row's value back \(the values were swapped\)/);
  });

  it('buildEdition(input) holds a row that records the article\'s figure to that figure, not to one that rounds to it', () => {
    const i = input();
    (i.deals.rows.find((r) => r.id === 'north-south-gas-pipeline') as { valueUsdMillions: number }).valueUsdMillions = 1500;
    expect(refusal(i)).toMatch(/paragraph "[^"]+": the text says "\$2 billion" but .*row "north-south-gas-pipeline" gives \$1500M/);
  });

  it('buildEdition(input) fails naming the row and field when the data misquotes the article or dates against its words', () => {
    const i = input();
    const claim = i.trade.rows.find((r) => r.id === 'trade-growth-claim') as { quote: string; growthPercent: number };
    claim.growthPercent = 35;
    (i.trade.rows.find((r) => r.id === 'trade-last-year') as { period: string }).period = 'last yr';
    const sochi = i.timeline.events.find((e) => e.id === 'sochi-summit-2010')! as { date?: string };
    sochi.date = '2011-08-18';
    const message = refusal(i);
    expect(message).toMatch(/trade\.yaml: row "trade-growth-claim", field "growthPercent": 35 is not the rate its quote gives \(“33 per cent”\)/);
    expect(message).toMatch(/trade\.yaml: row "trade-last-year", field "period": “last yr” is not in paragraph "trade-figures"/);
    expect(message).toMatch(/timeline\.yaml: row "sochi-summit-2010", field "articleSays": the article says “2010”, but the event is dated 2011-08-18/);
  });

  it('buildEdition(input) fails on the 33 per cent when the note that explains it is gone', () => {
    const i = editBody(input(), ' explains="33 per cent"', '');
    expect(() => buildEdition(i)).toThrow(/paragraph "trade-figures": the text says "33 per cent" but the growth computed from .*trade\.yaml .* gives 35\.25 %/);
  });
});

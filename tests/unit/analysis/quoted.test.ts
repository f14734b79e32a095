// What a data row quotes of the article is in the paragraph it cites, and agrees with the data beside it.
import { describe, expect, it } from 'vitest';
import { articleDateProblems, claimQuoteProblems, quotedWordsProblems } from '../../../src/lib/analysis/analysisChecks';

const paragraphs = new Map([['trade', 'Their trade has spiked to 33 per cent during the last one year. Trade volume that reached at $400 million last year swelled to $541 million current year.']]);

describe('quotedWordsProblems(quotes, paragraphs)', () => {
  it('accepts the article\'s words, whatever their case and spacing', () => {
    expect(quotedWordsProblems([
      { row: 'a', paragraph: 'trade', field: 'period', words: 'last  year' },
      { row: 'b', paragraph: 'trade', field: 'quote', words: '33 Per Cent' },
    ], paragraphs)).toEqual([]);
  });

  it('names the row, the field and the paragraph for words the paragraph does not say', () => {
    expect(quotedWordsProblems([
      { row: 'trade-last-year', paragraph: 'trade', field: 'period', words: 'last yr' },
      { row: 'trade-growth-claim', paragraph: 'trade', field: 'quote', words: '35 per cent' },
    ], paragraphs)).toEqual([
      'row "trade-last-year", field "period": “last yr” is not in paragraph "trade", which the row quotes; copy the article\'s words exactly',
      'row "trade-growth-claim", field "quote": “35 per cent” is not in paragraph "trade", which the row quotes; copy the article\'s words exactly',
    ]);
  });

  it('leaves a paragraph that does not exist to the check that names it', () => {
    expect(quotedWordsProblems([{ row: 'a', paragraph: 'gone', field: 'period', words: 'x' }], paragraphs)).toEqual([]);
  });
});

describe('claimQuoteProblems(claims)', () => {
  it('holds the rate to the percentage its quote gives', () => {
    expect(claimQuoteProblems([{ id: 'c', quote: '33 per cent', growthPercent: 33 }])).toEqual([]);
    expect(claimQuoteProblems([{ id: 'c', quote: '33 per cent', growthPercent: 35 }]))
      .toEqual(['row "c", field "growthPercent": 35 is not the rate its quote gives (“33 per cent”)']);
  });
});

describe('articleDateProblems(events)', () => {
  it('accepts dates within the years and the month the article names', () => {
    expect(articleDateProblems([
      { id: 'a', articleSays: '2010', from: '2010-08-18', to: '2010-08-18' },
      { id: 'b', articleSays: 'May 2011', from: '2011-05-02', to: '2011-05-02' },
      { id: 'c', articleSays: 'During current month in 2018', from: '2018-10-21', to: '2018-11-04' },
      { id: 'd', articleSays: 'in December', from: '2016-12-27', to: '2016-12-27' },
      { id: 'e', from: '2017', to: '2017' },
      // A month inside a longer range, across a year's end; "may" the verb names no month.
      { id: 'f', articleSays: 'in December', from: '2016-11-20', to: '2017-01-10' },
      { id: 'g', articleSays: 'it may be 2016', from: '2016-09-24', to: '2016-10-10' },
    ])).toEqual([]);
  });

  it('names an event whose date the article\'s words contradict, by year or by month', () => {
    expect(articleDateProblems([
      { id: 'sochi', articleSays: '2010', from: '2011-08-18', to: '2011-08-18' },
      { id: 'raid', articleSays: 'May 2011', from: '2011-06-02', to: '2011-06-02' },
    ])).toEqual([
      'row "sochi", field "articleSays": the article says “2010”, but the event is dated 2011-08-18',
      'row "raid", field "articleSays": the article says “May 2011”, but the event is dated 2011-06-02',
    ]);
  });
});

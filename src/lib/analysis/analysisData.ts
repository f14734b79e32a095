// What the trade and deal data say about the article's own figures: the growth they imply and every figure the number check compares.
import type { Deal } from '../../schemas/deals';
import type { TradeClaim, TradeFigure } from '../../schemas/trade';
import { growth, impliedStart } from '../charts/growth';
import type { DataFigure } from './numberCheck';

export type TradeFacts = ReturnType<typeof tradeFacts>;

/** What the article's two trade figures imply: the change, the real growth rate and the start a stated rate would need. */
export function tradeFacts(trade: TradeFigure[], claims: TradeClaim[]) {
  const [from, to] = trade;
  if (!from || !to) throw new Error('tradeFacts needs the article’s two trade figures, earlier first');
  const g = growth(from.valueUsdMillions, to.valueUsdMillions);
  const claimed = claims[0]?.growthPercent;
  return {
    fromUsdMillions: g.fromUsdMillions,
    toUsdMillions: g.toUsdMillions,
    changeUsdMillions: g.deltaUsdMillions,
    growthPercent: g.percent,
    claimedPercent: claimed,
    /** The start the claimed rate would need to reach the later figure. */
    impliedStartUsdMillions: claimed === undefined ? undefined : impliedStart(g.toUsdMillions, claimed),
    paragraphId: to.source.paragraph,
  };
}

export interface FigureData {
  files: { trade: string; deals: string };
  trade: TradeFigure[];
  claims: TradeClaim[];
  deals: Deal[];
}

/** Every figure the data gives for a paragraph, plus the growth rate computed from the two trade figures. */
export function dataFigures(data: FigureData): DataFigure[] {
  const figures: DataFigure[] = [];
  const withParagraph = <T extends { id: string; source: { paragraph?: string } }>(rows: T[], file: string, kind: DataFigure['kind'], value: (r: T) => number, series?: string) => {
    for (const r of rows) if (r.source.paragraph) figures.push({ origin: `${file}, row "${r.id}"`, paragraphId: r.source.paragraph, kind, value: value(r), exact: true, ...(series ? { series } : {}) });
  };
  withParagraph(data.trade, data.files.trade, 'usd', (r) => r.valueUsdMillions, 'trade');
  withParagraph(data.claims, data.files.trade, 'percent', (r) => r.growthPercent);
  withParagraph(data.deals, data.files.deals, 'usd', (r) => r.valueUsdMillions);
  const facts = tradeFacts(data.trade, data.claims);
  if (facts.paragraphId) {
    figures.push({
      origin: `the growth computed from ${data.files.trade} (rows "${data.trade[0]!.id}" and "${data.trade[1]!.id}")`,
      paragraphId: facts.paragraphId,
      kind: 'percent',
      value: facts.growthPercent,
    });
  }
  return figures;
}

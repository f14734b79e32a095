// Reads the data the analysis layer checks and shows: trade and deal figures, the glossary and the map's places.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readRows, type DataRow } from '../data/readRows';
import { tradeFileSchema, type TradeClaim, type TradeFigure } from '../../schemas/trade';
import { dealsFileSchema, type Deal } from '../../schemas/deals';
import { glossaryFileSchema, type GlossaryEntry } from '../../schemas/glossary';
import { placesFileSchema, type Place } from '../../schemas/places';
import { growth, impliedStart } from '../charts/growth';
import type { DataFigure } from './numberCheck';

export interface AnalysisData {
  files: { trade: string; deals: string; glossary: string; places: string };
  trade: TradeFigure[];
  claims: TradeClaim[];
  deals: Deal[];
  glossary: GlossaryEntry[];
  places: Place[];
}

const rowsOf = <T>(rows: DataRow[], series: string) => rows.filter((r) => r.series === series) as unknown as T[];

/** Reads content/data/*.yaml under `contentDir`; a bad row throws a ContentError naming the file, row and field. */
export function loadAnalysisData(contentDir = process.env.SITE_CONTENT_DIR ?? 'content'): AnalysisData {
  const files = {
    trade: join(contentDir, 'data/trade.yaml'),
    deals: join(contentDir, 'data/deals.yaml'),
    glossary: join(contentDir, 'data/glossary.yaml'),
    places: join(contentDir, 'data/places.yaml'),
  };
  const read = (file: string, schema: Parameters<typeof readRows>[2]) => readRows(readFileSync(file, 'utf8'), file, schema);
  const trade = read(files.trade, tradeFileSchema);
  return {
    files,
    trade: rowsOf<TradeFigure>(trade, 'article'),
    claims: rowsOf<TradeClaim>(trade, 'claims'),
    deals: rowsOf<Deal>(read(files.deals, dealsFileSchema), 'deals'),
    glossary: rowsOf<GlossaryEntry>(read(files.glossary, glossaryFileSchema), 'terms'),
    places: rowsOf<Place>(read(files.places, placesFileSchema), 'places'),
  };
}

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

/** Every figure the data gives for a paragraph, plus the growth rate computed from the two trade figures. */
export function dataFigures(data: AnalysisData): DataFigure[] {
  const figures: DataFigure[] = [];
  const withParagraph = <T extends { id: string; source: { paragraph?: string } }>(rows: T[], file: string, kind: DataFigure['kind'], value: (r: T) => number) => {
    for (const r of rows) if (r.source.paragraph) figures.push({ origin: `${file}, row "${r.id}"`, paragraphId: r.source.paragraph, kind, value: value(r) });
  };
  withParagraph(data.trade, data.files.trade, 'usd', (r) => r.valueUsdMillions);
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

// The real trade and deal rows, read through the same validation the build uses; the map's atlases and style sheet.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { readRows } from '../../../src/lib/data/readRows';
import { splitTrade, orderDeals } from '../../../src/lib/data/money';
import { tradeFileSchema, type TradeRow } from '../../../src/schemas/trade';
import { dealsFileSchema, type DealRow } from '../../../src/schemas/deals';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { FeatureCollection, Geometry } from 'geojson';
import world110 from 'world-atlas/countries-110m.json';
import world50 from 'world-atlas/countries-50m.json';

export const DATA_DIR = resolve(import.meta.dirname, '../../../content/data');
export const readData = (name: string) => readFileSync(resolve(DATA_DIR, name), 'utf8');

export const trade = splitTrade(readRows(readData('trade.yaml'), 'content/data/trade.yaml', tradeFileSchema) as unknown as TradeRow[]);
export const deals = orderDeals(readRows(readData('deals.yaml'), 'content/data/deals.yaml', dealsFileSchema) as unknown as DealRow[]);

/** The atlases the locator map is drawn from, as the edition passes them. */
export const atlases = { '110m': world110 as unknown as Topology, '50m': world50 as unknown as Topology };
export const countriesOf = (t: Topology) => feature(t, t.objects.countries as GeometryCollection) as FeatureCollection<Geometry>;
/** The map's style sheet: the tests read the widths it draws halos and points' outlines at. */
export const mapCss = readFileSync(resolve(import.meta.dirname, '../../../src/styles/map.css'), 'utf8');

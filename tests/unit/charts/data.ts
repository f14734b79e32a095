// The real trade and deal rows, read through the same validation the build uses.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { readRows } from '../../../src/lib/data/readRows';
import { splitTrade, orderDeals } from '../../../src/lib/data/money';
import { tradeFileSchema, type TradeRow } from '../../../src/schemas/trade';
import { dealsFileSchema, type DealRow } from '../../../src/schemas/deals';

export const DATA_DIR = resolve(import.meta.dirname, '../../../content/data');
export const readData = (name: string) => readFileSync(resolve(DATA_DIR, name), 'utf8');

export const trade = splitTrade(readRows(readData('trade.yaml'), 'content/data/trade.yaml', tradeFileSchema) as unknown as TradeRow[]);
export const deals = orderDeals(readRows(readData('deals.yaml'), 'content/data/deals.yaml', dealsFileSchema) as unknown as DealRow[]);

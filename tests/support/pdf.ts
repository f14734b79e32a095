// Prints a page to PDF in Chromium and reads the text back, the way a reader's "Save as PDF" would.
import type { Page } from 'playwright-core';
import { extractText, extractLinks, getDocumentProxy } from 'unpdf';

export type Paper = 'A4' | 'Letter';
/** Paper widths in CSS pixels (96 per inch): A4 is 210 mm, US Letter 8.5 in. */
export const PAPER_WIDTH_PX: Record<Paper, number> = { A4: (210 / 25.4) * 96, Letter: 8.5 * 96 };

export interface PrintedPdf { pages: number; pageTexts: string[]; links: string[] }

export async function printPdf(page: Page, format: Paper): Promise<PrintedPdf> {
  const data = await page.pdf({ format, preferCSSPageSize: false, printBackground: true });
  const doc = await getDocumentProxy(new Uint8Array(data));
  const { totalPages, text } = await extractText(doc, { mergePages: false });
  const { links } = await extractLinks(doc);
  return { pages: totalPages, pageTexts: text, links };
}

/** Text compared without layout: ligatures unfolded, and without spaces, line breaks or hyphens (real or from hyphenation). */
export function squash(text: string): string {
  return text.normalize('NFKC').replace(/[\s\u00ad\u2010\u2011-]+/g, '');
}

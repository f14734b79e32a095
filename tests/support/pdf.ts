// Prints a page to PDF in Chromium and reads the text back, the way a reader's "Save as PDF" would.
import type { Page } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extractText, extractLinks, getDocumentProxy } from 'unpdf';
import { PNG } from 'pngjs';

export type Paper = 'A4' | 'Letter';
/** Paper widths in CSS pixels (96 per inch): A4 is 210 mm, US Letter 8.5 in. */
export const PAPER_WIDTH_PX: Record<Paper, number> = { A4: (210 / 25.4) * 96, Letter: 8.5 * 96 };

export interface PrintedPdf { pages: number; pageTexts: string[]; links: string[]; data: Uint8Array }

export async function printPdf(page: Page, format: Paper): Promise<PrintedPdf> {
  const data = await page.pdf({ format, preferCSSPageSize: false, printBackground: true });
  const doc = await getDocumentProxy(new Uint8Array(data));
  const { totalPages, text } = await extractText(doc, { mergePages: false });
  const { links } = await extractLinks(doc);
  return { pages: totalPages, pageTexts: text, links, data: new Uint8Array(data) };
}

/** Text compared without layout: ligatures unfolded, and without spaces, line breaks or hyphens (real or from hyphenation). */
export function squash(text: string): string {
  return text.normalize('NFKC').replace(/[\s\u00ad\u2010\u2011-]+/g, '');
}

/** One page of a PDF (counted from 1) as the printer would put it on paper, rasterised by poppler's pdftoppm. */
export function pdfPageImage(pdf: PrintedPdf, pageNumber: number, dpi = 200): PNG {
  const dir = mkdtempSync(join(tmpdir(), 'pdf-page-'));
  try {
    writeFileSync(join(dir, 'copy.pdf'), pdf.data);
    execFileSync('pdftoppm', ['-r', String(dpi), '-f', String(pageNumber), '-l', String(pageNumber), '-singlefile', '-png', join(dir, 'copy.pdf'), join(dir, 'page')]);
    return PNG.sync.read(readFileSync(join(dir, 'page.png')));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// Reads built pages from the test build with a real HTML parser.
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { inject } from 'vitest';
import * as cheerio from 'cheerio';

export function distPath(...parts: string[]): string {
  return join(inject('distDir'), ...parts);
}

export function loadPage(path = 'index.html') {
  const file = distPath(path);
  if (!existsSync(file)) throw new Error(`${file} was not built`);
  return cheerio.load(readFileSync(file, 'utf8'));
}

/** The author's words in an element: its text without anything the editors inserted. */
export function authorText($: cheerio.CheerioAPI, el: Parameters<cheerio.CheerioAPI>[0]): string {
  const clone = $(el).clone();
  clone.find('[data-editorial]').remove();
  return clone.text().replace(/\s+/g, ' ').trim();
}

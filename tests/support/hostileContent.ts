// Copies of the content folder with one thing broken or poisoned, for the hostile-input tests.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse, stringify } from 'yaml';

export const CONTENT = resolve(import.meta.dirname, '../../content');
const SCRATCH = resolve(import.meta.dirname, '../../.cache');

/** Markup that must come out as text wherever a text field is shown. */
export const PAYLOADS = {
  img: '<img src=x onerror=alert(1)>',
  script: '<script>alert(2)</script>',
} as const;

/** A fresh copy of content/ in .cache/ (inside the project, so paths in messages stay short). */
export function copyContent(): { dir: string; remove: () => void } {
  mkdirSync(SCRATCH, { recursive: true });
  const dir = mkdtempSync(join(SCRATCH, 'hostile-content-'));
  cpSync(CONTENT, dir, { recursive: true });
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Reads a YAML file of the copy, lets `change` edit the parsed data, writes it back. */
export function editYaml(dir: string, file: string, change: (data: any) => void): string {
  const path = join(dir, file);
  const data = parse(readFileSync(path, 'utf8'));
  change(data);
  writeFileSync(path, stringify(data));
  return path;
}

/** Edits the article's frontmatter with a text replacement. */
export function editArticle(dir: string, change: (mdx: string) => string): string {
  const path = join(dir, 'article/pakistan-russia-asian-bloc.mdx');
  writeFileSync(path, change(readFileSync(path, 'utf8')));
  return path;
}

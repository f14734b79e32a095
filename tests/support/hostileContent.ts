// Copies of the content folder with one thing broken or poisoned, for the hostile-input tests.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parse, stringify } from 'yaml';
import { withBuildLock } from './buildLock';
import { childEnv } from './childEnv';

export const CONTENT = resolve(import.meta.dirname, '../../content');
const ROOT = resolve(import.meta.dirname, '../..');
const SCRATCH = resolve(ROOT, '.cache');

/** Markup that must come out as text wherever a text field is shown. */
export const PAYLOADS = {
  img: '<img src=x onerror=alert(1)>',
  script: '<script>alert(2)</script>',
  /** No tag, so a data file takes it as words: it would cut open an attribute the page did not escape. */
  attribute: '" onmouseover=alert(3) x="',
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

/**
 * A real `astro build` of the content in `contentDir` (SITE_CONTENT_DIR) into .cache/<name>-dist, removed first so
 * that a failed build is seen to write nothing. The output has its colour codes taken out.
 */
export function buildContent(contentDir: string, name: string, env: Record<string, string> = {}) {
  const outDir = resolve(ROOT, `.cache/${name}-dist`);
  // A fresh cache: Astro's content store would otherwise keep entries from an earlier copy's paths.
  const cacheDir = resolve(ROOT, `.cache/${name}-astro`);
  rmSync(outDir, { recursive: true, force: true });
  rmSync(cacheDir, { recursive: true, force: true });
  const result = withBuildLock(() => spawnSync(process.execPath, [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build'], {
    cwd: ROOT,
    // Astro wants data file paths relative to the project root.
    env: childEnv({ SITE_CONTENT_DIR: `./${relative(ROOT, contentDir)}`, SITE_OUT_DIR: outDir, SITE_CACHE_DIR: cacheDir, ...env }),
    encoding: 'utf8',
  }));
  rmSync(cacheDir, { recursive: true, force: true });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}`.replace(/\x1b\[[0-9;]*m/g, ''), outDir };
}

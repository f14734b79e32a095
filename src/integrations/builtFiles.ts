// The files of a finished build, and the URL path each one is served on.
import { readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { pagePaths } from './headers';

/** Every file below `dir` whose name matches, as absolute paths, in the order the folder lists them. */
export async function builtFiles(dir: string, name: RegExp): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile() && name.test(e.name)).map((e) => join(e.parentPath, e.name));
}

export const htmlFiles = (dir: string): Promise<string[]> => builtFiles(dir, /\.html$/);

/** The public URL of a built file: `index.html` → `/`, `s/x/index.html` → `/s/x/`, `_astro/a.js` → `/_astro/a.js`. */
export function pagePath(outDir: string, file: string): string {
  return pagePaths(relative(outDir, file))[0]!;
}

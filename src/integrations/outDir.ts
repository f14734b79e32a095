// Where the build writes: SITE_OUT_DIR, or ./dist. A folder beside the project whose path begins with the project's
// (../main-dist beside ./main) is taken by Astro for one inside it, and the build then fails on a package it cannot
// find, with no word of the folder: such a folder is refused by name before the build starts.
import { isAbsolute, relative, resolve } from 'node:path';

export function outDirOf(value: string | undefined, root: string): string {
  if (value === undefined || value === '') return './dist';
  const out = resolve(root, value), project = resolve(root), path = relative(project, out);
  const inside = !path.startsWith('..') && !isAbsolute(path);
  if (!inside && out.startsWith(project)) {
    throw new Error(`SITE_OUT_DIR "${value}" is ${out}, a folder beside the project whose path begins with the project's (${project}): Astro takes it for a folder inside the project and the build fails; choose a folder inside the project or one whose path does not begin with ${project}`);
  }
  return value;
}

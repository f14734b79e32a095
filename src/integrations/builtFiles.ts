// The files of a finished build.
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';

/** Every file below `dir` whose name matches, as absolute paths, in the order the folder lists them. */
export async function builtFiles(dir: string, name: RegExp): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile() && name.test(e.name)).map((e) => join(e.parentPath, e.name));
}

export const htmlFiles = (dir: string): Promise<string[]> => builtFiles(dir, /\.html$/);

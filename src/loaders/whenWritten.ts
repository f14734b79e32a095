// Reading a content file that an editor (or a script) is saving: the file is emptied before it is written, and the
// watcher may report the first of the two changes alone.
import { readFile } from 'node:fs/promises';

/** Runs `sync`; if it fails while the file is still empty, runs it again once the file has been written. */
export async function whenWritten(path: string, sync: () => Promise<void>, tries = 40): Promise<void> {
  try {
    await sync();
  } catch (e) {
    if (tries === 0 || (await readFile(path, 'utf8')).trim()) throw e;
    await new Promise((r) => setTimeout(r, 50));
    await whenWritten(path, sync, tries - 1);
  }
}

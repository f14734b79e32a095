// Reading a content file that an editor (or a script) is saving: the file is emptied before it is written, and the
// watcher may report the first of the two changes alone, or both changes as one.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { LoaderContext } from 'astro/loaders';
import { ContentError } from '../schemas/issues';

const pause = () => new Promise((r) => setTimeout(r, 50));

/**
 * Reads the file and hands its text to `apply`. An empty file is taken for a save under way and waited for (some
 * files would parse empty, and the save's own change may not be reported again); if `apply` fails while a save is
 * under way (the file has changed since it was read), the new text is tried. A text that fails as it stands throws.
 */
export async function whenWritten(path: string, apply: (text: string) => Promise<void>, tries = 40): Promise<void> {
  let left = tries;
  const settled = async () => {
    let text = await readFile(path, 'utf8');
    for (let waits = tries; !text.trim() && waits > 0; waits -= 1) {
      await pause();
      text = await readFile(path, 'utf8');
    }
    return text;
  };
  let text = await settled();
  for (;;) {
    try {
      return await apply(text);
    } catch (e) {
      const now = await settled().catch(() => text);
      if (now === text || left === 0) throw e;
      left -= 1;
      text = now;
    }
  }
}

/** The message for a content file that is not there: which file, what it holds and the collection made from it. */
export const missingFile = (name: string, holds: string, collection: string) =>
  `${name}: the file is missing. It holds ${holds} (the collection "${collection}"); restore it, or, if it has moved, change its path in src/lib/edition/contentFiles.ts`;

/**
 * Reads the file into `apply` now, and again on each change the watcher reports (in `astro dev`): one change at a
 * time, in the order reported, so that the last save is the one kept. A change that fails is logged, not thrown.
 * A file that is not there at the start stops the load with `missing`, not the system's ENOENT and its stack.
 */
export async function loadAndWatch(path: string, apply: (text: string) => Promise<void>, { watcher, logger }: Pick<LoaderContext, 'watcher' | 'logger'>, missing: string): Promise<void> {
  const text = await readFile(path, 'utf8').catch((e: unknown) => {
    throw (e as NodeJS.ErrnoException).code === 'ENOENT' ? new ContentError(missing) : e;
  });
  await apply(text);
  let turn = Promise.resolve();
  watcher?.add(path);
  watcher?.on('change', (file) => {
    if (resolve(file) !== path) return;
    turn = turn.then(() => whenWritten(path, apply)).catch((e: unknown) => {
      try { logger.error(e instanceof Error ? e.message : String(e)); } catch { /* a report that fails must not stop the next turn */ }
    });
  });
}

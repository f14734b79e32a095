// Reading a content file that an editor (or a script) is saving: the file is emptied before it is written, and the
// watcher may report the first of the two changes alone, or both changes as one.
import { readFile } from 'node:fs/promises';

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

/** Applies the file's changes one at a time, in the order they were reported, so that the last save is the one kept. */
export function inTurn(path: string, apply: (text: string) => Promise<void>, report: (e: Error) => void): () => void {
  let turn = Promise.resolve();
  return () => {
    turn = turn.then(() => whenWritten(path, apply)).catch((e: unknown) => {
      try { report(e instanceof Error ? e : new Error(String(e))); } catch { /* a report that fails must not stop the next turn */ }
    });
  };
}

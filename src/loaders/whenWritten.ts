// Reading a content file that an editor (or a script) is saving: the file is emptied before it is written, and the
// watcher may report the first of the two changes alone, or both changes as one.
import { readFile } from 'node:fs/promises';

/**
 * Reads the file and hands its text to `apply`. If `apply` fails while a save is under way (the file is empty, or it
 * has changed since it was read), waits for the save and tries the new text; a text that fails as it stands throws.
 */
export async function whenWritten(path: string, apply: (text: string) => Promise<void>, tries = 40): Promise<void> {
  let text = await readFile(path, 'utf8');
  for (let left = tries; ; ) {
    try {
      return await apply(text);
    } catch (e) {
      let now = await readFile(path, 'utf8');
      while (!now.trim() && left > 0) {
        left -= 1;
        await new Promise((r) => setTimeout(r, 50));
        now = await readFile(path, 'utf8');
      }
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
    turn = turn.then(() => whenWritten(path, apply)).catch(report);
  };
}

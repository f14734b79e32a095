// One `astro build` at a time for tests that build from a copy of content/: every build of the project
// writes .astro/content-modules.mjs at the project root, so two at once can read each other's entries.
import { mkdirSync, rmSync, statSync } from 'node:fs';
import { resolve } from 'node:path';

const LOCK = resolve(import.meta.dirname, '../../.cache/astro-build.lock');
const STALE_MS = 5 * 60_000;
const pause = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

function tryLock(): boolean {
  mkdirSync(resolve(LOCK, '..'), { recursive: true });
  try { mkdirSync(LOCK); return true; } catch {
    // A lock left by a killed run is taken over once it is older than any build.
    try { if (Date.now() - statSync(LOCK).mtimeMs > STALE_MS) rmSync(LOCK, { recursive: true, force: true }); } catch { /* released meanwhile */ }
    return false;
  }
}
const unlock = () => rmSync(LOCK, { recursive: true, force: true });

export function withBuildLock<T>(run: () => T): T {
  while (!tryLock()) pause(250);
  try { return run(); } finally { unlock(); }
}

/** The same for work that awaits (a dev server kept running while a test edits content). */
export async function withBuildLockAsync<T>(run: () => Promise<T>): Promise<T> {
  while (!tryLock()) await new Promise((r) => setTimeout(r, 250));
  try { return await run(); } finally { unlock(); }
}

// One `astro build` at a time for tests that build from a copy of content/: every build of the project
// writes .astro/content-modules.mjs at the project root, so two at once can read each other's entries.
import { mkdirSync, rmSync, statSync } from 'node:fs';
import { resolve } from 'node:path';

const LOCK = resolve(import.meta.dirname, '../../.cache/astro-build.lock');
const STALE_MS = 5 * 60_000;
const pause = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

export function withBuildLock<T>(run: () => T): T {
  mkdirSync(resolve(LOCK, '..'), { recursive: true });
  for (;;) {
    try { mkdirSync(LOCK); break; } catch {
      // A lock left by a killed run is taken over once it is older than any build.
      try { if (Date.now() - statSync(LOCK).mtimeMs > STALE_MS) rmSync(LOCK, { recursive: true, force: true }); } catch { /* released meanwhile */ }
      pause(250);
    }
  }
  try { return run(); } finally { rmSync(LOCK, { recursive: true, force: true }); }
}

// The unit layer alone (node, no build, no browser): part of `npm test`, and what `npm run mutate` runs against each mutant.
import { defineConfig } from 'vitest/config';

export const unitProject = {
  extends: false,
  test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node' },
};

// Under mutation the code is instrumented and runs several times slower: the exhaustive sweeps (*.sweep.test.ts,
// seconds each uninstrumented) stay out, and the property tests get longer. Modules are loaded once per worker, not
// once per test file (isolate: false): Stryker switches mutants at run time, so a loaded module serves every mutant
// (module-level values, which would not, are Stryker's static mutants, left out by stryker.config.mjs).
export default defineConfig({
  test: { projects: [{ ...unitProject, test: { ...unitProject.test, exclude: ['tests/unit/**/*.sweep.test.ts'], testTimeout: 60_000, isolate: false } }] },
});

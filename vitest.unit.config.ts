// The unit layer alone (node, no build, no browser): part of `npm test`, and what `npm run mutate` runs against each mutant.
import { defineConfig } from 'vitest/config';

export const unitProject = {
  extends: false,
  // The design tokens are read as text (`tokens.css?raw`) by the share cards, as the build reads them.
  test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node', css: { include: [/\/src\/styles\/tokens\.css/] } },
};

// Under mutation the code is instrumented and runs several times slower: the exhaustive sweeps (*.sweep.test.ts,
// seconds each uninstrumented) stay out, and the property tests get longer. Each test file loads its modules afresh
// (Vitest's default isolation), and Stryker switches a mutant on only once the file has loaded: what a test checks
// is computed inside the test, never when the file loads, or the mutant would never reach it.
export default defineConfig({
  test: { projects: [{ ...unitProject, test: { ...unitProject.test, exclude: ['tests/unit/**/*.sweep.test.ts'], testTimeout: 60_000 } }] },
});

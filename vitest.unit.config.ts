// The unit layer alone (node, no build, no browser): part of `npm test`, and what `npm run mutate` runs against each mutant.
import { defineConfig } from 'vitest/config';

export const unitProject = {
  extends: false,
  // The design tokens are read as text (`tokens.css?raw`) by the share cards, as the build reads them.
  test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node', css: { include: [/\/src\/styles\/tokens\.css/] } },
};

// Under mutation the code is instrumented and runs several times slower: the exhaustive sweeps (*.sweep.test.ts,
// seconds each uninstrumented) stay out, and the property tests get longer. Each test file loads its modules afresh
// (Vitest's default isolation): fixtures computed when a test file loads must run under the mutant being tested.
export default defineConfig({
  test: { projects: [{ ...unitProject, test: { ...unitProject.test, exclude: ['tests/unit/**/*.sweep.test.ts'], testTimeout: 60_000 } }] },
});

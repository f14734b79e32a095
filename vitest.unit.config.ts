// The unit layer alone (node, no build, no browser): part of `npm test`, and what `npm run mutate` runs against each mutant.
import { basename } from 'node:path';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

export const unitProject = {
  extends: false,
  // The design tokens are read as text (`tokens.css?raw`) by the share cards, as the build reads them. A test that
  // lays out the map or the timelines takes a second or two on an idle machine, and several times that beside a
  // build: a busy machine makes it slower, never wrong.
  test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node', css: { include: [/\/src\/styles\/tokens\.css/] }, testTimeout: 60_000 },
};

/**
 * The order of test files in a mutant's run. Stryker runs a mutant's tests one file at a time and stops at the first
 * failure, so a mutant is killed sooner when the tests most likely to kill it come first: the file named after the
 * mutated module, then the files that failed on the last mutant (often one of the same module), then the quickest.
 */
class MutantSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const mutated = (this.ctx.config.related ?? []).map((f) => basename(f).replace(/\.[cm]?[jt]s$/, ''));
    const cache = this.ctx.cache;
    const rank = (spec: TestSpecification) => {
      const name = basename(spec.moduleId).replace(/\.test\.ts$/, '');
      const result = cache.getTestSpecificationResult(spec);
      return [mutated.some((m) => name === m || name.startsWith(m) || m.startsWith(name)) ? 0 : 1, result?.failed ? 0 : 1, result?.duration ?? 0] as const;
    };
    const ranks = new Map(files.map((f) => [f, rank(f)]));
    return [...files].sort((a, b) => {
      const [x, y] = [ranks.get(a)!, ranks.get(b)!];
      return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
    });
  }
}

// Under mutation the code is instrumented and runs several times slower: the exhaustive sweeps (*.sweep.test.ts,
// seconds each uninstrumented) stay out, and the property tests get longer. Each test file loads its modules afresh
// (Vitest's default isolation), and Stryker switches a mutant on only once the file has loaded: what a test checks
// is computed inside the test, never when the file loads, or the mutant would never reach it.
export default defineConfig({
  test: {
    sequence: { sequencer: MutantSequencer },
    projects: [{ ...unitProject, test: { ...unitProject.test, exclude: ['tests/unit/**/*.sweep.test.ts'], testTimeout: 60_000 } }],
  },
});

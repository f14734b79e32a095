// Mutation testing of the pure logic (src/lib, src/schemas) against the unit tests: `npm run mutate`, not part of `npm test`.
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.unit.config.ts' },
  mutate: ['src/lib/**/*.ts', 'src/schemas/**/*.ts'],
  // Builds and reports stay out of the sandbox (the unit tests read the rest, the docs test every path the docs name).
  ignorePatterns: ['.cache', 'dist'],
  coverageAnalysis: 'perTest',
  // Two workers on the two cores; the run takes long enough that one would not finish in a working session.
  concurrency: 2,
  // A mutant of a module-level constant needs every test run again; they are left out (reported as ignored).
  ignoreStatic: true,
  // Only mutants in changed code or covered by changed tests run again; the rest are read from the last run.
  incremental: true,
  incrementalFile: '.cache/stryker-incremental.json',
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: '.cache/mutation/mutation.html' },
  jsonReporter: { fileName: '.cache/mutation/mutation.json' },
  thresholds: { high: 90, low: 80, break: 90 },
  // A mutant's time limit is timeoutFactor × its tests' time in the first run + timeoutMS + that run's overhead. The first
  // run counts coverage per test and is about three times slower than a mutant's run, so 1.25 × leaves a wide margin,
  // and a mutant that loops (those of the label packing do) is given up in about 20 s rather than 35 s.
  timeoutFactor: 1.25,
  timeoutMS: 2000,
  // The first run, every unit test with coverage per test, takes several minutes on two cores.
  dryRunTimeoutMinutes: 40,
  tempDirName: '.cache/stryker-tmp',
  // Only the mutated files need their type checks off; the HTML fixtures are not code.
  disableTypeChecks: 'src/**/*.ts',
};

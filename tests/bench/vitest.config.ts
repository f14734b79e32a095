// Benchmarks (npm run bench:layout): times reported, never asserted, kept out of npm test.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: { benchmark: { include: ['tests/bench/**/*.bench.ts'] }, environment: 'node' },
});

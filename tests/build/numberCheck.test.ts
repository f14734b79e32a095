import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { childEnv } from '../support/childEnv';
import { withBuildLock } from '../support/buildLock';

const ROOT = resolve(import.meta.dirname, '../..');

describe('astro build with a changed figure', () => {
  it('astro build stops with a message naming the paragraph and the figure when the data and the text disagree', () => {
    // Astro reads content only from inside the project, so the changed copy lives in the git-ignored .cache.
    mkdirSync(join(ROOT, '.cache'), { recursive: true });
    const dir = mkdtempSync(join(ROOT, '.cache', 'number-check-'));
    try {
      cpSync(join(ROOT, 'content'), join(dir, 'content'), { recursive: true });
      const trade = join(dir, 'content/data/trade.yaml');
      writeFileSync(trade, readFileSync(trade, 'utf8').replace('valueUsdMillions: 541', 'valueUsdMillions: 560'));
      const result = withBuildLock(() => spawnSync(process.execPath, [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build'], {
        cwd: ROOT,
        env: childEnv({ SITE_CONTENT_DIR: relative(ROOT, join(dir, 'content')), SITE_OUT_DIR: join(dir, 'dist'), SITE_CACHE_DIR: join(dir, 'astro') }),
        encoding: 'utf8',
      }));
      const output = result.stdout + result.stderr;
      expect(result.status, output.slice(-2000)).not.toBe(0);
      expect(output).toMatch(/paragraph "trade-figures": the text says "\$400 million" and "\$541 million" but .*trade\.yaml, row "trade-current-year" gives \$560M/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 240_000);
});

// SITE_OUT_DIR: a folder Astro would mistake for one inside the project is refused by name before the build.
import { describe, expect, it } from 'vitest';
import { outDirOf } from '../../../src/integrations/outDir';

describe('outDirOf(SITE_OUT_DIR, root)', () => {
  it('keeps ./dist when unset, and any folder inside the project or elsewhere', () => {
    expect(outDirOf(undefined, '/work/main')).toBe('./dist');
    expect(outDirOf('', '/work/main')).toBe('./dist');
    for (const ok of ['/tmp/site', '.cache/bench-dist', '/work/main/dist', '/work/other', '../elsewhere']) expect(outDirOf(ok, '/work/main')).toBe(ok);
  });

  it('refuses a folder beside the project whose path begins with the project\'s, naming both', () => {
    for (const bad of ['/work/main-dist', '../main2', '/work/mainline/dist']) {
      expect(() => outDirOf(bad, '/work/main')).toThrow(new RegExp(`SITE_OUT_DIR "${bad.replace(/[.]/g, '\\.')}" is /work/main[^ ]*, a folder beside the project whose path begins with the project's \\(/work/main\\)`));
    }
  });
});

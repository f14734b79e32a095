// One build reads each file under content/ once and builds the edition (parsing the outline) once: the build's own log says so.
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { stripVTControlCharacters } from 'node:util';
import { inject } from 'vitest';
import { ARTICLE_FILE, DATA_FILES } from '../../src/lib/edition/contentFiles';

const logFile = `${inject('distDir')}.log`;

describe('one build', () => {
  // Astro colours its log when the terminal (or CI) asks for colour; the words are read without the colour codes.
  const log = existsSync(logFile) ? stripVTControlCharacters(readFileSync(logFile, 'utf8')) : '';

  it('astro build reads every file under content/ exactly once', () => {
    expect(log, `${logFile} holds the build's output`).not.toBe('');
    for (const path of [ARTICLE_FILE.path, ...Object.values(DATA_FILES).map((f) => f.path)]) {
      const reads = log.split('\n').filter((l) => l.includes(`] read `) && l.includes(`${path}`));
      expect(reads, path).toHaveLength(1);
    }
  });

  it('astro build builds the edition once, parsing the outline once, for all its pages', () => {
    expect(log.match(/\[edition\] built/g)).toHaveLength(1);
    expect(log).toMatch(/\d+ page\(s\) built/);
    expect(Number(/(\d+) page\(s\) built/.exec(log)![1])).toBeGreaterThan(5);
  });
});

// The README and docs/ against the code: links that resolve, paths that exist, commands that exist, budgets that match.
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { ROOT } from '../support/content';
import { BUDGETS, KB } from '../../scripts/bench/metrics.mjs';

const docs = ['README.md', ...readdirSync(join(ROOT, 'docs'), { recursive: true, withFileTypes: true })
  .filter((e) => e.isFile() && e.name.endsWith('.md')).map((e) => relative(ROOT, join(e.parentPath, e.name)))];
const read = (f: string) => readFileSync(join(ROOT, f), 'utf8');
const scripts = Object.keys(JSON.parse(read('package.json')).scripts);

describe('the README and docs/', () => {
  it('README.md stays a front door: at most 120 lines, none longer than 120 characters', () => {
    const lines = read('README.md').split('\n');
    expect(lines.length).toBeLessThanOrEqual(120);
    expect(lines.filter((l) => l.length > 120)).toEqual([]);
  });

  it('every relative link in the README and docs/ leads to a file of the repository', () => {
    const broken = docs.flatMap((f) => [...read(f).matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)]
      .map((m) => m[1]!).filter((href) => !/^[a-z]+:/i.test(href))
      .filter((href) => !existsSync(join(ROOT, dirname(f), href))).map((href) => `${f}: ${href}`));
    expect(broken).toEqual([]);
  });

  it('every path the README and docs/ name in backticks exists', () => {
    const missing = docs.flatMap((f) => [...read(f).matchAll(/`((?:src|tests|content|scripts|public|docs|\.ci)\/[^`\s]*)`/g)]
      .map((m) => m[1]!.replace(/[:,]$/, ''))
      .filter((p) => !/[*<]/.test(p) && !existsSync(join(ROOT, p))).map((p) => `${f}: ${p}`));
    expect(missing).toEqual([]);
  });

  it('every npm command the README and docs/ give is a script of package.json', () => {
    const named = docs.flatMap((f) => [...read(f).matchAll(/\bnpm (?:run ([a-z][a-z:-]*)|(test|start)\b)/g)].map((m) => m[1] ?? m[2]!));
    expect(named).toEqual(expect.arrayContaining(['test', 'start', 'dev', 'check', 'lint', 'bench']));
    for (const s of named) expect(scripts, `npm ${s}`).toContain(s);
  });

  it('docs/performance.md gives the budgets the benchmark enforces', () => {
    const table = read('docs/performance.md');
    const row = (label: string) => table.split('\n').find((l) => l.startsWith(`| ${label}`))?.split('|')[2]?.trim();
    expect(row('Lighthouse performance')).toBe(`${BUDGETS.score} each`);
    expect(row('Cumulative Layout Shift')).toBe(String(BUDGETS.cls));
    expect(row('Total Blocking Time')).toBe(`${BUDGETS.tbtMs} ms`);
    expect(row('LCP')).toBe(`at most ${BUDGETS.lcpRatio} ×`);
    expect(row('Elements')).toBe(`at most ${BUDGETS.elements}`);
    expect(row('Style and layout on load')).toBe(`at most ${BUDGETS.styleLayoutRatio} ×`);
    expect(row('Blocking time on load')).toBe(`at most ${BUDGETS.blockingRatio} ×`);
    expect(row('JavaScript')).toBe(`at most ${BUDGETS.jsBytes / KB} KB`);
    expect(row('first-view transfer')).toBe(`at most ${BUDGETS.totalBytes / KB} KB`);
  });
});

// The build's link check on a small built folder: what leads nowhere, and what it must leave alone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkReferences } from '../../../src/integrations/references';

let dir: string;
const page = (links: string) => `<!doctype html><html lang="en"><head><title>t</title></head><body><h1 id="top-heading">T</h1>${links}</body></html>`;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'refs-'));
  mkdirSync(join(dir, 's/a'), { recursive: true });
  writeFileSync(join(dir, 's/a/index.html'), page('<p id="p">x</p>'));
  writeFileSync(join(dir, 'index.html'), page([
    '<a href="#:~:text=Trade%20on">quote</a>', '<a href="#p-missing:~:text=x">a quote after a missing id</a>',
    '<a href="/sub">the front page without its slash</a>', '<a href="https://example.org/news/1">the host\'s own news</a>',
    '<a href="/news/1">a path that leaves the site</a>', '<a href="#100%">a broken escape</a>', '<a href="s/a/#p">fine</a>',
  ].join('')));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('checkReferences(dir, site) under a path of a shared host', () => {
  it('leaves text fragments, the front page without its slash and the host\'s own pages alone, and names the rest', () => {
    expect(checkReferences(dir, 'https://example.org/sub/')).toEqual([
      'index.html: the link “a quote after a missing id” (a href) "#p-missing:~:text=x" points to #p-missing, which index.html does not have',
      'index.html: the link “a path that leaves the site” (a href) "/news/1" points to /news/1, outside the site\'s path /sub/',
      'index.html: the link “a broken escape” (a href) "#100%" has a malformed %-escape',
    ]);
  });
});

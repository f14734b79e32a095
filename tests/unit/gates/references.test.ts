// The build's link check on a small built folder: what leads nowhere, and what it must leave alone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import linkCheck from '../../../src/integrations/links';
import { checkReferences, writtenIn } from '../../../src/integrations/references';

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

describe('linkCheck(): the build refuses ids used twice and links that lead nowhere', () => {
  it('counts each kind apart and names the content line that writes the id or the link', async () => {
    const root = mkdtempSync(join(tmpdir(), 'links-'));
    try {
      mkdirSync(join(root, 'content/article'), { recursive: true });
      mkdirSync(join(root, 'content/data'), { recursive: true });
      mkdirSync(join(root, 'dist'));
      writeFileSync(join(root, 'content/article/a.mdx'), '---\nheadline: H\n---\n\n<Note id="n" title="T">\nSee [below](#gone), not [this](#gone-too).\n</Note>\n');
      writeFileSync(join(root, 'content/data/x.yaml'), 'rows:\n  - id: "twice" # the second\n  - id: twice-over\n');
      writeFileSync(join(root, 'dist/index.html'), page('<a href="#gone">below</a><p id="twice">1</p><p id="twice">2</p><p id="twice-over">3</p>'));
      const integration = linkCheck();
      const hooks = integration.hooks as unknown as Record<string, (o: unknown) => void>;
      hooks['astro:config:done']!({ config: { base: '/', site: 'https://example.org/', root: pathToFileURL(`${root}/`) } });
      let message = '';
      try { hooks['astro:build:done']!({ dir: pathToFileURL(join(root, 'dist/')), logger: { info: () => {} } }); } catch (e) { message = (e as Error).message; }
      expect(message.split('\n')[0]).toBe('the built site has 1 id(s) used twice and 1 link(s) that lead nowhere; fix the id or the link in the article or its data:');
      expect(message).toContain('index.html: the id "twice" is on 2 elements; an id in the article or its data is taken by another, or by the page\'s own (rename it) (written at content/data/x.yaml:2)');
      expect(message).toContain('points to #gone, which index.html does not have (written at content/article/a.mdx:6)');
      expect(writtenIn(join(root, 'content'), { link: 'gone-too' })).toEqual(['content/article/a.mdx:6']);
      expect(writtenIn(join(root, 'content'), { id: 'twice-over' })).toEqual(['content/data/x.yaml:3']);
      expect(writtenIn(join(root, 'content'), { id: 'nowhere' })).toEqual([]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

import { describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { dataFile } from '../../../src/loaders/dataFile';
import { articleFile } from '../../../src/loaders/articleFile';
import { ARTICLE_FILE, DATA_FILES } from '../../../src/lib/edition/contentFiles';
import { CONTENT } from '../../support/content';

type Stored = { id: string; data: Record<string, unknown>; body?: string; deferredRender?: boolean; filePath?: string };

/** Runs a loader against an in-memory store, as Astro's content layer would in a build. */
async function run(loader: ReturnType<typeof dataFile>, collection = 'test') {
  const stored: Stored[] = [];
  const logged: string[] = [];
  await loader.load({
    collection,
    store: { clear: () => stored.splice(0), set: (e: Stored) => { stored.push(e); return true; } },
    parseData: async ({ data }: { data: Record<string, unknown> }) => data,
    generateDigest: (d: unknown) => String(JSON.stringify(d).length),
    logger: { info: (m: string) => logged.push(m), error: (m: string) => logged.push(`error: ${m}`) },
  } as never);
  return { stored, logged };
}

const scratch = (name: string, text: string) => {
  const file = join(mkdtempSync(join(tmpdir(), 'bloc-loader-')), name);
  writeFileSync(file, text);
  return file;
};

describe('dataFile', () => {
  it('dataFile(trade).load stores every row under its id, in file order, and says it read the file once', async () => {
    const { stored, logged } = await run(dataFile({ ...DATA_FILES.trade, file: join(CONTENT, DATA_FILES.trade.path) }));
    const doc = parse(readFileSync(join(CONTENT, DATA_FILES.trade.path), 'utf8'));
    expect(stored.map((e) => e.id)).toEqual([...doc.article, ...doc.claims, ...doc.context].map((r: { id: string }) => r.id));
    expect(logged).toEqual([expect.stringMatching(/^read .*content\/data\/trade\.yaml: \d+ entries$/)]);
  });

  it('dataFile(options).load fails on a duplicate id instead of keeping the last row', async () => {
    const doc = parse(readFileSync(join(CONTENT, DATA_FILES.trade.path), 'utf8'));
    doc.article[1].id = doc.article[0].id;
    const file = scratch('trade.yaml', stringify(doc));
    await expect(run(dataFile({ ...DATA_FILES.trade, file }))).rejects.toThrow(/row "trade-last-year" \(article, row 2\), field "id": duplicate id/);
  });

  it('dataFile(options).load fails on a negative trade figure, naming the file, the row and the field', async () => {
    const doc = parse(readFileSync(join(CONTENT, DATA_FILES.trade.path), 'utf8'));
    doc.article[0].valueUsdMillions = -400;
    const file = scratch('trade.yaml', stringify(doc));
    await expect(run(dataFile({ ...DATA_FILES.trade, file }))).rejects.toThrow(/trade\.yaml: invalid data\n\s+- row "trade-last-year", field "valueUsdMillions": out of range: must be above zero/);
  });

  it('dataFile(options).load and articleFile(options).load name a missing file, what it holds and its collection, not the system\'s ENOENT', async () => {
    const gone = (name: string) => join(mkdtempSync(join(tmpdir(), 'bloc-loader-')), name);
    const message = await run(dataFile({ ...DATA_FILES.places, file: gone('places.yaml') }), 'places').then(() => '', (e: Error) => e.message);
    expect(message).toMatch(/^.*places\.yaml: the file is missing\. It holds the places on the map[^\n]*\(the collection "places"\)/);
    expect(message).not.toMatch(/ENOENT/);
    await expect(run(articleFile({ ...ARTICLE_FILE, file: gone('a.mdx') }) as ReturnType<typeof dataFile>, 'article')).rejects.toThrow(/a\.mdx: the file is missing\. It holds the article: [^\n]*\(the collection "article"\)/);
  });

  it('every file under content/ is read by one entry of the table, so every one is a collection', () => {
    const listed = [ARTICLE_FILE.path, ...Object.values(DATA_FILES).map((f) => f.path)].sort();
    const onDisk = readdirSync(CONTENT, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name).slice(CONTENT.length + 1)).sort();
    expect(listed).toEqual(onDisk);
  });
});

describe('articleFile', () => {
  it('articleFile(options).load keeps the body on the lines of the file, for messages that name the right line', async () => {
    const { stored } = await run(articleFile({ ...ARTICLE_FILE, file: join(CONTENT, ARTICLE_FILE.path) }) as ReturnType<typeof dataFile>);
    const text = readFileSync(join(CONTENT, ARTICLE_FILE.path), 'utf8');
    const [entry] = stored;
    expect(entry!.id).toBe('pakistan-russia-asian-bloc');
    expect(entry!.deferredRender).toBe(true);
    const lines = text.split('\n');
    const bodyLines = entry!.body!.split('\n');
    expect(bodyLines).toHaveLength(lines.length);
    const at = lines.findIndex((l) => l.startsWith('<Section '));
    expect(bodyLines[at]).toBe(lines[at]);
    expect(bodyLines.slice(0, 3).every((l) => l === '')).toBe(true);
    expect(entry!.data).toMatchObject({ headline: 'Pakistan, Russia teaming up for Asian bloc' });
  });

  it('articleFile(options).load names the file and line of frontmatter YAML it cannot read', async () => {
    const file = scratch('a.mdx', '---\nheadline: [unclosed\n---\n\nbody\n');
    await expect(run(articleFile({ ...ARTICLE_FILE, file }) as ReturnType<typeof dataFile>)).rejects.toThrow(/a\.mdx:\d+:\d+: the frontmatter could not be read/);
  });
});

describe('a save while the dev server watches', () => {
  /** Runs a loader with a watcher the test fires, as `astro dev` reports a file's changes. */
  async function watched(file: string, parse: (text: string, file: string) => { id: string; data: unknown }[] = DATA_FILES.glossary.parse, gate?: Parameters<typeof dataFile>[0]['gate']) {
    let onChange: (f: string) => void = () => {};
    const stored: Stored[] = [];
    const logged: string[] = [];
    await dataFile({ ...DATA_FILES.glossary, parse: parse as typeof DATA_FILES.glossary.parse, file, gate }).load({
      collection: 'glossary',
      config: { site: 'https://site.example/', base: '/' },
      store: { clear: () => stored.splice(0), set: (e: Stored) => { stored.push(e); return true; } },
      generateDigest: (d: unknown) => String(JSON.stringify(d).length),
      logger: { info: (m: string) => logged.push(m), error: (m: string) => logged.push(`error: ${m}`) },
      watcher: { add: () => {}, on: (_event: string, f: (f: string) => void) => { onChange = f; } },
    } as never);
    const definitions = () => stored.map((e) => (e.data as { definition: string }).definition);
    return { fire: () => onChange(file), stored, logged, definitions };
  }
  const until = async (ok: () => boolean) => { while (!ok()) await new Promise((r) => setTimeout(r, 10)); };
  const glossary = () => readFileSync(join(CONTENT, DATA_FILES.glossary.path), 'utf8');

  it('a change reported while the file is empty is applied once the save has written it, as one report', async () => {
    const file = scratch('glossary.yaml', glossary());
    const w = await watched(file);
    const edited = glossary().replace(/(definition: )(.)/, '$1Saved while watched. $2');
    writeFileSync(file, '');
    w.fire();
    setTimeout(() => writeFileSync(file, edited), 120);
    await until(() => w.definitions().some((d) => d.startsWith('Saved while watched.')));
    expect(w.logged.filter((m) => m.startsWith('error'))).toEqual([]);
  });

  it('a change read half-written, whose save completes before the failure is looked at, is applied and not reported as an error', async () => {
    const file = scratch('glossary.yaml', glossary());
    const edited = glossary().replace(/(definition: )(.)/, '$1Written in between. $2');
    const half = glossary().slice(0, glossary().indexOf('definition:') + 14);
    // The save completes while the half-written text it was read as is being refused.
    const w = await watched(file, (text, name) => {
      if (text === half) writeFileSync(file, edited);
      return DATA_FILES.glossary.parse(text, name);
    });
    writeFileSync(file, half);
    w.fire();
    await until(() => w.definitions().some((d) => d.startsWith('Written in between.')) || w.logged.some((m) => m.startsWith('error')));
    expect(w.logged.filter((m) => m.startsWith('error'))).toEqual([]);
  });

  it('a change reported while a file that would read as empty data is empty waits for the save, and applies what it writes', async () => {
    const redirects = DATA_FILES.redirects;
    const file = scratch('redirects.yaml', 'old-section: new-section\n');
    const w = await watched(file, redirects.parse);
    const retired = () => (w.stored[0]?.data as { retired: Record<string, string> }).retired;
    expect(retired()).toEqual({ 'old-section': 'new-section' });
    writeFileSync(file, '');
    w.fire();
    setTimeout(() => writeFileSync(file, 'old-section: new-section\nanother-old: new-section\n'), 120);
    await until(() => w.logged.filter((m) => m.startsWith('read')).length === 2);
    expect(retired()).toEqual({ 'old-section': 'new-section', 'another-old': 'new-section' });
  });

  it('changes are applied one at a time: a second change waits until the first has been through the edition\'s checks', async () => {
    const file = scratch('glossary.yaml', glossary());
    const events: string[] = [];
    let release: () => void = () => {};
    let calls = 0;
    const gate = {
      loaded: (_c: string, entries: { data: unknown }[]) => {
        calls += 1;
        const first = (entries[0]!.data as { definition: string }).definition.slice(0, 6);
        events.push(`checking ${first}`);
        // The first change's checks are held until the test lets them go.
        return calls === 2 ? new Promise<void>((done) => { release = () => { events.push('released'); done(); }; }) : Promise.resolve();
      },
    };
    const w = await watched(file, undefined, gate);
    writeFileSync(file, glossary().replace(/(definition: )(.)/, '$1First. $2'));
    w.fire();
    await until(() => calls === 2);
    writeFileSync(file, glossary().replace(/(definition: )(.)/, '$1Second. $2'));
    w.fire();
    // Had the second change not waited, its checks would have started by now (its file is read at once).
    await new Promise((r) => setTimeout(r, 200));
    expect(calls).toBe(2);
    release();
    await until(() => calls === 3);
    expect(events.slice(1)).toEqual(['checking First.', 'released', 'checking Second']);
  });

  it('changes reported one after another are applied: a bad one is reported, and the last save is the one kept', async () => {
    const file = scratch('glossary.yaml', glossary());
    const w = await watched(file);
    writeFileSync(file, 'not: [a glossary');
    w.fire();
    const last = glossary().replace(/(definition: )(.)/, '$1The last save. $2');
    await until(() => w.logged.some((m) => m.startsWith('error')));
    expect(w.logged.find((m) => m.startsWith('error'))).toContain('glossary.yaml');
    writeFileSync(file, glossary().replace(/(definition: )(.)/, '$1A save in between. $2'));
    w.fire();
    writeFileSync(file, last);
    w.fire();
    await until(() => w.logged.filter((m) => m.startsWith('read')).length === 3);
    expect(w.definitions()[0]).toMatch(/^The last save\./);
  });
});

// The edition, built once per version of the content and shared by the two that need it in one process: the content
// sync (the edition gate, which checks it before any page is built) and the pages (getEdition). Astro loads the
// content config and the pages as separate module graphs, so the one copy is kept on the process, keyed by the content.
import { buildEdition, type Edition, type EditionInput } from './edition';

/** An entry as the content layer stores it: its digest changes whenever its content does. */
export interface KeyedEntry { id: string; digest?: string }

const SLOT = Symbol.for('asian-bloc.edition');
type Held = { [SLOT]?: { key: string; edition: Edition } };

/**
 * What names one version of the content: every entry's collection, id and digest, and the site's address. Undefined
 * when an entry has no digest, so that content which cannot be told apart is never taken for the same.
 */
export function contentKey(collections: Readonly<Record<string, readonly KeyedEntry[]>>, site: EditionInput['site']): string | undefined {
  const lines: string[] = [];
  for (const [name, entries] of Object.entries(collections)) {
    for (const e of entries) {
      if (!e.digest) return undefined;
      lines.push(`${name}/${e.id}@${e.digest}`);
    }
  }
  return [`${site.url} ${site.base}`, ...lines.sort()].join('\n');
}

/**
 * The edition of this version of the content: built (and its build logged) only if no other part of the process has
 * built it. `reuse: false` builds it regardless: in `astro dev`, where the code that builds it may have changed
 * since (the slot outlives a reload of the modules, and its key knows only the content).
 */
export function editionOnce(key: string | undefined, input: () => EditionInput, entries: number, { reuse = true } = {}): Edition {
  const held = globalThis as Held;
  if (reuse && key !== undefined && held[SLOT]?.key === key) return held[SLOT].edition;
  const edition = buildEdition(input());
  const { outline } = edition;
  console.info(`[edition] built from ${entries} entries, the outline parsed once: ${outline.sections.length} sections, ${outline.paragraphs.length} paragraphs, ${outline.notes.length} notes, ${edition.figures.length} figures, ${edition.sources.length} sources`);
  if (key !== undefined) held[SLOT] = { key, edition };
  return edition;
}

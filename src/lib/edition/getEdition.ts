// The edition for the pages: built from the content collections once per version of the content
// (once per build; again in `npm run dev` whenever a file under content/ changes).
import { getCollection, type CollectionEntry } from 'astro:content';
import type { Edition, EditionInput } from './edition';
import { contentKey, editionOnce } from './editionOnce';
import { editionInput, type ContentEntries } from './editionInput';
import { DATA_FILES } from './contentFiles';

export type SiteEdition = Edition & { entry: CollectionEntry<'article'> };

let cached: { key: string; edition: Promise<SiteEdition> } | undefined;

const names = ['article', ...Object.keys(DATA_FILES)] as (keyof ContentEntries)[];

async function collections() {
  const entries = await Promise.all(names.map((name) => getCollection(name)));
  return Object.fromEntries(names.map((name, i) => [name, entries[i]])) as unknown as ContentEntries & { article: CollectionEntry<'article'>[] };
}

function build(c: Awaited<ReturnType<typeof collections>>, key: string | undefined, site: EditionInput['site']): SiteEdition {
  // A build takes the edition the content gate built; the dev server builds its own, from the code as it is now.
  const edition = editionOnce(key, () => editionInput(c, site), Object.values(c).flat().length, { reuse: !import.meta.env.DEV });
  return { ...edition, entry: c.article[0]! };
}

/** The edition; rebuilt only when an entry's content digest changes. */
export async function getEdition(): Promise<SiteEdition> {
  const c = await collections();
  const site = { url: import.meta.env.SITE, base: import.meta.env.BASE_URL };
  const key = contentKey(c, site);
  if (key === undefined || cached?.key !== key) cached = { key: key ?? '', edition: Promise.resolve().then(() => build(c, key, site)) };
  return cached.edition;
}

// The list of sources behind the edition: every link cited in a note or a data file, once each.
export interface SourceRef { title: string; url: string }

/** Normalises a URL for comparison: scheme, "www." and a trailing slash do not make a different source. */
export function sourceKey(url: string): string {
  return url.trim().replace(/^https?:\/\//, '').replace(/^www\./, '').replace(/\/+$/, '').toLowerCase();
}

/** Deduplicates by URL, keeping the first (usually most descriptive) title, and sorts by title. */
export function collectSources(refs: Iterable<SourceRef | undefined>): SourceRef[] {
  const seen = new Map<string, SourceRef>();
  for (const r of refs) {
    if (!r?.url || !/^https?:\/\//.test(r.url)) continue;
    const key = sourceKey(r.url);
    const title = r.title.trim();
    const known = seen.get(key);
    if (!known) seen.set(key, { title, url: r.url });
    else if (title.length > known.title.length) known.title = title;
  }
  return [...seen.values()].sort((a, b) => a.title.localeCompare(b.title, 'en'));
}

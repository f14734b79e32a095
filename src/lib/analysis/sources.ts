// The list of sources behind the edition: every outside link cited in a note or a data file, once each, in reading order.
export interface SourceRef { title: string; url: string }
export interface NumberedSource extends SourceRef { number: number }

/** Normalises a URL for comparison: scheme, "www.", a default port and a trailing slash do not make a different source. */
export function sourceKey(url: string): string {
  // A scheme and a host are the same in any case (RFC 3986); the path is compared in lower case too, as sources are cited by hand.
  return url.trim().toLowerCase().replace(/^(https:\/\/[^/]+):443(?=\/|$)/, '$1').replace(/^(http:\/\/[^/]+):80(?=\/|$)/, '$1')
    .replace(/^https?:\/\//, '').replace(/^www\./, '').replace(/\/+$/, '');
}

/**
 * Deduplicates by URL in the order given (the order a reader meets them), keeping the longest title
 * seen for each, and numbers them from 1. Links that are not http(s) are not sources.
 */
export function collectSources(refs: Iterable<SourceRef | undefined>): NumberedSource[] {
  const seen = new Map<string, NumberedSource>();
  for (const r of refs) {
    if (!r?.url || !/^https?:\/\//.test(r.url)) continue;
    const key = sourceKey(r.url);
    const title = r.title.trim();
    const known = seen.get(key);
    if (!known) seen.set(key, { title, url: r.url, number: seen.size + 1 });
    else if (title.length > known.title.length) known.title = title;
  }
  return [...seen.values()];
}

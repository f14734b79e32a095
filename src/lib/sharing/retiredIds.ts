// The retired ids of the article, read from content/ids/redirects.yaml at build time.
import redirectsText from '../../../content/ids/redirects.yaml?raw';
import { parseRedirects, retiredIdsFor } from './idRegistry';

export const redirects = parseRedirects(redirectsText);

/** Retired ids that now lead to `id`; components render an anchor for each so old links still land. */
export function retiredFor(id: string): string[] {
  return retiredIdsFor(id, redirects);
}

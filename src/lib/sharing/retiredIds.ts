// The retired ids of the article, read from content/ids/redirects.yaml at build time.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseRedirects, REDIRECTS_FILE, retiredIdsFor } from './idRegistry';

// Read from the content folder the build uses (SITE_CONTENT_DIR), like every other content file.
const file = process.env.SITE_CONTENT_DIR ? join(process.env.SITE_CONTENT_DIR, 'ids/redirects.yaml') : REDIRECTS_FILE;
export const redirects = parseRedirects(readFileSync(file, 'utf8'), file);

/** Retired ids that now lead to `id`; components render an anchor for each so old links still land. */
export function retiredFor(id: string): string[] {
  return retiredIdsFor(id, redirects);
}

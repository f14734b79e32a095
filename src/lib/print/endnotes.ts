// Turns the links inside the article into numbered endnotes for paper: a marker after each link, the full URLs at the end.
import type { CheerioAPI } from 'cheerio';
import type { AnyNode } from 'domhandler';

export interface Endnote { number: number; url: string; label: string }

/**
 * Elements that never reach paper whatever the stylesheets say, and the end matter itself.
 * The print stylesheets add their own `display: none` rules (see printCss.ts).
 */
export const PRINT_HIDDEN = [
  '[data-print="hide"]', '[hidden]', 'nav', 'button', 'template', 'noscript', 'dialog',
  '.skip-link', '.site-header', '.print-endnotes', '[data-print-colophon]', '[data-endnotes-skip]',
].join(', ');

/** The print-only block that receives the list; pages without it get no endnotes. */
export const ENDNOTES_SLOT = '[data-print-endnotes]';

/**
 * The absolute URL a link leads to, or undefined when it stays on the page
 * (a fragment, this page itself) or is not a web address (mailto:, tel:, javascript:).
 */
export function endnoteUrl(href: string | undefined, pageUrl: URL): string | undefined {
  if (!href || href.startsWith('#')) return undefined;
  let url: URL;
  try { url = new URL(href, pageUrl); } catch { return undefined; }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  const bare = (u: URL) => `${u.origin}${u.pathname.replace(/\/index\.html$|\/$/, '')}${u.search}`;
  if (bare(url) === bare(pageUrl)) return undefined;
  return url.href;
}

/** Whether the HTML parser understands a selector (a few browser-only pseudo-classes it does not). */
function usable($: CheerioAPI, selector: string): boolean {
  try { $.root().find(selector); return true; } catch { return false; }
}

const clean = (s: string) => s.replace(/\s+/g, ' ').trim();

/**
 * Numbers the links inside `scope` that reach paper, in reading order, one number per URL
 * (a repeated URL repeats its number). After each link it inserts a print-only `<sup>` marker,
 * hidden from assistive technology and marked editorial so the word-for-word check ignores it.
 */
export function collectEndnotes($: CheerioAPI, pageUrl: URL, hidden: string[] = [], scope = 'main'): Endnote[] {
  const offPaper = [PRINT_HIDDEN, ...hidden.filter((s) => usable($, s))].join(', ');
  const notes: Endnote[] = [];
  const byUrl = new Map<string, Endnote>();
  const figureOf = new Map<Endnote, string>();
  $(scope).find('a[href]').each((_, el) => {
    const a = $(el);
    if (a.closest(offPaper).length) return;
    const url = endnoteUrl(a.attr('href'), pageUrl);
    if (!url) return;
    let note = byUrl.get(url);
    if (!note) {
      const text = clean(a.text());
      note = { number: notes.length + 1, url, label: text === url ? '' : text };
      notes.push(note);
      byUrl.set(url, note);
      figureOf.set(note, clean(a.closest('figure[data-figure]').find('[data-figure-label]').first().text()));
    }
    a.after(`<sup class="endnote-ref print-only" aria-hidden="true" data-editorial data-endnote-ref="${note.number}">${note.number}</sup>`);
  });
  // Two addresses under one name ("Get the data" in two figures) are told apart by their figure's number.
  const seen = new Map<string, number>();
  for (const n of notes) seen.set(n.label, (seen.get(n.label) ?? 0) + 1);
  for (const n of notes) {
    const figure = figureOf.get(n);
    if (n.label && seen.get(n.label)! > 1 && figure) n.label = `${n.label}, ${figure}`;
  }
  return notes;
}

/** Fills the endnotes slot with the numbered list, or removes the slot when there is nothing to list. */
export function renderEndnotes($: CheerioAPI, notes: Endnote[]): void {
  const slot = $(ENDNOTES_SLOT).first();
  if (!slot.length) return;
  if (notes.length === 0) { slot.remove(); return; }
  const list = $('<ol class="endnotes-list"></ol>');
  for (const n of notes) {
    const li = $(`<li id="endnote-${n.number}" data-endnote="${n.number}"></li>`);
    if (n.label) li.append($('<span class="endnote-label"></span>').text(`${n.label}: `));
    li.append($('<a class="endnote-url"></a>').attr('href', n.url).text(n.url));
    list.append(li);
  }
  slot.find('[data-endnotes-list]').first().replaceWith(list as unknown as AnyNode);
}

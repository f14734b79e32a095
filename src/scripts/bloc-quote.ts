// <bloc-quote>: offers "Copy link to quote" for text selected in the article, as a text-fragment link. The page's
// script fetches this module when the reader first selects words, and hands it the copying it shares with the share
// panel (an import of its own would split that code into a file both fetch).
import type { announce as Announce, copyText as CopyText } from './copy-text';
import { quoteDirective, textFragmentUrl } from './text-fragment';

let announce: typeof Announce;
let copyText: typeof CopyText;

class BlocQuote extends HTMLElement {
  #button!: HTMLButtonElement;
  #field!: HTMLInputElement;
  #status: Element | null = null;
  /** The reader's selection, kept for the button: the link is worked out when it is pressed. */
  #range: Range | undefined;
  #frame = 0;
  #ready = false;
  /** A selection was just made: the next Tab goes to the button. */
  #fresh = false;
  /** Where the selection ends, across the offer's positioned ancestor. */
  #right = 0;

  connectedCallback() {
    // The element moves next to the selected paragraph, which connects it again.
    if (this.#ready) return;
    this.#ready = true;
    this.#button = this.querySelector('[data-quote-copy]')!;
    this.#field = this.querySelector('[data-quote-url]')!;
    this.#status = this.querySelector('[data-quote-status]');
    // Keep the reader's selection when the button is pressed with a mouse or finger.
    this.#button.addEventListener('pointerdown', (e) => e.preventDefault());
    this.#button.addEventListener('click', async () => {
      if (!this.#range) return;
      const message = await copyText(this.#link(this.#range, this.#paragraphs()), this.#field, 'Link to the quote copied to the clipboard.');
      announce(this.#status, message);
      this.#button.toggleAttribute('data-copied', this.#field.hidden === true);
      // The field that holds the link where the clipboard refused is wider than the button: keep it on the screen.
      this.#place();
    });
    this.#field.addEventListener('blur', () => { this.#field.hidden = true; this.#place(); });
    addEventListener('resize', () => { if (this.#range && !this.#button.hidden) this.#at(this.#range); }, { passive: true });
    // Escape dismisses the offer and returns to the paragraph the quote came from.
    this.addEventListener('keydown', (e) => {
      if (e.key !== 'Escape') return;
      const para = this.previousElementSibling as HTMLElement | null;
      getSelection()?.removeAllRanges();
      this.#hide();
      if (para?.matches('[data-para]')) para.focus();
    });
    // Focusable things inside the paragraph (terms, markers) would otherwise come first.
    document.addEventListener('keydown', (e) => {
      if (e.key !== 'Tab' || e.shiftKey || e.altKey || e.ctrlKey || e.metaKey || !this.#fresh || this.#button.hidden) return;
      e.preventDefault();
      this.#fresh = false;
      this.#button.focus();
    });
    const update = () => {
      cancelAnimationFrame(this.#frame);
      this.#frame = requestAnimationFrame(() => this.#update());
    };
    document.addEventListener('selectionchange', update);
    // This code is fetched when the reader first selects words: that selection is offered too.
    update();
  }

  #paragraphs(): HTMLElement[] {
    const scope = document.querySelector(this.dataset.scope ?? 'main') ?? document.body;
    return [...scope.querySelectorAll<HTMLElement>('[data-para]')];
  }

  #update() {
    const sel = getSelection();
    const range = sel && sel.rangeCount > 0 && !sel.isCollapsed ? sel.getRangeAt(0) : undefined;
    const paras = this.#paragraphs();
    const startPara = range && paras.find((p) => p.contains(range.startContainer));
    const endPara = range && paras.find((p) => p.contains(range.endContainer));
    if (!range || !startPara || !endPara || !range.toString().trim()) {
      // Keep the button while it has focus (the reader tabbed to it); the selection may still be there.
      if (!this.contains(document.activeElement)) this.#hide();
      return;
    }
    const same = this.#range && this.#range.compareBoundaryPoints(Range.START_TO_START, range) === 0 && this.#range.compareBoundaryPoints(Range.END_TO_END, range) === 0;
    if (!same) this.#fresh = true;
    this.#range = range.cloneRange();
    this.#button.removeAttribute('data-copied');
    this.#show(range, endPara);
  }

  /**
   * A text-fragment URL where the browser supports them and one finds the quote first on the page, else the
   * permalink of the paragraph where the quote starts.
   */
  #link(range: Range, paras: HTMLElement[]): string {
    const canonical = document.querySelector<HTMLLinkElement>('link[rel="canonical"]')?.href ?? location.href;
    const base = new URL(canonical);
    base.hash = '';
    const held = paras.filter((p) => range.intersectsNode(p));
    // Offsets into the text of the whole page, which is where the browser looks for the quote.
    const body = document.body;
    const upTo = (end: (r: Range) => void) => {
      const r = document.createRange();
      r.setStart(body, 0);
      end(r);
      return r.toString().length;
    };
    // The selected paragraphs' spans. A selection's ends are kept inside them: one that ends at the very start of the
    // next paragraph, or starts after the last word of one, would take in whatever stands between (a note, the offer).
    const spans = held.map((p) => ({ p, from: upTo((r) => r.setEndBefore(p)), to: upTo((r) => r.setEndAfter(p)) }));
    let from = upTo((r) => r.setEnd(range.startContainer, range.startOffset));
    let to = upTo((r) => r.setEnd(range.endContainer, range.endOffset));
    const first = spans.find((x) => from < x.to);
    const last = spans.findLast((x) => to > x.from);
    if (!first || !last) return `${base}#${held[0]?.id ?? ''}`;
    from = Math.max(from, first.from);
    to = Math.min(to, last.to);
    const permalink = `${base}#${first.p.id}`;
    if (!('fragmentDirective' in document) || from >= to) return permalink;
    // Each paragraph's edges break the words a reader sees, and so does what the editors set inside one: a control
    // on the screen (a glossary button, a note's number), or words of theirs, shown or not.
    const breaks = spans.flatMap((x) => [x.from, x.to]);
    for (const { p } of spans) {
      for (const el of p.querySelectorAll('[data-editorial]')) {
        const [before, after] = [upTo((r) => r.setEndBefore(el)), upTo((r) => r.setEndAfter(el))];
        if (after > before || el.getClientRects().length > 0) breaks.push(before, after);
      }
    }
    const page = document.createRange();
    page.selectNodeContents(body);
    const directive = quoteDirective(page.toString(), from, to, breaks, first.from);
    return directive ? textFragmentUrl(base.toString(), directive) : permalink;
  }

  #show(range: Range, endPara: HTMLElement) {
    // After the paragraph in the document, so Tab from the selection reaches the button.
    if (this.parentElement !== endPara.parentElement || this.previousElementSibling !== endPara) endPara.after(this);
    this.#button.hidden = false;
    this.#at(range);
  }

  /** Under the end of the selection, where it is now (a turned phone has moved it). */
  #at(range: Range) {
    const rects = range.getClientRects();
    const last = rects[rects.length - 1] ?? range.getBoundingClientRect();
    const origin = (this.offsetParent ?? document.body).getBoundingClientRect();
    this.style.top = `${Math.round(last.bottom - origin.top + 6)}px`;
    this.#right = last.right - origin.left;
    this.#place();
  }

  /** Centres the offer under the end of the selection, inside the screen whatever it holds. */
  #place() {
    const originLeft = (this.offsetParent ?? document.body).getBoundingClientRect().left;
    const width = this.offsetWidth;
    const maxLeft = document.documentElement.clientWidth - width - 8;
    this.style.left = `${Math.round(Math.max(8, Math.min(this.#right + originLeft - width / 2, maxLeft)) - originLeft)}px`;
  }

  #hide() {
    // The last message goes with the offer: left, a screen reader would find it later, out of place.
    if (!this.#button.hidden) announce(this.#status, '');
    this.#button.hidden = true;
    this.#field.hidden = true;
    this.#range = undefined;
    this.#fresh = false;
  }
}

/** Defines <bloc-quote> with the page's copying and announcing. */
export function define(d: { announce: typeof Announce; copyText: typeof CopyText }) {
  ({ announce, copyText } = d);
  customElements.define('bloc-quote', BlocQuote);
}

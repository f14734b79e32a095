// <bloc-timeline>: arrow keys between events, a highlight that links each event to its tick on the strip, a category filter kept in the URL, and an event opened when a link lands on it.
import { arrival, fragmentId, reduceMotion, showOpened } from './arrival';

/**
 * The query parameter holding the categories shown, e.g. ?cat=energy,trade; the hash stays free for /#event-id links.
 * A second timeline on the page names its own (data-filter-param), so each keeps its filter.
 */
export const FILTER_PARAM = 'cat';

class BlocTimeline extends HTMLElement {
  #items: HTMLLIElement[] = [];
  #param = FILTER_PARAM;
  #boxes: HTMLInputElement[] = [];
  /** The event the reader last reached: the events' one Tab stop while it is shown, the first shown being it otherwise. */
  #reached: HTMLElement | undefined;
  #onHash = () => this.#reveal();
  /** Back or Forward: the filter of the entry the reader returns to, before the page restores their place in it. */
  #onPop = () => {
    const asked = this.#readUrl();
    if (this.#boxes.some((b) => b.checked !== asked.has(b.value))) this.#applyFilter(asked, false);
  };

  connectedCallback() {
    this.#param = this.dataset.filterParam || FILTER_PARAM;
    this.#items = [...this.querySelectorAll<HTMLLIElement>('li[data-event]')];
    this.#boxes = [...this.querySelectorAll<HTMLInputElement>('[data-timeline-filter] input[type="checkbox"]')];

    // The filter only works with JavaScript, so it only appears with it; the plain key stands in for it otherwise.
    const filter = this.querySelector<HTMLFieldSetElement>('[data-timeline-filter]');
    const key = this.querySelector<HTMLElement>('[data-timeline-categories]');
    if (filter) filter.hidden = false;
    if (key) key.hidden = true;
    this.dataset.enhanced = '';

    this.#applyFilter(this.#readUrl(), false);
    filter?.addEventListener('change', () => this.#applyFilter(new Set(this.#boxes.filter((b) => b.checked).map((b) => b.value)), true));

    this.addEventListener('keydown', (e) => this.#onKey(e));
    // An event the reader opens (a tap or Enter on its title) shows what opened as far as the screen allows, as a
    // note does, never moving its title under the phone's contents bar.
    let opening: Element | undefined;
    this.addEventListener('click', (e) => { opening = (e.target as Element).closest('summary[data-timeline-head]') ?? undefined; });
    this.addEventListener('toggle', (e) => {
      const details = e.target as HTMLDetailsElement;
      const pressed = !!opening && details.querySelector('summary') === opening;
      if (pressed) opening = undefined;
      if (pressed && details.open) showOpened(details, details);
    }, true);
    this.addEventListener('pointerover', (e) => this.#highlight(this.#eventOf(e.target)));
    this.addEventListener('pointerleave', () => this.#highlight(this.#eventOf(document.activeElement)));
    this.addEventListener('focusin', (e) => {
      this.#highlight(this.#eventOf(e.target));
      if ((e.target as Element).matches('summary[data-timeline-head]')) { this.#reached = e.target as HTMLElement; this.#rove(); }
    });
    this.addEventListener('focusout', (e) => { if (!this.contains(e.relatedTarget as Node)) this.#highlight(undefined); });
    addEventListener('hashchange', this.#onHash);
    addEventListener('popstate', this.#onPop);
    this.#reveal();
  }

  disconnectedCallback() {
    removeEventListener('hashchange', this.#onHash);
    removeEventListener('popstate', this.#onPop);
  }

  #eventOf(target: EventTarget | null): string | undefined {
    return target instanceof Element && this.contains(target) ? target.closest<HTMLElement>('li[data-event]')?.dataset.event : undefined;
  }

  /** Marks the event in the list and its tick on the strip. */
  #highlight(id: string | undefined) {
    this.querySelectorAll('[data-event][data-active]').forEach((el) => el.removeAttribute('data-active'));
    if (id) this.querySelectorAll(`[data-event="${CSS.escape(id)}"]`).forEach((el) => el.setAttribute('data-active', ''));
  }

  /** Takes every event's summary but one out of the Tab order: the list is one stop, and the arrow keys walk it. */
  #rove() {
    const heads = this.#items.map((li) => li.querySelector<HTMLElement>('summary[data-timeline-head]')!);
    const shown = heads.filter((_, i) => !this.#items[i]!.hidden);
    const stop = this.#reached && shown.includes(this.#reached) ? this.#reached : shown[0];
    for (const h of heads) h.tabIndex = h === stop ? 0 : -1;
  }

  /** Up/Left and Down/Right move between the events shown; Home and End jump to the ends. Enter opens an event, as a disclosure does. */
  #onKey(e: KeyboardEvent) {
    const head = (e.target as Element).closest?.('summary[data-timeline-head]');
    if (!head || e.altKey || e.ctrlKey || e.metaKey) return;
    const shown = this.#items.filter((li) => !li.hidden);
    const at = shown.findIndex((li) => li.contains(head));
    const to = { ArrowDown: at + 1, ArrowRight: at + 1, ArrowUp: at - 1, ArrowLeft: at - 1, Home: 0, End: shown.length - 1 }[e.key];
    if (to === undefined) return;
    e.preventDefault();
    shown[Math.max(0, Math.min(shown.length - 1, to))]?.querySelector<HTMLElement>('summary[data-timeline-head]')?.focus();
  }

  #readUrl(): Set<string> {
    const all = this.#boxes.map((b) => b.value);
    const asked = (new URLSearchParams(location.search).get(this.#param) ?? '').split(',').filter((c) => all.includes(c));
    return new Set(asked.length ? asked : all);
  }

  #applyFilter(shown: Set<string>, writeUrl: boolean) {
    for (const box of this.#boxes) box.checked = shown.has(box.value);
    for (const li of this.#items) li.hidden = !shown.has(li.dataset.category!);
    this.querySelectorAll<SVGElement>('.timeline-strip-mark[data-category]').forEach((m) => m.classList.toggle('is-filtered-out', !shown.has(m.dataset.category!)));

    const all = this.#boxes.length === shown.size;
    const count = this.#items.filter((li) => !li.hidden).length;
    const status = this.querySelector('[data-timeline-status]');
    // On load nothing is said; after a reader's change, every change is, "all" too (it takes no room on the screen).
    if (status) status.textContent = !all ? `Showing ${count} of ${this.#items.length} events.` : writeUrl ? `Showing all ${count} events.` : '';
    status?.toggleAttribute('data-all', all);
    this.#rove();

    if (writeUrl) {
      const url = new URL(location.href);
      if (all) url.searchParams.delete(this.#param);
      else url.searchParams.set(this.#param, this.#boxes.filter((b) => b.checked).map((b) => b.value).join(','));
      try { history.replaceState(history.state, '', url.toString().replace(/%2C/g, ',')); } catch { /* Safari allows so many a second */ }
    }
  }

  /** A link to an event opens it, marks its tick, and shows its category again if the filter hid it. */
  #reveal() {
    const id = fragmentId();
    const target = id ? this.#items.find((li) => li.id === id) : undefined;
    this.querySelectorAll('[data-target]').forEach((m) => m.removeAttribute('data-target'));
    if (!target) return;
    target.querySelector('details')?.setAttribute('open', '');
    this.querySelectorAll(`.timeline-strip-mark[data-event="${CSS.escape(id)}"]`).forEach((m) => m.setAttribute('data-target', ''));
    // Coming back to the event's entry of the history, the reader returns to where they were, filter and all.
    if (target.hidden && !arrival.back) {
      const shown = new Set(this.#boxes.filter((b) => b.checked).map((b) => b.value)).add(target.dataset.category!);
      this.#applyFilter(shown, true);
      target.scrollIntoView({ behavior: reduceMotion.matches ? 'auto' : 'smooth', block: 'start' });
      // The arrival could not focus it while the filter hid it.
      target.focus({ preventScroll: true });
    }
  }
}

customElements.define('bloc-timeline', BlocTimeline);

// <bloc-toc>: opens the contents beside the text on wide screens, closes the list that opens over the text on phones,
// and marks the section being read.
class BlocToc extends HTMLElement {
  #wide = matchMedia('(min-width: 64rem)');
  #frame = 0;
  #onScroll = () => {
    cancelAnimationFrame(this.#frame);
    this.#frame = requestAnimationFrame(() => this.#markCurrent());
  };

  connectedCallback() {
    const details = this.querySelector('details');
    const sync = () => { if (details && this.#wide.matches) details.open = true; };
    sync();
    this.#wide.addEventListener('change', sync);

    // On phones the list opens over the text: a jump, a tap outside it or Escape closes it.
    const close = () => { if (details && !this.#wide.matches) details.open = false; };
    document.addEventListener('click', (e) => { if (!this.contains(e.target as Node) || (e.target as Element).closest('a')) close(); });
    this.addEventListener('keydown', (e) => { if (e.key === 'Escape') { close(); this.querySelector('summary')?.focus(); } });
    addEventListener('scroll', this.#onScroll, { passive: true });
    addEventListener('hashchange', this.#onScroll);
    // Finding the section being read measures the page, which would force its whole layout while the script runs,
    // before the first paint: measure once the browser is idle instead (Safari has no idle callback: soon after).
    const mark = () => this.#markCurrent();
    if ('requestIdleCallback' in window) requestIdleCallback(mark, { timeout: 2000 });
    else setTimeout(mark, 300);
  }

  disconnectedCallback() {
    removeEventListener('scroll', this.#onScroll);
    removeEventListener('hashchange', this.#onScroll);
  }

  /** The current section is the last one whose heading has passed the upper third of the window. */
  #markCurrent() {
    const line = innerHeight / 3;
    let current: string | undefined;
    for (const h of document.querySelectorAll<HTMLElement>('[data-section] > h2[id]')) {
      if (h.getBoundingClientRect().top <= line) current = h.id; else break;
    }
    this.querySelectorAll<HTMLAnchorElement>('a[data-toc-link]').forEach((a) => {
      if (a.dataset.tocLink === current) a.setAttribute('aria-current', 'true');
      else a.removeAttribute('aria-current');
    });
  }
}

customElements.define('bloc-toc', BlocToc);

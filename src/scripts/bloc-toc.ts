// <bloc-toc>: fits and closes the list of contents that opens over the text on phones, and marks the section being read.
class BlocToc extends HTMLElement {
  #wide = matchMedia('(min-width: 64rem)');
  #frame = 0;
  /** Where the page was when the list opened over it, on a phone, and the screen's width then; undefined while it is closed. */
  #openedAt: number | undefined;
  #openedWidth = 0;
  #onScroll = () => {
    cancelAnimationFrame(this.#frame);
    this.#frame = requestAnimationFrame(() => this.#markCurrent());
    // The page scrolled on under the open list: the reader has gone back to the text, and the list goes. Not when the
    // phone was turned: the page kept the reader's place, and the list stays open from there.
    if (this.#openedAt === undefined) return;
    if (innerWidth !== this.#openedWidth) [this.#openedAt, this.#openedWidth] = [scrollY, innerWidth];
    else if (Math.abs(scrollY - this.#openedAt) > 48) this.querySelector('details')!.open = false;
  };

  connectedCallback() {
    const details = this.querySelector('details')!;
    const summary = this.querySelector('summary')!;
    // Beside the text the list is always open and its heading a label: the style sheet's doing, and the script's
    // where the browser cannot show a disclosure's content without opening it.
    const wide = () => { if (this.#wide.matches) details.open = true; };
    wide();
    this.#wide.addEventListener('change', wide);
    // On phones the list opens over the text: a jump, a tap outside it, focus leaving it or Escape closes it.
    const close = () => { if (!this.#wide.matches) details.open = false; };
    document.addEventListener('click', (e) => { if (!this.contains(e.target as Node) || (e.target as Element).closest('a')) close(); });
    this.addEventListener('focusout', (e) => { if (!this.contains(e.relatedTarget as Node)) close(); });
    this.addEventListener('keydown', (e) => { if (e.key === 'Escape') { close(); summary.focus(); } });
    // Opened, the list takes the room between the bar and the foot of the screen, however far down the bar is.
    const fit = () => this.style.setProperty('--toc-top', `${summary.getBoundingClientRect().bottom}px`);
    details.addEventListener('toggle', () => {
      const open = details.open && !this.#wide.matches;
      [this.#openedAt, this.#openedWidth] = [open ? scrollY : undefined, innerWidth];
      if (open) fit();
    });
    // Turned, the phone moves the bar: the open list follows.
    addEventListener('resize', () => { if (this.#openedAt !== undefined) fit(); }, { passive: true });
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

  /** The current part is the last one, end matter included, whose heading has passed the upper third of the window. */
  #markCurrent() {
    const line = innerHeight / 3;
    const links = [...this.querySelectorAll<HTMLAnchorElement>('a[href^="#"]')];
    let current: HTMLAnchorElement | undefined;
    for (const a of links) {
      const h = document.getElementById(a.hash.slice(1));
      if (h && h.getBoundingClientRect().top <= line) current = a; else if (h) break;
    }
    for (const a of links) if (a === current) a.setAttribute('aria-current', 'true'); else a.removeAttribute('aria-current');
  }
}

customElements.define('bloc-toc', BlocToc);

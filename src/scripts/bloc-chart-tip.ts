// <bloc-chart-tip>: on focus, hover or tap, a bar's value and source appear in a tooltip; the chart is never redrawn.
import { clearTop } from './arrival';

customElements.define('bloc-chart-tip', class extends HTMLElement {
  #on = false;
  connectedCallback() {
    // Once: moved in the page, the element keeps its tip and listeners.
    if (this.#on) return;
    this.#on = true;
    const tip = this.appendChild(document.createElement('div'));
    tip.className = 'chart-tip';
    tip.setAttribute('role', 'tooltip');
    // Only where the tooltip works do the bars become tab stops (a tap focuses them too): the drawing is then a group
    // of them, not one image, and each says its source as its description (its value is its name already).
    for (const svg of this.querySelectorAll('svg[role="img"]')) svg.setAttribute('role', 'group');
    for (const g of this.querySelectorAll<SVGElement>('[data-tip-value]')) { g.tabIndex = 0; g.setAttribute('aria-description', g.dataset.tipSource!); }

    // Where the page was when a tap opened the tip (undefined: opened by the keyboard or a mouse).
    let at: number | undefined, tapped = false;
    this.addEventListener('pointerdown', (e) => { tapped = e.pointerType == 'touch'; });
    const show = (e: Event) => {
      const g = (e.target as Element).closest<SVGElement>('[data-tip-value]');
      if (!g || ((e as PointerEvent).pointerType ?? 'mouse') != 'mouse') return;
      const d = g.dataset, r = g.getBoundingClientRect(), h = this.getBoundingClientRect();
      tip.textContent = `${d.tipValue} ${d.tipLabel}\n${d.tipSource}`;
      // The tip stands 8 px off what it must not cover; its room is the screen below the phone's contents bar.
      const half = tip.offsetWidth / 2, span = tip.offsetHeight + 8;
      const x = Math.min(Math.max(r.left - h.left + r.width / 2, half), h.width - half) + h.left;
      const roof = clearTop(), floor = innerHeight - span + 8;
      const labels = [...(g.ownerSVGElement?.querySelectorAll('text') ?? [])].map((t) => t.getBoundingClientRect())
        .filter((b) => b.right > x - half && b.left < x + half);
      // An edge of the tip's room next to the bar, moved past every label under the tip's width (a bar's value, the
      // growth, its neighbour's), which must stay readable: the foot of a tip above the bar, or the head of one over it.
      const clear = (edge: number, up: boolean) => {
        for (let moved = true; moved;) {
          moved = false;
          for (const b of labels) if (b.top < edge + (up ? 0 : span) && b.bottom > edge - (up ? span : 0)) { edge = up ? b.top : b.bottom; moved = true; }
        }
        return edge;
      };
      // Above the bar; where the screen has no room there, over the bar; where it has room for neither, as near as fits.
      const above = clear(r.top, true) - span, over = clear(r.top, false) + 8;
      const top = above >= roof ? above : over <= floor ? over : Math.max(roof, Math.min(above, floor));
      tip.style.left = `${x - h.left}px`;
      tip.style.top = `${top - h.top}px`;
      tip.dataset.open = '';
      at = tapped ? scrollY : undefined;
      tapped = false;
    };
    const hide = (e: Event) => {
      const { key, pointerType } = e as KeyboardEvent & PointerEvent;
      if ((key && key != 'Escape') || (pointerType && this.contains(document.activeElement))) return;
      delete tip.dataset.open;
    };
    for (const t of ['focusin', 'pointerover']) this.addEventListener(t, show);
    for (const t of ['focusout', 'pointerout', 'keydown']) this.addEventListener(t, hide);
    // A tapped bar keeps the focus, and with it the tip: once the reader has scrolled on (a quarter of the screen), it
    // goes. A tip the keyboard opened stays with its bar, which the browser may scroll into view as it focuses it.
    addEventListener('scroll', () => { if (at !== undefined && Math.abs(scrollY - at) > innerHeight / 4) delete tip.dataset.open; }, { passive: true });
  }
});

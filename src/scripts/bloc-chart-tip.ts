// <bloc-chart-tip>: on focus, hover or tap, a bar's value and source appear in a tooltip; the chart is never redrawn.
// The page's script makes the bars tab stops and fetches this module when a bar is first pointed at, tapped or
// focused (src/scripts/page.ts); that bar's tip opens as the module arrives.
import type { clearTop as ClearTop } from './arrival';

let clearTop: typeof ClearTop;
/** The bar that fetched this module, and whether a finger touched it. */
let first: SVGElement, touched = false;

/** The bar an event happened on, if any. */
const barOf = (e: Event) => (e.target as Element).closest<SVGElement>('[data-tip-value]');

class BlocChartTip extends HTMLElement {
  #on = false;
  connectedCallback() {
    // Once: moved in the page, the element keeps its tip and listeners.
    if (this.#on) return;
    this.#on = true;
    const tip = this.appendChild(document.createElement('div'));
    tip.className = 'chart-tip';
    tip.setAttribute('role', 'tooltip');

    // Where the page was when a tap opened the tip (undefined: opened by the keyboard or a mouse). A finger that
    // fetched this module may still be down, its press unseen here: its lift opens the tip as a tap's.
    let at: number | undefined, tapped = touched;
    this.addEventListener('pointerdown', (e) => { tapped = e.pointerType == 'touch'; });
    const open = (g: SVGElement) => {
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
      // Over the bar, never under the contents bar, where a bar scrolled under it shows only its foot.
      const above = clear(r.top, true) - span, over = Math.max(clear(r.top, false) + 8, roof);
      const top = above >= roof ? above : over <= floor ? over : Math.max(roof, Math.min(above, floor));
      tip.style.left = `${x - h.left}px`;
      tip.style.top = `${top - h.top}px`;
      tip.dataset.open = '';
      at = tapped ? scrollY : undefined;
      tapped = false;
    };
    const show = (e: Event) => {
      const g = barOf(e);
      if (g && ((e as PointerEvent).pointerType ?? 'mouse') == 'mouse') open(g);
    };
    const hide = (e: Event) => {
      const { key, pointerType } = e as KeyboardEvent & PointerEvent;
      if ((key && key != 'Escape') || (pointerType && this.contains(document.activeElement))) return;
      delete tip.dataset.open;
    };
    for (const t of ['focusin', 'pointerover']) this.addEventListener(t, show);
    // A tap on the bar that kept the focus (its tip gone with a scroll or Escape) brings the tip back: no focus moves.
    this.addEventListener('click', (e) => {
      const g = barOf(e);
      if (g && !('open' in tip.dataset)) open(g);
    });
    for (const t of ['focusout', 'pointerout', 'keydown']) this.addEventListener(t, hide);
    // A tapped bar keeps the focus, and with it the tip: once the reader has scrolled on (a quarter of the screen), it
    // goes. A tip the keyboard opened stays with its bar, which the browser may scroll into view as it focuses it.
    addEventListener('scroll', () => { if (at !== undefined && Math.abs(scrollY - at) > innerHeight / 4) delete tip.dataset.open; }, { passive: true });
    // The bar focused while this module came, or else the one that fetched it if the pointer is still on it.
    const now = this.querySelector<SVGElement>('[data-tip-value]:focus') ?? (this.contains(first) && first.matches(':hover') ? first : null);
    if (now) open(now);
  }
}

/** Defines <bloc-chart-tip>; `bar`: the bar that asked for it, `touch`: by a finger. */
export function define(d: { clearTop: typeof ClearTop; bar: SVGElement; touch: boolean }) {
  ({ clearTop, bar: first, touch: touched } = d);
  customElements.define('bloc-chart-tip', BlocChartTip);
}

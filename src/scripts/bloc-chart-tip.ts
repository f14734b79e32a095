// <bloc-chart-tip>: on focus, hover or tap, a bar's value and source appear in a tooltip; the chart is never redrawn.
let count = 0;

customElements.define('bloc-chart-tip', class extends HTMLElement {
  connectedCallback() {
    const tip = this.appendChild(document.createElement('div'));
    tip.className = 'chart-tip';
    tip.id = `chart-tip-${++count}`;
    tip.setAttribute('role', 'tooltip');
    // Only where the tooltip works do the bars become tab stops (a tap focuses them too).
    for (const g of this.querySelectorAll<SVGElement>('[data-tip-value]')) { g.tabIndex = 0; g.setAttribute('aria-describedby', tip.id); }

    const show = (e: Event) => {
      const g = (e.target as Element).closest<SVGElement>('[data-tip-value]');
      if (!g || ((e as PointerEvent).pointerType ?? 'mouse') != 'mouse') return;
      const d = g.dataset, r = g.getBoundingClientRect(), h = this.getBoundingClientRect();
      tip.textContent = `${d.tipValue} ${d.tipLabel}\n${d.tipSource}`;
      const half = tip.offsetWidth / 2, tall = tip.offsetHeight + 8;
      const x = Math.min(Math.max(r.left - h.left + r.width / 2, half), h.width - half) + h.left;
      tip.style.left = `${x - h.left}px`;
      // Above the bar and every label under the tip's width (a bar's value, the growth, its neighbour's), which must
      // stay readable; where that would put it above the screen or under the phone's contents bar, over the bar itself.
      const labels = [...(g.ownerSVGElement?.querySelectorAll('text') ?? [])].map((t) => t.getBoundingClientRect())
        .filter((b) => b.right > x - half && b.left < x + half);
      // The edge of the tip next to the bar (its foot above it, its head over it), moved past the labels in its way.
      const clear = (edge: number, up: boolean) => {
        for (let moved = true; moved;) {
          moved = false;
          for (const b of labels) if (b.top < edge + (up ? 0 : tall) && b.bottom > edge - (up ? tall : 0)) { edge = up ? b.top : b.bottom; moved = true; }
        }
        return edge;
      };
      let top = clear(r.top, true);
      const over = top - tall < (parseFloat(getComputedStyle(document.documentElement).scrollPaddingTop) || 0);
      if (over) top = clear(r.top, false);
      tip.toggleAttribute('data-over', over);
      tip.style.top = `${top - h.top}px`;
      tip.dataset.open = '';
    };
    const hide = (e: Event) => {
      const { key, pointerType } = e as KeyboardEvent & PointerEvent;
      if ((key && key != 'Escape') || (pointerType && this.contains(document.activeElement))) return;
      delete tip.dataset.open;
    };
    for (const t of ['focusin', 'pointerover']) this.addEventListener(t, show);
    for (const t of ['focusout', 'pointerout', 'keydown']) this.addEventListener(t, hide);
  }
});

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
      const half = tip.offsetWidth / 2;
      tip.style.left = `${Math.min(Math.max(r.left - h.left + r.width / 2, half), h.width - half)}px`;
      // Above the bar and the labels stacked on it (its value, the growth), which must stay readable.
      let top = r.top;
      const labels = [...(g.ownerSVGElement?.querySelectorAll('text') ?? [])].map((t) => t.getBoundingClientRect());
      for (let moved = true; moved;) {
        moved = false;
        for (const b of labels) if (b.right > r.left && b.left < r.right && b.top < top && b.bottom > top - 12) { top = b.top; moved = true; }
      }
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

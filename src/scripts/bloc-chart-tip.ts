// <bloc-chart-tip>: on focus, hover or tap, a bar's value and source appear in a tooltip; the chart is never redrawn.
let count = 0;

class BlocChartTip extends HTMLElement {
  connectedCallback() {
    const tip = document.createElement('div');
    tip.className = 'chart-tip';
    tip.id = `chart-tip-${++count}`;
    tip.setAttribute('role', 'tooltip');
    this.append(tip);
    const bars = this.querySelectorAll<SVGGElement>('[data-tip-value]');
    // Only where the tooltip works do the bars become tab stops.
    for (const g of bars) { g.tabIndex = 0; g.setAttribute('aria-describedby', tip.id); }

    const bar = (e: Event) => (e.target as Element).closest?.<SVGGElement>('[data-tip-value]');
    const show = (g: SVGGElement) => {
      const d = g.dataset;
      tip.innerHTML = '<b></b> <span></span><small></small>';
      [d.tipValue, d.tipLabel, d.tipSource].forEach((t, i) => { tip.children[i]!.textContent = t!; });
      const r = g.getBoundingClientRect(), h = this.getBoundingClientRect(), half = tip.offsetWidth / 2;
      tip.style.left = `${Math.min(Math.max(r.left - h.left + r.width / 2, half), h.width - half)}px`;
      tip.style.top = `${r.top - h.top}px`;
      tip.dataset.open = '';
    };
    const hide = () => { delete tip.dataset.open; };

    this.addEventListener('focusin', (e) => { const g = bar(e); if (g) show(g); });
    this.addEventListener('focusout', hide);
    this.addEventListener('pointerover', (e) => { const g = bar(e); if (g && e.pointerType === 'mouse') show(g); });
    this.addEventListener('pointerout', (e) => { if (bar(e) && e.pointerType === 'mouse' && !this.contains(document.activeElement)) hide(); });
    this.addEventListener('keydown', (e) => { if (e.key === 'Escape') hide(); });
  }
}

if (!customElements.get('bloc-chart-tip')) customElements.define('bloc-chart-tip', BlocChartTip);

// Every enhancement of the page, in one script: compressed together, the custom elements share their words, and
// the page carries one inline script (and one hash in its policy) instead of one per component. What only answers
// the reader (the quote's offer, a chart's tooltip) is fetched when the reader first asks for it
// (src/integrations/laterScripts.ts), and is handed what it shares with this script.
import './bloc-toc';
import './bloc-share';
import './bloc-arrive';
import './note-refs';
import './bloc-timeline';
import './bloc-print';
import { clearTop } from './arrival';
import { announce, copyText } from './copy-text';
import { chartTip, quote } from 'virtual:bloc-later';

const GESTURES = ['pointerdown', 'keydown'];
const listen = (types: string[], on: (e: Event) => void, add: boolean) => {
  for (const t of types) document[add ? 'addEventListener' : 'removeEventListener'](t, on, true);
};

/** Fetches the module at `url` on the first event of `types` that `wanted` accepts, then hands it to `use`. */
function later<M>(url: string, types: string[], wanted: (e: Event) => boolean, use: (m: M, e: Event) => void) {
  const on = (e: Event) => {
    if (!wanted(e)) return;
    listen(types, on, false);
    // Offline, say: the reader's next press or key lets the next such event try again (a selection being dragged
    // fires many events, and each would ask again).
    const again = () => { listen(GESTURES, again, false); listen(types, on, true); };
    import(/* @vite-ignore */ url).then((m: M) => use(m, e), () => listen(GESTURES, again, true));
  };
  listen(types, on, true);
}

if (document.querySelector('bloc-quote')) {
  later<typeof import('./bloc-quote')>(quote, ['selectionchange'], () => getSelection()?.isCollapsed === false, (m) => m.define({ announce, copyText }));
}

// Where the tooltip works, a chart's bars are tab stops (a tap focuses them too), each saying its source as its
// description (its value is its name already): the drawing is then a group of them, not one image. The tooltip comes
// when a bar is first pointed at, tapped or focused.
const BAR = 'bloc-chart-tip [data-tip-value]';
const barOf = (e: Event) => (e.target as Element).closest?.<SVGElement>(BAR);
for (const svg of document.querySelectorAll('bloc-chart-tip svg[role="img"]')) svg.setAttribute('role', 'group');
for (const g of document.querySelectorAll<SVGElement>(BAR)) { g.tabIndex = 0; g.setAttribute('aria-description', g.dataset.tipSource!); }
if (document.querySelector(BAR)) {
  later<typeof import('./bloc-chart-tip')>(chartTip, ['pointerover', 'focusin'], (e) => !!barOf(e),
    (m, e) => m.define({ clearTop, bar: barOf(e)!, touch: (e as PointerEvent).pointerType === 'touch' }));
}

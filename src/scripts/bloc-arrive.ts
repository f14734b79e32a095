// Arriving by link: brings the target of `/#id` into view (below its scroll margin), marks it briefly and focuses it.

import { fragmentId, reduceMotion } from './arrival';

// The reader's place in each entry of the history is the page's to keep: on Back or Forward to an address with a
// section in it, Chromium lands on the section again, however far past it the reader had read. Where the reader
// stops scrolling, follows a link or leaves is written into the entry, and Back, Forward or a reload returns there.
history.scrollRestoration = 'manual';
let still = 0;
const keep = () => {
  clearTimeout(still);
  try { history.replaceState({ ...history.state, y: scrollY, at: location.hash }, ''); } catch { /* Safari allows so many a second */ }
};
addEventListener('scroll', () => { clearTimeout(still); still = setTimeout(keep, 200); }, { passive: true });
addEventListener('click', keep, { capture: true });
addEventListener('pagehide', keep);

function arrive(event?: Event) {
  const kept = history.state;
  if (typeof kept?.y === 'number' && kept.at === location.hash) {
    scrollTo({ top: kept.y, behavior: 'instant' });
    return;
  }
  const id = fragmentId();
  if (!id || id === 'main') return;
  const el = document.getElementById(id);
  if (!el) return;
  // A retired id keeps an empty anchor pointing at its successor: move the address on to the new id.
  const successor = el.dataset.retiredTo;
  if (successor && document.getElementById(successor)) {
    location.replace(`#${successor}`);
    return;
  }
  // A target inside a closed disclosure (a note's body) opens it, where the browser has not already.
  const details = el.closest('details');
  if (details) details.open = true;
  // A disclosure's content (a note's body) keeps the disclosure's summary in view above it, at any text size: its
  // scroll margin is the summary's height. The browser's own landing on the fragment, which it may repeat while the
  // page settles after this script has run, then lands the same way.
  // A note in the margin keeps the stylesheet's margin, which shows its paragraph beside it.
  if (details && el.parentElement === details && getComputedStyle(details.parentElement!).position != 'absolute') el.style.scrollMarginTop = `${el.getBoundingClientRect().top - details.getBoundingClientRect().top}px`;
  // On load jump straight there; a link followed in the page glides unless motion is reduced. scrollIntoView keeps
  // the target's scroll margin and the page's scroll padding (below the contents bar on phones).
  const glide = event?.type === 'hashchange' && !reduceMotion.matches;
  el.scrollIntoView({ block: 'start', behavior: glide ? 'smooth' : 'instant' });
  // Arriving with the page: layout that comes later while it settles (on a slow machine, tens of pixels) can move the
  // target after it has landed. Land it again whenever the page's height changes, until the reader scrolls, taps,
  // types or follows another link.
  if (!event) {
    const settle = new ResizeObserver(() => el.scrollIntoView({ block: 'start', behavior: 'instant' }));
    settle.observe(document.body);
    for (const t of ['wheel', 'touchstart', 'pointerdown', 'keydown', 'hashchange']) addEventListener(t, () => settle.disconnect(), { once: true, passive: true });
  }
  if (!el.hasAttribute('tabindex')) el.setAttribute('tabindex', '-1');
  el.focus({ preventScroll: true });
  el.removeAttribute('data-arrived');
  if (!reduceMotion.matches) {
    // Restart the highlight even when the same target is reached twice.
    void el.offsetWidth;
    el.setAttribute('data-arrived', '');
    el.addEventListener('animationend', () => el.removeAttribute('data-arrived'), { once: true });
  }
}

addEventListener('hashchange', arrive);
if (document.readyState === 'complete') arrive();
else addEventListener('load', () => arrive(), { once: true });

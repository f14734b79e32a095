// Arriving by link: brings the target of `/#id` into view (below its scroll margin), marks it briefly and focuses it;
// coming back (Back, Forward, a reload): returns the reader to where they were.

import { arrival, clearTop, fragmentId, keptPlace, reduceMotion } from './arrival';

// The reader's place in each entry of the history is the page's to keep: on Back or Forward to an address with a
// section in it, Chromium lands on the section again, however far past it the reader had read. Where the reader
// stops scrolling, follows a link or leaves is written into the entry, and coming back returns there.
// An entry is the page's once it has arrived in it (`at`, its fragment); only then is a place kept in it, so that the
// scroll of a link being followed is never taken for a return.
history.scrollRestoration = 'manual';
let still = 0;
const write = () => {
  try { history.replaceState({ ...history.state, y: scrollY, at: location.hash }, ''); } catch { /* Safari allows so many a second */ }
};
const keep = () => {
  clearTimeout(still);
  gliding = undefined;
  if ((history.state as { at?: unknown } | null)?.at === location.hash) write();
};

// A change of the screen's width (a phone turned, a window resized) reflows the text under the reader. The browser
// keeps their place by itself (scroll anchoring) only while nothing it watches for changes in that layout; the page
// keeps it whatever changes: the line at the top of what they read (under the contents bar) stays at the same share of
// the block it falls in, or, in a gap between blocks, as far above the next block as it was. A link being followed
// when the width changes is landed instead. The place is noted in each frame the page scrolls in, so that a turn in
// the middle of a swipe keeps where the swipe had got to.
let line: { block: Element; at: number; above: number } | undefined;
let gliding: Element | undefined;
/** The screen's width when the place was noted (read then, not while the script runs: reading it lays the page out). */
let width: number | undefined;
let marking = 0;
const BLOCKS = 'p, li, h1, h2, h3, figure, table, blockquote, summary, aside';
function mark() {
  const column = document.querySelector('.para')?.getBoundingClientRect();
  const y = clearTop() + 1;
  marking = 0;
  width = innerWidth;
  line = undefined;
  // The block at the line, else the next one down (a gap between blocks), within half the screen.
  for (let below = 0; column && !line && below < innerHeight / 2; below += 8) {
    const block = document.elementsFromPoint(column.left + column.width / 2, y + below)
      .map((e) => e.closest(BLOCKS))
      .find((b) => b?.closest('main') && !b.closest('bloc-toc, [popover]'));
    const box = block?.getBoundingClientRect();
    if (block && box?.height) line = { block, at: below ? 0 : (y - box.top) / box.height, above: below ? box.top - y : 0 };
  }
}
addEventListener('resize', () => {
  if (width === undefined || innerWidth === width) return;
  width = innerWidth;
  // The reader's own doing: the page stops placing what it landed while it settled.
  moved = true;
  if (gliding) { gliding.scrollIntoView({ block: 'start', behavior: 'instant' }); return; }
  const box = line?.block.isConnected ? line.block.getBoundingClientRect() : undefined;
  if (box?.height) scrollBy({ top: box.top + line!.at * box.height - line!.above - clearTop() - 1, behavior: 'instant' });
});
addEventListener('scroll', () => {
  clearTimeout(still);
  still = window.setTimeout(keep, 150);
  marking ||= requestAnimationFrame(mark);
}, { passive: true });
addEventListener('scrollend', keep);
/** A link was just followed: the popstate that follows is its navigation, not Back or Forward. */
let following = false;
addEventListener('click', (e) => {
  if (!(e.target as Element).closest?.('a[href]')) return;
  keep();
  following = true;
  setTimeout(() => { following = false; });
}, { capture: true });
addEventListener('pagehide', keep);

// Back or Forward between entries whose addresses differ in more than the fragment (a timeline's filter rewrote the
// query of one) is no hashchange: the kept place is restored on popstate, in the frame after the timelines have read
// their filter back from the address (which shows or hides events above the place). A link to the fragment already
// in the address fires popstate too, with the entry's state: that one the browser answers by going to the fragment.
addEventListener('popstate', () => {
  if (following) return;
  const kept = keptPlace();
  arrival.back = kept !== undefined;
  if (kept !== undefined) requestAnimationFrame(() => scrollTo({ top: kept, behavior: 'instant' }));
});

/** Whether the reader has begun to move: from then on nothing the page does on its own moves them. */
let moved = false;
for (const t of ['wheel', 'touchstart', 'pointerdown', 'keydown', 'hashchange']) addEventListener(t, () => { moved = true; }, { once: true, passive: true });

/** Places `land()` again whenever the page's height changes while it settles, until the reader moves. */
function settle(land: () => void) {
  const watch = new ResizeObserver(() => { if (moved) watch.disconnect(); else land(); });
  watch.observe(document.body);
}

// Coming back with the page (a reload, Back from another page): to the kept place at once, in the frame before the
// first paint (not while the script runs, which would lay the page out an extra time), and again as the page settles.
const back = keptPlace();
arrival.back = back !== undefined;
if (back !== undefined) {
  requestAnimationFrame(() => { if (!moved) scrollTo({ top: back, behavior: 'instant' }); });
  settle(() => scrollTo({ top: back, behavior: 'instant' }));
}

function arrive(event?: Event) {
  const kept = keptPlace();
  arrival.back = kept !== undefined;
  if (kept !== undefined) {
    if (event || !moved) scrollTo({ top: kept, behavior: 'instant' });
    return;
  }
  write();
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
  // Until the page next stops scrolling (keep), the place to keep is the target's.
  if (glide) gliding = el;
  // Arriving with the page: layout that comes later while it settles (on a slow machine, tens of pixels) can move the
  // target after it has landed. Land it again whenever the page's height changes, until the reader scrolls, taps,
  // types or follows another link.
  if (!event) settle(() => el.scrollIntoView({ block: 'start', behavior: 'instant' }));
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

// What a link into the page asks for, shared by the arrival behaviour and the timelines.

/** The id the address points at: its fragment, decoded; a fragment that is not valid percent-encoding (/#%) stands as written. */
export function fragmentId(): string {
  const raw = location.hash.slice(1);
  try { return decodeURIComponent(raw); } catch { return raw; }
}

/** Whether the reader asked for less motion: jumps instead of glides, no highlight. */
export const reduceMotion = matchMedia('(prefers-reduced-motion: reduce)');

/** How much of the top of the screen the page keeps clear (the phone's contents bar): its scroll padding. */
export const clearTop = () => parseFloat(getComputedStyle(document.documentElement).scrollPaddingTop) || 0;

/**
 * Brings what the reader just opened (a note, an event) into view as far as the screen allows, never moving `head`
 * (what they pressed) under what the page keeps clear at the top.
 */
export function showOpened(opened: Element, head: Element) {
  scrollBy(0, Math.max(0, Math.min(opened.getBoundingClientRect().bottom - innerHeight, head.getBoundingClientRect().top - clearTop())));
}

/** Where the reader was in this entry of the history, when they have been in it before (Back, Forward, a reload). */
export function keptPlace(): number | undefined {
  const kept = history.state as { y?: unknown; at?: unknown } | null;
  return typeof kept?.y === 'number' && kept.at === location.hash ? kept.y : undefined;
}

/** Whether the page's last arrival was a return to a place the reader had been, kept by bloc-arrive for the others. */
export const arrival = { back: false };

// What the editors add inside the author's paragraphs. A note's number opens the note in place, one tap to open and
// one to close, wherever the note is a disclosure under its paragraph (phones, and notes folded in place on wide
// screens); the sentence stays where it was. A glossary definition closes when the keyboard leaves it.
import { clearTop } from './arrival';

addEventListener('click', (e) => {
  const ref = (e.target as Element).closest?.<HTMLAnchorElement>('a[data-note-ref]');
  const details = ref && document.getElementById(ref.dataset.noteRef!)?.closest('details');
  // A note in the margin is already open beside its number: the link leads there.
  if (!details || getComputedStyle(details.parentElement!).position === 'absolute') return;
  e.preventDefault();
  details.open = !details.open;
  if (!details.open) return;
  // Bring the end of the note into view, but never move its number under what the page's scroll padding keeps
  // clear at the top (the phone's contents bar).
  const clear = clearTop();
  scrollBy(0, Math.max(0, Math.min(details.getBoundingClientRect().bottom - innerHeight, ref.getBoundingClientRect().top - clear)));
});

// Where a note stands in the margin (notes.css: 80 rem and anchor positioning) its text is always on the screen: its
// disclosure is open and its summary no Tab stop, so that a screen reader does not call it collapsed. Narrower, each
// folds under its paragraph again.
const margin = matchMedia('(min-width: 80rem)');
const placeNotes = () => {
  if (!CSS.supports('anchor-name: --a') || !CSS.supports('top: anchor(--a top)')) return;
  for (const d of document.querySelectorAll<HTMLDetailsElement>('[data-note-place="margin"] details')) {
    d.open = margin.matches;
    d.querySelector('summary')!.tabIndex = margin.matches ? -1 : 0;
  }
};
placeNotes();
margin.addEventListener('change', placeNotes);

// Whichever control opened or closed a note, its number says so.
addEventListener('toggle', (e) => {
  const note = (e.target as Element).closest<HTMLElement>('[data-note]');
  if (note) document.getElementById(`ref-${note.dataset.note}`)?.setAttribute('aria-expanded', String((e.target as HTMLDetailsElement).open));
}, true);

// A definition follows its term as the page scrolls: once the term has gone under the phone's contents bar or off the
// screen, it closes, where it would hang over the bar or away from its term. A term still coming into view (the page
// glides to a term the keyboard reached) keeps it.
let definition: HTMLElement | undefined, seen = false;
const termSeen = () => {
  const term = document.querySelector(`[popovertarget="${definition!.id}"]`)?.closest('[data-term-group]')?.getBoundingClientRect();
  return !term || (term.top >= clearTop() && term.bottom <= innerHeight);
};
addEventListener('toggle', (e) => {
  const pop = e.target as HTMLElement;
  if (!pop.matches?.('[data-term-definition]')) return;
  if ((e as ToggleEvent).newState === 'open') { definition = pop; seen = termSeen(); }
  else if (definition === pop) definition = undefined;
}, true);
addEventListener('scroll', () => {
  if (!definition) return;
  if (termSeen()) seen = true;
  else if (seen) definition.hidePopover();
}, { passive: true });

// A definition opened from the keyboard closes once focus leaves it and its button: left open it would cover what Tab
// reaches next.
addEventListener('focusin', (e) => {
  const at = e.target as Element;
  for (const pop of document.querySelectorAll<HTMLElement>('[data-term-definition]:popover-open')) {
    if (!pop.contains(at) && at.getAttribute('popovertarget') !== pop.id) pop.hidePopover();
  }
});

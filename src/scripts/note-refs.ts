// What the editors add inside the author's paragraphs. A note's number opens the note in place, one tap to open and
// one to close, wherever the note is a disclosure under its paragraph (phones, and notes folded in place on wide
// screens); the sentence stays where it was. A glossary definition closes when the keyboard leaves it.
import { clearTop, showOpened } from './arrival';

addEventListener('click', (e) => {
  const ref = (e.target as Element).closest?.<HTMLAnchorElement>('a[data-note-ref]');
  const details = ref && document.getElementById(ref.dataset.noteRef!)?.closest('details');
  // A note in the margin is already open beside its number: the link leads there.
  if (!details || getComputedStyle(details.parentElement!).position === 'absolute') return;
  e.preventDefault();
  details.open = !details.open;
  if (!details.open) return;
  // Bring the end of the note into view, but never move its number under the phone's contents bar.
  showOpened(details, ref);
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

// A note's number opens it in place, so it says whether the note is open, from the start (a link that only said so
// once pressed would sound like a jump) and whichever control opened or closed it since.
const expanded = (d: HTMLDetailsElement) => document.getElementById(`ref-${d.closest<HTMLElement>('[data-note]')!.dataset.note}`)?.setAttribute('aria-expanded', String(d.open));
document.querySelectorAll<HTMLDetailsElement>('[data-note] details').forEach(expanded);
addEventListener('toggle', (e) => { if ((e.target as Element).matches('[data-note] details')) expanded(e.target as HTMLDetailsElement); }, true);

// A definition follows its term as the page scrolls: once the term has gone further under the phone's contents bar or
// off the screen than it was when the definition opened (by half its height), it closes, where it would hang over the
// bar or away from its term. A term coming into view (the page glides to a term the keyboard reached) keeps it.
let definition: HTMLElement | undefined, away = 0;
/** How far the definition's term lies outside the screen below the contents bar, and half its height. */
const termAway = () => {
  const term = document.querySelector(`[popovertarget="${definition!.id}"]`)?.closest('[data-term-group]')?.getBoundingClientRect();
  return term ? { by: Math.max(0, clearTop() - term.top, term.bottom - innerHeight), half: term.height / 2 } : { by: 0, half: Infinity };
};
// Before it opens, not after (toggle comes a task later, when the page may have scrolled already).
addEventListener('beforetoggle', (e) => {
  const pop = e.target as HTMLElement;
  if (!pop.matches?.('[data-term-definition]')) return;
  if ((e as ToggleEvent).newState === 'open') { definition = pop; away = termAway().by; }
  else if (definition === pop) definition = undefined;
}, true);
addEventListener('scroll', () => {
  if (!definition) return;
  const { by, half } = termAway();
  if (by > away + half) definition.hidePopover();
  else away = Math.min(away, by);
}, { passive: true });

// A definition opened from the keyboard closes once focus leaves it and its button: left open it would cover what Tab
// reaches next.
addEventListener('focusin', (e) => {
  const at = e.target as Element;
  for (const pop of document.querySelectorAll<HTMLElement>('[data-term-definition]:popover-open')) {
    if (!pop.contains(at) && at.getAttribute('popovertarget') !== pop.id) pop.hidePopover();
  }
});

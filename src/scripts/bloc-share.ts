// <bloc-share>: the page's one share panel. The article's Share button and each section's Share link fill it in
// with what they share (the section's link otherwise leads to its card page); it adds "Copy link" and the
// system share sheet.
import { announce, copyText } from './copy-text';

class BlocShare extends HTMLElement {
  connectedCallback() {
    const panel = this.querySelector<HTMLElement>('[popover]')!;
    const field = this.querySelector<HTMLInputElement>('[data-share-url]')!;
    const status = this.querySelector('[data-share-status]');
    const what = this.querySelector('[data-share-what]')!;
    // The article's list is in the panel; the sections' wait in a template until one is chosen.
    const lists = [...this.querySelectorAll<HTMLElement>('[data-share-links]'), ...(this.querySelector('template')?.content.querySelectorAll<HTMLElement>('[data-share-links]') ?? [])];
    const copy = this.querySelector<HTMLButtonElement>('[data-share-copy]')!;
    const native = this.querySelector<HTMLButtonElement>('[data-share-native]')!;
    let shown = lists[0]!;
    let opener: HTMLElement | undefined;

    copy.hidden = false;
    // A section's link now opens the panel, and says so before it is pressed.
    for (const a of document.querySelectorAll('a[data-share-target]')) { a.setAttribute('aria-controls', panel.id); a.setAttribute('aria-expanded', 'false'); }
    copy.addEventListener('click', async () => announce(status, await copyText(shown.dataset.url!, field, 'Link copied to the clipboard.')));
    if ('share' in navigator) {
      native.hidden = false;
      native.addEventListener('click', async () => {
        try {
          await navigator.share({ title: shown.dataset.title, url: shown.dataset.url });
        } catch (e) {
          if ((e as DOMException).name !== 'AbortError') announce(status, 'Sharing did not work here; copy the link instead.');
        }
      });
    }
    field.addEventListener('focus', () => field.select());
    // Only the section link that opened the panel is expanded (the article's button, the panel's popovertarget, is
    // expanded by the browser whenever the panel is open).
    const expand = () => {
      const open = panel.matches(':popover-open');
      for (const el of document.querySelectorAll('a[data-share-target]')) el.setAttribute('aria-expanded', String(open && el === opener));
      if (!open) announce(status, '');
    };
    panel.addEventListener('toggle', expand);
    // Focus that leaves the panel closes it: on a phone it would cover what has focus. Not focus that goes to a Share
    // control: its click opens, moves or closes the panel itself.
    panel.addEventListener('focusout', (e) => {
      const to = e.relatedTarget as Element | null;
      if (to && !panel.contains(to) && !to.closest('[data-share-target]') && panel.matches(':popover-open')) panel.hidePopover();
    });
    document.addEventListener('click', (e) => {
      const target = (e.target as Element).closest?.<HTMLElement>('[data-share-target]');
      if (!target) return;
      const moved = opener !== target;
      opener = target;
      if (panel.matches(':popover-open')) expand();
      const next = lists.find((l) => l.dataset.shareLinks === target.dataset.shareTarget) ?? lists[0]!;
      shown.replaceWith(next);
      shown = next;
      field.value = shown.dataset.url!;
      what.textContent = shown.dataset.name!;
      // A section's link opens the panel beside itself; the article's button opens it by its popovertarget.
      if (target.localName === 'a') {
        e.preventDefault();
        // Open beside this link; open already beside another one, move beside this one.
        if (panel.matches(':popover-open') && moved) panel.hidePopover();
        if (!panel.matches(':popover-open')) panel.showPopover({ source: target });
      }
    });
  }
}

customElements.define('bloc-share', BlocShare);

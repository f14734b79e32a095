// <bloc-share>: adds "Copy link" and the system share sheet to a section's share disclosure, and closes it on Escape.
import { announce, copyText } from './copy-text';

class BlocShare extends HTMLElement {
  #onDocClick = (e: MouseEvent) => {
    const details = this.querySelector('details');
    if (details?.open && !this.contains(e.target as Node)) details.open = false;
  };

  connectedCallback() {
    const url = this.dataset.url!;
    const title = this.dataset.title ?? document.title;
    const details = this.querySelector('details')!;
    const status = this.querySelector('[data-share-status]');
    const field = this.querySelector<HTMLInputElement>('[data-share-url]')!;
    const copy = this.querySelector<HTMLButtonElement>('[data-share-copy]');
    const native = this.querySelector<HTMLButtonElement>('[data-share-native]');

    if (copy) {
      copy.hidden = false;
      copy.addEventListener('click', async () => {
        announce(status, await copyText(url, field, 'Link copied to the clipboard.'));
      });
    }
    if (native && typeof navigator.share === 'function') {
      native.hidden = false;
      native.addEventListener('click', async () => {
        try {
          await navigator.share({ title, url });
        } catch (e) {
          if ((e as DOMException).name !== 'AbortError') announce(status, 'Sharing did not work here; copy the link instead.');
        }
      });
    }
    field.addEventListener('focus', () => field.select());
    this.addEventListener('keydown', (e) => {
      if (e.key === 'Escape' && details.open) {
        details.open = false;
        this.querySelector('summary')?.focus();
      }
    });
    details.addEventListener('toggle', () => { if (!details.open) announce(status, ''); });
    document.addEventListener('click', this.#onDocClick);
  }

  disconnectedCallback() {
    document.removeEventListener('click', this.#onDocClick);
  }
}

if (!customElements.get('bloc-share')) customElements.define('bloc-share', BlocShare);

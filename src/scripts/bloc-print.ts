// <bloc-print> shows a "Print / Save as PDF" button that opens the print dialog; <bloc-print-date> stamps the printed copy with today's date.
import { formatPartialDate } from '../lib/format';

class BlocPrint extends HTMLElement {
  connectedCallback() {
    const button = this.querySelector<HTMLButtonElement>('button[data-print-button]');
    if (!button) return;
    button.hidden = false;
    button.addEventListener('click', () => print());
  }
}

/** Without JavaScript the copy says which build it came from; with it, the day it is printed. */
class BlocPrintDate extends HTMLElement {
  #stamp = () => {
    const time = this.querySelector<HTMLTimeElement>('time[data-print-date]');
    const label = this.querySelector<HTMLElement>('[data-print-date-label]');
    if (!time || !label) return;
    const now = new Date();
    const pad = (n: number) => String(n).padStart(2, '0');
    time.dateTime = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
    // Not toLocaleDateString(): its first call loads locale data, a long task on a phone.
    time.textContent = formatPartialDate(time.dateTime, 'day');
    label.textContent = 'Printed on';
  };

  connectedCallback() {
    this.#stamp();
    addEventListener('beforeprint', this.#stamp);
  }

  disconnectedCallback() {
    removeEventListener('beforeprint', this.#stamp);
  }
}

customElements.define('bloc-print', BlocPrint);
customElements.define('bloc-print-date', BlocPrintDate);

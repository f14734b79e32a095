// <bloc-print> shows a "Print / Save as PDF" button that opens the print dialog; <bloc-print-date> stamps the printed copy with today's date.
class BlocPrint extends HTMLElement {
  connectedCallback() {
    const button = this.querySelector<HTMLButtonElement>('button[data-print-button]');
    if (!button) return;
    button.hidden = false;
    button.addEventListener('click', () => print());
  }
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Without JavaScript the copy says which build it came from; with it, the day it is printed. */
class BlocPrintDate extends HTMLElement {
  #stamp = () => {
    const time = this.querySelector<HTMLTimeElement>('time[data-print-date]');
    const label = this.querySelector<HTMLElement>('[data-print-date-label]');
    if (!time || !label) return;
    const now = new Date();
    const pad = (n: number) => String(n).padStart(2, '0');
    time.dateTime = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
    // Written out by hand: the first toLocaleDateString() call loads locale data, a long task on a phone.
    time.textContent = `${now.getDate()} ${MONTHS[now.getMonth()]} ${now.getFullYear()}`;
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

if (!customElements.get('bloc-print')) customElements.define('bloc-print', BlocPrint);
if (!customElements.get('bloc-print-date')) customElements.define('bloc-print-date', BlocPrintDate);

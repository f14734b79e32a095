// Copies text to the clipboard, falling back to selecting it in a field for the reader to copy.

const COPY_KEYS = /Mac|iPhone|iPad/.test(navigator.platform) ? '⌘C' : 'Ctrl+C';
/** On a touch screen there are no keys to name: a reader copies by touching and holding. */
const TOUCH = matchMedia('(pointer: coarse)');

/**
 * Resolves to the message to announce. Uses the Clipboard API where the page may write;
 * otherwise shows `field` holding the text, selects it and tells the reader how to copy it: the keys, or on a touch
 * screen a touch and hold.
 */
export async function copyText(text: string, field: HTMLInputElement, copied: string): Promise<string> {
  try {
    if (!navigator.clipboard?.writeText) throw new Error('no clipboard');
    await navigator.clipboard.writeText(text);
    return copied;
  } catch {
    field.value = text;
    field.hidden = false;
    field.focus();
    field.select();
    return TOUCH.matches ? 'The link is selected: touch and hold it, then choose Copy.' : `The link is selected: press ${COPY_KEYS} to copy it.`;
  }
}

/** Sets a live region's text; clearing first makes a repeated message be announced again. */
export function announce(region: Element | null, message: string) {
  if (!region) return;
  region.textContent = '';
  requestAnimationFrame(() => { region.textContent = message; });
}

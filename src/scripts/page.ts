// Every enhancement of the page, in one script: compressed together, the custom elements share their words, and
// the page carries one inline script (and one hash in its policy) instead of one per component. The quote's offer
// is fetched when the reader first selects words (src/integrations/laterScripts.ts).
import './bloc-toc';
import './bloc-share';
import './bloc-arrive';
import './note-refs';
import './bloc-timeline';
import './bloc-chart-tip';
import './bloc-print';
import { announce, copyText } from './copy-text';
import { quote } from 'virtual:bloc-later';

const selected = () => {
  if (getSelection()?.isCollapsed !== false) return;
  document.removeEventListener('selectionchange', selected);
  import(/* @vite-ignore */ quote).then(
    (m: typeof import('./bloc-quote')) => m.define({ announce, copyText }),
    // Offline, say: the next selection tries again.
    () => document.addEventListener('selectionchange', selected),
  );
};
if (document.querySelector('bloc-quote')) document.addEventListener('selectionchange', selected);

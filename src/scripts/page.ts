// Every enhancement of the page, in one script: compressed together, the custom elements share their words, and
// the page carries one inline script (and one hash in its policy) instead of one per component.
import './bloc-toc';
import './bloc-share';
import './bloc-quote';
import './bloc-arrive';
import './note-refs';
import './bloc-timeline';
import './bloc-chart-tip';
import './bloc-print';

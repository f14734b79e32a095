// Reads stylesheets for the rules that take elements off paper, so that links inside them get no endnote.
import postcss, { type AtRule, type Container } from 'postcss';

/** A rule on a pseudo-element hides only the pseudo-element, never the element the link sits in. */
const PSEUDO_ELEMENT = /::|:(before|after|first-line|first-letter)\b/;

/**
 * The selectors whose rules set `display: none` for print: every rule of a print stylesheet
 * (`media="print"`), and the `@media print` blocks of any other. Rules under other media
 * conditions (screen, a width) are left out: they do not say whether an element reaches paper.
 */
export function hiddenInPrint(css: string, sheetMedia: 'print' | 'all'): string[] {
  const selectors = new Set<string>();
  postcss.parse(css).walkRules((rule) => {
    if (!rule.nodes.some((d) => d.type === 'decl' && d.prop.toLowerCase() === 'display' && /^none\b/i.test(d.value.trim()))) return;
    let inPrintMedia = false;
    for (let p: Container | undefined = rule.parent as Container | undefined; p && p.type !== 'root'; p = p.parent as Container | undefined) {
      if (p.type === 'rule') return; // nested rules are compiled away in built CSS; skip rather than guess
      if (p.type !== 'atrule') continue;
      const at = p as AtRule;
      if (at.name === 'page') return;
      if (at.name === 'media') {
        if (!/\bprint\b/i.test(at.params) || /\bnot\s+print\b/i.test(at.params)) return;
        inPrintMedia = true;
      }
    }
    if (sheetMedia !== 'print' && !inPrintMedia) return;
    for (const s of rule.selectors) if (!PSEUDO_ELEMENT.test(s)) selectors.add(s.trim());
  });
  return [...selectors];
}

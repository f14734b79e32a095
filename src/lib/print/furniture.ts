// The page furniture of the printed copy: the running title and the online address in the page margins.

/**
 * A CSS string literal: quotes, backslashes and line breaks escaped, so any headline is safe in `content:`; "<" is
 * written as the escape `\3c ` so that the stylesheet can stand in a <style> element (no `</style>` can end it early).
 */
export function cssString(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/[\r\n\f]+/g, ' ').replace(/[\u0000-\u001f\u007f]/g, '').replace(/</g, '\\3c ')}"`;
}

/**
 * The `@page` margin-box contents that depend on the article. Their look, and "Page x of y",
 * live in src/styles/print/document.css; browsers without margin boxes simply ignore these rules.
 */
export function pageFurnitureCss({ title, url }: { title: string; url: string }): string {
  return [
    '/* Page furniture for the printed copy, generated from the article at build time. */',
    `@page { @top-left { content: ${cssString(title)}; } @bottom-left { content: ${cssString(url)}; } }`,
    '@page :first { @top-left { content: none; } }',
    '',
  ].join('\n');
}

// WCAG 2 contrast between two colours as Chromium computes them ("rgb(r, g, b)"), for tests that read them from the page.

const channels = (css: string): number[] => {
  const m = css.match(/^rgba?\((\d+(?:\.\d+)?),\s*(\d+(?:\.\d+)?),\s*(\d+(?:\.\d+)?)(?:,\s*1)?\)$/);
  if (!m) throw new Error(`contrast: not an opaque rgb() colour: ${css}`);
  return m.slice(1, 4).map(Number);
};

/** Relative luminance (WCAG 2). */
const luminance = (css: string) => channels(css)
  .map((v) => { const c = v / 255; return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; })
  .reduce((sum, c, i) => sum + c * [0.2126, 0.7152, 0.0722][i]!, 0);

/** The contrast ratio of two opaque colours, from 1 (the same) to 21 (black on white). */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

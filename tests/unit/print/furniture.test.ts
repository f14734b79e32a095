import { describe, expect, it } from 'vitest';
import { cssString, pageFurnitureCss } from '../../../src/lib/print/furniture';

describe('pageFurnitureCss', () => {
  it('cssString(text) escapes quotes, backslashes and line breaks', () => {
    expect(cssString('Say "hi"\\now\nthen')).toBe('"Say \\"hi\\"\\\\now then"');
  });

  it('cssString(text) escapes "<", so that no headline can end the <style> element the rules stand in', () => {
    expect(cssString('A </style><script>x</script>')).toBe('"A \\3c /style>\\3c script>x\\3c /script>"');
    expect(cssString('a<b')).not.toContain('<');
  });

  it('cssString(text) makes one space of a run of line breaks, and drops other control characters', () => {
    expect(cssString('one\r\n\ntwo\fthree')).toBe('"one two three"');
    expect(cssString('bell\u0007 and\ttab\u007f')).toBe('"bell andtab"');
  });

  it('pageFurnitureCss({ title, url }) puts the title at the top and the address at the bottom of each page', () => {
    const css = pageFurnitureCss({ title: 'Pakistan, Russia "bloc"', url: 'https://bloc.example/' });
    expect(css).toMatch(/@top-left \{ content: "Pakistan, Russia \\"bloc\\""; \}/);
    expect(css).toMatch(/@bottom-left \{ content: "https:\/\/bloc\.example\/"; \}/);
    expect(css).toMatch(/@page :first \{ @top-left \{ content: none; \} \}/);
  });

  it('pageFurnitureCss({ title, url }) writes a commented stylesheet of two rules, ending in a new line', () => {
    expect(pageFurnitureCss({ title: 'T', url: 'https://b.example/' })).toBe([
      '/* Page furniture for the printed copy, generated from the article at build time. */',
      '@page { @top-left { content: "T"; } @bottom-left { content: "https://b.example/"; } }',
      '@page :first { @top-left { content: none; } }',
      '',
    ].join('\n'));
  });
});

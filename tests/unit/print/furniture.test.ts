import { describe, expect, it } from 'vitest';
import { cssString, pageFurnitureCss } from '../../../src/lib/print/furniture';

describe('pageFurnitureCss', () => {
  it('cssString(text) escapes quotes, backslashes and line breaks', () => {
    expect(cssString('Say "hi"\\now\nthen')).toBe('"Say \\"hi\\"\\\\now then"');
  });

  it('pageFurnitureCss({ title, url }) puts the title at the top and the address at the bottom of each page', () => {
    const css = pageFurnitureCss({ title: 'Pakistan, Russia "bloc"', url: 'https://bloc.example/' });
    expect(css).toMatch(/@top-left \{ content: "Pakistan, Russia \\"bloc\\""; \}/);
    expect(css).toMatch(/@bottom-left \{ content: "https:\/\/bloc\.example\/"; \}/);
    expect(css).toMatch(/@page :first \{ @top-left \{ content: none; \} \}/);
  });
});

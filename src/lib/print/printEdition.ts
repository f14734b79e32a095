// Prepares one built page for paper: figure numbers and link endnotes, written into the static HTML.
import * as cheerio from 'cheerio';
import { numberFigures, type NumberedFigure } from './figures';
import { collectEndnotes, renderEndnotes, ENDNOTES_SLOT, type Endnote } from './endnotes';
import { hiddenInPrint } from './printCss';

export interface PrintEditionResult { html: string; changed: boolean; figures: NumberedFigure[]; endnotes: Endnote[] }

/**
 * `readStylesheet` returns the text of one of the page's own stylesheets (by its href), so that links
 * the print rules hide get no endnote.
 * Pages without figures, references or an endnotes slot come back unchanged. Inline scripts and
 * styles are never touched, so the hashes Astro's content security policy computed stay valid.
 */
export function preparePrintEdition(html: string, opts: { file: string; pageUrl: URL; readStylesheet?: (href: string) => string | undefined }): PrintEditionResult {
  const $ = cheerio.load(html);
  const hasWork = $('figure[data-figure], [data-figref]').length > 0 || $(ENDNOTES_SLOT).length > 0;
  if (!hasWork) return { html, changed: false, figures: [], endnotes: [] };
  const figures = numberFigures($, opts.file);
  let endnotes: Endnote[] = [];
  if ($(ENDNOTES_SLOT).length) {
    // Stylesheets linked from the page and those written into it alike.
    const hidden = $('link[rel~="stylesheet"][href], style').toArray().flatMap((el) => {
      const css = el.tagName === 'style' ? $(el).text() : opts.readStylesheet?.($(el).attr('href')!);
      const media = ($(el).attr('media') ?? 'all').trim();
      return css ? hiddenInPrint(css, media === 'print' ? 'print' : 'all') : [];
    });
    endnotes = collectEndnotes($, opts.pageUrl, hidden);
    renderEndnotes($, endnotes);
  }
  return { html: $.html(), changed: true, figures, endnotes };
}

// Prepares one built page for paper: figure numbers and link endnotes, written into the static HTML.
import * as cheerio from 'cheerio';
import { numberFigures, type NumberedFigure } from './figures';
import { collectEndnotes, renderEndnotes, ENDNOTES_SLOT, type Endnote } from './endnotes';

export interface PrintEditionResult { html: string; changed: boolean; figures: NumberedFigure[]; endnotes: Endnote[] }

/**
 * Pages without figures, references or an endnotes slot come back unchanged. Inline scripts and
 * styles are never touched, so the hashes Astro's content security policy computed stay valid.
 */
export function preparePrintEdition(html: string, opts: { file: string; pageUrl: URL }): PrintEditionResult {
  const $ = cheerio.load(html);
  const hasWork = $('figure[data-figure], [data-figref]').length > 0 || $(ENDNOTES_SLOT).length > 0;
  if (!hasWork) return { html, changed: false, figures: [], endnotes: [] };
  const figures = numberFigures($, opts.file);
  let endnotes: Endnote[] = [];
  if ($(ENDNOTES_SLOT).length) {
    endnotes = collectEndnotes($, opts.pageUrl);
    renderEndnotes($, endnotes);
  }
  return { html: $.html(), changed: true, figures, endnotes };
}

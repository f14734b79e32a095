// Numbers the page's figures in reading order and writes "Figure N" into their labels and in-text references.
import type { CheerioAPI } from 'cheerio';
import { ContentError } from '../../schemas/issues';

export interface NumberedFigure { id: string; number: number; title: string }

export const figureLabel = (n: number) => `Figure ${n}`;

/**
 * Every `<figure data-figure="id">` (the shared FigureFrame) gets the next number, in document order,
 * in its `[data-figure-label]`; every `[data-figref="id"]` (the FigRef component) gets the same words.
 * A duplicate figure id or a reference to a figure that is not on the page is an error naming both.
 */
export function numberFigures($: CheerioAPI, file: string): NumberedFigure[] {
  const figures: NumberedFigure[] = [];
  const byId = new Map<string, NumberedFigure>();
  $('figure[data-figure]').each((_, el) => {
    const id = $(el).attr('data-figure')!;
    if (byId.has(id)) throw new ContentError(`${file}: two figures use the id "${id}"; each figure needs its own`);
    const figure = { id, number: figures.length + 1, title: $(el).find('.figure-title').first().text().replace(/\s+/g, ' ').trim() };
    figures.push(figure);
    byId.set(id, figure);
    $(el).find('[data-figure-label]').first().text(figureLabel(figure.number));
  });
  $('[data-figref]').each((_, el) => {
    const to = $(el).attr('data-figref')!;
    const figure = byId.get(to);
    if (!figure) {
      const known = figures.map((f) => f.id).join(', ') || 'none';
      throw new ContentError(`${file}: <FigRef to="${to}"> refers to no figure on the page (figures: ${known})`);
    }
    $(el).text(figureLabel(figure.number));
  });
  return figures;
}

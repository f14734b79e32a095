// What goes on each card: the article's own, and one per section.
import type { ArticleData } from '../../schemas/article';
import { formatPartialDate } from '../format';
import { SITE_NAME, type SectionCard } from '../sharing/sectionCards';
import type { CardInput } from './cardTree';

export function articleCardInput(data: ArticleData): CardInput {
  const when = formatPartialDate(data.published.date, data.published.precision);
  return {
    kicker: 'Analysis · annotated edition',
    headline: data.headline,
    source: `By ${data.author.name} · first published in ${data.original.publication}, ${when}${data.published.inferred ? ' (date\u00a0inferred)' : ''}`,
    siteName: SITE_NAME,
  };
}

export function sectionCardInput(card: SectionCard, data: ArticleData): CardInput {
  return {
    kicker: card.kicker ?? `Section ${card.index} of ${card.total}`,
    headline: card.title,
    source: card.line ?? `From “${data.headline}” by ${data.author.name}`,
    siteName: SITE_NAME,
    index: card.index,
    total: card.total,
  };
}

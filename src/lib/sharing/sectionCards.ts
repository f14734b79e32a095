// What each section's card page and image say: title, description (the section's first sentence, quoted), URLs.
import type { Outline, OutlineSection } from '../article/outline';
import type { SiteUrls } from '../siteUrls';
import { formatPartialDate } from '../format';

export const SITE_NAME = 'Asian Bloc · an annotated edition';

/** Longest description we hand to a card: networks show about two hundred characters and cut the rest mid-word. */
export const DESCRIPTION_MAX = 200;

/** The first sentence of a text, found with the runtime's sentence segmenter (Intl.Segmenter). */
export function firstSentence(text: string, locale = 'en', max = DESCRIPTION_MAX): string {
  const segmenter = new Intl.Segmenter(locale, { granularity: 'sentence' });
  for (const { segment } of segmenter.segment(text.replace(/\s+/g, ' ').trim())) {
    if (segment.trim()) return clip(segment.trim(), max);
  }
  return '';
}

/** Cuts at the last word boundary before max characters and marks the cut with an ellipsis. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:–—-]+$/, '')}…`;
}

export interface SectionCard {
  id: string;
  title: string;
  /** "The energy corridor — Pakistan, Russia teaming up for Asian bloc" */
  pageTitle: string;
  description: string;
  /** 1-based position and count, drawn on the image so each card is distinct; the epilogue's card has none. */
  index?: number;
  total?: number;
  /** The line above the title, when it is not the section's place ("Section 3 of 8"). */
  kicker?: string;
  /** The line under the rule, when it is not where the section comes from. */
  line?: string;
  /** Absolute URL of the card page. */
  url: string;
  /** Absolute URL of the card image. */
  image: string;
  /** The path of the section in the article, which the card page sends readers on to. */
  target: string;
}

export function sectionCard(section: OutlineSection, outline: Outline, headline: string, url: SiteUrls, locale = 'en'): SectionCard {
  const index = outline.sections.findIndex((s) => s.id === section.id) + 1;
  if (index === 0) throw new Error(`sectionCard: section "${section.id}" is not in the outline`);
  const first = section.paragraphs[0];
  // The author's words, in quotation marks: the card's title above them is the editors' heading, not his.
  const opening = first ? firstSentence(first.text, locale, DESCRIPTION_MAX - 2) : '';
  return {
    id: section.id,
    title: section.title,
    pageTitle: `${section.title} — ${headline}`,
    description: opening ? `“${opening}”` : '',
    index,
    total: outline.sections.length,
    url: url.absolute(`/s/${section.id}/`),
    image: url.absolute(`/og/s/${section.id}.png`),
    target: url.path(`/#${section.id}`),
  };
}

export function sectionCards(outline: Outline, headline: string, url: SiteUrls, locale = 'en'): SectionCard[] {
  return outline.sections.map((s) => sectionCard(s, outline, headline, url, locale));
}

/** The epilogue's card: the editors' own section after the article, described by the first sentence of its introduction, its verdicts counted. */
export function epilogueCard(
  epilogue: { id: string; title: string; added: string; intro: string[]; tally: { label: string; count: number }[] },
  headline: string,
  url: SiteUrls,
  locale = 'en',
): SectionCard {
  const counted = epilogue.tally.filter((t) => t.count > 0).map((t) => `${t.count} ${t.label.toLowerCase()}`);
  return {
    id: epilogue.id,
    title: epilogue.title,
    pageTitle: `${epilogue.title} — ${headline}`,
    description: firstSentence(epilogue.intro[0] ?? '', locale),
    kicker: `Editors’ epilogue, ${formatPartialDate(epilogue.added, 'month')}`,
    line: `Our verdicts on the article’s claims: ${counted.join(', ')}`,
    url: url.absolute(`/s/${epilogue.id}/`),
    image: url.absolute(`/og/s/${epilogue.id}.png`),
    target: url.path(`/#${epilogue.id}`),
  };
}

/** Where a retired section id now leads: the id at the end of its redirects, and the section that holds it. */
export interface RetiredSection { id: string; to: string; sectionId: string }

/**
 * The cards of retired section ids, which readers may have shared: each keeps its page and image under its own id,
 * shows the section that holds the id it leads to, sends readers on to that id, and names the live card as canonical.
 */
export function retiredSectionCards(retired: readonly RetiredSection[], cards: readonly SectionCard[], url: SiteUrls): SectionCard[] {
  return retired.map(({ id, to, sectionId }) => {
    const live = cards.find((c) => c.id === sectionId);
    if (!live) throw new Error(`retiredSectionCards: retired id "${id}" leads to section "${sectionId}", which has no card`);
    return { ...live, id, image: url.absolute(`/og/s/${id}.png`), target: url.path(`/#${to}`) };
  });
}

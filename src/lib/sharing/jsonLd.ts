// Structured data for the article (schema.org AnalysisNewsArticle) and its safe serialisation into HTML.
import type { ArticleData } from '../../schemas/article';
import { SITE_NAME } from './sectionCards';
import { formatPartialDate } from '../format';

/** The editors' epilogue, as structured data needs it: added later than the article, and how far its facts run. */
export interface EpilogueLd { id: string; title: string; added: string; factsTo: string }

/**
 * JSON for an inline <script type="application/ld+json">. "<", ">" and "&" are written as
 * \u escapes so that no value (say a headline holding "</script>") can end the element
 * early; U+2028/2029 are escaped for old parsers. The result parses back to the same data.
 */
export function serializeJsonLd(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

export function articleJsonLd(data: ArticleData, pageUrl: string, imageUrl: string, epilogue?: EpilogueLd) {
  const author = { '@type': 'Person', name: data.author.name, description: data.author.bio };
  const publisher = { '@type': 'Organization', name: SITE_NAME, url: pageUrl };
  return {
    '@context': 'https://schema.org',
    '@type': 'AnalysisNewsArticle',
    headline: data.headline,
    description: data.description,
    url: pageUrl,
    mainEntityOfPage: pageUrl,
    image: [imageUrl],
    inLanguage: data.language,
    author,
    // Only the month is known; schema.org dates accept ISO 8601 at reduced precision.
    datePublished: data.published.date,
    dateModified: data.updated,
    isAccessibleForFree: true,
    // The edition is one page: its home is the article itself.
    publisher,
    // The epilogue is the editors' and came later: schema.org's backstory says how the piece came to be as it is.
    ...(epilogue ? {
      backstory: `An annotated edition of the ${formatPartialDate(data.published.date, data.published.precision)} article. On ${formatPartialDate(epilogue.added, 'day')} the editors added an epilogue, “${epilogue.title}”, that checks the article’s claims against reports published up to ${formatPartialDate(epilogue.factsTo, 'day')}.`,
      hasPart: {
        '@type': 'WebPageElement',
        name: epilogue.title,
        url: `${pageUrl}#${epilogue.id}`,
        dateCreated: epilogue.added,
        creator: publisher,
        isAccessibleForFree: true,
      },
    } : {}),
    isBasedOn: {
      '@type': 'NewsArticle',
      headline: data.headline,
      author,
      datePublished: data.published.date,
      publisher: { '@type': 'Organization', name: data.original.publication },
      ...(data.original.url ? { url: data.original.url } : {}),
    },
  };
}

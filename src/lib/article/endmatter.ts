// The parts of the page after the article, in page order: their headings' ids and titles, named once for the
// headings themselves and for the contents.
export const ENDMATTER = {
  author: { id: 'about-the-author', title: 'About the author' },
  corrections: { id: 'corrections-heading', title: 'Corrections and sources' },
  glossary: { id: 'glossary-heading', title: 'Glossary' },
} as const;

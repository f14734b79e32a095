// The parts of the page after the article, in page order: their headings' ids and titles, named once for the
// headings themselves and for the contents.
export const ENDMATTER = {
  author: { id: 'about-the-author', title: 'About the author' },
  corrections: { id: 'corrections-heading', title: 'Corrections and sources' },
  glossary: { id: 'glossary-heading', title: 'Glossary' },
} as const;

/**
 * Everything after the article's sections, in page order, as the contents and the 404 page list it: the author's note
 * closes the article, then the editors' epilogue (marked as theirs), then the end matter.
 */
export function afterArticle(epilogue: { id: string; title: string }): { id: string; title: string; epilogue?: true }[] {
  return [ENDMATTER.author, { id: epilogue.id, title: epilogue.title, epilogue: true }, ENDMATTER.corrections, ENDMATTER.glossary];
}

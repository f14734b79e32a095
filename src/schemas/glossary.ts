// Glossary entries: a term, the forms the article writes it in, our definition and, where one was used, its source.
import { z } from 'zod';
import { httpUrl } from './source';
import { atMost, LINE_MAX, PARAGRAPH_MAX, SLUG, SLUG_ERROR } from './text';


export const glossarySourceSchema = z
  .object({ title: z.string().trim().min(1).max(LINE_MAX, atMost(LINE_MAX)), url: httpUrl() })
  .strict();

export const glossaryEntrySchema = z
  .object({
    id: z.string({ error: 'is missing: a unique id (a lowercase slug)' }).regex(SLUG, SLUG_ERROR),
    term: z.string({ error: 'is missing: the term as a reader should learn it' }).trim().min(1).max(LINE_MAX, atMost(LINE_MAX)),
    /** The forms the article writes the term in, exactly (matching is case-sensitive); without aliases, the term itself. */
    aliases: z.array(z.string().trim().min(1).max(LINE_MAX, atMost(LINE_MAX))).default([]),
    definition: z.string({ error: 'is missing: a definition in this edition’s own words' }).trim().min(20, 'must be a sentence in our own words').max(PARAGRAPH_MAX, atMost(PARAGRAPH_MAX)),
    source: glossarySourceSchema.optional(),
  })
  .strict();

/** The whole of content/data/glossary.yaml. */
export const glossaryFileSchema = z.object({ terms: z.array(glossaryEntrySchema).min(1) }).strict();

export type GlossaryEntry = z.infer<typeof glossaryEntrySchema>;

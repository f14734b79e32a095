// Glossary entries: a term, the forms the article writes it in, our definition and, where one was used, its source.
import { z } from 'zod';
import { httpUrl } from './source';

const slug = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const glossarySourceSchema = z
  .object({ title: z.string().trim().min(1), url: httpUrl() })
  .strict();

export const glossaryEntrySchema = z
  .object({
    id: z.string({ error: 'is missing: a unique id (a lowercase slug)' }).regex(slug, 'must be a lowercase slug (letters, digits and hyphens)'),
    term: z.string({ error: 'is missing: the term as a reader should learn it' }).trim().min(1),
    /** The forms the article writes the term in, exactly (matching is case-sensitive); without aliases, the term itself. */
    aliases: z.array(z.string().trim().min(1)).default([]),
    definition: z.string({ error: 'is missing: a definition in this edition’s own words' }).trim().min(20, 'must be a sentence in our own words'),
    source: glossarySourceSchema.optional(),
  })
  .strict();

/** The whole of content/data/glossary.yaml. */
export const glossaryFileSchema = z.object({ terms: z.array(glossaryEntrySchema).min(1) }).strict();

export type GlossaryEntry = z.infer<typeof glossaryEntrySchema>;

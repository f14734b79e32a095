// Schemas for the registry of published ids (content/ids/published.json) and retired ids (content/ids/redirects.yaml).
import { z } from 'zod';
import { SLUG, SLUG_ERROR } from './text';

const slug = z.string().regex(SLUG, SLUG_ERROR);

/** Every id a reader may have linked to, by kind. Kinds other than sections and paragraphs are optional. */
export const publishedIdsSchema = z
  .object({
    section: z.array(slug),
    paragraph: z.array(slug),
    event: z.array(slug).optional(),
    figure: z.array(slug).optional(),
    /** The epilogue's scorecard entries. */
    claim: z.array(slug).optional(),
  })
  .strict();
export type PublishedIds = z.infer<typeof publishedIdsSchema>;
export type IdKind = keyof PublishedIds;

/** Retired id → the id that now takes its place. An empty file means nothing has been retired. */
export const redirectsSchema = z
  .record(slug, slug)
  .nullable()
  .transform((r) => r ?? {});
export type Redirects = Record<string, string>;

// Places on the locator map: where each is, which country it lies in, what happened there and where the article says so.
import { z } from 'zod';

const slug = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const placeSchema = z
  .object({
    id: z.string({ error: 'is missing: a unique id (a lowercase slug)' }).regex(slug, 'must be a lowercase slug (letters, digits and hyphens)'),
    name: z.string({ error: 'is missing: the name a reader knows' }).trim().min(1),
    /** ISO 3166-1 numeric code of the country the place lies in, as world-atlas names its shapes. */
    country: z.string({ error: 'is missing: the ISO 3166-1 numeric code of the country' }).regex(/^\d{3}$/, 'must be a three-digit ISO 3166-1 numeric code, such as "586"'),
    lat: z.number({ error: 'is missing: latitude in degrees' }).min(-90).max(90),
    lon: z.number({ error: 'is missing: longitude in degrees' }).min(-180).max(180),
    /** One sentence in this edition's own words. */
    what: z.string({ error: 'is missing: what happened there, in one sentence' }).trim().min(10),
    /** Article paragraphs that mention the place. */
    paragraphs: z.array(z.string().regex(slug)).min(1, 'must name at least one article paragraph'),
    /** Timeline events that happened there. */
    events: z.array(z.string().regex(slug)).default([]),
    source: z.object({ title: z.string().trim().min(1), url: z.url({ protocol: /^https?$/ }) }).strict(),
  })
  .strict();

/** The whole of content/data/places.yaml. */
export const placesFileSchema = z.object({ places: z.array(placeSchema).min(1) }).strict();

export type Place = z.infer<typeof placeSchema>;

// Places on the locator map: where each is, which country it lies in, what happened there and where the article says so.
import { z } from 'zod';
import world from 'world-atlas/countries-50m.json';
import { required, httpUrl } from './source';
import { atMost, LINE_MAX, PARAGRAPH_MAX, SLUG, SLUG_ERROR } from './text';

/** The countries the map can draw: the ISO 3166-1 numeric ids of world-atlas's shapes (the finer, 1:50m set). */
export const MAP_COUNTRIES: ReadonlySet<string> = new Set(world.objects.countries.geometries.flatMap((g) => ('id' in g && g.id ? [String(g.id)] : [])));


export const placeSchema = z
  .object({
    id: z.string({ error: 'is missing: a unique id (a lowercase slug)' }).regex(SLUG, SLUG_ERROR),
    name: z.string({ error: 'is missing: the name a reader knows' }).trim().min(1).max(LINE_MAX, atMost(LINE_MAX)),
    /** ISO 3166-1 numeric code of the country the place lies in, as world-atlas names its shapes. */
    country: z.string({ error: required('the ISO 3166-1 numeric code of the country, such as "586"') })
      .regex(/^\d{3}$/, 'must be a three-digit ISO 3166-1 numeric code, such as "586"')
      .refine((c) => MAP_COUNTRIES.has(c), { error: (iss) => `"${String(iss.input)}" is not a country of the map data (world-atlas): use the ISO 3166-1 numeric code, such as "586" for Pakistan` }),
    lat: z.number({ error: required('latitude in degrees, north positive') })
      .min(-90, 'out of range: a latitude runs from -90 to 90 degrees').max(90, 'out of range: a latitude runs from -90 to 90 degrees'),
    lon: z.number({ error: required('longitude in degrees, east positive') })
      .min(-180, 'out of range: a longitude runs from -180 to 180 degrees').max(180, 'out of range: a longitude runs from -180 to 180 degrees'),
    /** One sentence in this edition's own words. */
    what: z.string({ error: 'is missing: what happened there, in one sentence' }).trim().min(10).max(PARAGRAPH_MAX, atMost(PARAGRAPH_MAX)),
    /** Article paragraphs that mention the place. */
    paragraphs: z.array(z.string().regex(SLUG, SLUG_ERROR)).min(1, 'must name at least one article paragraph'),
    /** Timeline events that happened there. */
    events: z.array(z.string().regex(SLUG, SLUG_ERROR)).default([]),
    source: z.object({ title: z.string().trim().min(1).max(LINE_MAX, atMost(LINE_MAX)), url: httpUrl() }).strict(),
  })
  .strict();

/** The whole of content/data/places.yaml. */
export const placesFileSchema = z.object({ places: z.array(placeSchema).min(1) }).strict();

export type Place = z.infer<typeof placeSchema>;

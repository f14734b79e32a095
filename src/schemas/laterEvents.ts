// The events after the article, 2019–2026: dated as the timeline's are, each reported by a rated source and tied to the verdict it bears on.
import { z } from 'zod';
import { datedEventShape, eventDateIssues, parseEvents, type DaySpan } from './timeline';
import { ratedSourceSchema } from './factSheet';

/** The years the "After the article" timeline draws. */
export const LATER_SPAN: DaySpan = { firstDay: '2019-01-01', lastDay: '2026-12-31' };

export const laterEventSchema = z
  .object({
    ...datedEventShape,
    /** The id of the scorecard's claim the event bears on; the event's title leads to its verdict. */
    claim: z.string({ error: 'is missing: the id of the claim in claims.yaml the event bears on' }).regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be the id of a claim in claims.yaml'),
    source: ratedSourceSchema,
  })
  .strict()
  .superRefine((e, ctx) => eventDateIssues(e, LATER_SPAN, (path, message) => ctx.addIssue({ code: 'custom', path: [path], message })));
export type LaterEvent = z.infer<typeof laterEventSchema>;

/** Parses content/data/later-events.yaml, naming the file, the event and the field for every bad row. */
export function parseLaterEvents(text: string, file: string): LaterEvent[] {
  return parseEvents(text, file, laterEventSchema);
}

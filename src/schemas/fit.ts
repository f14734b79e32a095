// Labels that a phone draws in a chart must fit there: measured by the one text estimate every figure uses
// (src/lib/charts/textBox.ts), which sets text at least as wide as the page's fonts do (tests/browser/bounds.test.ts).
import type { z } from 'zod';
import { textWidth, type TextStyle } from '../lib/charts/textBox';

export interface LabelRoom {
  /** Where the label is drawn, for the message: "above its bar". */
  where: string;
  room: number;
  fontSize: number;
  style?: TextStyle;
  /** The text as the chart draws it, e.g. in quotation marks. */
  drawn?: (text: string) => string;
}

/** The width, in pixels, a label takes as the chart draws it. */
export const labelWidth = (text: string, { fontSize, style, drawn = (t) => t }: LabelRoom): number => textWidth(drawn(text), fontSize, style);

/** Refuses a label wider than its room, saying how wide it is and how much room there is. */
export function fitsIn<S extends z.ZodType<string>>(schema: S, room: LabelRoom): S {
  return schema.refine((text) => labelWidth(text, room) <= room.room, {
    error: (iss) => `must fit ${room.where} on a phone: "${String(iss.input)}" takes about ${labelWidth(String(iss.input), room)} px of the ${Math.floor(room.room)} px there (shorten it, or use narrower letters)`,
  }) as unknown as S;
}

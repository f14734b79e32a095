// “What this edition found”: the short list under the headline, each item computed from the edition and linked to
// the place on the page that shows it.
import { formatPercent } from '../charts/formatUsd';
import type { Edition } from './edition';
import { ENDMATTER } from '../article/endmatter';

export interface Finding {
  id: string;
  /** The figure that leads the item: “4”, “35.3 %”. */
  figure: string;
  /** The rest of the item, read after the figure. */
  text: string;
  /** Where the page shows it: a same-page link. */
  href: string;
}

const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The items, in the order they are shown: one entry each, returning nothing where the edition has nothing to say. */
export const FINDINGS: ((edition: Edition) => Finding | undefined)[] = [
  // The notes: how many corrections, and how many slips of spelling, sit beside the author's text.
  ({ outline }) => {
    const corrections = outline.notes.filter((n) => n.kind === 'correction').length;
    const spelling = outline.notes.filter((n) => n.kind === 'spelling').length;
    if (corrections + spelling === 0) return undefined;
    return { id: 'corrections', figure: String(corrections), text: `${corrections === 1 ? 'correction' : 'corrections'} of fact and ${count(spelling, 'note')} on spelling, beside the text`, href: `#${ENDMATTER.corrections.id}` };
  },
  // Trade: the growth the two figures imply, against the rate the article states; linked to the note that says so.
  ({ tradeFacts, outline }) => {
    const { growthPercent, claimedPercent, paragraphId } = tradeFacts;
    if (claimedPercent === undefined || formatPercent(claimedPercent, 1) === formatPercent(growthPercent, 1)) return undefined;
    const note = outline.notes.find((n) => n.for === paragraphId && n.explains.length > 0);
    return { id: 'trade-growth', figure: formatPercent(growthPercent, 1), text: `growth in trade by the article’s own two figures, not the ${formatPercent(claimedPercent, 0)} it states`, href: `#${note?.id ?? paragraphId}` };
  },
  // The timeline: the events the article mentions, each dated, by the article or by the source the timeline names.
  ({ timeline, figures }) => {
    const events = timeline.events.length;
    const figure = figures.find((f) => f.component === 'Timeline');
    if (events === 0 || !figure) return undefined;
    return { id: 'timeline', figure: String(events), text: `${events === 1 ? 'event' : 'events'} the article mentions, dated and sourced on a timeline`, href: `#${figure.id}` };
  },
  // The epilogue: how many of the article's claims held up, as the editors judge them, and how many in part.
  ({ epilogue }) => {
    const claims = epilogue.claims.length;
    if (claims === 0) return undefined;
    const counted = (verdict: string) => epilogue.tally.find((t) => t.verdict === verdict)?.count ?? 0;
    const [held, partly] = [counted('borne-out'), counted('partly')];
    const asOf = epilogue.factsTo.slice(0, 4);
    return {
      id: 'claims',
      figure: `${held} of ${claims}`,
      text: `${claims === 1 ? 'claim' : 'claims'} in the article borne out by ${asOf}${partly > 0 ? `, and ${partly} more in part` : ''}, as the epilogue judges them`,
      href: `#${epilogue.id}`,
    };
  },
];

export function findings(edition: Edition): Finding[] {
  return FINDINGS.map((f) => f(edition)).filter((f): f is Finding => f !== undefined);
}

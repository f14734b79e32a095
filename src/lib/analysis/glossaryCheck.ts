// Checks the glossary against the article: every marked term exists, is marked once, and at its first appearance.
import type { Outline } from '../article/outline';
import type { GlossaryEntry } from '../../schemas/glossary';

/** The forms the article writes the term in (its aliases, or else its name), matched case-sensitively as whole words. */
export function termPattern(entry: GlossaryEntry): RegExp {
  const forms = (entry.aliases.length ? entry.aliases : [entry.term]).sort((a, b) => b.length - a.length).map((f) => RegExp.escape(f));
  return new RegExp(`(?<![\\p{L}\\p{N}-])(?:${forms.join('|')})(?![\\p{L}\\p{N}-])`, 'u');
}

export function glossaryProblems(outline: Pick<Outline, 'paragraphs' | 'terms'>, entries: GlossaryEntry[]): string[] {
  const problems: string[] = [];
  // One form, one entry: a term defined twice (under a new id, say) would be marked for one and left unmarked for the other.
  const owner = new Map<string, string>();
  for (const e of entries) {
    for (const form of new Set([e.term, ...e.aliases])) {
      const first = owner.get(form);
      if (first && first !== e.id) problems.push(`glossary entries "${first}" and "${e.id}" both give "${form}" (as a term or an alias): define a term once, and take the second entry out`);
      else owner.set(form, e.id);
    }
  }
  const byId = new Map(entries.map((e) => [e.id, e]));
  const marked = new Map<string, string>();
  for (const t of outline.terms) {
    const entry = byId.get(t.id);
    if (!entry) { problems.push(`line ${t.line}: <Term id="${t.id}"> in paragraph "${t.paragraphId}" is not in the glossary`); continue; }
    if (marked.has(t.id)) { problems.push(`line ${t.line}: term "${t.id}" is already marked in paragraph "${marked.get(t.id)}"; mark it only where it first appears`); continue; }
    marked.set(t.id, t.paragraphId);
    if (![entry.term, ...entry.aliases].includes(t.text)) {
      problems.push(`line ${t.line}: <Term id="${t.id}"> wraps "${t.text}", which is neither "${entry.term}" nor one of its aliases`);
      continue;
    }
    const pattern = termPattern(entry);
    for (const p of outline.paragraphs) {
      const m = pattern.exec(p.text);
      if (!m) continue;
      if (p.id !== t.paragraphId) {
        problems.push(`line ${t.line}: term "${t.id}" first appears as "${m[0]}" in paragraph "${p.id}"; mark it there, not in "${t.paragraphId}"`);
      } else if (m[0] !== t.text) {
        problems.push(`line ${t.line}: term "${t.id}" first appears in paragraph "${p.id}" as "${m[0]}"; mark "${m[0]}" there, not "${t.text}"`);
      }
      break;
    }
  }
  for (const e of entries) if (!marked.has(e.id)) problems.push(`glossary entry "${e.id}" is not marked in the article: wrap its first appearance in <Term id="${e.id}">`);
  return problems;
}

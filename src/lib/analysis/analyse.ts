// Runs every check of the analysis layer on the article's outline and data, and gathers what the page shows.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Outline } from '../article/outline';
import { ContentError } from '../../schemas/issues';
import { parseTimeline } from '../../schemas/timeline';
import { loadAnalysisData, dataFigures, tradeFacts } from './analysisData';
import { checkNumbers } from './numberCheck';
import { checkGlossary } from './glossaryCheck';
import { collectSources } from './sources';
import { marginNoteCapacity, noteProblems, placeProblems } from './analysisChecks';

/**
 * Checks the article (its outline, parsed from `file`) against the data in `contentDir`:
 * figures, notes, glossary terms and places. Throws a ContentError naming the file,
 * the paragraph, row or place, and the figure or field.
 */
export function analyse(outline: Outline, file: string, contentDir = process.env.SITE_CONTENT_DIR ?? 'content') {
  const data = loadAnalysisData(contentDir);
  const timelineFile = join(contentDir, 'data/timeline.yaml');
  const timeline = parseTimeline(readFileSync(timelineFile, 'utf8'), timelineFile);

  checkNumbers(file, outline.paragraphs, outline.notes, dataFigures(data));
  checkGlossary(file, outline, data.glossary);
  const notesCss = 'src/styles/notes.css';
  const capacity = { notes: marginNoteCapacity(readFileSync(join(process.cwd(), notesCss), 'utf8')), file: notesCss };
  const problems = [
    ...noteProblems(outline, capacity).map((p) => `${file}: ${p}`),
    ...placeProblems(data.places, new Set(outline.paragraphs.map((p) => p.id)), new Set(timeline.map((e) => e.id))).map((p) => `${data.files.places}: ${p}`),
  ];
  if (problems.length) throw new ContentError(`the analysis layer found problems\n${problems.map((p) => `  - ${p}`).join('\n')}`);

  const sources = collectSources([
    ...outline.notes.flatMap((n) => n.links.map((l) => ({ title: l.text, url: l.url }))),
    ...data.trade.flatMap((r) => r.evidence ?? []),
    ...data.deals.map((d) => d.confirmedBy),
    ...timeline.map((e) => (e as { source?: { title: string; url: string } }).source),
    ...data.glossary.map((g) => g.source),
    ...data.places.map((p) => p.source),
  ]);
  return { outline, file, data, timeline, facts: tradeFacts(data.trade, data.claims), sources };
}

export type Analysis = ReturnType<typeof analyse>;

// The analysis layer for the page build: reads the data, runs the checks, and shares the result with every component.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getEntry } from 'astro:content';
import { ARTICLE_ID, loadArticle } from '../article/loadArticle';
import { ContentError } from '../../schemas/issues';
import { parseTimeline } from '../../schemas/timeline';
import { loadAnalysisData, dataFigures, tradeFacts } from './analysisData';
import { checkNumbers } from './numberCheck';
import { checkGlossary } from './glossaryCheck';
import { collectSources } from './sources';
import { noteProblems, placeProblems } from './analysisChecks';

async function build() {
  const { outline, file, entry } = await loadArticle(getEntry);
  const data = loadAnalysisData();
  const contentDir = process.env.SITE_CONTENT_DIR ?? 'content';
  const timelineFile = join(contentDir, 'data/timeline.yaml');
  const timeline = parseTimeline(readFileSync(timelineFile, 'utf8'), timelineFile);

  checkNumbers(file, outline.paragraphs, outline.notes, dataFigures(data));
  checkGlossary(file, outline, data.glossary);
  const problems = [
    ...noteProblems(outline).map((p) => `${file}: ${p}`),
    ...placeProblems(data.places, new Set(outline.paragraphs.map((p) => p.id)), new Set(timeline.map((e) => e.id))).map((p) => `${data.files.places}: ${p}`),
  ];
  if (problems.length) throw new ContentError(`the analysis layer found problems\n${problems.map((p) => `  - ${p}`).join('\n')}`);

  const sources = collectSources([
    ...outline.notes.flatMap((n) => n.links.map((l) => ({ title: l.text, url: l.url }))),
    ...data.trade.flatMap((r) => r.evidence ?? []),
    ...data.deals.map((d) => d.confirmedBy),
    ...timeline.map((e) => (e as { source?: { title: string; url: string } }).source),
    ...data.glossary.map((g) => g.source),
  ]);
  return { entry, outline, file, data, timeline, facts: tradeFacts(data.trade, data.claims), sources };
}

let cached: { body: string; value: ReturnType<typeof build> } | undefined;

/** The checked analysis of the article, built once per version of the article's text. */
export async function articleAnalysis() {
  const entry = await getEntry('article', ARTICLE_ID);
  const body = entry?.body ?? '';
  if (!cached || cached.body !== body) cached = { body, value: build() };
  return cached.value;
}

// The components the article's MDX may use, passed to <Content components={…}>; `a` is every Markdown link.
// ARTICLE_COMPONENTS (src/lib/article/outline.ts) is the allow-list the build holds the MDX to: the `satisfies`
// keeps the two the same set of names.
import type { ArticleComponent } from '../../lib/article/outline';
import Section from './Section.astro';
import P from './P.astro';
import FigRef from './FigRef.astro';
import TradeChart from './TradeChart.astro';
import DealSizeChart from './DealSizeChart.astro';
import Timeline from './Timeline.astro';
import Note from './Note.astro';
import Term from './Term.astro';
import Computed from './Computed.astro';
import LocatorMap from './LocatorMap.astro';
import A from './A.astro';

export const mdxComponents = { Section, P, FigRef, TradeChart, DealSizeChart, Timeline, Note, Term, Computed, LocatorMap, a: A } satisfies Record<ArticleComponent | 'a', unknown>;

// The components the article's MDX may use, passed to <Content components={…}>.
import Section from './Section.astro';
import P from './P.astro';
import FigRef from './FigRef.astro';
import TradeChart from './TradeChart.astro';
import DealSizeChart from './DealSizeChart.astro';
import Timeline from './Timeline.astro';

export const mdxComponents = { Section, P, FigRef, TradeChart, DealSizeChart, Timeline };

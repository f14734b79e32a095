// The favicon as PNG at the sizes browsers and home screens ask for, rendered from public/favicon.svg.
import type { APIRoute, GetStaticPaths } from 'astro';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { renderIconPng } from '../../lib/og/renderCard';
import { png } from '../../lib/og/cards';
import { ICON_SIZES } from '../../lib/sharing/siteFiles';

export const getStaticPaths = (() => ICON_SIZES.map((size) => ({ params: { size: String(size) } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => {
  const svg = readFileSync(resolve(process.cwd(), 'public/favicon.svg'), 'utf8');
  return png(renderIconPng(svg, Number(params.size)));
};

// The favicon as PNG at the sizes browsers and home screens ask for, rendered from public/favicon.svg.
import svg from '../../../public/favicon.svg?raw';
import type { APIRoute, GetStaticPaths } from 'astro';
import { renderIconPng } from '../../lib/og/renderCard';
import { png } from '../../lib/og/cards';
import { ICON_SIZES } from '../../lib/sharing/siteFiles';

export const getStaticPaths = (() => ICON_SIZES.map((size) => ({ params: { size: String(size) } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => {
  return png(renderIconPng(svg, Number(params.size)));
};

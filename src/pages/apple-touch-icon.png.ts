// The home-screen icon for iOS: 180 px, opaque (iOS fills transparent corners with black), from public/favicon.svg.
import svg from '../../public/favicon.svg?raw';
import type { APIRoute } from 'astro';
import { renderIconPng } from '../lib/og/renderCard';
import { png } from '../lib/og/cards';

export const GET: APIRoute = () => {
  // The icon's own background colour fills the rounded corners.
  const fill = /fill="(#[0-9a-f]{3,8})"/i.exec(svg)?.[1];
  return png(renderIconPng(svg, 180, fill));
};

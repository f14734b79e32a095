// The home-screen icon for iOS: 180 px, opaque (iOS fills transparent corners with black), from public/favicon.svg.
import type { APIRoute } from 'astro';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { renderIconPng } from '../lib/og/renderCard';
import { png } from '../lib/og/cards';

export const GET: APIRoute = () => {
  const svg = readFileSync(resolve(process.cwd(), 'public/favicon.svg'), 'utf8');
  // The icon's own background colour fills the rounded corners.
  const fill = /fill="(#[0-9a-f]{3,8})"/i.exec(svg)?.[1];
  return png(renderIconPng(svg, 180, fill));
};

// Renders a card tree to PNG at build time with satori (layout to SVG) and resvg (SVG to PNG), using the bundled fonts.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import satori from 'satori';
import { Resvg } from '@resvg/resvg-js';
import { CARD_HEIGHT, CARD_WIDTH, type CardNode } from './cardTree';

// Resolved from the project root, where the build runs, so bundling does not move the lookup.
const require = createRequire(resolve(process.cwd(), 'package.json'));
const font = (pkg: string, file: string) => readFileSync(require.resolve(`${pkg}/files/${file}`));

type Font = { name: string; data: Buffer; weight: 400 | 600 | 700; style: 'normal' | 'italic' };
let fonts: Font[] | undefined;

/** Source Serif 4 and Source Sans 3 as WOFF (satori reads WOFF and TTF, not WOFF2). */
export function cardFonts(): Font[] {
  fonts ??= [
    { name: 'Serif', data: font('@fontsource/source-serif-4', 'source-serif-4-latin-700-normal.woff'), weight: 700, style: 'normal' },
    { name: 'Serif', data: font('@fontsource/source-serif-4', 'source-serif-4-latin-400-italic.woff'), weight: 400, style: 'italic' },
    { name: 'Sans', data: font('@fontsource/source-sans-3', 'source-sans-3-latin-600-normal.woff'), weight: 600, style: 'normal' },
  ];
  return fonts;
}

export async function renderCardPng(tree: CardNode): Promise<Uint8Array> {
  // satori's element type is React's; the tree has the same shape.
  const svg = await satori(tree as unknown as Parameters<typeof satori>[0], { width: CARD_WIDTH, height: CARD_HEIGHT, fonts: cardFonts() });
  return new Resvg(svg, { fitTo: { mode: 'original' } }).render().asPng();
}

/** Renders an SVG (the favicon) to a square PNG of `size` px, filling transparent corners with `background` if given. */
export function renderIconPng(svg: string, size: number, background?: string): Uint8Array {
  return new Resvg(svg, { fitTo: { mode: 'width', value: size }, ...(background ? { background } : {}) }).render().asPng();
}

/** Width and height from a PNG's IHDR chunk. */
export function pngSize(png: Uint8Array): { width: number; height: number } {
  const sig = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (!sig.every((b, i) => png[i] === b)) throw new Error('not a PNG');
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

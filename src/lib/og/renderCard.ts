// Renders a card tree to PNG at build time with satori (layout to SVG) and resvg (SVG to PNG), using the bundled fonts.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import satori from 'satori';
import { Resvg } from '@resvg/resvg-js';
import { CARD_HEIGHT, CARD_WIDTH, type CardNode } from './cardTree';
import { CARD_SUBSETS } from './cardGlyphs';

// Resolved from the project root, where the build runs, so bundling does not move the lookup.
const require = createRequire(resolve(process.cwd(), 'package.json'));
const font = (pkg: string, file: string) => readFileSync(require.resolve(`${pkg}/files/${file}`));

type Font = { name: string; data: Buffer; weight: 400 | 600 | 700; style: 'normal' | 'italic' };
let fonts: Font[] | undefined;

const FACES = [
  { pkg: '@fontsource/source-serif-4', name: 'Serif', weight: 700, style: 'normal' },
  { pkg: '@fontsource/source-serif-4', name: 'Serif', weight: 400, style: 'italic' },
  { pkg: '@fontsource/source-sans-3', name: 'Sans', weight: 600, style: 'normal' },
] as const;

/** Source Serif 4 and Source Sans 3 as WOFF (satori reads WOFF and TTF, not WOFF2), every subset of CARD_SUBSETS: satori takes each glyph from the file that has it. */
export function cardFonts(): Font[] {
  fonts ??= FACES.flatMap(({ pkg, name, weight, style }) => CARD_SUBSETS.map((subset) => ({
    name: `${name} ${subset}`, weight, style, data: font(pkg, `${pkg.split('/')[1]}-${subset}-${weight}-${style}.woff`),
  })));
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

// Reads the card palette from the light tokens in src/styles/tokens.css, so images and page share one set of colours.

export interface CardPalette {
  background: string;
  surface: string;
  text: string;
  muted: string;
  rule: string;
  accent: string;
}

const NEEDED: Record<keyof CardPalette, string> = {
  background: '--color-bg',
  surface: '--color-surface',
  text: '--color-text',
  muted: '--color-muted',
  rule: '--color-rule',
  accent: '--color-accent',
};

/** Takes the first (light) value of each colour token; throws naming the token when one is missing. */
export function cardPalette(tokensCss: string, file = 'src/styles/tokens.css'): CardPalette {
  const out = {} as CardPalette;
  for (const [key, token] of Object.entries(NEEDED) as [keyof CardPalette, string][]) {
    const match = new RegExp(`${token}\\s*:\\s*([^;]+);`).exec(tokensCss);
    if (!match) throw new Error(`${file}: the token ${token} is missing; the share cards need it`);
    out[key] = match[1]!.trim();
  }
  return out;
}

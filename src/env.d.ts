// Types for what the middleware puts on Astro.locals.
declare namespace App {
  interface Locals {
    edition: import('./lib/edition/getEdition').SiteEdition;
  }
}

// The addresses of the enhancements fetched when first needed (src/integrations/laterScripts.ts).
declare module 'virtual:bloc-later' {
  export const quote: string;
  export const chartTip: string;
}

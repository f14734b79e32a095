// Types for what the middleware puts on Astro.locals.
declare namespace App {
  interface Locals {
    edition: import('./lib/edition/getEdition').SiteEdition;
  }
}

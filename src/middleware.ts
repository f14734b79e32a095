// Hands every page and endpoint the edition, built once per version of the content (see lib/edition/getEdition.ts).
import { defineMiddleware } from 'astro:middleware';
import { getEdition } from './lib/edition/getEdition';

export const onRequest = defineMiddleware(async (context, next) => {
  context.locals.edition = await getEdition();
  return next();
});

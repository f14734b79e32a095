// The article's share card image, 1200×630, drawn at build time.
import type { APIRoute } from 'astro';
import { articleCardPng, png } from '../../lib/og/cards';

export const GET: APIRoute = async ({ locals }) => png(await articleCardPng(locals.edition.article));

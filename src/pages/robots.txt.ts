// robots.txt: everything may be crawled (card pages must be, for previews); points to the sitemap.
import type { APIRoute } from 'astro';
import { robotsTxt } from '../lib/sharing/siteFiles';

export const GET: APIRoute = ({ locals }) => new Response(robotsTxt(locals.edition.url), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });

// The web manifest: name and icons for "add to home screen".
import type { APIRoute } from 'astro';
import { getEntry } from 'astro:content';
import { loadArticle } from '../lib/article/loadArticle';
import { SITE_NAME } from '../lib/sharing/sectionCards';
import { webManifest } from '../lib/sharing/siteFiles';

export const GET: APIRoute = async () => {
  const { entry } = await loadArticle(getEntry);
  const body = JSON.stringify(webManifest(`${entry.data.headline} · ${SITE_NAME}`, 'Asian Bloc', entry.data.language), null, 2);
  return new Response(body, { headers: { 'Content-Type': 'application/manifest+json' } });
};

// Builds the site once for the build and browser layers and serves it on loopback.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import sirv from 'sirv';
import { childEnv } from './childEnv';

declare module 'vitest' {
  export interface ProvidedContext {
    distDir: string;
    baseUrl: string;
  }
}

export const ROOT = resolve(import.meta.dirname, '../..');

let ready: Promise<{ distDir: string; baseUrl: string; server: Server }> | undefined;
let users = 0;

function buildOnce() {
  const distDir = resolve(ROOT, process.env.SITE_OUT_DIR ?? '.cache/test-dist');
  if (process.env.SKIP_BUILD !== '1') {
    const result = spawnSync(process.execPath, [resolve(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build'], {
      cwd: ROOT,
      env: childEnv({ SITE_OUT_DIR: distDir, SITE_CACHE_DIR: process.env.SITE_CACHE_DIR ?? resolve(ROOT, '.cache/astro') }),
      encoding: 'utf8',
    });
    if (result.status !== 0) {
      throw new Error(`astro build failed:\n${result.stdout}\n${result.stderr}`);
    }
    // Kept beside the build, for the tests that read what the build did (each file read once, the edition built once).
    writeFileSync(`${distDir}.log`, result.stdout + result.stderr);
  }
  return distDir;
}

async function start() {
  const distDir = buildOnce();
  const serve = sirv(distDir, { dev: false, etag: true, extensions: ['html'] });
  const server = createServer((req, res) => serve(req, res, () => {
    res.statusCode = 404;
    res.end('not found');
  }));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  return { distDir, baseUrl: `http://127.0.0.1:${port}`, server };
}

export default async function setup(project: TestProject) {
  ready ??= start();
  users++;
  const { distDir, baseUrl } = await ready;
  project.provide('distDir', distDir);
  project.provide('baseUrl', baseUrl);
  return async () => {
    if (--users === 0) (await ready!).server.close();
  };
}

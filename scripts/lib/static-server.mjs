// Serves a built site on loopback as a static host would: precompressed brotli/gzip, `_headers` applied, 404.html for misses.
import { createServer } from 'node:http';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';
import sirv from 'sirv';
import { parseHeadersFile, headersFor } from './headers-file.mjs';

const COMPRESSIBLE = /\.(html|css|js|mjs|json|svg|xml|txt|csv|map|webmanifest|ico)$/;

/** Writes `.br` and `.gz` beside every text file, at the levels a CDN uses for static files. */
export async function precompress(dir) {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  for (const e of entries) {
    if (!e.isFile() || !COMPRESSIBLE.test(e.name)) continue;
    const file = join(e.parentPath, e.name);
    const body = readFileSync(file);
    writeFileSync(`${file}.br`, brotliCompressSync(body, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
    }));
    writeFileSync(`${file}.gz`, gzipSync(body, { level: 9 }));
  }
}

/**
 * @param {string} dir the built site
 * @param {{ port?: number, headers?: boolean, compressed?: boolean }} [options]
 * @returns {Promise<{ url: string, port: number, close: () => Promise<void> }>}
 */
export async function serveStatic(dir, { port = 0, headers = true, compressed = false } = {}) {
  const headersPath = join(dir, '_headers');
  const rules = headers && existsSync(headersPath) ? parseHeadersFile(readFileSync(headersPath, 'utf8')) : [];
  const notFound = join(dir, '404.html');
  const serve = sirv(dir, {
    dev: false,
    etag: true,
    extensions: ['html'],
    brotli: compressed,
    gzip: compressed,
  });
  const server = createServer((req, res) => {
    const pathname = new URL(req.url ?? '/', 'http://x').pathname;
    // The hosts never serve their own config file.
    if (pathname === '/_headers') { res.statusCode = 404; res.end(); return; }
    for (const [k, v] of Object.entries(headersFor(rules, pathname))) res.setHeader(k, v);
    serve(req, res, () => {
      res.statusCode = 404;
      if (existsSync(notFound)) {
        res.setHeader('Content-Type', 'text/html; charset=utf-8');
        res.end(readFileSync(notFound));
      } else res.end('not found');
    });
  });
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  const addr = server.address();
  const actual = typeof addr === 'object' && addr ? addr.port : port;
  return {
    url: `http://127.0.0.1:${actual}`,
    port: actual,
    close: () => new Promise((resolve) => { server.closeAllConnections?.(); server.close(() => resolve()); }),
  };
}

/** A free loopback port, so a site can be built for the URL it will be served from. */
export async function freePort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const addr = server.address();
  await new Promise((resolve) => server.close(resolve));
  return typeof addr === 'object' && addr ? addr.port : 0;
}

// A tiny static file server for the release build, the end-to-end journeys and the bench.
//
//   import { serve } from './serve.mjs';
//   const { url, close } = await serve('dist', { port: 0, host: '127.0.0.1', gzip: true });
//
//   node tests/e2e/serve.mjs <dir> [port] [host]     (prints the URL; Ctrl+C stops it)
//
// No dependencies. Serves `index.html` for directories (redirecting `/dir` to `/dir/` so that
// relative addresses resolve), sets the MIME type from the extension (`.wasm` is
// `application/wasm`, which `WebAssembly.instantiateStreaming` insists on), gzips when the
// request accepts it, never lets the browser cache (`Cache-Control: no-store`: every load in a
// journey or the bench is a cold load), answers 404 for anything missing and 403 for any path
// that would escape the root. The root check is lexical (on the decoded, normalised path), so
// a symbolic link inside the root may point elsewhere: that is how a test mounts `dist/` under
// a sub-path.

import { createServer } from 'node:http';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

export const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
};

// Types worth compressing (images are compressed already).
const COMPRESSIBLE = /^(text\/|application\/(json|wasm|javascript)|image\/svg)/;

/**
 * Files as sent compressed, by path, modification time and size: journeys load the same wasm
 * hundreds of times, and compressing it at level 9 cost the test process 17 ms of CPU per load
 * (a page a rewrite changed is compressed each time: such pages are small).
 */
const gzipped = new Map();

/** Maps a request path to a file path inside `root`, or null when it would leave the root. */
export function resolveInside(root, requestPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(requestPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const full = path.resolve(root, '.' + path.posix.normalize('/' + decoded.replace(/\\/g, '/')));
  if (full !== root && !full.startsWith(root + path.sep)) return null;
  return full;
}

/**
 * Closes an HTTP server now: its open connections too, so that a browser's keep-alive socket
 * (or a request it keeps open) cannot hold `close()` up. Every test server closes through it.
 */
export function closeServer(server) {
  return new Promise((resolve) => {
    server.closeAllConnections?.();
    server.close(() => resolve());
  });
}

/**
 * Starts a server. `port` 0 (default) picks a free port; `host` is '127.0.0.1' (default) or
 * 'localhost' (a second origin for an embedding host page); `gzip` defaults to true;
 * `rewrite(text, requestUrl)`, if given, may change HTML pages before they are sent (the
 * end-to-end host page fills in the widget's address this way); `handle(req, res)`, if given,
 * sees every request first and returns true when it answered it (the engine journeys' test
 * probes under `/__e2e__/`, tests/e2e/harness/probes.mjs).
 * Resolves to `{ url, port, close }`; `url` ends with '/'.
 */
export async function serve(root, { port = 0, host = '127.0.0.1', gzip = true, rewrite = null, handle = null } = {}) {
  const base = path.resolve(root);
  const listenHost = host === 'localhost' ? '127.0.0.1' : host;
  const server = createServer(async (req, res) => {
    const send = (status, body, headers = {}) => {
      res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', ...headers });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    try {
      if (handle && (await handle(req, res))) return;
      if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'method not allowed\n', { Allow: 'GET, HEAD' });
      const rawPath = (req.url || '/').split('?')[0].split('#')[0];
      let file = resolveInside(base, rawPath);
      if (file === null) return send(403, 'forbidden\n');
      let stat = await fs.stat(file).catch(() => null);
      if (stat && stat.isDirectory()) {
        if (!rawPath.endsWith('/')) {
          const query = (req.url || '').includes('?') ? (req.url || '').slice((req.url || '').indexOf('?')) : '';
          return send(301, 'moved\n', { Location: rawPath + '/' + query });
        }
        file = path.join(file, 'index.html');
        stat = await fs.stat(file).catch(() => null);
      }
      if (!stat || !stat.isFile()) return send(404, 'not found\n');
      const type = MIME[path.extname(file).toLowerCase()] || 'application/octet-stream';
      let body = await fs.readFile(file);
      const rewritten = Boolean(rewrite && type.startsWith('text/html'));
      if (rewritten) body = Buffer.from(rewrite(body.toString('utf8'), req.url || '/'), 'utf8');
      const headers = { 'Content-Type': type, 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' };
      const accepts = /\bgzip\b/.test(String(req.headers['accept-encoding'] || ''));
      if (gzip && accepts && COMPRESSIBLE.test(type) && body.length > 0) {
        const key = rewritten ? null : `${file}\0${stat.mtimeMs}\0${stat.size}`;
        body = (key && gzipped.get(key)) || zlib.gzipSync(body, { level: 9 });
        if (key) gzipped.set(key, body);
        headers['Content-Encoding'] = 'gzip';
        headers['Vary'] = 'Accept-Encoding';
      }
      headers['Content-Length'] = String(body.length);
      res.writeHead(200, headers);
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch (error) {
      send(500, `server error: ${error && error.message}\n`);
    }
  });
  // Journeys open many connections; never let a keep-alive socket hold `close()` up.
  server.keepAliveTimeout = 1000;
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, listenHost, resolve);
  });
  const actualPort = server.address().port;
  const url = `http://${host}:${actualPort}/`;
  return {
    url,
    port: actualPort,
    close: () => closeServer(server),
  };
}

// Command line: node tests/e2e/serve.mjs <dir> [port] [host]
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [dir, port = '8080', host = '127.0.0.1'] = process.argv.slice(2);
  if (!dir) {
    console.error('usage: node tests/e2e/serve.mjs <dir> [port] [host]');
    process.exit(2);
  }
  const stat = await fs.stat(dir).catch(() => null);
  if (!stat || !stat.isDirectory()) {
    console.error(`serve: ${dir} is not a directory (build first: bash scripts/build.sh)`);
    process.exit(2);
  }
  const { url } = await serve(dir, { port: Number(port), host });
  console.log(url);
}

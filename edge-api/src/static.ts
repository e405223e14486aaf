// Serves the built web app (web/dist) from the local system: files as they are, the app's
// index.html for any other page path (the app routes in the browser), never for the API's own
// paths. Hashed build output (/assets/…) is cached for a year; index.html, the service worker and
// everything else are revalidated each time, so a new build is seen at once.
import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import type { MiddlewareHandler } from 'hono';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.wasm': 'application/wasm',
  '.bin': 'application/octet-stream',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};

/** Paths the API answers: a miss there is the API's 404, never the app. */
const SERVER_PATH = /^\/(v1(\/|$)|healthz$|readyz$|metrics$)/;

export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const REVALIDATE = 'no-cache';

/**
 * Middleware serving `dir` (an existing directory holding index.html): register it after the
 * API's routes, so it sees only requests no route answered.
 */
export function webApp(dir: string): MiddlewareHandler {
  const root = resolve(dir);
  const file = async (path: string) => {
    let rel: string;
    try { rel = decodeURIComponent(path); } catch { return undefined; }
    if (rel.includes('\0')) return undefined;
    const full = resolve(join(root, rel));
    if (full !== root && !full.startsWith(root + sep)) return undefined;
    const s = await stat(full).catch(() => undefined);
    return s?.isFile() ? full : undefined;
  };
  return async function webApp(c, next) {
    const method = c.req.method;
    const path = c.req.path;
    if ((method !== 'GET' && method !== 'HEAD') || SERVER_PATH.test(path)) return next();
    let found = path === '/' ? undefined : await file(path);
    // a page of the app (anything but a missing build file): the app's shell, which routes in the
    // browser; page paths may hold dots (a replay's id), so only the build's own file types 404
    if (!found && !path.startsWith('/assets/') && TYPES[extname(path).toLowerCase()] === undefined) found = join(root, 'index.html');
    if (!found) return next();
    const body = await readFile(found).catch(() => undefined);
    if (!body) return next();
    const hashed = path.startsWith('/assets/');
    const headers = {
      'Content-Type': TYPES[extname(found).toLowerCase()] ?? 'application/octet-stream',
      'Content-Length': String(body.length),
      'Cache-Control': hashed ? IMMUTABLE : REVALIDATE,
    };
    return method === 'HEAD' ? c.body(null, 200, headers) : c.body(new Uint8Array(body), 200, headers);
  };
}

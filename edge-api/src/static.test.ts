// The web app as the local system serves it: files with their types and cache headers, the app's
// shell for its page paths, and the API's own paths never shadowed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Hono } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import { loadPool } from '@spellgrid/engine-as/src/host/node.ts';
import { createApp } from './app.ts';
import { IMMUTABLE, REVALIDATE, webApp } from './static.ts';
import { noPredictions, testEngine, TICKET_MS, WEB_ORIGIN } from './test-app.ts';
import { volunteers } from './volunteers.ts';

const pool = loadPool();

/** The real app with no predictions and no coordinator behind it, serving `webDist`. */
function testApp(o: { webDist?: string } = {}) {
  const log = () => {};
  const app = createApp({
    config: { webOrigin: WEB_ORIGIN, bodyLimitBytes: 1024, rateLimit: { burst: 1000, perSecond: 1 }, contributorRateLimit: { burst: 1000, perSecond: 1 } },
    pool, predictions: noPredictions, engine: testEngine, log, webDist: o.webDist,
    volunteers: volunteers(async () => { throw new Error('no coordinator in this test'); }, { ticketMs: TICKET_MS, log }),
  });
  return { app };
}

function dist(): string {
  const dir = mkdtempSync(join(tmpdir(), 'spellgrid-web-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Spellgrid</title>');
  writeFileSync(join(dir, 'sw.js'), 'self.addEventListener("fetch", () => {});');
  writeFileSync(join(dir, 'assets', 'index-abc123.js'), 'console.log(1)');
  writeFileSync(join(dir, 'assets', 'release-def456.wasm'), new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]));
  writeFileSync(join(dir, 'assets', 'cards-0a1b2c.bin'), new Uint8Array([1, 2, 3]));
  writeFileSync(join(join(dir, '..'), 'secret.txt'), 'not for the web');
  return dir;
}

test('files are served with their type; hashed assets cached for a year, the shell and the service worker revalidated', async () => {
  const { app } = testApp({ webDist: dist() });
  const index = await app.request('/');
  assert.equal(index.status, 200);
  assert.match(index.headers.get('content-type')!, /^text\/html/);
  assert.equal(index.headers.get('cache-control'), REVALIDATE);
  assert.match(await index.text(), /<title>Spellgrid/);

  const js = await app.request('/assets/index-abc123.js');
  assert.equal(js.status, 200);
  assert.match(js.headers.get('content-type')!, /^text\/javascript/);
  assert.equal(js.headers.get('cache-control'), IMMUTABLE);

  const wasm = await app.request('/assets/release-def456.wasm');
  assert.equal(wasm.headers.get('content-type'), 'application/wasm', 'WebAssembly.instantiateStreaming needs this type');
  assert.deepEqual(new Uint8Array(await wasm.arrayBuffer()).slice(0, 4), new Uint8Array([0, 97, 115, 109]));
  assert.equal((await app.request('/assets/cards-0a1b2c.bin')).headers.get('content-type'), 'application/octet-stream');

  const sw = await app.request('/sw.js');
  assert.equal(sw.status, 200);
  assert.equal(sw.headers.get('cache-control'), REVALIDATE);

  const head = await app.request('/sw.js', { method: 'HEAD' });
  assert.equal(head.status, 200);
  assert.equal(await head.text(), '');
});

test("the app's pages get its shell (SPA fallback); a missing file is a 404", async () => {
  const { app } = testApp({ webDist: dist() });
  for (const path of ['/predictions/abc', '/replays/abc.0.1', '/contribute', '/leaderboard', '/about', '/no/such/page']) {
    const r = await app.request(path);
    assert.equal(r.status, 200, path);
    assert.match(await r.text(), /<title>Spellgrid/, path);
    assert.equal(r.headers.get('cache-control'), REVALIDATE);
  }
  assert.equal((await app.request('/assets/gone-123.js')).status, 404);
  assert.equal((await app.request('/%2e%2e/secret.txt')).status, 404, 'no way out of the directory');
  assert.equal((await app.request('/..%2fsecret.txt')).status, 404, 'no way out of the directory');
});

test("the API's paths are never the app: /v1, health and metrics keep their own answers", async () => {
  const { app } = testApp({ webDist: dist() });
  const missing = await app.request('/v1/no-such-route');
  assert.equal(missing.status, 404);
  assert.equal(((await missing.json()) as { error: { code: string } }).error.code, 'not-found');
  assert.deepEqual(await (await app.request('/healthz')).json(), { ok: true });
  assert.match(await (await app.request('/metrics')).text(), /http_requests_total/);
  assert.equal((await app.request('/', { method: 'POST' })).status, 404);
});

test('without a web app the API answers alone', async () => {
  const { app } = testApp();
  assert.equal((await app.request('/')).status, 404);
  assert.equal((await app.request('/about')).status, 404);
});

test("secure headers leave the app's workers and WebAssembly alone: no CSP, no COEP by default", async () => {
  const app = new Hono();
  app.use(secureHeaders(), webApp(dist()));
  const r = await app.request('/');
  assert.equal(r.headers.get('content-security-policy'), null);
  assert.equal(r.headers.get('cross-origin-embedder-policy'), null);
  assert.equal(r.headers.get('cross-origin-resource-policy'), 'same-origin', 'same-origin fetches of the engine are allowed');
  assert.equal(r.headers.get('x-content-type-options'), 'nosniff', 'so every file needs its right type, as above');
});

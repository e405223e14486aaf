// What every request passes through: health, request ids, logs, secure headers, CORS, body
// limit, rate limit, errors and metrics.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { noPredictions, post, testApp, WEB_ORIGIN } from './test-app.ts';

test('healthz answers while alive; readyz only while ready', async () => {
  let ready = true;
  const { app } = testApp({ ready: () => ready });
  assert.deepEqual(await (await app.request('/healthz')).json(), { ok: true });
  const r = await app.request('/readyz');
  assert.equal(r.status, 200);
  assert.ok((await r.json()).cards > 100);
  ready = false;
  assert.equal((await app.request('/readyz')).status, 503);
  assert.equal((await app.request('/healthz')).status, 200);
});

test('a request id is generated, or kept from the request, and logged with the request', async () => {
  const { app, logs } = testApp();
  const r = await app.request('/healthz');
  const id = r.headers.get('X-Request-Id');
  assert.match(id ?? '', /^[0-9a-f-]{36}$/);
  assert.equal((await app.request('/healthz', { headers: { 'X-Request-Id': 'abc-123' } })).headers.get('X-Request-Id'), 'abc-123');
  assert.deepEqual({ ...logs[0], ms: 0 }, { level: 'info', msg: 'request', method: 'GET', path: '/healthz', status: 200, ms: 0, requestId: id });
});

test('secure headers are set', async () => {
  const { app } = testApp();
  const r = await app.request('/v1/cards');
  assert.equal(r.headers.get('X-Content-Type-Options'), 'nosniff');
  assert.equal(r.headers.get('X-Frame-Options'), 'SAMEORIGIN');
});

test('CORS allows the web origin and no other', async () => {
  const { app } = testApp();
  const allowed = await app.request('/v1/cards', { headers: { Origin: WEB_ORIGIN } });
  assert.equal(allowed.headers.get('Access-Control-Allow-Origin'), WEB_ORIGIN);
  const denied = await app.request('/v1/cards', { headers: { Origin: 'https://evil.example' } });
  assert.equal(denied.headers.get('Access-Control-Allow-Origin'), null);
  const preflight = await app.request('/v1/predictions', { method: 'OPTIONS', headers: { Origin: WEB_ORIGIN, 'Access-Control-Request-Method': 'POST' } });
  assert.equal(preflight.status, 204);
  assert.equal(preflight.headers.get('Access-Control-Allow-Origin'), WEB_ORIGIN);
  assert.match(preflight.headers.get('Access-Control-Allow-Methods') ?? '', /POST/);
});

test('a body over the limit is refused with 413', async () => {
  const { app } = testApp({ bodyLimitBytes: 1024 });
  const r = await app.request('/v1/decks/validate', post({ list: 'x'.repeat(2000) }));
  assert.equal(r.status, 413);
  assert.equal((await r.json()).error.code, 'too-large');
});

test('a body that is not JSON is a 400 bad-json', async () => {
  const { app } = testApp();
  const r = await app.request('/v1/decks/validate', post('{"list": '));
  assert.equal(r.status, 400);
  assert.equal((await r.json()).error.code, 'bad-json');
});

test('the rate limit answers 429 with Retry-After once the bucket is empty, and refills', async () => {
  const { app, clock } = testApp({ burst: 3 });
  for (let i = 0; i < 3; i++) assert.equal((await app.request('/v1/cards?limit=1')).status, 200);
  const r = await app.request('/v1/cards?limit=1');
  assert.equal(r.status, 429);
  assert.equal(r.headers.get('Retry-After'), '1');
  assert.equal((await r.json()).error.code, 'rate-limited');
  assert.equal((await app.request('/healthz')).status, 200, 'health checks are not rate limited');
  clock.ms += 1000;
  assert.equal((await app.request('/v1/cards?limit=1')).status, 200);
  assert.equal((await app.request('/v1/cards?limit=1')).status, 429);
});

test('an unexpected error is a generic 500 with the request id; the log has the details', async () => {
  const { app, logs } = testApp({ predictions: { ...noPredictions, status: () => { throw new Error('secret internal detail'); } } });
  const r = await app.request('/v1/predictions/abc');
  assert.equal(r.status, 500);
  const id = r.headers.get('X-Request-Id')!;
  const text = await r.text();
  assert.doesNotMatch(text, /secret|at .*\.ts/);
  assert.deepEqual(JSON.parse(text), { error: { code: 'internal', message: `internal error; request id ${id}` } });
  const logged = logs.find((l) => l['level'] === 'error')!;
  assert.equal(logged['requestId'], id);
  assert.equal(logged['error'], 'secret internal detail');
});

test('an unknown route is a 404 in the error shape', async () => {
  const { app } = testApp();
  const r = await app.request('/v1/nothing');
  assert.equal(r.status, 404);
  assert.equal((await r.json()).error.code, 'not-found');
});

test('metrics count requests by route pattern and status, with process metrics', async () => {
  const { app } = testApp();
  await app.request('/v1/cards/Boltwave');
  await app.request('/v1/cards/Boltwav');
  await app.request('/v1/nothing');
  const r = await app.request('/metrics');
  assert.match(r.headers.get('Content-Type') ?? '', /^text\/plain/);
  const text = await r.text();
  assert.match(text, /http_requests_total\{method="GET",route="\/v1\/cards\/:name",status="200"\} 1/);
  assert.match(text, /http_requests_total\{method="GET",route="\/v1\/cards\/:name",status="404"\} 1/);
  assert.match(text, /http_requests_total\{method="GET",route="unmatched",status="404"\} 1/);
  assert.match(text, /http_request_duration_seconds_bucket\{le="0.1",method="GET",route="\/v1\/cards\/:name",status="200"\} 1/);
  assert.match(text, /process_cpu_user_seconds_total/);
});

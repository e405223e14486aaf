import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { readConfig } from './config.ts';

test('configuration defaults to loopback, the Vite dev origin and 256 KiB bodies', () => {
  const c = readConfig({});
  assert.deepEqual({ ...c, workers: 0 }, {
    dataDir: fileURLToPath(new URL('../../data', import.meta.url)), webDist: fileURLToPath(new URL('../../web/dist', import.meta.url)), port: 8787, host: '127.0.0.1', webOrigin: 'http://localhost:5173', bodyLimitBytes: 262144,
    rateLimit: { burst: 60, perSecond: 2 }, workers: 0, queueLimit: 100,
    contributorRateLimit: { burst: 30, perSecond: 1 }, volunteers: { signingKey: undefined, sampleSecret: undefined, ticketMs: 900_000, maxTickets: 4 },
  });
  assert.ok(c.workers >= 1);
});

test('environment variables override it, and a bad one stops start-up naming it', () => {
  assert.equal(readConfig({ PORT: '9000', RATE_LIMIT_PER_SECOND: '0.5' }).rateLimit.perSecond, 0.5);
  assert.equal(readConfig({ PORT: '9000' }).port, 9000);
  assert.throws(() => readConfig({ PORT: 'eighty' }), /PORT/);
  assert.throws(() => readConfig({ WEB_ORIGIN: 'not a url' }), /WEB_ORIGIN/);
  assert.throws(() => readConfig({ RATE_LIMIT_BURST: '0' }), /RATE_LIMIT_BURST/);
  assert.equal(readConfig({ TICKET_SECONDS: '2.5' }).volunteers.ticketMs, 2500);
  assert.throws(() => readConfig({ SAMPLE_SECRET: 'short' }), /SAMPLE_SECRET/);
  assert.equal(readConfig({ DATA_DIR: '/var/lib/spellgrid' }).dataDir, '/var/lib/spellgrid');
  assert.equal(readConfig({ DATA_DIR: 'memory' }).dataDir, undefined, 'DATA_DIR=memory keeps nothing');
});

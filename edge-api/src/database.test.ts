// Which database the server keeps its state in: PGlite in DATA_DIR unless DATABASE_URL names a
// PostgreSQL server. The choice itself, and a real start on the test server (TEST_DATABASE_URL):
// the schema is migrated on start, a prediction played by the server is stored there, and a second
// server started on the same database finds it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freshPostgres, TEST_DATABASE_URL, withoutPostgres } from '@spellgrid/backend/src/storage/postgres-testing.ts';
import { readConfig } from './config.ts';
import { databaseChoice, openDatabase, startServer } from './start.ts';
import { until } from './testing/processes.ts';

test('DATABASE_URL unset: PGlite in DATA_DIR/db, or in memory; set: that PostgreSQL server, with the pool size asked for', () => {
  assert.deepEqual(databaseChoice(readConfig({ DATA_DIR: '/srv/spellgrid' })), { kind: 'pglite', dir: join('/srv/spellgrid', 'db') });
  assert.deepEqual(databaseChoice(readConfig({ DATA_DIR: 'memory' })), { kind: 'pglite', dir: undefined });
  assert.deepEqual(databaseChoice(readConfig({ DATA_DIR: 'memory', DATABASE_URL: '' })), { kind: 'pglite', dir: undefined }, 'empty is unset');
  assert.deepEqual(databaseChoice(readConfig({ DATABASE_URL: 'postgres://app:pw@db:5432/spellgrid' })), { kind: 'postgres', url: 'postgres://app:pw@db:5432/spellgrid', poolSize: 10 });
  assert.deepEqual(databaseChoice(readConfig({ DATABASE_URL: 'postgresql://db/spellgrid', DATABASE_POOL_SIZE: '25' })), { kind: 'postgres', url: 'postgresql://db/spellgrid', poolSize: 25 });
});

test('a bad DATABASE_URL stops start-up naming it, without echoing the value', () => {
  assert.throws(() => readConfig({ DATABASE_URL: 'mysql://app:s3cret@db/spellgrid' }), (e: Error) => /DATABASE_URL/.test(e.message) && !e.message.includes('s3cret'));
  assert.throws(() => readConfig({ DATABASE_POOL_SIZE: '0' }), /DATABASE_POOL_SIZE/);
});

test('a PostgreSQL server that cannot be reached fails the open, naming it without its password', async () => {
  const err = await openDatabase({ database: { url: 'postgres://app:s3cret@127.0.0.1:1/spellgrid', poolSize: 1 } }).then(() => undefined, (e: Error) => e);
  assert.ok(err instanceof Error);
  assert.match(err.message, /PostgreSQL at postgres:\/\/app:\*\*\*@127\.0\.0\.1:1\/spellgrid/);
  assert.doesNotMatch(err.message, /s3cret/);
});

test('npm start with DATABASE_URL: migrated on start, a prediction stored in PostgreSQL, found again by the next start', { skip: withoutPostgres, timeout: 120_000 }, async () => {
  const schema = await freshPostgres({ migrate: false }); // an empty schema of its own, dropped at the end
  const dataDir = mkdtempSync(join(tmpdir(), 'spellgrid-pg-start-'));
  const url = `${TEST_DATABASE_URL}${TEST_DATABASE_URL!.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema.schema}`)}`;
  const config = readConfig({ PORT: '0', DATA_DIR: dataDir, WORKERS: '1', DATABASE_URL: url, DATABASE_POOL_SIZE: '4' });
  const logs: Record<string, unknown>[] = [];
  let server = await startServer(config, (f) => void logs.push(f));
  try {
    assert.ok(logs.some((l) => l.msg === 'listening' && typeof l.database === 'string' && l.database.startsWith('postgres://spellgrid:***@')), 'the log names the server, not the password');
    const tables = await schema.query<{ n: number }>('SELECT count(*)::integer AS n FROM pg_tables WHERE schemaname = $1 AND tablename = $2', [schema.schema, 'predictions']);
    assert.equal(tables.rows[0]!.n, 1, 'migrated on start');
    const field = { name: 'two decks', decks: [{ name: 'Boros', share: 0.5, deck: 'boros-aggro' }, { name: 'Izzet', share: 0.5, deck: 'izzet-spells' }] };
    const r = await fetch(`${server.url}/v1/predictions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ deck: 'green-stompy', field, budget: 16, target: 0.4, seed: 7 }) });
    assert.equal(r.status, 202);
    const { id } = await r.json() as { id: string };
    const done = await until(`prediction ${id}`, 90_000, async () => {
      const s = await (await fetch(`${server.url}/v1/predictions/${id}`)).json() as { status: string; progress: { games: number } };
      return s.status === 'done' || s.status === 'failed' ? s : undefined;
    });
    assert.equal(done.status, 'done');
    const row = (await schema.query<{ state: string; n: number }>(
      'SELECT state, (SELECT coalesce(sum(jsonb_array_length(games)), 0)::integer FROM prediction_batches WHERE prediction = $1) AS n FROM predictions WHERE id = $1', [id])).rows[0];
    assert.deepEqual(row, { state: 'done', n: done.progress.games }, 'the prediction and its games are in PostgreSQL');
    await server.close();

    server = await startServer(config, () => {});
    const again = await (await fetch(`${server.url}/v1/predictions/${id}`)).json() as { status: string; progress: { games: number } };
    assert.deepEqual([again.status, again.progress.games], ['done', done.progress.games], 'the next start finds it');
  } finally {
    await server.close();
    await schema.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
});

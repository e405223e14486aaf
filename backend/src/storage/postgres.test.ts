// The PostgreSQL driver (postgres.ts) and the migrations on a real server (TEST_DATABASE_URL; each
// test in a schema of its own, dropped after it): up from empty, once; a second migrate changes
// nothing; processes starting at once do not clash; transactions commit or roll back whole.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { migrate, migrations } from './sql.ts';
import { openPostgres, redactUrl } from './postgres.ts';
import { freshPostgres, TEST_DATABASE_URL, withoutPostgres } from './postgres-testing.ts';

test('a URL is shown without its password', () => {
  assert.equal(redactUrl('postgres://spellgrid:s3cret@db.example:5432/spellgrid'), 'postgres://spellgrid:***@db.example:5432/spellgrid');
  assert.equal(redactUrl('postgres://db.example/spellgrid'), 'postgres://db.example/spellgrid');
  assert.equal(redactUrl('postgres://u@h/d?password=s3cret&sslmode=require'), 'postgres://u@h/d?password=***&sslmode=require');
  assert.equal(redactUrl('host=h password=s3cret dbname=d'), 'host=h password=*** dbname=d');
});

test('a server that cannot be reached fails the open with the URL, its password left out', async () => {
  // port 1 on loopback: nothing listens there, the connection is refused at once
  const err = await openPostgres('postgres://spellgrid:s3cret@127.0.0.1:1/spellgrid', { connectTimeoutMs: 5000 }).then(() => undefined, (e: Error) => e);
  assert.ok(err instanceof Error, 'the open fails');
  assert.match(err.message, /^PostgreSQL at postgres:\/\/spellgrid:\*\*\*@127\.0\.0\.1:1\/spellgrid: /);
  assert.doesNotMatch(err.message, /s3cret/);
});

const versions = async (db: { query: (t: string) => Promise<{ rows: Record<string, unknown>[] }> }) =>
  (await db.query('SELECT version, applied_at FROM volunteer_schema ORDER BY version')).rows;

test('migrating an empty database applies every migration once; again, nothing changes', { skip: withoutPostgres }, async () => {
  const db = await freshPostgres({ migrate: false });
  try {
    assert.equal((await db.query(`SELECT count(*)::integer AS n FROM pg_tables WHERE schemaname = $1`, [db.schema])).rows[0]!.n, 0, 'empty to begin with');
    assert.equal(await migrate(db), migrations.length);
    const first = await versions(db);
    assert.deepEqual(first.map((r) => r.version), migrations.map((_, k) => k + 1));
    for (const table of ['volunteer_contributors', 'volunteer_work', 'volunteer_tickets', 'volunteer_tallies', 'predictions', 'prediction_batches', 'prediction_outcomes', 'prediction_matchup_counts']) {
      assert.equal((await db.query('SELECT count(*)::integer AS n FROM pg_tables WHERE schemaname = $1 AND tablename = $2', [db.schema, table])).rows[0]!.n, 1, table);
    }
    assert.equal(await migrate(db), migrations.length);
    assert.deepEqual(await versions(db), first, 'no version applied again (same rows, same times)');
  } finally {
    await db.close();
  }
});

test('several processes opening one empty database at once migrate it once between them', { skip: withoutPostgres }, async () => {
  const db = await freshPostgres({ migrate: false });
  const others = await Promise.all(Array.from({ length: 4 }, () => openPostgres(TEST_DATABASE_URL!, { schema: db.schema, migrate: false, poolSize: 2 })));
  try {
    const got = await Promise.all([...others, db].map((d) => migrate(d)));
    assert.deepEqual(got, got.map(() => migrations.length));
    assert.deepEqual((await versions(db)).map((r) => r.version), migrations.map((_, k) => k + 1));
    // and openPostgres, which migrates, agrees with the result
    const again = await openPostgres(TEST_DATABASE_URL!, { schema: db.schema });
    await again.close();
    assert.equal((await versions(db)).length, migrations.length);
  } finally {
    await Promise.all(others.map((d) => d.close()));
    await db.close();
  }
});

test('a transaction commits what it did when it resolves, nothing when it throws, and holds one connection', { skip: withoutPostgres }, async () => {
  const db = await freshPostgres({ migrate: false, poolSize: 3 });
  try {
    await db.query('CREATE TABLE t (k integer PRIMARY KEY)');
    assert.equal(await db.transaction(async (tx) => {
      await tx.query('INSERT INTO t VALUES (1)');
      await tx.query('SET LOCAL application_name = $$one connection$$');
      return (await tx.query<{ a: string }>('SELECT current_setting($1) AS a', ['application_name'])).rows[0]!.a;
    }), 'one connection', 'the statements of a transaction share its connection');
    await assert.rejects(db.transaction(async (tx) => {
      await tx.query('INSERT INTO t VALUES (2)');
      throw new Error('changed my mind');
    }), /changed my mind/);
    await assert.rejects(db.transaction(async (tx) => {
      await tx.query('INSERT INTO t VALUES (3)');
      await tx.query('INSERT INTO t VALUES (1)'); // a server error: duplicate key
    }), (e: Error & { code?: string }) => e.code === '23505');
    assert.deepEqual((await db.query('SELECT k FROM t ORDER BY k')).rows, [{ k: 1 }]);
    // connections went back to the pool: more transactions than it holds still run
    await Promise.all(Array.from({ length: 8 }, (_, k) => db.transaction((tx) => tx.query('INSERT INTO t VALUES ($1)', [10 + k]))));
    assert.equal((await db.query<{ n: number }>('SELECT count(*)::integer AS n FROM t')).rows[0]!.n, 9);
  } finally {
    await db.close();
  }
});

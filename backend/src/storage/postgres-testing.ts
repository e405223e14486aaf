// For tests against a real PostgreSQL server: the server is named by TEST_DATABASE_URL
// (infra/dev/postgres.sh starts one and prints it); each test gets a schema of its own, made empty
// and dropped when the test closes its database, so tests never see each other's rows.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openPostgres, type PostgresOptions } from './postgres.ts';
import type { Database } from './pglite.ts';

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL || undefined;

/** node:test's `skip` for a test that needs the server: false when there is one, else why it is skipped. */
export const withoutPostgres: string | false = TEST_DATABASE_URL === undefined
  ? 'TEST_DATABASE_URL is unset: run `infra/dev/postgres.sh start && eval "$(infra/dev/postgres.sh env)"` (or infra/dev/with-servers.sh) to test against a real PostgreSQL'
  : false;

async function admin<T>(f: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: TEST_DATABASE_URL, connectionTimeoutMillis: 10_000 });
  await c.connect();
  try { return await f(c); } finally { await c.end(); }
}

export interface TestDatabase extends Database {
  schema: string;
}

/**
 * A database on the test server in a new, empty schema: migrated unless `options.migrate` is
 * false. close() closes its pool and drops the schema with everything in it.
 */
export async function freshPostgres(options: PostgresOptions = {}): Promise<TestDatabase> {
  if (TEST_DATABASE_URL === undefined) throw new Error(withoutPostgres as string);
  const schema = `test_${randomBytes(6).toString('hex')}`;
  await admin((c) => c.query(`CREATE SCHEMA ${schema}`));
  const drop = () => admin((c) => c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`));
  let db: Database;
  try {
    db = await openPostgres(TEST_DATABASE_URL, { poolSize: 4, ...options, schema });
  } catch (e) {
    await drop();
    throw e;
  }
  let closed: Promise<void> | undefined;
  return {
    ...db, schema,
    close: () => (closed ??= db.close().then(async () => { await drop(); })),
  };
}

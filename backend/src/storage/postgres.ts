// A PostgreSQL server as Spellgrid's database: a `pg` connection pool behind the SqlClient every
// store uses, migrated on open like the embedded database (pglite.ts). Each query takes a pooled
// connection for itself; a transaction holds one connection from BEGIN to COMMIT (or ROLLBACK).
import pg from 'pg';
import { migrate, type SqlClient, type SqlQueryable } from './sql.ts';
import type { Database } from './pglite.ts';

export interface PostgresOptions {
  /** Connections the pool opens at most (default 10). */
  poolSize?: number;
  /** Milliseconds to wait for a connection before a query fails (default 10 000). */
  connectTimeoutMs?: number;
  /** Milliseconds an unused connection stays open (default 30 000). */
  idleTimeoutMs?: number;
  /** The schema every connection works in (search_path), instead of the role's default (public). */
  schema?: string;
  /** Skips the migrations (a test that migrates by hand). */
  migrate?: boolean;
  /** Told of an error on an idle connection (the server went away); by default written to stderr. */
  onError?: (err: Error) => void;
}

/** `url` with its password replaced by ***, safe to log or put in an error. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password !== '') u.password = '***';
    for (const k of [...u.searchParams.keys()]) if (/pass/i.test(k)) u.searchParams.set(k, '***');
    return u.toString();
  } catch {
    return url.replace(/(password\s*=\s*)\S+/gi, '$1***').replace(/\/\/([^:/@]*):[^@/]*@/, '//$1:***@');
  }
}

/** Connection failures and the like have no SQLSTATE (five characters); an error the server reports about a statement does. */
const fromServer = (e: unknown) => typeof (e as { code?: unknown }).code === 'string' && /^[0-9A-Z]{5}$/.test((e as { code: string }).code);

const naming = (where: string, e: unknown): Error => {
  const err = e instanceof Error ? e : new Error(String(e));
  const named = new Error(`PostgreSQL at ${where}: ${err.message || (err as { code?: string }).code || 'connection failed'}`, { cause: err });
  return Object.assign(named, { code: (err as { code?: unknown }).code });
};

/** The SqlClient on a pool. */
export function poolClient(pool: pg.Pool, where: string): SqlClient {
  const query = async <T>(q: SqlQueryable | pg.Pool | pg.PoolClient, text: string, params?: unknown[]) => {
    try {
      const r = await (q as pg.Pool).query(text, params as unknown[]);
      return { rows: r.rows as T[] };
    } catch (e) {
      throw fromServer(e) ? e : naming(where, e);
    }
  };
  return {
    query: <T extends Record<string, unknown>>(text: string, params?: unknown[]) => query<T>(pool, text, params),
    async transaction<T>(f: (tx: SqlQueryable) => Promise<T>): Promise<T> {
      let client: pg.PoolClient;
      try { client = await pool.connect(); } catch (e) { throw naming(where, e); }
      let broken: Error | undefined;
      try {
        await client.query('BEGIN');
        const value = await f({ query: <R extends Record<string, unknown>>(text: string, params?: unknown[]) => query<R>(client, text, params) });
        await client.query('COMMIT');
        return value;
      } catch (e) {
        try { await client.query('ROLLBACK'); } catch (r) { broken = r as Error; } // the connection is gone: the pool must not reuse it
        throw fromServer(e) || e instanceof Error && e.message.startsWith('PostgreSQL at ') ? e : naming(where, e);
      } finally {
        client.release(broken);
      }
    },
  };
}

/**
 * The database at `url` (postgres://user:password@host:port/database), migrated to the current
 * schema version. Several processes may open one database at once: migrate() serializes them.
 * Errors name the URL without its password.
 */
export async function openPostgres(url: string, options: PostgresOptions = {}): Promise<Database> {
  const where = redactUrl(url);
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 10_000,
    idleTimeoutMillis: options.idleTimeoutMs ?? 30_000,
    // a quoted identifier, so any schema name works
    ...(options.schema === undefined ? {} : { options: `-c search_path="${options.schema.replace(/"/g, '""')}"` }),
  });
  pool.on('error', options.onError ?? ((err) => process.stderr.write(`PostgreSQL at ${where}: idle connection: ${err.message}\n`)));
  const db = poolClient(pool, where);
  let closed: Promise<void> | undefined;
  const close = () => (closed ??= pool.end());
  try {
    if (options.migrate ?? true) await migrate(db);
    else await db.query('SELECT 1');
  } catch (e) {
    await close();
    throw e instanceof Error && e.message.startsWith('PostgreSQL at ') ? e : naming(where, e);
  }
  return { ...db, close };
}

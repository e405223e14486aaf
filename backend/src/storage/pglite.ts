// The embedded database: PGlite (PostgreSQL compiled to WASM, in process) in a local data
// directory, migrated on open, running the same schema and queries a PostgreSQL server would.
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { migrate, type SqlClient } from './sql.ts';

export interface Database extends SqlClient {
  /** Flushes and closes the database; it is unusable afterwards. */
  close(): Promise<void>;
}

/** The database in `dataDir` (created with its parents if missing; reopening it sees everything), or in memory if undefined. */
export async function openPglite(dataDir?: string): Promise<Database> {
  if (dataDir !== undefined) mkdirSync(dataDir, { recursive: true }); // PGlite makes only the last folder
  const db = await PGlite.create(dataDir);
  try {
    await migrate(db);
  } catch (e) {
    await db.close();
    throw e;
  }
  return db;
}

// The coordinator's embedded durable store: PGlite (PostgreSQL compiled to WASM, in process)
// running the same schema and queries as a PostgreSQL server would (sql.ts).
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import type { CoordinatorStore } from './store.ts';
import { migrate, sqlStore } from './sql.ts';

export interface ClosableStore extends CoordinatorStore {
  /** Flushes and closes the database; the store is unusable afterwards. */
  close(): Promise<void>;
}

/** A store in `dataDir` (created with its parents if missing; reopening it sees everything), or in memory if undefined. */
export async function pgliteStore(dataDir?: string): Promise<ClosableStore> {
  if (dataDir !== undefined) mkdirSync(dataDir, { recursive: true }); // PGlite makes only the last folder
  const db = await PGlite.create(dataDir);
  try {
    await migrate(db);
  } catch (e) {
    await db.close();
    throw e;
  }
  return { ...sqlStore(db), close: () => db.close() };
}

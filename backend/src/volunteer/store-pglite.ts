// The coordinator's embedded durable store: PGlite (PostgreSQL compiled to WASM, in process)
// running the same schema and queries as a PostgreSQL server would (sql.ts).
import { PGlite } from '@electric-sql/pglite';
import type { CoordinatorStore } from './store.ts';
import { migrate, sqlStore } from './sql.ts';

export interface ClosableStore extends CoordinatorStore {
  /** Flushes and closes the database; the store is unusable afterwards. */
  close(): Promise<void>;
}

/** A store in `dataDir` (created if missing; reopening it sees everything), or in memory if undefined. */
export async function pgliteStore(dataDir?: string): Promise<ClosableStore> {
  const db = await PGlite.create(dataDir);
  try {
    await migrate(db);
  } catch (e) {
    await db.close();
    throw e;
  }
  return { ...sqlStore(db), close: () => db.close() };
}

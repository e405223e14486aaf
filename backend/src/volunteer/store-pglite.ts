// The coordinator's store alone on an embedded database (tests, tools); the API opens one database
// for all its stores (../storage/pglite.ts).
import { openPglite } from '../storage/pglite.ts';
import type { CoordinatorStore } from './store.ts';
import { sqlStore } from './sql.ts';

export interface ClosableStore extends CoordinatorStore {
  close(): Promise<void>;
}

/** A store in `dataDir` (see openPglite), or in memory if undefined. */
export async function pgliteStore(dataDir?: string): Promise<ClosableStore> {
  const db = await openPglite(dataDir);
  return { ...sqlStore(db), close: () => db.close() };
}

// The outcome store's conformance suite on memory, PGlite and (when TEST_DATABASE_URL is set) a
// real PostgreSQL server, each test on an empty database or schema.
import { openPglite } from './pglite.ts';
import { memoryOutcomeStore, sqlOutcomeStore } from './outcomes.ts';
import { outcomeConformance } from './outcomes.conformance.ts';
import { freshPostgres, withoutPostgres } from './postgres-testing.ts';

outcomeConformance('memory', async () => ({ store: memoryOutcomeStore(), close: async () => {} }));
outcomeConformance('pglite', async () => { const db = await openPglite(); return { store: sqlOutcomeStore(db), close: () => db.close() }; });
outcomeConformance('postgres', async () => { const db = await freshPostgres(); return { store: sqlOutcomeStore(db), close: () => db.close() }; }, withoutPostgres);

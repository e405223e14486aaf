// Spellgrid's SQL database: the driver interface every store uses, and the schema as versioned
// migrations, written once for PostgreSQL and run on PGlite (pglite.ts) or a real server. Each
// store's queries live beside its interface (volunteer/sql.ts, predictions/sql.ts).
export type Row = Record<string, unknown>;

export interface SqlQueryable {
  query<T extends Row = Row>(text: string, params?: unknown[]): Promise<{ rows: T[] }>;
}

export interface SqlClient extends SqlQueryable {
  /** Runs `f` in one transaction: committed if it resolves, rolled back if it throws. */
  transaction<T>(f: (tx: SqlQueryable) => Promise<T>): Promise<T>;
}

/**
 * Migration k (1-based, its statements in order) takes the schema from version k−1 to k. Append only: a released
 * migration is never edited, so every database goes through the same steps. `seq` keeps the order
 * records were first put in, which is the order the memory store lists them in.
 */
export const migrations: readonly (readonly string[])[] = [[
  `CREATE TABLE volunteer_contributors (
     handle text PRIMARY KEY,
     seq integer GENERATED ALWAYS AS IDENTITY,
     public_key text NOT NULL,
     registered_at bigint NOT NULL,
     trust integer NOT NULL,
     verified_games integer NOT NULL,
     pending_games integer NOT NULL,
     rejected_games integer NOT NULL,
     compute_seconds double precision NOT NULL
   )`,
  `CREATE TABLE volunteer_work (
     id text PRIMARY KEY,
     job jsonb NOT NULL,
     state text NOT NULL,
     ord integer NOT NULL,
     tickets integer NOT NULL,
     holders text[] NOT NULL,
     games jsonb,
     contributor text
   )`,
  `CREATE INDEX volunteer_work_queue ON volunteer_work (ord) WHERE state = 'queued'`,
  `CREATE TABLE volunteer_tickets (
     id text PRIMARY KEY,
     seq integer GENERATED ALWAYS AS IDENTITY,
     assignee text NOT NULL,
     work text NOT NULL,
     state text NOT NULL,
     signed jsonb NOT NULL,
     result jsonb,
     submitted_at bigint,
     replayed jsonb,
     mismatch text
   )`,
  `CREATE INDEX volunteer_tickets_state ON volunteer_tickets (state, assignee)`,
  `CREATE TABLE volunteer_tallies (
     contributor text NOT NULL,
     matchup text NOT NULL,
     seq integer GENERATED ALWAYS AS IDENTITY,
     wins integer NOT NULL,
     losses integer NOT NULL,
     PRIMARY KEY (contributor, matchup)
   )`,
], [
  // Predictions and the games of each batch they played, so a restarted service replays a
  // prediction from its stored batches instead of playing (or counting) them again.
  `CREATE TABLE predictions (
     id text PRIMARY KEY,
     seq integer GENERATED ALWAYS AS IDENTITY,
     state text NOT NULL,
     job jsonb NOT NULL,
     progress jsonb NOT NULL,
     result jsonb,
     error text,
     created_at bigint NOT NULL
   )`,
  `CREATE INDEX predictions_unfinished ON predictions (seq) WHERE state IN ('queued', 'running')`,
  `CREATE TABLE prediction_batches (
     prediction text NOT NULL REFERENCES predictions (id),
     key text NOT NULL,
     games jsonb NOT NULL,
     PRIMARY KEY (prediction, key)
   )`,
], [
  // Each ticket request expires the issued tickets past their expiry: an index on the expiry in
  // the signed ticket finds them without reading every issued ticket.
  `CREATE INDEX volunteer_tickets_due ON volunteer_tickets (((signed->'ticket'->>'expiresAt')::bigint)) WHERE state = 'issued'`,
], [
  // The rounds of a finished prediction: each matchup's estimate after each round.
  `ALTER TABLE predictions ADD COLUMN rounds jsonb`,
], [
  // Per-game outcomes keyed so a result delivered twice is counted once, and each matchup's
  // running totals beside them (storage/outcomes.ts). No foreign key to predictions: the
  // aggregating consumer may record games before the prediction's row is written where it runs.
  `CREATE TABLE prediction_outcomes (
     prediction text NOT NULL,
     job text NOT NULL,
     game integer NOT NULL,
     matchup text NOT NULL,
     result text NOT NULL CHECK (result IN ('win', 'loss', 'draw')),
     PRIMARY KEY (prediction, job, game)
   )`,
  `CREATE TABLE prediction_matchup_counts (
     prediction text NOT NULL,
     matchup text NOT NULL,
     games integer NOT NULL,
     wins integer NOT NULL,
     losses integer NOT NULL,
     draws integer NOT NULL,
     PRIMARY KEY (prediction, matchup)
   )`,
]];

/** Applies the migrations the database has not had, in one transaction; returns the schema version. */
export async function migrate(db: SqlClient): Promise<number> {
  return db.transaction(async (tx) => {
    // Several processes may start on one server at once: one migrates, the others wait and see it done.
    await tx.query('SELECT pg_advisory_xact_lock(7301)');
    await tx.query('CREATE TABLE IF NOT EXISTS volunteer_schema (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())');
    const { rows } = await tx.query<{ v: number }>('SELECT coalesce(max(version), 0)::integer AS v FROM volunteer_schema');
    for (let v = rows[0]!.v; v < migrations.length; v++) {
      for (const statement of migrations[v]!) await tx.query(statement);
      await tx.query('INSERT INTO volunteer_schema (version) VALUES ($1)', [v + 1]);
    }
    return migrations.length;
  });
}


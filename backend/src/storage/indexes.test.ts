// Every lookup the API makes through the stores is served by an index: the tables are filled with
// a realistic spread (most work done, a few tickets issued, a few predictions running) and
// ANALYZEd, each store method is run with its SELECTs recorded and EXPLAINed, and the plan must
// use one of the indexes meant for it and read no table whole. On PGlite, and on a real PostgreSQL
// (TEST_DATABASE_URL). The whole-table listings (contributors(), tallies(), workCount()) read every
// row by design and are not checked.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPglite } from './pglite.ts';
import { freshPostgres, withoutPostgres } from './postgres-testing.ts';
import type { SqlClient, SqlQueryable } from './sql.ts';
import { sqlStore } from '../volunteer/sql.ts';
import { sqlPredictionStore } from '../predictions/sql.ts';
import { sqlOutcomeStore } from './outcomes.ts';

/** Which indexes may serve each store method (one SELECT each). */
const expected: [string, string[]][] = [
  ['contributor', ['volunteer_contributors_pkey']],
  ['work', ['volunteer_work_pkey']],
  ['nextQueued', ['volunteer_work_queue']],
  ['ticket', ['volunteer_tickets_pkey']],
  ['ticketsIn(state)', ['volunteer_tickets_state']],
  // only issued tickets are in volunteer_tickets_due: either index finds them
  ['ticketsIn(state, assignee)', ['volunteer_tickets_state', 'volunteer_tickets_due']],
  ['issuedCount', ['volunteer_tickets_state', 'volunteer_tickets_due']],
  ['dueTickets', ['volunteer_tickets_due']],
  ['prediction get', ['predictions_pkey']],
  ['unfinished', ['predictions_unfinished']],
  ['batch', ['prediction_batches_pkey']],
  ['storedGames', ['prediction_batches_pkey']],
  ['counted', ['prediction_matchup_counts_pkey']],
];

const fill = [
  `INSERT INTO volunteer_contributors (handle, public_key, registered_at, trust, verified_games, pending_games, rejected_games, compute_seconds)
   SELECT 'c' || i, 'key', 0, 1, 0, 0, 0, 0 FROM generate_series(1, 2000) AS i`,
  `INSERT INTO volunteer_work (id, job, state, ord, tickets, holders)
   SELECT 'p:' || i, '{}', CASE WHEN i % 100 = 0 THEN 'queued' ELSE 'verified' END, i, 1, ARRAY['c' || (i % 2000)] FROM generate_series(1, 5000) AS i`,
  `INSERT INTO volunteer_tickets (id, assignee, work, state, signed)
   SELECT 'p:' || i || '#1', 'c' || (i % 2000), 'p:' || i, CASE i % 100 WHEN 0 THEN 'issued' WHEN 1 THEN 'submitted' ELSE 'verified' END,
     jsonb_build_object('ticket', jsonb_build_object('expiresAt', 1767225600000 + i)) FROM generate_series(1, 20000) AS i`,
  `INSERT INTO predictions (id, state, job, progress, created_at)
   SELECT 'p' || i, CASE WHEN i % 200 = 0 THEN 'running' ELSE 'done' END, '{}', '{}', i FROM generate_series(1, 2000) AS i`,
  `INSERT INTO prediction_batches (prediction, key, games) SELECT 'p' || (i % 2000 + 1), 'k' || i, '[]' FROM generate_series(1, 20000) AS i`,
  `INSERT INTO prediction_matchup_counts (prediction, matchup, games, wins, losses, draws)
   SELECT 'p' || (i % 2000 + 1), 'm' || (i / 2000), 4, 2, 1, 1 FROM generate_series(1, 10000) AS i`,
  'ANALYZE volunteer_contributors, volunteer_work, volunteer_tickets, predictions, prediction_batches, prediction_matchup_counts',
];

async function plans(db: SqlClient): Promise<Map<string, string>> {
  return db.transaction(async (tx) => {
    for (const statement of fill) await tx.query(statement);
    let seen: string[] = [];
    const recording: SqlQueryable = {
      async query(text, params) {
        if (/^\s*SELECT/i.test(text)) {
          const r = await tx.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${text}`, params);
          seen.push(r.rows.map((x) => x['QUERY PLAN']).join('\n'));
        }
        return tx.query(text, params);
      },
    };
    const volunteers = sqlStore({ ...recording, transaction: (f) => f(recording) });
    const predictions = sqlPredictionStore(recording), outcomes = sqlOutcomeStore(recording);
    const calls: [string, () => Promise<unknown>][] = [
      ['contributor', () => volunteers.contributor('ann')],
      ['work', () => volunteers.work('p:1')],
      ['nextQueued', () => volunteers.nextQueued('ann')],
      ['ticket', () => volunteers.ticket('p:1#1')],
      ['ticketsIn(state)', () => volunteers.ticketsIn('submitted')],
      ['ticketsIn(state, assignee)', () => volunteers.ticketsIn('issued', 'ann')],
      ['issuedCount', () => volunteers.issuedCount('ann')],
      ['dueTickets', () => volunteers.dueTickets(Date.UTC(2026, 0, 1))],
      ['prediction get', () => predictions.get('p1')],
      ['unfinished', () => predictions.unfinished()],
      ['batch', () => predictions.batch('p1', 'k1')],
      ['storedGames', () => predictions.storedGames('p1')],
      ['counted', () => outcomes.counted('p1')],
    ];
    const out = new Map<string, string>();
    for (const [name, call] of calls) {
      seen = [];
      await call();
      assert.equal(seen.length, 1, `${name} makes one SELECT`);
      out.set(name, seen[0]!);
    }
    return out;
  });
}

function check(got: Map<string, string>): void {
  for (const [name, index] of expected) {
    const plan = got.get(name)!;
    assert.ok(index.some((i) => plan.includes(i)), `${name} should use ${index.join(' or ')}; its plan is:\n${plan}`);
    assert.doesNotMatch(plan, /Seq Scan/, `${name} reads no table whole`);
  }
}

test('pglite: every store lookup the API makes uses its index', async () => {
  const db = await openPglite();
  try { check(await plans(db)); } finally { await db.close(); }
});

test('postgres: every store lookup the API makes uses its index', { skip: withoutPostgres }, async () => {
  const db = await freshPostgres();
  try { check(await plans(db)); } finally { await db.close(); }
});

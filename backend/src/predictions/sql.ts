// The prediction store in SQL (tables in ../storage/sql.ts, migration 2). Jobs, progress, results
// and games are JSONB; each method is one statement.
import type { GameRecord } from '@spellgrid/engine-as/src/host/jobs.ts';
import type { Row, SqlQueryable } from '../storage/sql.ts';
import type { PredictionRecord, PredictionStore } from './store.ts';

const recordOf = (r: Row): PredictionRecord => {
  const p: PredictionRecord = {
    id: r.id as string, status: r.state as PredictionRecord['status'], job: r.job as PredictionRecord['job'],
    progress: r.progress as PredictionRecord['progress'], createdAt: Number(r.created_at),
  };
  if (r.result !== null) p.result = r.result as PredictionRecord['result'];
  if (r.error !== null) p.error = r.error as string;
  if (r.rounds !== null) p.rounds = r.rounds as PredictionRecord['rounds'];
  return p;
};

const json = (x: unknown) => (x === undefined ? null : JSON.stringify(x));

export function sqlPredictionStore(db: SqlQueryable): PredictionStore {
  return {
    get: async (id) => {
      const r = (await db.query('SELECT * FROM predictions WHERE id = $1', [id])).rows[0];
      return r && recordOf(r);
    },
    put: async (p) => {
      await db.query(
        `INSERT INTO predictions (id, state, job, progress, result, error, created_at, rounds) VALUES ($1, $2, $3::jsonb, $4::jsonb, $5::jsonb, $6, $7, $8::jsonb)
         ON CONFLICT (id) DO UPDATE SET state = excluded.state, job = excluded.job, progress = excluded.progress,
           result = excluded.result, error = excluded.error, created_at = excluded.created_at, rounds = excluded.rounds`,
        [p.id, p.status, JSON.stringify(p.job), JSON.stringify(p.progress), json(p.result), p.error ?? null, p.createdAt, json(p.rounds)]);
    },
    unfinished: async () => (await db.query(`SELECT * FROM predictions WHERE state IN ('queued', 'running') ORDER BY seq`)).rows.map(recordOf),
    batch: async (prediction, key) => {
      const r = (await db.query<{ games: GameRecord[] }>('SELECT games FROM prediction_batches WHERE prediction = $1 AND key = $2', [prediction, key])).rows[0];
      return r?.games;
    },
    putBatch: async (prediction, key, games) => {
      await db.query('INSERT INTO prediction_batches (prediction, key, games) VALUES ($1, $2, $3::jsonb) ON CONFLICT DO NOTHING', [prediction, key, JSON.stringify(games)]);
    },
    storedGames: async (prediction) => (await db.query<{ n: number }>(
      'SELECT coalesce(sum(jsonb_array_length(games)), 0)::integer AS n FROM prediction_batches WHERE prediction = $1', [prediction])).rows[0]!.n,
  };
}

// The prediction service: stores every prediction and batch, resumes unfinished predictions on
// open without playing or counting a stored batch again, and keeps failures to the one prediction.
// Games come from a stand-in Play (a function of the seed) so a "crash" can be placed exactly;
// the real engine and a real server restart are in edge-api's restart test.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { GameRecord, MatchJob } from '@spellgrid/engine-as/src/host/jobs.ts';
import type { Play } from '../predict.ts';
import { openPglite } from '../storage/pglite.ts';
import { freshPostgres, withoutPostgres } from '../storage/postgres-testing.ts';
import { openPredictions, type ServiceOptions } from './service.ts';
import { sqlPredictionStore } from './sql.ts';
import { memoryPredictionStore, type PredictionJob, type PredictionStore } from './store.ts';

const deck = (name: string, first: number) => ({ name, cards: Array.from({ length: 40 }, (_, k) => first + (k % 8)) });
const JOB: PredictionJob = {
  deck: deck('Ours', 10), seed: 3, compute: 'cluster', budget: 400, target: 0.001,
  field: { name: 'three', decks: [{ name: 'A', share: 0.5, deck: deck('A', 30) }, { name: 'B', share: 0.3, deck: deck('B', 50) }, { name: 'C', share: 0.2, deck: deck('C', 70) }] },
};

/** Games as a function of their seed; `calls` counts each job played. */
function seeded(calls: MatchJob[] = []): Play {
  return async (job) => {
    calls.push(job);
    return Array.from({ length: job.games }, (_, g): GameRecord => {
      const seed = job.seed + Math.floor(g / 2);
      const opponent = typeof job.decks[1] === 'string' ? 0 : job.decks[1].cards[0]!;
      const r = (seed * 2654435761 + opponent * 97 + g) >>> 0;
      return { game: g, seed, onThePlay: g % 2, winner: r % 7 === 0 ? null : ((r >> 3) % 3 === 0 ? 1 : 0), reason: 'life', turns: 5 + (r % 9), digest: r.toString(16), cards: [10 * 16 + 5] };
    });
  };
}

const options = (store: PredictionStore, play: Play, more: Partial<ServiceOptions> = {}): ServiceOptions => ({
  store, play: async () => play, cardName: (c) => `card ${c}`, maxQueued: 4, log: () => {}, clock: () => 1000, ...more,
});

const stores: [string, () => Promise<{ store: PredictionStore; close(): Promise<void> }>][] = [
  ['memory', async () => ({ store: memoryPredictionStore(), close: async () => {} })],
  ['pglite', async () => { const db = await openPglite(); return { store: sqlPredictionStore(db), close: () => db.close() }; }],
  // a real PostgreSQL server (TEST_DATABASE_URL), in a new schema migrated up from empty
  ['postgres', async () => { const db = await freshPostgres(); return { store: sqlPredictionStore(db), close: () => db.close() }; }],
];

for (const [kind, open] of stores) {
  test(`${kind} store: records round-trip, unfinished ones are listed oldest first, a batch's first write wins`, { skip: kind === 'postgres' && withoutPostgres }, async () => {
    const { store, close } = await open();
    try {
      const p = { id: 'p1', status: 'queued' as const, job: JOB, progress: { games: 0, halfWidth: null, etaSeconds: null }, createdAt: 5 };
      await store.put(p);
      await store.put({ ...p, id: 'p2' });
      await store.put({ ...p, id: 'p3', status: 'failed', error: 'why', rounds: [{ games: 8, halfWidth: 0.3, matchups: [{ games: 8, wins: 5, losses: 3, draws: 0, winRate: 0.625, interval: [0.3, 0.86] }] }] });
      assert.deepEqual(await store.get('p1'), p);
      assert.equal((await store.get('p3'))!.rounds![0]!.matchups[0]!.wins, 5);
      assert.equal((await store.get('p3'))!.error, 'why');
      assert.equal(await store.get('nope'), undefined);
      assert.deepEqual((await store.unfinished()).map((x) => x.id), ['p1', 'p2']);
      await store.put({ ...p, status: 'running' });
      assert.deepEqual((await store.unfinished()).map((x) => [x.id, x.status]), [['p1', 'running'], ['p2', 'queued']], 'an update keeps its place');
      const games = await seeded()({ id: 'j', decks: [JOB.deck, JOB.deck], agents: ['heuristic', 'heuristic'], seed: 1, games: 4 });
      await store.putBatch('p1', 'k1', games);
      await store.putBatch('p1', 'k1', games.slice(0, 1));
      assert.deepEqual(await store.batch('p1', 'k1'), games);
      assert.equal(await store.batch('p1', 'k2'), undefined);
      assert.equal(await store.batch('p2', 'k1'), undefined);
      assert.equal(await store.storedGames('p1'), 4);
      assert.equal(await store.storedGames('p2'), 0);
    } finally {
      await close();
    }
  });
}

test('a prediction runs, is stored with its result, and every batch it played is stored once', async () => {
  const store = memoryPredictionStore();
  const calls: MatchJob[] = [];
  const service = await openPredictions(options(store, seeded(calls)));
  const s = (await service.submit(JOB))!;
  assert.equal(s.status, 'queued');
  await service.idle();
  const p = (await service.record(s.id))!;
  assert.equal(p.status, 'done');
  assert.equal(p.result!.games, 400);
  assert.equal(p.result!.stop, 'budget');
  assert.deepEqual((await service.status(s.id))!.progress.games, 400);
  assert.equal(await store.storedGames(s.id), 400);
  assert.equal(calls.reduce((n, j) => n + j.games, 0), 400);
  // a round per onProgress call: games grow to the total, and the last round is the result's matchups
  const rounds = (await service.rounds(s.id))!;
  assert.ok(rounds.length >= 1);
  assert.ok(rounds.every((r, k) => k === 0 || r.games > rounds[k - 1]!.games));
  assert.equal(rounds.at(-1)!.games, 400);
  assert.deepEqual(rounds.at(-1)!.matchups.map((m) => [m.games, m.wins, m.interval]), p.result!.matchups.map((m) => [m.games, m.wins, m.interval]));
  assert.equal(await service.rounds('nope'), undefined);
});

test('a service opened on a store with an unfinished prediction resumes it: the same result, no stored batch played again', async () => {
  const reference = await openPredictions(options(memoryPredictionStore(), seeded()));
  const ref = (await reference.submit(JOB))!;
  await reference.idle();
  const expected = (await reference.record(ref.id))!.result;

  // The first run stops for good after three batches, as a killed process would.
  const store = memoryPredictionStore();
  const before: MatchJob[] = [];
  const play = seeded(before);
  const stalled: Play = async (job) => (before.length < 3 ? play(job) : new Promise<GameRecord[]>(() => {}));
  const first = await openPredictions(options(store, stalled));
  const { id } = (await first.submit(JOB))!;
  while (before.length < 3 || (await store.storedGames(id)) < 3 * before[0]!.games) await new Promise((r) => setTimeout(r, 5));
  first.close();
  const stored = await store.storedGames(id);
  assert.ok(stored > 0 && stored < 400);
  assert.equal((await store.get(id))!.status, 'running');

  const after: MatchJob[] = [];
  const second = await openPredictions(options(store, seeded(after)));
  await second.idle();
  const p = (await second.record(id))!;
  assert.equal(p.status, 'done');
  assert.deepEqual(p.result, expected, 'the resumed prediction is the one an uninterrupted run gives');
  assert.deepEqual(await second.rounds(id), await reference.rounds(ref.id), 'and its rounds too');
  assert.equal(after.reduce((n, j) => n + j.games, 0), 400 - stored, 'stored batches are not played again');
  assert.equal(await store.storedGames(id), 400, 'nor stored twice');
});

test('a prediction whose games fail is failed with a message; the next one still runs; a full queue refuses', async () => {
  const logs: Record<string, unknown>[] = [];
  let fail = true;
  const play: Play = async (job) => { if (fail) { fail = false; throw new Error('worker crashed'); } return seeded()(job); };
  const service = await openPredictions(options(memoryPredictionStore(), play, { maxQueued: 2, log: (f) => void logs.push(f) }));
  const a = (await service.submit(JOB))!;
  const b = (await service.submit(JOB))!;
  assert.equal(await service.submit(JOB), null, 'two are waiting, the most allowed');
  await service.idle();
  assert.deepEqual(await service.status(a.id), { id: a.id, status: 'failed', progress: { games: 0, halfWidth: null, etaSeconds: null }, error: 'the prediction could not be run' });
  assert.equal((await service.status(b.id))!.status, 'done');
  assert.ok(logs.some((l) => l.msg === 'prediction failed' && l.error === 'worker crashed'));
  assert.equal(await service.status('nope'), undefined);
});

// Background verification: a verification that throws is tried again with a doubling, capped
// delay until it settles, and results left unverified by the last run are verified on open; and
// the tickets and results it sees are counted for the metrics.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { batchDigest } from '@spellgrid/engine-as/src/host/jobs.ts';
import { matchGame } from '@spellgrid/engine-as/src/host/match.ts';
import { openCoordinator, type Coordinator } from '@spellgrid/backend/src/volunteer/coordinator.ts';
import { signResult } from '@spellgrid/backend/src/volunteer/results.ts';
import type { GameReport, TicketJob } from '@spellgrid/backend/src/volunteer/wire.ts';
import { newKeyPair } from '@spellgrid/backend/src/volunteer/signature.ts';
import { memoryStore, type CoordinatorStore } from '@spellgrid/backend/src/volunteer/store.ts';
import type { Replay } from '@spellgrid/backend/src/volunteer/verify.ts';
import { telemetry } from './telemetry.ts';
import { volunteers } from './volunteers.ts';

/** What a job's games are in these tests, for the volunteer and the replay alike. */
const played = (seed: number, games: readonly number[]): GameReport[] => games.map((k) => ({ game: k, ...matchGame(seed, k), winner: 0, reason: 'life', turns: 9, digest: `d${seed}.${k}` }));
const job: TicketJob = { id: 'job 1', decks: [{ name: 'A', cards: [1, 2] }, { name: 'B', cards: [3] }], agents: ['heuristic', 'heuristic'], seed: 1, games: 2 };
const signingKey = newKeyPair().privateKey;

const coordinatorOn = (store: CoordinatorStore, replay: Replay): Coordinator => openCoordinator({
  store, signingKey, sampleSecret: 'secret', engine: 'e', irHash: 'ir', replay, clock: () => 0,
});

/** Keeps the process up while a test waits: the retry timers are unref'd, as a server's HTTP listener keeps it up. */
const keepAlive = () => setInterval(() => {}, 60_000);

/** A replay that throws its first `failures` calls. */
function flaky(failures: number) {
  const r = { calls: 0, replay: (async (j, games) => {
    if (++r.calls <= failures) throw new Error(`worker crashed (${r.calls})`);
    return played(j.seed, games);
  }) as Replay };
  return r;
}

/** A contributor's submitted (not yet verified) result for work "w1"; returns the ticket id. */
async function submitted(c: Coordinator): Promise<string> {
  const keys = newKeyPair();
  assert.ok((await c.register('ann', keys.publicKey)).ok);
  await c.enqueue('w1', job);
  const t = await c.issue('ann');
  if (!t.ok) assert.fail(t.message);
  const games = played(job.seed, [0, 1]);
  const s = await c.submit('ann', signResult({ ticketId: t.value.ticket.id, ticketSignature: t.value.signature, games, batchDigest: batchDigest(games) }, keys.privateKey));
  assert.ok(s.ok);
  return t.value.ticket.id;
}

test('a verification that throws is tried again, the delay doubling up to its cap, until it is verified', { timeout: 30_000 }, async () => {
  const logs: Record<string, unknown>[] = [];
  const r = flaky(5);
  const c = coordinatorOn(memoryStore(), r.replay);
  const v = volunteers(async () => c, { ticketMs: 60_000, log: (f) => void logs.push(f), retry: { firstMs: 1, maxMs: 4 } });
  const alive = keepAlive();
  try {
    const ticket = await submitted(await v.coordinator());
    v.verifyLater(ticket);
    v.verifyLater(ticket); // once only
    await c.verified('w1');
    assert.equal(r.calls, 6);
    const retried = logs.filter((l) => l.msg === 'verification failed; trying again');
    assert.deepEqual(retried.map((l) => [l.ticket, l.retryMs, l.error]), [1, 2, 4, 4, 4].map((ms, k) => [ticket, ms, `worker crashed (${k + 1})`]));
    const stats = (await c.contributor('ann'))!;
    assert.deepEqual([stats.verifiedGames, stats.pendingGames], [2, 0]);
  } finally { v.close(); clearInterval(alive); }
});

test('results submitted before a restart are verified when the coordinator is opened again, retried if their replay fails', { timeout: 30_000 }, async () => {
  const store = memoryStore();
  const ticket = await submitted(coordinatorOn(store, async () => { throw new Error('stopped before verifying'); }));
  const r = flaky(1);
  const restarted = coordinatorOn(store, r.replay);
  const logs: Record<string, unknown>[] = [];
  const v = volunteers(async () => restarted, { ticketMs: 60_000, log: (f) => void logs.push(f), retry: { firstMs: 1, maxMs: 4 } });
  const alive = keepAlive();
  try {
    assert.deepEqual(await restarted.unverified(), [ticket]);
    await v.coordinator(); // opening it is all it takes
    const w = await restarted.verified('w1');
    assert.deepEqual(w.games, played(job.seed, [0, 1]));
    assert.deepEqual(await restarted.unverified(), []);
    assert.equal(r.calls, 2);
    assert.deepEqual(logs.map((l) => l.msg), ['verification failed; trying again']);
  } finally { v.close(); clearInterval(alive); }
});

test('tickets issued and results received are counted in the API\'s metrics: accepted, and rejected on submission', async () => {
  const metrics = telemetry();
  const c = coordinatorOn(memoryStore(), async (j, games) => played(j.seed, games));
  const v = volunteers(async () => c, { ticketMs: 60_000, log: () => {}, onTicket: metrics.ticketIssued, onResult: metrics.resultReceived });
  try {
    const ticket = await submitted(await v.coordinator());
    const again = await (await v.coordinator()).submit('ann', signResult({ ticketId: ticket, ticketSignature: 'forged', games: [], batchDigest: batchDigest([]) }, newKeyPair().privateKey));
    assert.equal(again.ok, false);
    const page = await metrics.registry.metrics();
    assert.match(page, /^spellgrid_tickets_issued_total 1$/m);
    assert.match(page, /^spellgrid_results_received_total\{outcome="accepted"\} 1$/m);
    assert.match(page, /^spellgrid_results_received_total\{outcome="rejected"\} 1$/m);
  } finally {
    v.close();
  }
});

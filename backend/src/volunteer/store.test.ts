// The store conformance suite on the memory store and on PGlite (in memory and in a directory),
// and a coordinator restarted on a PGlite directory: everything verified, tallied and used survives.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { findDeck } from '@spellgrid/engine-as/src/host/node.ts';
import { openRunner, type Runner } from '@spellgrid/engine-as/src/host/runner.ts';
import { newKeyPair } from './signature.ts';
import { canonical } from './canonical.ts';
import { signResult } from './results.ts';
import { resultOf, type SignedTicket, type TicketJob } from './wire.ts';
import { runnerReplay } from './replay.ts';
import { openCoordinator, type Coordinator } from './coordinator.ts';
import type { Outcome } from './refusal.ts';
import { memoryStore, type CoordinatorStore } from './store.ts';
import { pgliteStore } from './store-pglite.ts';
import { sqlStore } from './sql.ts';
import { migrate, migrations } from '../storage/sql.ts';
import { storeConformance } from './store.conformance.ts';
import { freshPostgres, withoutPostgres } from '../storage/postgres-testing.ts';

const dirs: string[] = [];
const tempDir = () => { const d = mkdtempSync(join(tmpdir(), 'spellgrid-store-')); dirs.push(d); return d; };
after(() => { for (const d of dirs) rmSync(d, { recursive: true, force: true }); });

storeConformance('memory', async () => memoryStore());
storeConformance('pglite in memory', () => pgliteStore());
// One database in a directory, emptied and migrated again for each test: a PGlite start costs a second or two.
let shared: PGlite | undefined;
after(() => shared?.close());
storeConformance('pglite in a directory', async () => {
  shared ??= await PGlite.create(tempDir());
  await shared.exec('DROP SCHEMA public CASCADE; CREATE SCHEMA public');
  await migrate(shared);
  return sqlStore(shared);
});

// A real PostgreSQL server (TEST_DATABASE_URL), each test in a new schema migrated up from empty.
if (withoutPostgres) test('postgres: the coordinator store conformance suite', { skip: withoutPostgres }, () => {});
else storeConformance('postgres', async () => { const db = await freshPostgres(); return { ...sqlStore(db), close: () => db.close() }; });

let runner: Runner;
before(async () => { runner = await openRunner({ workers: 1 }); });
after(() => runner.close());

const ok = <T>(r: Outcome<T>): T => {
  if (!r.ok) assert.fail(`${r.code}: ${r.message}`);
  return r.value;
};

test('a coordinator restarted on the same PGlite directory (made with its parents): verified games, tallies and used tickets survive exactly; the schema is migrated once', async () => {
  const dir = join(tempDir(), 'data', 'coordinator'), signingKey = newKeyPair().privateKey, ann = newKeyPair();
  const [elves, goblins] = [findDeck('Cats+Elves'), findDeck('Goblins+Wizards')];
  const job = (seed: number): TicketJob => ({
    id: `batch ${seed}`, decks: [{ name: elves.name, cards: elves.cards }, { name: goblins.name, cards: goblins.cards }],
    agents: ['heuristic', 'heuristic'], seed, games: 2, facts: true,
  });
  const coordinatorOn = (store: CoordinatorStore): Coordinator => openCoordinator({
    store, signingKey, sampleSecret: 'test secret', engine: runner.engine, irHash: runner.irHash,
    replay: runnerReplay(runner), clock: () => Date.UTC(2026, 0, 1),
  });
  const play = async (t: SignedTicket) => signResult(resultOf(t, (await runner.run([t.ticket.job])).jobs[0]!.games, 1), ann.privateKey);

  let store = await pgliteStore(dir), c = coordinatorOn(store);
  ok(await c.register('ann', ann.publicKey));
  for (const s of [1, 2, 3]) await c.enqueue(`p:${s}`, job(s));
  const [first, second] = [ok(await c.issue('ann')), ok(await c.issue('ann'))];
  const [done, waiting] = [await play(first), await play(second)];
  ok(await c.submit('ann', done));
  ok(await c.verify(first.ticket.id));
  ok(await c.submit('ann', waiting)); // submitted, not yet verified when the server stops
  const before = { stats: await c.contributor('ann'), work: await c.verifiedWork('p:1'), tallies: await store.tallies(), issued: await store.ticketsIn('issued') };
  await store.close();

  store = await pgliteStore(dir);
  c = coordinatorOn(store);
  assert.deepEqual(await c.contributor('ann'), before.stats);
  assert.deepEqual(await c.verifiedWork('p:1'), before.work);
  assert.deepEqual(await store.tallies(), before.tallies);
  assert.deepEqual(await store.ticketsIn('issued'), before.issued);
  assert.deepEqual(await c.unverified(), [second.ticket.id]);
  assert.deepEqual(ok(await c.submit('ann', done)), { ticket: first.ticket.id, state: 'verified', duplicate: true });
  const changed = structuredClone(done.result);
  changed.games[0]!.turns++;
  const refused = await c.submit('ann', signResult(changed, ann.privateKey));
  assert.equal(refused.ok ? 'accepted' : refused.code, 'ticket-used');
  // the batch that was waiting is verified now, and counted once
  assert.equal(ok(await c.verify(second.ticket.id)).state, 'verified');
  const stats = (await c.contributor('ann'))!;
  assert.deepEqual([stats.trust, stats.verifiedGames, stats.pendingGames], [2, 4, 0]);
  assert.equal(canonical((await c.verifiedWork('p:2'))!.games), canonical(waiting.result.games));
  assert.equal((await store.tallies()).reduce((n, t) => n + t.wins + t.losses, 0), [...done.result.games, ...waiting.result.games].filter((g) => g.winner !== null).length);
  assert.equal(ok(await c.issue('ann')).ticket.id, 'p:3#1');
  await store.close();

  const db = await PGlite.create(dir);
  try {
    assert.equal(await migrate(db), migrations.length, 'migrating again changes nothing');
    assert.deepEqual((await db.query('SELECT version FROM volunteer_schema ORDER BY version')).rows, migrations.map((_, k) => ({ version: k + 1 })));
  } finally { await db.close(); }
});

// The coordinator end to end on the real engine: honest results from engine-as's runner on tiny
// jobs (4 heuristic games of two Beginner Box decks), cheats made by tampering with copies.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { findDeck } from '@spellgrid/engine-as/src/host/node.ts';
import { batchDigest } from '@spellgrid/engine-as/src/host/jobs.ts';
import { openRunner, type Runner } from '@spellgrid/engine-as/src/host/runner.ts';
import { newKeyPair, publicKeyOf } from './signature.ts';
import { canonical } from './canonical.ts';
import { signResult } from './results.ts';
import { resultOf, type BatchResult, type SignedResult, type SignedTicket, type TicketJob } from './wire.ts';
import { runnerReplay } from './replay.ts';
import { matchupOf, openCoordinator, type Coordinator, type CoordinatorOptions } from './coordinator.ts';
import { volunteerPlay } from './supply.ts';
import { favoured } from '../predict.ts';
import { memoryStore, type CoordinatorStore } from './store.ts';
import type { Outcome, RefusalCode } from './refusal.ts';

let runner: Runner;
before(async () => { runner = await openRunner({ workers: 1 }); });
after(() => runner.close());

const [elves, goblins] = [findDeck('Cats+Elves'), findDeck('Goblins+Wizards')];
const job = (seed: number, games = 4): TicketJob => ({
  id: `batch ${seed}`, decks: [{ name: elves.name, cards: elves.cards }, { name: goblins.name, cards: goblins.cards }],
  agents: ['heuristic', 'heuristic'], seed, games, facts: true,
});

interface World { coordinator: Coordinator; store: CoordinatorStore; replayed: number[][]; now: { ms: number } }

function world(o: Partial<CoordinatorOptions> = {}): World {
  const store = o.store ?? memoryStore(), replayed: number[][] = [], now = { ms: Date.UTC(2026, 0, 1) };
  const replay = runnerReplay(runner);
  const coordinator = openCoordinator({
    store, signingKey: newKeyPair().privateKey, sampleSecret: 'test secret', engine: runner.engine, irHash: runner.irHash,
    replay: (j, games) => { replayed.push([...games]); return replay(j, games); },
    clock: () => now.ms, ticketMs: 60_000, ...o,
  });
  return { coordinator, store, replayed, now };
}

interface Volunteer { handle: string; keys: { publicKey: string; privateKey: string } }

async function volunteer(w: World, handle: string): Promise<Volunteer> {
  const v = { handle, keys: newKeyPair() };
  ok(await w.coordinator.register(handle, v.keys.publicKey));
  return v;
}

const ok = <T>(r: Outcome<T>): T => {
  if (!r.ok) assert.fail(`${r.code}: ${r.message}`);
  return r.value;
};
const refused = (r: Outcome<unknown>, code: RefusalCode) => assert.equal(r.ok ? 'accepted' : r.code, code, r.ok ? '' : r.message);

/** An honest volunteer's result: the ticket's job played on the engine. */
async function play(t: SignedTicket): Promise<BatchResult> {
  const run = await runner.run([t.ticket.job]);
  return resultOf(t, run.jobs[0]!.games, 1);
}

/** A result whose games were altered (and whose batch digest was recomputed to match, as a careful cheater would). */
function tampered(r: BatchResult, alter: (g: BatchResult['games'][number]) => void): BatchResult {
  const c = structuredClone(r);
  c.games.forEach(alter);
  c.batchDigest = batchDigest(c.games);
  return c;
}

async function takeAndPlay(w: World, v: Volunteer): Promise<{ ticket: SignedTicket; result: BatchResult; signed: SignedResult }> {
  const ticket = ok(await w.coordinator.issue(v.handle));
  const result = await play(ticket);
  return { ticket, result, signed: signResult(result, v.keys.privateKey) };
}

test('registration: a key is Ed25519; a handle keeps its first key; registering again with it is accepted', async () => {
  const w = world();
  refused(await w.coordinator.register('ann', 'bm90IGEga2V5'), 'bad-key');
  const ann = await volunteer(w, 'ann');
  ok(await w.coordinator.register('ann', ann.keys.publicKey));
  const pem = publicKeyOf(ann.keys.publicKey).export({ format: 'pem', type: 'spki' }).toString();
  assert.equal(ok(await w.coordinator.register('ann', pem)).publicKey, ann.keys.publicKey, 'the same key as PEM');
  refused(await w.coordinator.register('ann', newKeyPair().publicKey), 'handle-taken');
  refused(await w.coordinator.issue('nobody'), 'unknown-contributor');
  refused(await w.coordinator.issue('ann'), 'no-work');
});

test('an honest batch: submitted, held apart, verified by replaying every game, counted once; a resubmission is idempotent, a different result refused', async () => {
  const w = world();
  const ann = await volunteer(w, 'ann');
  await w.coordinator.enqueue('m0:0', job(11));
  const { ticket, result, signed } = await takeAndPlay(w, ann);
  assert.equal(ticket.ticket.assignee, 'ann');
  assert.equal(ticket.ticket.job.engine, runner.engine);
  assert.deepEqual(ok(await w.coordinator.submit('ann', signed)), { ticket: 'm0:0#1', state: 'submitted', duplicate: false });
  // held apart: not in the work's games, counted as pending
  assert.equal(await w.coordinator.verifiedWork('m0:0'), undefined);
  assert.equal((await w.coordinator.contributor('ann'))!.pendingGames, 4);
  assert.deepEqual(await w.coordinator.unverified(), ['m0:0#1']);
  assert.deepEqual(ok(await w.coordinator.verify('m0:0#1')), { ticket: 'm0:0#1', state: 'verified', replayed: [0, 1, 2, 3], mismatch: undefined });
  assert.deepEqual(w.replayed, [[0, 1, 2, 3]]);
  assert.deepEqual((await w.coordinator.verifiedWork('m0:0'))!.games, result.games);
  const stats = (await w.coordinator.contributor('ann'))!;
  assert.deepEqual([stats.trust, stats.verifiedGames, stats.pendingGames, stats.rejectedGames, stats.computeSeconds], [1, 4, 0, 0, 0]); // submitted at the instant of issue: no time to credit
  // resubmitting the same result: accepted, nothing counted twice, nothing replayed again
  assert.deepEqual(ok(await w.coordinator.submit('ann', signed)), { ticket: 'm0:0#1', state: 'verified', duplicate: true });
  ok(await w.coordinator.verify('m0:0#1'));
  assert.equal(w.replayed.length, 1);
  assert.equal((await w.coordinator.contributor('ann'))!.verifiedGames, 4);
  // a different result for the used ticket
  const other = signResult(tampered(result, (g) => { g.turns++; }), ann.keys.privateKey);
  refused(await w.coordinator.submit('ann', other), 'ticket-used');
  assert.equal(canonical((await w.coordinator.verifiedWork('m0:0'))!.games), canonical(result.games));
});

test('signatures: a result changed after signing, signed with another key, or naming a forged ticket is refused; so is a ticket of someone else', async () => {
  const w = world();
  const [ann, bob] = [await volunteer(w, 'ann'), await volunteer(w, 'bob')];
  await w.coordinator.enqueue('m0:0', job(12));
  const { result, signed } = await takeAndPlay(w, ann);
  const changed = structuredClone(signed);
  changed.result.games[0]!.winner = changed.result.games[0]!.winner === 0 ? 1 : 0;
  refused(await w.coordinator.submit('ann', changed), 'bad-signature');
  refused(await w.coordinator.submit('ann', signResult(result, newKeyPair().privateKey)), 'bad-signature');
  refused(await w.coordinator.submit('ann', signResult({ ...result, ticketSignature: signed.result.ticketSignature.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')) }, ann.keys.privateKey)), 'bad-signature');
  refused(await w.coordinator.submit('ann', signResult({ ...result, ticketId: 'm9:9#1' }, ann.keys.privateKey)), 'unknown-ticket');
  // bob submits ann's ticket under his own key
  refused(await w.coordinator.submit('bob', signResult(result, bob.keys.privateKey)), 'not-your-ticket');
  refused(await w.coordinator.submit('bob', signed), 'bad-signature');
  // none of it used the ticket up
  ok(await w.coordinator.submit('ann', signed));
});

test('a cap on outstanding tickets; an abandoned ticket expires and its batch is reissued to someone else', async () => {
  const w = world({ maxOutstanding: 2 });
  const [ann, bob] = [await volunteer(w, 'ann'), await volunteer(w, 'bob')];
  for (const s of [21, 22, 23]) await w.coordinator.enqueue(`m0:${s}`, job(s));
  const first = ok(await w.coordinator.issue('ann'));
  ok(await w.coordinator.issue('ann'));
  const capped = await w.coordinator.issue('ann');
  refused(capped, 'too-many-tickets');
  assert.match((capped as { message: string }).message, /holds 2 tickets/);
  const late = signResult(await play(first), ann.keys.privateKey);
  w.now.ms += 60_001; // ann disappears past expiry
  const again = ok(await w.coordinator.issue('bob'));
  assert.equal(again.ticket.id, 'm0:21#2', 'the oldest abandoned batch comes first');
  assert.deepEqual(again.ticket.job, first.ticket.job);
  refused(await w.coordinator.submit('ann', late), 'ticket-expired');
  // expired tickets no longer count against the cap, and the batches ann abandoned are not hers again
  assert.equal(ok(await w.coordinator.issue('ann')).ticket.id, 'm0:23#1');
  ok(await w.coordinator.submit('bob', signResult(await play(again), bob.keys.privateKey)));
  assert.equal(ok(await w.coordinator.verify(again.ticket.id)).state, 'verified');
  assert.equal((await w.coordinator.verifiedWork('m0:21'))!.contributor, 'bob');
});

test('cheaters are caught and none of their games reach the statistics: flipped winners, made-up digests, another ticket\'s result', async () => {
  const w = world();
  const [honest, cheat] = [await volunteer(w, 'honest'), await volunteer(w, 'cheat')];
  for (const s of [31, 32, 33, 34, 35]) await w.coordinator.enqueue(`m0:${s}`, job(s));
  const donor = await takeAndPlay(w, honest);
  ok(await w.coordinator.submit('honest', donor.signed));
  const cheats: [string, (r: BatchResult, t: SignedTicket) => BatchResult][] = [
    ['flips winners', (r) => tampered(r, (g) => { if (g.winner !== null) g.winner = (1 - g.winner) as 0 | 1; })],
    ['makes up digests', (r) => tampered(r, (g) => { g.digest = g.digest.replace(/.$/, (c) => (c === '0' ? '1' : '0')); })],
    // another ticket's games, relabelled with this ticket's seeds so they pass the shape checks
    ['replays another ticket\'s result', (r) => tampered({ ...donor.result, ticketId: r.ticketId, ticketSignature: r.ticketSignature }, (g) => { g.seed = r.games[g.game]!.seed; })],
  ];
  const issued: string[] = [];
  for (const [what, cheating] of cheats) {
    const ticket = ok(await w.coordinator.issue('cheat'));
    issued.push(ticket.ticket.id);
    const forged = signResult(cheating(await play(ticket), ticket), cheat.keys.privateKey);
    ok(await w.coordinator.submit('cheat', forged));
    const verdict = ok(await w.coordinator.verify(ticket.ticket.id));
    assert.equal(verdict.state, 'rejected', what);
    assert.match(verdict.mismatch!, /differs? from the replay/, what);
    assert.equal(await w.coordinator.verifiedWork(ticket.ticket.id.replace(/#.*/, '')), undefined, what);
  }
  assert.deepEqual(issued, ['m0:32#1', 'm0:33#1', 'm0:34#1'], 'a rejected batch is not issued to the same contributor again');
  // the unrelabelled copy of another ticket's games does not even pass the shape checks
  const ticket = ok(await w.coordinator.issue('cheat'));
  refused(await w.coordinator.submit('cheat', signResult({ ...donor.result, ticketId: ticket.ticket.id, ticketSignature: ticket.signature }, cheat.keys.privateKey)), 'bad-result');
  const c = (await w.coordinator.contributor('cheat'))!;
  assert.deepEqual([c.trust, c.verifiedGames, c.pendingGames, c.rejectedGames], [0, 0, 0, 12]);
  assert.deepEqual(await w.coordinator.residuals(), [], 'no tally from rejected games');
  ok(await w.coordinator.verify(donor.ticket.ticket.id));
  assert.equal((await w.coordinator.residuals()).length, 1);
  refused(await w.coordinator.issue('cheat'), 'no-work');
  assert.equal(ok(await w.coordinator.issue('honest')).ticket.id, 'm0:32#2', 'a rejected batch goes back to the head of the queue');
});

test('trust: every game replayed for three batches, then a sample; a mismatch resets trust and the checks', async () => {
  const w = world({ maxOutstanding: 1 });
  const ann = await volunteer(w, 'ann');
  for (let s = 40; s < 46; s++) await w.coordinator.enqueue(`m0:${s}`, job(s));
  const trust: number[] = [];
  for (let i = 0; i < 5; i++) {
    const { ticket, signed } = await takeAndPlay(w, ann);
    w.now.ms += 5000;
    ok(await w.coordinator.submit('ann', signed));
    assert.equal(ok(await w.coordinator.verify(ticket.ticket.id)).state, 'verified');
    trust.push((await w.coordinator.contributor('ann'))!.trust);
  }
  assert.deepEqual(trust, [1, 2, 3, 4, 5]);
  assert.deepEqual(w.replayed.map((g) => g.length), [4, 4, 4, 2, 2]);
  const a = (await w.coordinator.contributor('ann'))!;
  assert.deepEqual([a.verifiedGames, a.computeSeconds], [20, 5], 'one claimed second per batch, within the time it had');
  // ann, trusted, now flips every winner: even a 2-game sample catches it
  const { ticket, result } = await takeAndPlay(w, ann);
  ok(await w.coordinator.submit('ann', signResult(tampered(result, (g) => { if (g.winner !== null) g.winner = (1 - g.winner) as 0 | 1; }), ann.keys.privateKey)));
  assert.equal(ok(await w.coordinator.verify(ticket.ticket.id)).state, 'rejected');
  assert.equal((await w.coordinator.contributor('ann'))!.trust, 0);
  // back to full checks
  await w.coordinator.enqueue('m0:46', job(46));
  const next = await takeAndPlay(w, ann);
  ok(await w.coordinator.submit('ann', next.signed));
  ok(await w.coordinator.verify(next.ticket.ticket.id));
  assert.equal(w.replayed.at(-1)!.length, 4);
});

test('residuals: verified games are tallied per contributor and matchup', async () => {
  const w = world();
  const ann = await volunteer(w, 'ann');
  await w.coordinator.enqueue('m0:0', job(50));
  const { ticket, result, signed } = await takeAndPlay(w, ann);
  ok(await w.coordinator.submit('ann', signed));
  ok(await w.coordinator.verify(ticket.ticket.id));
  const wins = result.games.filter((g) => g.winner === 0).length, losses = result.games.filter((g) => g.winner === 1).length;
  assert.deepEqual((await w.coordinator.residuals()).map((r) => [r.contributor, r.games, r.flagged]), [['ann', wins + losses, false]]);
  assert.deepEqual((await w.store.tallies()).map((t) => [t.wins, t.losses]), [[wins, losses]]);
});

test('residual flag: a contributor whose verified win rate in a matchup is implausible shows as flagged and gets every game replayed until it is plausible again; an honest one is sampled', async () => {
  const w = world();
  const [skewed, honest] = [await volunteer(w, 'skewed'), await volunteer(w, 'honest')];
  // Both trusted (sampled: 2 of a 4-game batch), with verified tallies in the matchup the batches are of:
  // the others win 50% of 4,000 games, "skewed" 75% of 400 (z ≈ 9.5).
  for (const v of [skewed, honest]) await w.store.putContributor({ ...(await w.store.contributor(v.handle))!, trust: 5 });
  const matchup = matchupOf(job(0));
  await w.store.putTally({ contributor: 'skewed', matchup, wins: 300, losses: 100 });
  await w.store.putTally({ contributor: 'honest', matchup, wins: 1010, losses: 990 });
  await w.store.putTally({ contributor: 'others', matchup, wins: 990, losses: 1010 });
  const s = (await w.coordinator.stats('skewed'))!;
  assert.equal(s.flagged, true);
  assert.deepEqual(s.flaggedMatchups.map((f) => [f.matchup, f.games]), [[matchup, 400]]);
  assert.ok(s.flaggedMatchups[0]!.z > 4, String(s.flaggedMatchups[0]!.z));
  assert.deepEqual(await w.coordinator.stats('honest'), { ...(await w.coordinator.contributor('honest'))!, flagged: false, flaggedMatchups: [] });
  assert.equal(await w.coordinator.stats('nobody'), undefined);
  assert.deepEqual((await w.coordinator.leaderboard()).map((c) => [c.handle, c.flagged, c.flaggedMatchups.length]), [['honest', false, 0], ['skewed', true, 1]]);

  const verifyOne = async (v: Volunteer, seed: number) => {
    await w.coordinator.enqueue(`m:${seed}`, job(seed));
    const { ticket, signed } = await takeAndPlay(w, v);
    ok(await w.coordinator.submit(v.handle, signed));
    assert.equal(ok(await w.coordinator.verify(ticket.ticket.id)).state, 'verified');
    return w.replayed.at(-1)!.length;
  };
  assert.equal(await verifyOne(skewed, 70), 4, 'flagged: every game replayed, whatever its trust');
  assert.equal(await verifyOne(honest, 71), 2, 'not flagged: a sample');
  assert.equal((await w.coordinator.stats('skewed'))!.trust, 6, 'a verified batch still counts');
  // its rate back in line (as after an operator excluded its games): sampled again
  await w.store.putTally({ contributor: 'skewed', matchup, wins: 200, losses: 200 });
  assert.equal((await w.coordinator.stats('skewed'))!.flagged, false);
  assert.equal(await verifyOne(skewed, 72), 2);
});

test('an operation that fails part way writes nothing: a verification crashing at its last write leaves the ticket submitted and the contributor and work as they were', async () => {
  const base = memoryStore();
  let crash = true;
  // The store the coordinator gets: the tally write of the first verification throws, as a crash would.
  const failing = (s: CoordinatorStore): CoordinatorStore => ({
    ...s,
    putTally: async (t) => { if (crash) { crash = false; throw new Error('crash'); } return s.putTally(t); },
    transaction: (f) => s.transaction((tx) => f(failing(tx))),
  });
  const w = world({ store: failing(base) });
  const ann = await volunteer(w, 'ann');
  await w.coordinator.enqueue('m0:0', job(60));
  const { ticket, signed } = await takeAndPlay(w, ann);
  ok(await w.coordinator.submit('ann', signed));
  const before = await base.contributor('ann');
  await assert.rejects(w.coordinator.verify(ticket.ticket.id), /crash/);
  assert.equal((await base.ticket(ticket.ticket.id))!.state, 'submitted');
  assert.deepEqual(await base.contributor('ann'), before);
  assert.equal((await base.work('m0:0'))!.state, 'issued');
  assert.deepEqual(await base.tallies(), []);
  // verified again later, it is counted once
  assert.deepEqual(await w.coordinator.unverified(), [ticket.ticket.id]);
  assert.equal(ok(await w.coordinator.verify(ticket.ticket.id)).state, 'verified');
  const stats = (await w.coordinator.contributor('ann'))!;
  assert.deepEqual([stats.trust, stats.verifiedGames, stats.pendingGames], [1, 4, 0]);
  assert.equal((await base.work('m0:0'))!.state, 'verified');
});

test('a prediction played by a volunteer: its batches become tickets, it gets the same answer as on the runner, and after a restart nothing is played or counted twice', async () => {
  const w = world();
  const ann = await volunteer(w, 'ann');
  const deck = { name: elves.name, cards: elves.cards }, opponent = { name: goblins.name, cards: goblins.cards };
  const request = { deck, opponent, seed: 5, budget: 8, batch: 4, parallel: 2 };
  let done = false;
  const prediction = favoured(request, volunteerPlay(w.coordinator, 'p1')).finally(() => { done = true; });
  let batches = 0;
  while (!done) {
    const t = await w.coordinator.issue('ann');
    if (!t.ok) { await new Promise((r) => setImmediate(r)); continue; }
    ok(await w.coordinator.submit('ann', signResult(await play(t.value), ann.keys.privateKey)));
    ok(await w.coordinator.verify(t.value.ticket.id));
    batches++;
  }
  const got = await prediction;
  assert.equal(batches, 2);
  const direct = await favoured(request, async (j) => (await runner.run([j])).jobs[0]!.games);
  assert.deepEqual(got, direct);
  // a coordinator restarted on the same store answers the same prediction from verified work alone
  const restarted = world({ store: w.store });
  assert.deepEqual(await favoured(request, volunteerPlay(restarted.coordinator, 'p1')), direct);
  assert.deepEqual(restarted.replayed, []);
  assert.equal((await restarted.coordinator.contributor('ann'))!.verifiedGames, 8);
  await assert.rejects(volunteerPlay(w.coordinator, 'p2')({ ...job(1), decks: ['Cats+Elves', 'Goblins+Wizards'] }), /decks by value/);
});

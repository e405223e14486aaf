// What every CoordinatorStore must do, as the coordinator relies on it: registers node:test tests
// for a store factory (store.test.ts runs them on the memory store and on PGlite). The memory
// store is the reference; each test opens a fresh, empty store.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ContributorRecord, CoordinatorStore, TicketRecord, WorkRecord } from './store.ts';
import type { TicketJob } from './wire.ts';

export type OpenStore = () => Promise<CoordinatorStore & { close?(): Promise<void> }>;

const job = (seed: number): TicketJob => ({
  id: `batch ${seed}`, decks: [{ name: 'A', cards: [3, 1, 2] }, { name: 'B', cards: [4, 4] }],
  agents: ['heuristic', 'heuristic'], seed, games: 2, facts: true, engine: 'e1', irHash: 'ir1',
});
const contributor = (handle: string, o: Partial<ContributorRecord> = {}): ContributorRecord => ({
  handle, publicKey: `key of ${handle}`, registeredAt: Date.UTC(2026, 0, 1), trust: 0, verifiedGames: 0, pendingGames: 0, rejectedGames: 0, computeSeconds: 0, ...o,
});
const work = (id: string, order: number, o: Partial<WorkRecord> = {}): WorkRecord => ({ id, job: job(order), state: 'queued', order, tickets: 0, holders: [], ...o });
const ticket = (work: string, n: number, assignee: string, o: Partial<TicketRecord> = {}): TicketRecord => ({
  signed: {
    ticket: { id: `${work}#${n}`, job: job(n), engine: 'e1', irHash: 'ir1', deckHashes: ['h0', 'h1'], issuedAt: 1_767_225_600_000, expiresAt: 1_767_226_500_000, assignee },
    signature: `sig ${work}#${n}`,
  },
  work, state: 'issued', ...o,
});
const games = [
  { game: 0, seed: 7, onThePlay: 0 as const, winner: 1 as const, reason: 'life', turns: 9, digest: 'd0', cards: [1, 0, 2.5] },
  { game: 1, seed: 7, onThePlay: 1 as const, winner: null, reason: 'turns', turns: 40, digest: 'd1' },
];
const ids = (ts: TicketRecord[]) => ts.map((t) => t.signed.ticket.id);

export function storeConformance(name: string, open: OpenStore): void {
  const withStore = (title: string, f: (s: CoordinatorStore) => Promise<void>) => test(`${name}: ${title}`, async () => {
    const s = await open();
    try { await f(s); } finally { await s.close?.(); }
  });

  withStore('contributors: absent, put, replaced in place, listed in order of first put', async (s) => {
    assert.equal(await s.contributor('ann'), undefined);
    assert.deepEqual(await s.contributors(), []);
    const ann = contributor('ann');
    await s.putContributor(ann);
    await s.putContributor(contributor('bob', { registeredAt: 8_640_000_000_000 }));
    assert.deepEqual(await s.contributor('ann'), ann);
    const later = { ...ann, trust: 3, verifiedGames: 12, pendingGames: 4, rejectedGames: 8, computeSeconds: 2.75 };
    await s.putContributor(later);
    assert.deepEqual(await s.contributor('ann'), later);
    assert.deepEqual((await s.contributors()).map((c) => [c.handle, c.trust, c.registeredAt]), [['ann', 3, ann.registeredAt], ['bob', 0, 8_640_000_000_000]]);
    assert.equal(await s.contributor('Ann'), undefined, 'handles are case-sensitive');
  });

  withStore('records are copied in and out: changing one the store gave or took changes nothing stored', async (s) => {
    const ann = contributor('ann');
    await s.putContributor(ann);
    ann.trust = 9;
    const got = (await s.contributor('ann'))!;
    got.verifiedGames = 9;
    assert.equal((await s.contributor('ann'))!.trust, 0);
    assert.equal((await s.contributor('ann'))!.verifiedGames, 0);
    const w = work('p:0', 0);
    await s.putWork(w);
    w.holders.push('ann');
    (await s.work('p:0'))!.holders.push('bob');
    assert.deepEqual((await s.work('p:0'))!.holders, []);
  });

  withStore('work: the queue in order, skipping work a contributor held and work not queued; replaced in place; counted once', async (s) => {
    assert.equal(await s.work('p:0'), undefined);
    assert.equal(await s.nextQueued('ann'), undefined);
    assert.equal(await s.workCount(), 0);
    for (const [id, order] of [['p:b', 1], ['p:a', 0], ['p:c', 2]] as const) await s.putWork(work(id, order));
    assert.equal(await s.workCount(), 3);
    assert.deepEqual(await s.work('p:b'), work('p:b', 1), 'no games or contributor members while not verified');
    assert.equal((await s.nextQueued('ann'))!.id, 'p:a', 'the lowest order first, not the first put');
    await s.putWork(work('p:a', 0, { state: 'issued', tickets: 1, holders: ['ann'] }));
    assert.equal((await s.nextQueued('bob'))!.id, 'p:b');
    // put back in the queue, it keeps its place, but not for a contributor who held it
    await s.putWork(work('p:a', 0, { state: 'queued', tickets: 1, holders: ['ann'] }));
    assert.equal((await s.nextQueued('bob'))!.id, 'p:a');
    assert.equal((await s.nextQueued('ann'))!.id, 'p:b');
    assert.equal(await s.workCount(), 3, 'putting known work again does not count it again');
    const verified = work('p:b', 1, { state: 'verified', tickets: 2, holders: ['ann', 'bob'], games, contributor: 'bob' });
    await s.putWork(verified);
    assert.deepEqual(await s.work('p:b'), verified);
    await s.putWork(work('p:c', 2, { state: 'issued', tickets: 1, holders: ['carol'] }));
    assert.equal(await s.nextQueued('ann'), undefined, 'nothing queued that ann has not had');
    assert.equal((await s.nextQueued('carol'))!.id, 'p:a');
  });

  withStore('tickets: absent, put, replaced in place with their results and verdicts, listed by state and assignee in order of first put', async (s) => {
    assert.equal(await s.ticket('p:0#1'), undefined);
    assert.deepEqual(await s.ticketsIn('issued'), []);
    const t1 = ticket('p:0', 1, 'ann'), t2 = ticket('p:1', 1, 'bob'), t3 = ticket('p:0', 2, 'ann');
    for (const t of [t1, t2, t3]) await s.putTicket(t);
    assert.deepEqual(await s.ticket('p:0#1'), t1);
    assert.deepEqual(ids(await s.ticketsIn('issued')), ['p:0#1', 'p:1#1', 'p:0#2']);
    assert.deepEqual(ids(await s.ticketsIn('issued', 'ann')), ['p:0#1', 'p:0#2']);
    assert.deepEqual(await s.ticketsIn('issued', 'nobody'), []);
    const result = { result: { ticketId: 'p:0#1', ticketSignature: 'sig p:0#1', games, batchDigest: 'b' }, signature: 'by ann' };
    const submitted: TicketRecord = { ...t1, state: 'submitted', result, submittedAt: 1_767_225_601_234 };
    await s.putTicket(submitted);
    assert.deepEqual(await s.ticket('p:0#1'), submitted);
    assert.deepEqual(ids(await s.ticketsIn('issued', 'ann')), ['p:0#2']);
    assert.deepEqual(await s.ticketsIn('submitted'), [submitted]);
    const verified: TicketRecord = { ...submitted, state: 'verified', replayed: [0, 1] };
    const rejected: TicketRecord = { ...t2, state: 'rejected', result: { ...result, signature: 'by bob' }, submittedAt: 1, replayed: [1], mismatch: 'game 1: the digest differs from the replay' };
    await s.putTicket(verified);
    await s.putTicket(rejected);
    await s.putTicket({ ...t3, state: 'expired' });
    assert.deepEqual(await s.ticket('p:0#1'), verified);
    assert.deepEqual(await s.ticket('p:1#1'), rejected);
    assert.deepEqual(await s.ticketsIn('submitted'), []);
    assert.deepEqual(ids(await s.ticketsIn('verified', 'ann')), ['p:0#1']);
    assert.deepEqual(ids(await s.ticketsIn('rejected')), ['p:1#1']);
    assert.deepEqual(ids(await s.ticketsIn('expired')), ['p:0#2']);
  });

  withStore('tallies: one per contributor and matchup, replaced in place, listed in order of first put', async (s) => {
    assert.deepEqual(await s.tallies(), []);
    await s.putTally({ contributor: 'ann', matchup: 'm1', wins: 1, losses: 2 });
    await s.putTally({ contributor: 'bob', matchup: 'm1', wins: 0, losses: 1 });
    await s.putTally({ contributor: 'ann', matchup: 'm2', wins: 5, losses: 0 });
    await s.putTally({ contributor: 'ann', matchup: 'm1', wins: 4, losses: 6 });
    // the key is the pair, not a joined string
    await s.putTally({ contributor: 'a\nb', matchup: 'c', wins: 1, losses: 0 });
    await s.putTally({ contributor: 'a', matchup: 'b\nc', wins: 0, losses: 1 });
    assert.deepEqual(await s.tallies(), [
      { contributor: 'ann', matchup: 'm1', wins: 4, losses: 6 },
      { contributor: 'bob', matchup: 'm1', wins: 0, losses: 1 },
      { contributor: 'ann', matchup: 'm2', wins: 5, losses: 0 },
      { contributor: 'a\nb', matchup: 'c', wins: 1, losses: 0 },
      { contributor: 'a', matchup: 'b\nc', wins: 0, losses: 1 },
    ]);
  });

  withStore('issued tickets: counted per assignee, and those past their expiry found', async (s) => {
    const at = (n: number, o: Partial<TicketRecord['signed']['ticket']>) => {
      const t = ticket('p:0', n, o.assignee ?? 'ann');
      return { ...t, signed: { ...t.signed, ticket: { ...t.signed.ticket, ...o } } };
    };
    assert.equal(await s.issuedCount('ann'), 0);
    assert.deepEqual(await s.dueTickets(Number.MAX_SAFE_INTEGER), []);
    await s.putTicket(at(1, { expiresAt: 1000 }));
    await s.putTicket(at(2, { expiresAt: 3000 }));
    await s.putTicket(at(3, { expiresAt: 2000, assignee: 'bob' }));
    await s.putTicket(at(4, { expiresAt: 500 }));
    assert.deepEqual([await s.issuedCount('ann'), await s.issuedCount('bob'), await s.issuedCount('carol')], [3, 1, 0]);
    const due = async (now: number) => ids(await s.dueTickets(now)).sort();
    assert.deepEqual(await due(500), [], 'not before its expiry');
    assert.deepEqual(await due(1001), ['p:0#1', 'p:0#4']);
    assert.deepEqual(await due(2001), ['p:0#1', 'p:0#3', 'p:0#4']);
    const byId = (ts: TicketRecord[]) => ts.sort((x, y) => (x.signed.ticket.id < y.signed.ticket.id ? -1 : 1));
    assert.deepEqual(byId(await s.dueTickets(1001)), [at(1, { expiresAt: 1000 }), at(4, { expiresAt: 500 })], 'whole records');
    // tickets no longer issued are neither counted nor due
    await s.putTicket({ ...at(1, { expiresAt: 1000 }), state: 'expired' });
    await s.putTicket({ ...at(4, { expiresAt: 500 }), state: 'submitted', submittedAt: 400 });
    assert.equal(await s.issuedCount('ann'), 1);
    assert.deepEqual(await due(Number.MAX_SAFE_INTEGER), ['p:0#2', 'p:0#3']);
  });

  withStore('a transaction that throws after writing leaves nothing written; one that resolves keeps everything', async (s) => {
    await s.putContributor(contributor('ann'));
    await s.putWork(work('p:0', 0));
    const before = { ann: await s.contributor('ann'), work: await s.work('p:0') };
    const writeAll = async (t: CoordinatorStore) => {
      await t.putContributor({ ...before.ann!, trust: 7 });
      await t.putContributor(contributor('bob'));
      await t.putWork(work('p:0', 0, { state: 'issued', tickets: 1, holders: ['ann'] }));
      await t.putWork(work('p:1', 1));
      await t.putTicket(ticket('p:0', 1, 'ann'));
      await t.putTally({ contributor: 'ann', matchup: 'm1', wins: 1, losses: 0 });
      // the transaction's own writes are visible inside it
      assert.equal((await t.contributor('ann'))!.trust, 7);
      assert.equal(await t.issuedCount('ann'), 1);
      assert.equal(await t.nextQueued('bob').then((w) => w?.id), 'p:1');
    };
    await assert.rejects(s.transaction(async (t) => { await writeAll(t); throw new Error('crash'); }), /crash/);
    assert.deepEqual(await s.contributors(), [before.ann]);
    assert.deepEqual(await s.work('p:0'), before.work);
    assert.equal(await s.work('p:1'), undefined);
    assert.equal(await s.workCount(), 1);
    assert.equal((await s.nextQueued('ann'))!.id, 'p:0', 'the queue as it was');
    assert.equal(await s.ticket('p:0#1'), undefined);
    assert.equal(await s.issuedCount('ann'), 0);
    assert.deepEqual(await s.dueTickets(Number.MAX_SAFE_INTEGER), []);
    assert.deepEqual(await s.tallies(), []);

    assert.equal(await s.transaction(async (t) => { await writeAll(t); return 'done'; }), 'done');
    assert.deepEqual((await s.contributors()).map((c) => [c.handle, c.trust]), [['ann', 7], ['bob', 0]]);
    assert.equal((await s.work('p:0'))!.state, 'issued');
    assert.equal((await s.nextQueued('ann'))!.id, 'p:1');
    assert.equal(await s.issuedCount('ann'), 1);
    assert.deepEqual(await s.tallies(), [{ contributor: 'ann', matchup: 'm1', wins: 1, losses: 0 }]);
  });
}

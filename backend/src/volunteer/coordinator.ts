// The volunteer coordinator: registers contributors, turns queued batches into signed tickets
// (a cap on each contributor's outstanding ones, expired ones put back in the queue), checks
// submitted results and holds them apart until a replay of a sample of their games verifies
// them. Time comes only from the injected clock; state lives only in the store. Operations that
// read and write the store run one at a time, each in one store transaction, so two requests
// never take the same work and a crash never leaves an operation half written; a replay runs
// outside that, and its verdict is settled only if the ticket is still waiting.
import { publicKeyFor, rawPublicKey, sha256, verifyValue } from './signature.ts';
import { canonical } from './canonical.ts';
import { checkTicket, deckHash, signTicket } from './tickets.ts';
import type { SignedTicket, TicketJob, GameReport, SignedResult } from './wire.ts';
import { resultGames } from './results.ts';
import { gameMismatch, residuals, sampleGames, sampleSize, type Replay, type Residual, type ResidualOptions } from './verify.ts';
import { accept, refuse, type Outcome } from './refusal.ts';
import type { ContributorRecord, CoordinatorStore, TicketRecord, TicketState, WorkRecord } from './store.ts';

export interface CoordinatorOptions {
  store: CoordinatorStore;
  /** The coordinator's Ed25519 private key (PEM or raw base64): it signs every ticket. */
  signingKey: string;
  /** Keys the choice of replayed games (sampleGames); never leaves the coordinator. */
  sampleSecret: string;
  /** The engine build and card IR hashes of the coordinator's engine: every ticket is for these. */
  engine: string;
  irHash: string;
  replay: Replay;
  /** Milliseconds since the epoch. */
  clock: () => number;
  /** How long a ticket is valid (default 15 minutes). */
  ticketMs?: number;
  /** Tickets a contributor may hold at once (default 4). */
  maxOutstanding?: number;
  /** When a contributor's win rate in a matchup is flagged (verify.ts `residuals`). */
  residual?: ResidualOptions;
}

/** A matchup in which a contributor's verified win rate is implausible (verify.ts `residuals`). */
export interface FlaggedMatchup { matchup: string; z: number; games: number }

/** A contributor's record and whether the residual guard flags it: then every game of its batches is replayed. */
export interface ContributorStats extends ContributorRecord {
  flagged: boolean;
  flaggedMatchups: FlaggedMatchup[];
}

export interface Submission { ticket: string; state: TicketState; /** True for a resubmission of the ticket's result. */ duplicate: boolean }

export interface Verdict { ticket: string; state: 'verified' | 'rejected'; replayed: number[]; mismatch?: string }

export interface Coordinator {
  /** The raw base64 public key tickets are signed with. */
  readonly publicKey: string;
  /** Registers `publicKey` (PEM or raw base64, kept as raw base64) under `handle`; the same key again is accepted. */
  register(handle: string, publicKey: string): Promise<Outcome<ContributorRecord>>;
  /** Queues a batch to be played; an id already known is left as it is. */
  enqueue(id: string, job: TicketJob): Promise<WorkRecord>;
  /** A signed ticket for the next queued batch. */
  issue(handle: string): Promise<Outcome<SignedTicket>>;
  /** Checks a signed result and holds it for verification. */
  submit(handle: string, signed: SignedResult): Promise<Outcome<Submission>>;
  /** Replays the sample of a submitted ticket's games and counts or rejects the batch. */
  verify(ticketId: string): Promise<Outcome<Verdict>>;
  /** Tickets with a result waiting for `verify` (e.g. after a restart). */
  unverified(): Promise<string[]>;
  /** Expires issued tickets past their expiry and puts their work back in the queue (issue does this too). */
  expire(): Promise<number>;
  /** The verified work of `id`, or undefined while it is not verified. */
  verifiedWork(id: string): Promise<WorkRecord | undefined>;
  /** Resolves with work `id` once it is verified by this coordinator (at once if it already is). */
  verified(id: string): Promise<WorkRecord>;
  contributor(handle: string): Promise<ContributorRecord | undefined>;
  /** The contributor's record with its residual flags. */
  stats(handle: string): Promise<ContributorStats | undefined>;
  /** Contributors by verified games, most first, with their residual flags. */
  leaderboard(): Promise<ContributorStats[]>;
  /** Residuals of contributors' verified win rates (verify.ts `residuals`). */
  residuals(o?: ResidualOptions): Promise<Residual[]>;
}

export function openCoordinator(o: CoordinatorOptions): Coordinator {
  const { store, clock, engine, irHash } = o;
  const ticketMs = o.ticketMs ?? 15 * 60_000;
  const maxOutstanding = o.maxOutstanding ?? 4;
  const publicKey = publicKeyFor(o.signingKey);

  // Callers of `verified` waiting in this process; the store alone says what is verified.
  const waiting = new Map<string, ((w: WorkRecord) => void)[]>();

  // `f` gets the store bound to its transaction and must use only that one.
  let tail: Promise<unknown> = Promise.resolve();
  const exclusive = <T>(f: (s: CoordinatorStore) => Promise<T>): Promise<T> => {
    const next = tail.then(() => store.transaction(f));
    tail = next.catch(() => undefined);
    return next;
  };

  const expireDue = async (s: CoordinatorStore) => {
    const due = await s.dueTickets(clock());
    for (const t of due) await expireTicket(s, t);
    return due.length;
  };
  const expireTicket = async (s: CoordinatorStore, t: TicketRecord) => {
    await s.putTicket({ ...t, state: 'expired' });
    await requeue(s, t.work);
  };
  const requeue = async (s: CoordinatorStore, id: string) => {
    const w = (await s.work(id))!;
    if (w.state === 'issued') await s.putWork({ ...w, state: 'queued' });
  };
  const flaggedMatchups = async (handle: string) => flagsBy(residuals(await store.tallies(), o.residual)).get(handle) ?? [];
  const contributorOr = async (s: CoordinatorStore, handle: string): Promise<Outcome<ContributorRecord>> => {
    const c = await s.contributor(handle);
    return c ? accept(c) : refuse('unknown-contributor', `no contributor is registered as "${handle}"`);
  };

  return {
    publicKey,
    register: (handle, given) => exclusive(async (store) => {
      let key: string;
      try { key = rawPublicKey(given); } catch (e) { return refuse('bad-key', (e as Error).message); }
      const known = await store.contributor(handle);
      if (known) return known.publicKey === key ? accept(known) : refuse('handle-taken', `"${handle}" is registered with another key`);
      const c: ContributorRecord = { handle, publicKey: key, registeredAt: clock(), trust: 0, verifiedGames: 0, pendingGames: 0, rejectedGames: 0, computeSeconds: 0 };
      await store.putContributor(c);
      return accept(c);
    }),

    enqueue: (id, job) => exclusive(async (store) => {
      const known = await store.work(id);
      if (known) return known;
      const w: WorkRecord = { id, job: { ...job, engine, irHash }, state: 'queued', order: await store.workCount(), tickets: 0, holders: [] };
      await store.putWork(w);
      return w;
    }),

    issue: (handle) => exclusive(async (store) => {
      const c = await contributorOr(store, handle);
      if (!c.ok) return c;
      await expireDue(store);
      const held = await store.issuedCount(handle);
      if (held >= maxOutstanding) return refuse('too-many-tickets', `"${handle}" holds ${held} tickets, the most allowed; submit or let one expire first`);
      // A batch goes to each contributor once: one who abandoned it or was caught on it cannot hold it up again.
      const w = await store.nextQueued(handle);
      if (!w) return refuse('no-work', 'no batch is waiting that this contributor has not had');
      const now = clock();
      const signed = signTicket({
        id: `${w.id}#${w.tickets + 1}`, job: w.job, engine, irHash, deckHashes: [deckHash(w.job.decks[0].cards), deckHash(w.job.decks[1].cards)],
        issuedAt: now, expiresAt: now + ticketMs, assignee: handle,
      }, o.signingKey);
      await store.putWork({ ...w, state: 'issued', tickets: w.tickets + 1, holders: [...w.holders, handle] });
      await store.putTicket({ signed, work: w.id, state: 'issued' });
      return accept(signed);
    }),

    submit: (handle, signed) => exclusive(async (store) => {
      const c = await contributorOr(store, handle);
      if (!c.ok) return c;
      const { result } = signed;
      if (!verifyValue(result, signed.signature, c.value.publicKey)) return refuse('bad-signature', `the result's signature does not verify under "${handle}"'s key`);
      const t = await store.ticket(result.ticketId);
      if (!t) return refuse('unknown-ticket', `no ticket ${result.ticketId} was issued`);
      const ticket = checkTicket(t.signed, publicKey);
      if (!ticket.ok) return ticket;
      if (result.ticketSignature !== t.signed.signature) return refuse('bad-signature', `the result names ticket ${t.signed.ticket.id} with another signature`);
      if (ticket.value.assignee !== handle) return refuse('not-your-ticket', `ticket ${ticket.value.id} was issued to someone else`);
      if (t.result) {
        if (canonical(t.result.result) === canonical(result)) return accept({ ticket: ticket.value.id, state: t.state, duplicate: true });
        return refuse('ticket-used', `ticket ${ticket.value.id} already has a different result`);
      }
      if (t.state === 'expired' || clock() > ticket.value.expiresAt) {
        if (t.state === 'issued') await expireTicket(store, t);
        return refuse('ticket-expired', `ticket ${ticket.value.id} expired at ${new Date(ticket.value.expiresAt).toISOString()}`);
      }
      const games = resultGames(result, ticket.value);
      if (!games.ok) return games;
      await store.putTicket({ ...t, state: 'submitted', result: signed, submittedAt: clock() });
      await store.putContributor({ ...c.value, pendingGames: c.value.pendingGames + games.value.length });
      return accept({ ticket: ticket.value.id, state: 'submitted' as const, duplicate: false });
    }),

    async verify(ticketId) {
      const t = await store.ticket(ticketId);
      if (!t || !t.result) return refuse('unknown-ticket', `ticket ${ticketId} has no result to verify`);
      if (t.state === 'verified' || t.state === 'rejected') return accept(verdictOf(t));
      const { ticket } = t.signed, claimed = t.result.result.games;
      // A flagged contributor is checked as a new one is, every game, until its rates are plausible again.
      const trust = (await flaggedMatchups(ticket.assignee)).length ? 0 : (await store.contributor(ticket.assignee))!.trust;
      const replayed = sampleGames(ticket.id, claimed.length, sampleSize(claimed.length, trust), o.sampleSecret);
      const replays = await o.replay(ticket.job, replayed);
      const mismatch = replays.map((r) => gameMismatch(claimed[r.game]!, r)).find((m) => m !== null) ?? undefined;
      const done = await exclusive(async (store) => {
        const now = (await store.ticket(ticketId))!;
        if (now.state !== 'submitted') return { verdict: verdictOf(now) }; // settled meanwhile
        const settled: TicketRecord = { ...now, state: mismatch ? 'rejected' : 'verified', replayed, mismatch };
        await store.putTicket(settled);
        const c = (await store.contributor(ticket.assignee))!;
        const n = claimed.length;
        if (mismatch) {
          await store.putContributor({ ...c, trust: 0, pendingGames: c.pendingGames - n, rejectedGames: c.rejectedGames + n });
          await requeue(store, t.work);
        } else {
          const elapsed = (now.submittedAt! - ticket.issuedAt) / 1000;
          await store.putContributor({
            ...c, trust: c.trust + 1, pendingGames: c.pendingGames - n, verifiedGames: c.verifiedGames + n,
            computeSeconds: c.computeSeconds + Math.min(t.result!.result.seconds ?? 0, elapsed),
          });
          const w: WorkRecord = { ...(await store.work(t.work))!, state: 'verified', games: claimed, contributor: ticket.assignee };
          await store.putWork(w);
          await tally(store, ticket.assignee, matchupOf(ticket.job), claimed);
          return { verdict: verdictOf(settled), work: w };
        }
        return { verdict: verdictOf(settled) };
      });
      // Waiters are woken once the transaction has committed, never with work a rollback undid.
      if (done.work) {
        for (const wake of waiting.get(done.work.id) ?? []) wake(done.work);
        waiting.delete(done.work.id);
      }
      return accept(done.verdict);
    },

    unverified: async () => (await store.ticketsIn('submitted')).map((t) => t.signed.ticket.id),
    expire: () => exclusive(expireDue),
    verifiedWork: async (id) => {
      const w = await store.work(id);
      return w?.state === 'verified' ? w : undefined;
    },
    async verified(id) {
      // Looked up and registered in one step, so no verification slips in between. The wait is
      // wrapped in an object: returned bare, it would hold the exclusive section until verified.
      const { work } = await exclusive(async (store) => {
        const w = await store.work(id);
        if (w?.state === 'verified') return { work: w };
        return { work: new Promise<WorkRecord>((resolve) => waiting.set(id, [...(waiting.get(id) ?? []), resolve])) };
      });
      return work;
    },
    contributor: (handle) => store.contributor(handle),
    async stats(handle) {
      const c = await store.contributor(handle);
      return c && withFlags(c, await flaggedMatchups(handle));
    },
    async leaderboard() {
      const flags = flagsBy(residuals(await store.tallies(), o.residual));
      return (await store.contributors())
        .sort((a, b) => b.verifiedGames - a.verifiedGames || (a.handle < b.handle ? -1 : 1))
        .map((c) => withFlags(c, flags.get(c.handle) ?? []));
    },
    residuals: async (ro) => residuals(await store.tallies(), ro ?? o.residual),
  };
}

/** Each contributor's flagged matchups. */
function flagsBy(rs: readonly Residual[]): Map<string, FlaggedMatchup[]> {
  const by = new Map<string, FlaggedMatchup[]>();
  for (const r of rs) if (r.flagged) by.set(r.contributor, [...(by.get(r.contributor) ?? []), { matchup: r.matchup, z: r.z, games: r.games }]);
  return by;
}

const withFlags = (c: ContributorRecord, flags: FlaggedMatchup[]): ContributorStats => ({ ...c, flagged: flags.length > 0, flaggedMatchups: flags });

function verdictOf(t: TicketRecord): Verdict {
  return { ticket: t.signed.ticket.id, state: t.state as Verdict['state'], replayed: t.replayed ?? [], mismatch: t.mismatch };
}

/** A matchup is its decks (by hash, in seat order) and agents: games of it share one win rate. */
export function matchupOf(job: TicketJob): string {
  return sha256(canonical({ decks: job.decks.map((d) => deckHash(d.cards)), agents: job.agents })).slice(0, 16);
}

async function tally(store: CoordinatorStore, contributor: string, matchup: string, games: readonly GameReport[]) {
  const t = (await store.tallies()).find((x) => x.contributor === contributor && x.matchup === matchup) ?? { contributor, matchup, wins: 0, losses: 0 };
  for (const g of games) { if (g.winner === 0) t.wins++; else if (g.winner === 1) t.losses++; }
  await store.putTally(t);
}

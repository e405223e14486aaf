// What the coordinator keeps: plain records behind a small asynchronous interface, so a file or
// PostgreSQL store can implement it (one table per record kind, keyed as the methods are; see
// sql.ts). The in-memory store copies records in and out as JSON, as a database does, so nothing
// relies on sharing objects with it and undefined members are dropped the same way.
import type { SignedTicket, TicketJob, GameReport, SignedResult } from './wire.ts';
import type { MatchupTally } from './verify.ts';

export interface ContributorRecord {
  handle: string;
  /** Ed25519, raw base64. */
  publicKey: string;
  registeredAt: number;
  /** Batches verified since the contributor's last mismatch (0: new or recently wrong). */
  trust: number;
  verifiedGames: number;
  /** Submitted, not yet verified. */
  pendingGames: number;
  rejectedGames: number;
  /** Seconds credited for verified batches. */
  computeSeconds: number;
}

/** A batch of games the statistics wait for: queued, out on a ticket, or verified (with its games). */
export interface WorkRecord {
  /** The caller's name for the batch (e.g. prediction and batch request); unique. */
  id: string;
  job: TicketJob;
  state: 'queued' | 'issued' | 'verified';
  /** Queue position: the lowest is issued next, and work put back keeps its place. */
  order: number;
  /** Tickets issued for it so far. */
  tickets: number;
  /** Handles it was issued to: never issued to one of them again (one try per contributor and batch, as BOINC does). */
  holders: string[];
  /** Once verified: its games and who played them. */
  games?: GameReport[];
  contributor?: string;
}

export type TicketState = 'issued' | 'submitted' | 'verified' | 'rejected' | 'expired';

export interface TicketRecord {
  signed: SignedTicket;
  /** The work it was issued for. */
  work: string;
  state: TicketState;
  result?: SignedResult;
  submittedAt?: number;
  /** Once verified or rejected: the games replayed, and what differed if anything. */
  replayed?: number[];
  mismatch?: string;
}

export interface CoordinatorStore {
  contributor(handle: string): Promise<ContributorRecord | undefined>;
  contributors(): Promise<ContributorRecord[]>;
  putContributor(c: ContributorRecord): Promise<void>;
  work(id: string): Promise<WorkRecord | undefined>;
  putWork(w: WorkRecord): Promise<void>;
  /** The queued work of lowest `order` that `handle` is not among the holders of. */
  nextQueued(handle: string): Promise<WorkRecord | undefined>;
  /** The number of work records ever put (the next `order`). */
  workCount(): Promise<number>;
  ticket(id: string): Promise<TicketRecord | undefined>;
  putTicket(t: TicketRecord): Promise<void>;
  /** Tickets in `state`, of one assignee or of all. */
  ticketsIn(state: TicketState, assignee?: string): Promise<TicketRecord[]>;
  /** How many tickets `assignee` holds in state 'issued' (without reading them). */
  issuedCount(assignee: string): Promise<number>;
  /** Tickets in state 'issued' whose expiry is before `now`, in no particular order. */
  dueTickets(now: number): Promise<TicketRecord[]>;
  /** Verified decided games per contributor and matchup. */
  tallies(): Promise<MatchupTally[]>;
  /** Replaces the tally of `t.contributor` in `t.matchup`. */
  putTally(t: MatchupTally): Promise<void>;
  /**
   * Runs `f` on a store whose writes all take effect if it resolves and none if it throws, so
   * one coordinator operation never leaves its records half written. Not nested: a transaction
   * begun inside `f` joins the outer one.
   */
  transaction<T>(f: (s: CoordinatorStore) => Promise<T>): Promise<T>;
}

export function memoryStore(): CoordinatorStore {
  const contributors = new Map<string, ContributorRecord>();
  const work = new Map<string, WorkRecord>();
  const tickets = new Map<string, TicketRecord>();
  const tallies = new Map<string, MatchupTally>();
  // Indexes, so that issuing reads only what it needs: ids of queued work and of issued tickets.
  const queued = new Set<string>(), issued = new Set<string>();
  const copy = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;
  const got = async <T>(x: T | undefined) => (x === undefined ? undefined : copy(x));
  // While a transaction runs: how to undo each write, newest last (cheaper than copying every map per operation).
  let undo: (() => void)[] | undefined;
  const set = <T>(map: Map<string, T>, key: string, value: T | undefined, indexed?: (v: T | undefined) => void) => {
    const old = map.get(key);
    if (value === undefined) map.delete(key); else map.set(key, value);
    indexed?.(value);
    undo?.push(() => set(map, key, old, indexed));
  };
  const index = (ids: Set<string>, id: string, member: boolean) => { if (member) ids.add(id); else ids.delete(id); };
  const store: CoordinatorStore = {
    contributor: (h) => got(contributors.get(h)),
    contributors: async () => [...contributors.values()].map(copy),
    putContributor: async (c) => set(contributors, c.handle, copy(c)),
    work: (id) => got(work.get(id)),
    putWork: async (w) => set(work, w.id, copy(w), (v) => index(queued, w.id, v?.state === 'queued')),
    nextQueued: async (handle) => {
      let best: WorkRecord | undefined;
      for (const id of queued) {
        const w = work.get(id)!;
        if (!w.holders.includes(handle) && (!best || w.order < best.order)) best = w;
      }
      return got(best);
    },
    workCount: async () => work.size,
    ticket: (id) => got(tickets.get(id)),
    putTicket: async (t) => set(tickets, t.signed.ticket.id, copy(t), (v) => index(issued, t.signed.ticket.id, v?.state === 'issued')),
    ticketsIn: async (state, assignee) => [...tickets.values()].filter((t) => t.state === state && (assignee === undefined || t.signed.ticket.assignee === assignee)).map(copy),
    issuedCount: async (assignee) => {
      let n = 0;
      for (const id of issued) if (tickets.get(id)!.signed.ticket.assignee === assignee) n++;
      return n;
    },
    dueTickets: async (now) => [...issued].map((id) => tickets.get(id)!).filter((t) => t.signed.ticket.expiresAt < now).map(copy),
    tallies: async () => [...tallies.values()].map(copy),
    putTally: async (t) => set(tallies, JSON.stringify([t.contributor, t.matchup]), copy(t)),
    async transaction(f) {
      if (undo) return f(store);
      undo = [];
      try {
        return await f(store);
      } catch (e) {
        const log = undo;
        undo = undefined; // the undoing itself is not recorded
        for (const u of log.reverse()) u();
        throw e;
      } finally {
        undo = undefined;
      }
    },
  };
  return store;
}

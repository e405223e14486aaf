// What the coordinator keeps: plain records behind a small asynchronous interface, so a file or
// PostgreSQL store can implement it (one table per record kind, keyed as the methods are; see
// sql.ts). The in-memory store copies records in and out as JSON, as a database does, so nothing
// relies on sharing objects with it and undefined members are dropped the same way.
import type { SignedTicket, TicketJob } from './tickets.ts';
import type { GameReport, SignedResult } from './results.ts';
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
  /** Verified decided games per contributor and matchup. */
  tallies(): Promise<MatchupTally[]>;
  /** Replaces the tally of `t.contributor` in `t.matchup`. */
  putTally(t: MatchupTally): Promise<void>;
}

export function memoryStore(): CoordinatorStore {
  const contributors = new Map<string, ContributorRecord>();
  const work = new Map<string, WorkRecord>();
  const tickets = new Map<string, TicketRecord>();
  const tallies = new Map<string, MatchupTally>();
  const copy = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;
  const got = async <T>(x: T | undefined) => (x === undefined ? undefined : copy(x));
  return {
    contributor: (h) => got(contributors.get(h)),
    contributors: async () => [...contributors.values()].map(copy),
    putContributor: async (c) => { contributors.set(c.handle, copy(c)); },
    work: (id) => got(work.get(id)),
    putWork: async (w) => { work.set(w.id, copy(w)); },
    nextQueued: async (handle) => {
      let best: WorkRecord | undefined;
      for (const w of work.values()) if (w.state === 'queued' && !w.holders.includes(handle) && (!best || w.order < best.order)) best = w;
      return got(best);
    },
    workCount: async () => work.size,
    ticket: (id) => got(tickets.get(id)),
    putTicket: async (t) => { tickets.set(t.signed.ticket.id, copy(t)); },
    ticketsIn: async (state, assignee) => [...tickets.values()].filter((t) => t.state === state && (assignee === undefined || t.signed.ticket.assignee === assignee)).map(copy),
    tallies: async () => [...tallies.values()].map(copy),
    putTally: async (t) => { tallies.set(JSON.stringify([t.contributor, t.matchup]), copy(t)); },
  };
}

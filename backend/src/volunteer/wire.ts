// The messages of the job exchange as plain data, and building a result from played games.
// Pure (no Node APIs): the coordinator (tickets.ts, results.ts) and a browser contributor share
// these, so a browser's result is built exactly as the coordinator checks it.
import { batchDigest, type Deck, type GameRecord, type MatchJob } from '@spellgrid/engine-as/src/host/jobs.ts';

/** A job whose decks travel by value: a contributor never resolves a deck name. */
export interface TicketJob extends MatchJob { decks: [Deck, Deck] }

export interface Ticket {
  id: string;
  job: TicketJob;
  /** The engine build and card IR hashes the job must be played on (also set on `job`, so workers refuse other builds). */
  engine: string;
  irHash: string;
  /** `deckHash` of each deck of the job. */
  deckHashes: [string, string];
  /** Milliseconds since the epoch, by the coordinator's clock. */
  issuedAt: number;
  expiresAt: number;
  /** The contributor's handle. */
  assignee: string;
}

export interface SignedTicket { ticket: Ticket; signature: string }

/** One game as a contributor reports it: a game record without its clocks. */
export type GameReport = Omit<GameRecord, 'decisions' | 'ms'>;

export interface BatchResult {
  ticketId: string;
  /** The coordinator's signature of the ticket, so a result names exactly one issued ticket. */
  ticketSignature: string;
  games: GameReport[];
  /** `batchDigest(games)`. */
  batchDigest: string;
  /** Seconds the contributor spent (credited up to the time between issue and submission). */
  seconds?: number;
}

export interface SignedResult { result: BatchResult; signature: string }

/** The result of a played ticket, from the runner's records (clocks dropped). */
export function resultOf(t: SignedTicket, records: readonly GameRecord[], seconds?: number): BatchResult {
  const games = records.map(({ decisions: _d, ms: _m, ...g }) => g);
  return { ticketId: t.ticket.id, ticketSignature: t.signature, games, batchDigest: batchDigest(games), seconds };
}

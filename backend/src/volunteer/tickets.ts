// Job tickets: what the coordinator hands a contributor, signed with the coordinator's Ed25519 key.
// A ticket names one job (decks by value, agents, seed, games), the engine build and card IR it
// must be played on, when it was issued and expires, and whom it was issued to.
import type { Deck, MatchJob } from '@spellgrid/engine-as/src/host/jobs.ts';
import { canonical, sha256, signValue, verifyValue } from './signature.ts';
import { accept, refuse, type Outcome } from './refusal.ts';

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

/** SHA-256 of a deck's card list, in its order (the order is part of what the engine shuffles). */
export function deckHash(cards: readonly number[]): string {
  return sha256(canonical(cards));
}

export function signTicket(ticket: Ticket, coordinatorKey: string): SignedTicket {
  return { ticket, signature: signValue(ticket, coordinatorKey) };
}

/** The ticket if its signature verifies under the coordinator's key and its hashes agree with its job. */
export function checkTicket(t: SignedTicket, coordinatorPublicKey: string): Outcome<Ticket> {
  const { ticket } = t;
  if (!verifyValue(ticket, t.signature, coordinatorPublicKey)) return refuse('bad-signature', `ticket ${ticket.id}: the coordinator's signature does not verify`);
  const disagree = ticket.job.decks.findIndex((d, i) => deckHash(d.cards) !== ticket.deckHashes[i]);
  if (disagree >= 0) return refuse('bad-ticket', `ticket ${ticket.id}: deck ${disagree + 1}'s hash does not match its cards`);
  if (ticket.job.engine !== ticket.engine || ticket.job.irHash !== ticket.irHash) return refuse('bad-ticket', `ticket ${ticket.id}: the job's engine or IR hash is not the ticket's`);
  return accept(ticket);
}

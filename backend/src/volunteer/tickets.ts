// Job tickets: what the coordinator hands a contributor, signed with the coordinator's Ed25519 key.
// A ticket names one job (decks by value, agents, seed, games), the engine build and card IR it
// must be played on, when it was issued and expires, and whom it was issued to.
import type { SignedTicket, Ticket } from './wire.ts';
import { sha256, signValue, verifyValue } from './signature.ts';
import { canonical } from './canonical.ts';
import { accept, refuse, type Outcome } from './refusal.ts';


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

// Errors as values at the exchange's boundary: a code for programs (the edge API maps codes to
// HTTP statuses) and a message for people. Every code the volunteer modules return is listed here.
export type RefusalCode =
  | 'bad-key' // a public key that is not Ed25519 (PEM or raw base64)
  | 'handle-taken'
  | 'unknown-contributor'
  | 'bad-signature' // a ticket or result whose signature does not verify
  | 'bad-ticket' // a ticket whose hashes disagree with its job
  | 'unknown-ticket'
  | 'not-your-ticket'
  | 'ticket-expired'
  | 'ticket-used' // a different result for a ticket that already has one
  | 'bad-result' // games that are not the ticket's, or a batch digest that does not add up
  | 'too-many-tickets'
  | 'no-work';

export interface Refusal { ok: false; code: RefusalCode; message: string }

export type Outcome<T> = { ok: true; value: T } | Refusal;

export const refuse = (code: RefusalCode, message: string): Refusal => ({ ok: false, code, message });
export const accept = <T>(value: T): Outcome<T> => ({ ok: true, value });

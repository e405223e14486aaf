// Fields (metagames): named decks with their shares of the field, read from JSON:
//   { "name": "FDN Beginner Box", "decks": [{ "name": "Cats+Elves", "share": 0.5, "deck": "..." }] }
// `deck` is a deck list's text or a bundled deck's name; turning it into cards is the engine's
// job, so the caller passes a resolver (engine-as's parseDeck or findDeck) and its per-line
// errors come back here, each naming its field deck. Every problem is returned as a value, all
// of them at once; nothing here throws on bad input.

export interface FieldDeck<D> { name: string; share: number; deck: D }

export interface Field<D> { name: string; decks: FieldDeck<D>[] }

/** A deck problem as the resolver reports it (engine-as's DeckError fits). */
export interface DeckProblem { line: number; text?: string; message: string }

export type DeckResolution<D> = { ok: true; deck: D } | { ok: false; errors: readonly DeckProblem[] };

/** Turns a field entry's `deck` (list text or bundled name) into a deck; `name` is the entry's. */
export type ResolveDeck<D> = (deck: string, name: string) => DeckResolution<D>;

export type FieldErrorCode =
  | 'not-json'
  | 'bad-shape'
  | 'empty-field'
  | 'bad-name'
  | 'duplicate-name'
  | 'bad-share'
  | 'shares-sum'
  | 'bad-deck';

export interface FieldError {
  code: FieldErrorCode;
  message: string;
  /** The field deck it is about, when it is about one. */
  deck?: string;
  /** The deck list's line (1-based), for a resolver's per-line error. */
  line?: number;
  text?: string;
}

export type FieldResult<D> = { ok: true; field: Field<D> } | { ok: false; errors: FieldError[] };

/** Shares may miss 1 by rounding only. */
export const SHARE_TOLERANCE = 1e-6;

/** Reads a field file's text. */
export function parseField<D>(text: string, resolve: ResolveDeck<D>): FieldResult<D> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return fail([{ code: 'not-json', message: `the field file is not valid JSON: ${(e as Error).message}` }]);
  }
  return checkField(value, resolve);
}

/** Checks an already-parsed field (e.g. an API request body) and resolves its decks. */
export function checkField<D>(value: unknown, resolve: ResolveDeck<D>): FieldResult<D> {
  if (!isObject(value) || typeof value['name'] !== 'string' || !Array.isArray(value['decks'])) {
    return fail([{ code: 'bad-shape', message: 'a field is an object { "name": string, "decks": [{ "name", "share", "deck" }, ...] }' }]);
  }
  const entries: unknown[] = value['decks'];
  if (entries.length === 0) return fail([{ code: 'empty-field', message: `the field "${value['name']}" has no decks` }]);

  const errors: FieldError[] = [];
  const named: { name: string; share: unknown }[] = [];
  const decks: FieldDeck<D>[] = [];
  entries.forEach((entry, i) => {
    const label = `field deck ${i + 1}`;
    if (!isObject(entry)) {
      errors.push({ code: 'bad-shape', message: `${label} is not an object { "name", "share", "deck" }` });
      return;
    }
    const name = entry['name'];
    if (typeof name !== 'string' || name.trim() === '') {
      errors.push({ code: 'bad-name', message: `${label} needs a "name" (a non-empty string)` });
      return;
    }
    named.push({ name, share: entry['share'] });
    const list = entry['deck'];
    if (typeof list !== 'string' || list.trim() === '') {
      errors.push({ code: 'bad-deck', deck: name, message: `field deck "${name}" needs a "deck": a deck list or a bundled deck's name` });
      return;
    }
    const resolved = resolve(list, name);
    if (!resolved.ok) {
      for (const p of resolved.errors) {
        errors.push({ code: 'bad-deck', deck: name, line: p.line, ...(p.text === undefined ? {} : { text: p.text }), message: `field deck "${name}": ${p.message}` });
      }
      return;
    }
    decks.push({ name, share: entry['share'] as number, deck: resolved.deck });
  });
  // Shares of entries that could not be read are unknown, so their sum says nothing.
  const shares = shareErrors(named);
  errors.push(...(named.length < entries.length ? shares.filter((e) => e.code !== 'shares-sum') : shares));
  return errors.length ? fail(errors) : { ok: true, field: { name: value['name'], decks } };
}

/** Names unique, each share a number above 0, shares summing to 1 (the controller checks its shares here too). */
export function shareErrors(decks: readonly { name: string; share: unknown }[]): FieldError[] {
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  for (const { name } of decks) {
    if (seen.has(name)) errors.push({ code: 'duplicate-name', deck: name, message: `two field decks are named "${name}"; names must be unique` });
    seen.add(name);
  }
  let sum = 0;
  for (const { name, share } of decks) {
    if (typeof share !== 'number' || !Number.isFinite(share) || share <= 0) {
      errors.push({ code: 'bad-share', deck: name, message: `field deck "${name}": share must be a number above 0 (got ${JSON.stringify(share) ?? 'nothing'})` });
    } else sum += share;
  }
  if (errors.every((e) => e.code !== 'bad-share') && Math.abs(sum - 1) > SHARE_TOLERANCE) {
    errors.push({ code: 'shares-sum', message: `field shares sum to ${sum}, not 1 (allowed difference ${SHARE_TOLERANCE})` });
  }
  return errors;
}

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function fail<D>(errors: FieldError[]): FieldResult<D> {
  return { ok: false, errors };
}

// The fields Spellgrid ships and field files. `default`: the 45 decks the Foundations Beginner
// Box makes (every pair of its ten 20-card half-decks), equal shares: the one real, fixed,
// public metagame of 40-card FDN decks. `sealed`: FDN sealed decks (six Play Boosters each, built
// by the limited deck builder) from pool seeds 1..N, equal shares: what a prerelease field
// looks like. A field file is JSON (field.ts) whose decks are deck-list text or deck names.
import { beginnerBoxDeck, beginnerBoxHalves, findDeck, loadPool } from '@spellgrid/engine-as/src/host/node.ts';
import { parseDeck } from '@spellgrid/engine-as/src/host/deck.ts';
import { deckCards } from '@spellgrid/engine-as/src/host/engine.ts';
import type { Deck } from '@spellgrid/engine-as/src/host/jobs.ts';
import { sealedDeck } from '@spellgrid/engine-as/src/limited/builder.ts';
import { parseField, type Field, type FieldError, type ResolveDeck } from './field.ts';

export const BUNDLED_FIELDS = ['default', 'sealed'] as const;

/** Every pair of the ten Beginner Box half-decks, each 1/45 of the field. */
export function beginnerBoxField(): Field<Deck> {
  const halves = beginnerBoxHalves();
  const decks = halves.flatMap((a, i) => halves.slice(i + 1).map((b) => beginnerBoxDeck(a, b)));
  return { name: 'FDN Beginner Box (45 decks)', decks: decks.map((d) => ({ name: d.name, share: 1 / decks.length, deck: { name: d.name, cards: d.cards } })) };
}

/** `n` FDN sealed decks from pool seeds 1..n, equal shares. */
export function sealedField(n = 16): Field<Deck> {
  const pool = loadPool();
  const decks = Array.from({ length: n }, (_, k) => {
    const d = sealedDeck(k + 1, pool);
    return { name: `sealed pool ${k + 1}`, share: 1 / n, deck: { name: `sealed pool ${k + 1}`, cards: d.cards } };
  });
  return { name: `FDN sealed (${n} pools)`, decks };
}

/** A field deck's `deck`: deck-list text (it has a line break) or a deck name `findDeck` knows. */
const resolveDeck: ResolveDeck<Deck> = (deck, name) => {
  if (deck.includes('\n')) {
    const r = parseDeck(deck, loadPool());
    return r.ok ? { ok: true, deck: { name, cards: deckCards(r.deck) } } : { ok: false, errors: r.errors };
  }
  try {
    return { ok: true, deck: { name, cards: findDeck(deck).cards } };
  } catch (e) {
    return { ok: false, errors: [{ line: 0, message: (e as Error).message }] };
  }
};

/** A bundled field by name, or a field file's text; errors as values, all at once. */
export function loadField(spec: 'default' | 'sealed' | { text: string }): { ok: true; field: Field<Deck> } | { ok: false; errors: FieldError[] } {
  if (spec === 'default') return { ok: true, field: beginnerBoxField() };
  if (spec === 'sealed') return { ok: true, field: sealedField() };
  return parseField(spec.text, resolveDeck);
}

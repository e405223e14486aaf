// Decks as the API takes them: deck-list text checked by engine-as's parser, or the name of a
// deck bundled with Spellgrid ("boros-aggro", or two Beginner Box half-decks "Cats+Elves").
// Names are looked up among the bundled decks only, never as file paths: a request must not be
// able to make the server read its files (engine-as's findDeck also accepts a path; bundledDeck never does).
import { bundledDeck as bundledNamedDeck } from '@spellgrid/engine-as/src/host/node.ts';
import { CONSTRUCTED_RULES, DEFAULT_RULES, LIMITED_RULES, parseDeck, type DeckParseResult } from '@spellgrid/engine-as/src/host/deck.ts';
import type { CardPool } from '@spellgrid/engine-as/src/host/engine.ts';
import type { Deck } from '@spellgrid/engine-as/src/host/jobs.ts';

/** Deck rules by format: `default` (40 cards, 4 copies), `constructed` (60, 4), `limited` (40, any number). */
export const FORMATS = { default: DEFAULT_RULES, constructed: CONSTRUCTED_RULES, limited: LIMITED_RULES } as const;
export type Format = keyof typeof FORMATS;

export function parseList(text: string, pool: CardPool, format: Format = 'default'): DeckParseResult {
  return parseDeck(text, pool, FORMATS[format]);
}

/** A bundled deck by name, or "A+B" of two Beginner Box halves; undefined if none. */
export function bundledDeck(name: string): Deck | undefined {
  const d = bundledNamedDeck(name);
  return d && { name: d.name, cards: d.cards };
}

// Decks as the API takes them: deck-list text checked by engine-as's parser, or the name of a
// deck bundled with Spellgrid ("boros-aggro", or two Beginner Box half-decks "Cats+Elves").
// Names are looked up among the bundled decks only, never as file paths: a request must not be
// able to make the server read its files (engine-as's findDeck also accepts a path).
import { basename } from 'node:path';
import { beginnerBoxDeck, beginnerBoxHalves, bundledDecks } from '@spellgrid/engine-as/src/host/node.ts';
import { CONSTRUCTED_RULES, DEFAULT_RULES, LIMITED_RULES, parseDeck, type DeckParseResult } from '@spellgrid/engine-as/src/host/deck.ts';
import type { CardPool } from '@spellgrid/engine-as/src/host/engine.ts';
import type { Deck } from '@spellgrid/engine-as/src/host/jobs.ts';

/** Deck rules by format: `default` (40 cards, 4 copies), `constructed` (60, 4), `limited` (40, any number). */
export const FORMATS = { default: DEFAULT_RULES, constructed: CONSTRUCTED_RULES, limited: LIMITED_RULES } as const;
export type Format = keyof typeof FORMATS;

export function parseList(text: string, pool: CardPool, format: Format = 'default'): DeckParseResult {
  return parseDeck(text, pool, FORMATS[format]);
}

const key = (s: string) => s.trim().toLowerCase();

/** A bundled deck by file name or deck name, or "A+B" of two Beginner Box halves; undefined if none. */
export function bundledDeck(name: string): Deck | undefined {
  const halves = name.split('+');
  if (halves.length === 2) {
    const box = beginnerBoxHalves();
    const [a, b] = halves.map((h) => box.find((d) => key(d.name) === key(h)));
    return a && b ? { name: `${a.name} + ${b.name}`, cards: beginnerBoxDeck(a, b).cards } : undefined;
  }
  const d = bundledDecks().find((d) => key(basename(d.file, '.txt')) === key(name) || key(d.name) === key(name));
  return d && { name: d.name, cards: d.cards };
}

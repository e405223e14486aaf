// The play-pattern graph: from played games, which cards a deck casts, which it casts together
// in a game (co-occurrence), and which it casts one after another within a turn ("A then B"), each
// counted in the games it won and the games it did not. Queries rank a deck's strongest sequences
// and its synergies by the lower end of the win rate's 95% Wilson interval, so a pattern seen in
// three games does not outrank one seen in three hundred.
//
// Behind an asynchronous interface with an embedded implementation (here, in memory) and a Neo4j
// one (neo4j.ts, Cypher through neo4j-driver); graph.conformance.ts is what both must do. Both
// store counts only (per deck, card, ordered pair and unordered pair) plus the ids of the games
// added, so adding a game twice (a re-delivered result) counts it once.
import { wilson } from '@spellgrid/engine-as/src/host/stats.ts';

/** One spell cast, in game order. */
export interface Cast {
  /** The card's name. */
  card: string;
  turn: number;
  player: 0 | 1;
}

export interface PatternGame {
  /** Unique per game (e.g. "<prediction>.<matchup>.<game>"): a game added twice counts once. */
  id: string;
  /** The deck the patterns are about. */
  deck: string;
  /** Which player played `deck`. */
  seat: 0 | 1;
  /** null: a draw (a game, not a win). */
  winner: 0 | 1 | null;
  /** Every cast of the game in the order it happened (both players'; only the deck's count). */
  casts: Cast[];
}

export interface PatternStat {
  games: number;
  wins: number;
  winRate: number;
  /** 95% Wilson interval of the win rate. */
  interval: [number, number];
}

/** "first then second within a turn": cast in that order, by the deck, in one of its turns. */
export interface SequenceStat extends PatternStat { first: string; second: string }

/** Two cards both cast by the deck in a game. */
export interface SynergyStat extends PatternStat {
  cards: [string, string];
  /** Co-occurrence lift: P(both cast) / (P(first cast)·P(second cast)) over the deck's games; above 1, they come together more often than by chance. */
  lift: number;
}

export interface CardStat extends PatternStat { card: string }

export interface PatternQuery {
  /** Only patterns seen in at least this many games (default 1). */
  minGames?: number;
  /** At most this many (default 10). */
  limit?: number;
}

export interface PatternGraph {
  /** Adds a game's patterns; false (and nothing counted) when a game with its id was added before. */
  addGame(g: PatternGame): Promise<boolean>;
  /** Games and wins recorded for a deck. */
  deck(deck: string): Promise<{ games: number; wins: number }>;
  /** The deck's cards by how often it wins when it casts them. */
  cards(deck: string, q?: PatternQuery): Promise<CardStat[]>;
  /** The deck's strongest "A then B within a turn" sequences. */
  sequences(deck: string, q?: PatternQuery): Promise<SequenceStat[]>;
  /** The deck's strongest pairs of cards cast in the same game. */
  synergies(deck: string, q?: PatternQuery): Promise<SynergyStat[]>;
  close(): Promise<void>;
}

/** What one game adds: its deck's distinct cast cards, ordered pairs within a turn, unordered pairs. */
export interface GamePatterns {
  won: boolean;
  cards: string[];
  sequences: [string, string][];
  pairs: [string, string][];
}

const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function gamePatterns(g: PatternGame): GamePatterns {
  const mine = g.casts.filter((c) => c.player === g.seat);
  const cards = [...new Set(mine.map((c) => c.card))].sort(byName);
  const seqs = new Map<string, [string, string]>();
  for (let i = 0; i < mine.length; i++) {
    for (let j = i + 1; j < mine.length && mine[j]!.turn === mine[i]!.turn; j++) {
      const pair: [string, string] = [mine[i]!.card, mine[j]!.card];
      seqs.set(JSON.stringify(pair), pair);
    }
  }
  const pairs: [string, string][] = [];
  for (let i = 0; i < cards.length; i++) for (let j = i + 1; j < cards.length; j++) pairs.push([cards[i]!, cards[j]!]);
  const sequences = [...seqs.values()].sort((a, b) => byName(a[0], b[0]) || byName(a[1], b[1]));
  return { won: g.winner !== null && g.winner === g.seat, cards, sequences, pairs };
}

/** Checks a game before it is added (every implementation calls this). */
export function checkGame(g: PatternGame): void {
  if (!g.id || !g.deck) throw new RangeError('a pattern game needs an id and a deck');
  if (g.seat !== 0 && g.seat !== 1) throw new RangeError(`seat must be 0 or 1, got ${String(g.seat)}`);
  for (const c of g.casts) {
    if (!c.card || !Number.isInteger(c.turn) || (c.player !== 0 && c.player !== 1)) throw new RangeError(`bad cast ${JSON.stringify(c)}`);
  }
}

export function stat(games: number, wins: number): PatternStat {
  return { games, wins, winRate: games === 0 ? 0 : wins / games, interval: wilson(wins, games) };
}

/** Strongest first: higher interval low end, then more games, then by name. */
function rank<T extends PatternStat>(xs: T[], name: (x: T) => string, q: PatternQuery = {}): T[] {
  return xs.filter((x) => x.games >= (q.minGames ?? 1))
    .sort((a, b) => b.interval[0] - a.interval[0] || b.games - a.games || byName(name(a), name(b)))
    .slice(0, q.limit ?? 10);
}

/** Raw counts as both implementations read them back; the ranking is computed here, once. */
export interface Counts { games: number; wins: number }

export const rankCards = (xs: (Counts & { card: string })[], q?: PatternQuery): CardStat[] =>
  rank(xs.map((x) => ({ card: x.card, ...stat(x.games, x.wins) })), (x) => x.card, q);

export const rankSequences = (xs: (Counts & { first: string; second: string })[], q?: PatternQuery): SequenceStat[] =>
  rank(xs.map((x) => ({ first: x.first, second: x.second, ...stat(x.games, x.wins) })), (x) => `${x.first}\u0000${x.second}`, q);

export function rankSynergies(deckGames: number, xs: (Counts & { cards: [string, string]; gamesA: number; gamesB: number })[], q?: PatternQuery): SynergyStat[] {
  return rank(xs.map((x) => ({
    cards: x.cards, ...stat(x.games, x.wins),
    lift: x.gamesA === 0 || x.gamesB === 0 ? 0 : (x.games * deckGames) / (x.gamesA * x.gamesB),
  })), (x) => `${x.cards[0]}\u0000${x.cards[1]}`, q);
}

/** The embedded play-pattern graph: counts in memory (one process; lost on exit). */
export function memoryPatternGraph(): PatternGraph {
  const seen = new Set<string>();
  const decks = new Map<string, Counts>();
  const cards = new Map<string, Map<string, Counts>>();
  const seqs = new Map<string, Map<string, Counts & { first: string; second: string }>>();
  const pairs = new Map<string, Map<string, Counts & { cards: [string, string] }>>();
  const of = <V>(m: Map<string, Map<string, V>>, deck: string) => {
    let x = m.get(deck);
    if (!x) m.set(deck, (x = new Map()));
    return x;
  };
  const bump = <V extends Counts>(m: Map<string, V>, key: string, make: () => V, won: boolean) => {
    const v = m.get(key) ?? make();
    v.games++;
    if (won) v.wins++;
    m.set(key, v);
  };
  return {
    async addGame(g) {
      checkGame(g);
      if (seen.has(g.id)) return false;
      seen.add(g.id);
      const p = gamePatterns(g);
      const d = decks.get(g.deck) ?? { games: 0, wins: 0 };
      d.games++;
      if (p.won) d.wins++;
      decks.set(g.deck, d);
      for (const c of p.cards) bump(of(cards, g.deck), c, () => ({ games: 0, wins: 0 }), p.won);
      for (const [a, b] of p.sequences) bump(of(seqs, g.deck), `${a}\u0000${b}`, () => ({ first: a, second: b, games: 0, wins: 0 }), p.won);
      for (const [a, b] of p.pairs) bump(of(pairs, g.deck), `${a}\u0000${b}`, () => ({ cards: [a, b], games: 0, wins: 0 }), p.won);
      return true;
    },
    deck: async (deck) => ({ ...(decks.get(deck) ?? { games: 0, wins: 0 }) }),
    cards: async (deck, q) => rankCards([...of(cards, deck)].map(([card, c]) => ({ card, ...c })), q),
    sequences: async (deck, q) => rankSequences([...of(seqs, deck).values()].map((s) => ({ ...s })), q),
    async synergies(deck, q) {
      const cs = of(cards, deck);
      return rankSynergies(decks.get(deck)?.games ?? 0, [...of(pairs, deck).values()].map((p) => ({
        cards: [p.cards[0], p.cards[1]], games: p.games, wins: p.wins, gamesA: cs.get(p.cards[0])?.games ?? 0, gamesB: cs.get(p.cards[1])?.games ?? 0,
      })), q);
    },
    close: async () => {},
  };
}

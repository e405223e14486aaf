// Per-card statistics from games with per-card facts, in the manner of 17lands: for each card of
// the submitted deck, how often the deck won when the card was in the opening hand, in hand at
// all (opening hand or drawn: "GIH"), never seen, or cast, and the improvement when drawn
// (IWD = GIH win rate − not-seen win rate). A game counts once per card however many copies
// were seen. Which cards a game had comes from the deck list, since game records may carry
// facts only for the cards that were seen (engine-as jobs.ts `packFacts`). Games that ended in a
// draw are left out, as in the matchup win rates.
import { wilson } from '@spellgrid/engine-as/src/host/stats.ts';
import type { CardFacts } from '@spellgrid/engine-as/src/host/engine.ts';

/** What these statistics read from a game (engine-as's GameResult fits). */
export interface CardGame { winner: 0 | 1 | null; cards: readonly CardFacts[] }

/** One deck's card ids (a copy each or once, either will do), the games it played, and which player it was in them (default 0). */
export interface DeckGames { deck: readonly number[]; games: readonly CardGame[]; player?: number }

export interface Rate {
  games: number;
  wins: number;
  /** null with no games. */
  winRate: number | null;
  /** 95% Wilson interval. */
  interval: [low: number, high: number];
}

export interface Difference { value: number | null; interval: [low: number, high: number] | null }

export interface CardStats {
  name: string;
  /** Decided games with the card in the deck. */
  games: number;
  openingHand: Rate;
  /** Games in hand: in the opening hand or drawn later (17lands' GIH). */
  inHand: Rate;
  notSeen: Rate;
  cast: Rate;
  /** Improvement when drawn: inHand − notSeen win rate, with Newcombe's interval. */
  iwd: Difference;
}

/** Per-card statistics of one deck's games; `name` names a card index (the pool's card name). */
export function cardStats(deck: DeckGames, name: (card: number) => string): CardStats[] {
  return poolCardStats([deck], name);
}

/**
 * Per-card statistics over many decks (e.g. limited pools), each card's games pooled by name
 * across the decks that played it, as 17lands pools its users' decks. Best GIH win rate first.
 */
export function poolCardStats(decks: readonly DeckGames[], name: (card: number) => string): CardStats[] {
  const tallies = new Map<string, Tally>();
  for (const { deck, games, player = 0 } of decks) {
    for (const game of games) {
      if (game.winner === null) continue;
      const won = game.winner === player ? 1 : 0;
      // One entry per card name: a game counts once however many copies the deck holds.
      const seen = new Map<string, { openingHand: boolean; inHand: boolean; cast: boolean }>();
      for (const card of deck) seen.set(name(card), { openingHand: false, inHand: false, cast: false });
      for (const f of game.cards) {
        const s = f.player === player ? seen.get(name(f.card)) : undefined;
        if (!s) continue;
        s.openingHand ||= f.openingHand;
        s.inHand ||= f.openingHand || f.drawn;
        s.cast ||= f.cast;
      }
      for (const [key, s] of seen) {
        let t = tallies.get(key);
        if (!t) tallies.set(key, (t = { all: counts(), openingHand: counts(), inHand: counts(), notSeen: counts(), cast: counts() }));
        count(t.all, won);
        if (s.openingHand) count(t.openingHand, won);
        if (s.inHand) count(t.inHand, won); else count(t.notSeen, won);
        if (s.cast) count(t.cast, won);
      }
    }
  }
  const stats = [...tallies].map(([key, t]): CardStats => {
    const inHand = rate(t.inHand), notSeen = rate(t.notSeen);
    return { name: key, games: t.all.games, openingHand: rate(t.openingHand), inHand, notSeen, cast: rate(t.cast), iwd: proportionDifference(inHand, notSeen) };
  });
  return stats.sort((a, b) => (b.inHand.winRate ?? -1) - (a.inHand.winRate ?? -1) || a.name.localeCompare(b.name));
}

/**
 * The difference of two independent proportions with Newcombe's hybrid score interval (1998,
 * method 10): each side's distance to its own Wilson limit, combined in quadrature. It is a
 * normal approximation like the Wald interval p1 − p2 ± z·√(p1q1/n1 + p2q2/n2), but it stays
 * sensible when a card's games are few or its win rate is near 0 or 1, where Wald's collapses.
 */
export function proportionDifference(a: Rate, b: Rate): Difference {
  if (a.winRate === null || b.winRate === null) return { value: null, interval: null };
  const value = a.winRate - b.winRate;
  const [la, ua] = a.interval, [lb, ub] = b.interval;
  return {
    value,
    interval: [value - Math.hypot(a.winRate - la, ub - b.winRate), value + Math.hypot(ua - a.winRate, b.winRate - lb)],
  };
}

interface Counts { games: number; wins: number }

/** Games and wins for each way of counting a card. */
interface Tally { all: Counts; openingHand: Counts; inHand: Counts; notSeen: Counts; cast: Counts }

const counts = (): Counts => ({ games: 0, wins: 0 });

function count(c: Counts, won: number): void {
  c.games++;
  c.wins += won;
}

function rate({ games, wins }: Counts): Rate {
  return { games, wins, winRate: games ? wins / games : null, interval: wilson(wins, games) };
}

// Matches: many games of two decks with paired seeds (shared by `sim`, `bench`, `ladder` and the
// parallel runner).
import { endReason, type Agent, type Engine, type GameResult } from './engine.ts';
import type { NamedDeck } from './node.ts';
import { wilson, mean } from './stats.ts';

export interface MatchSummary {
  decks: string[];
  agents: string[];
  seed: number;
  games: number;
  wins: [number, number];
  draws: number;
  drawReasons: Record<string, number>;
  winRate: number;
  ci95: [number, number];
  meanTurns: number;
  /** Wall-clock games per second of the whole match. */
  gamesPerSecond: number;
  /** Games per second of one core: games / seconds summed over the threads that played them. */
  gamesPerCoreSecond: number;
  engine: string;
  irHash: string;
}

/**
 * Game k of a match: games 2k and 2k+1 share seed S+k (the same shuffles) and swap who plays
 * first, so play/draw is balanced by construction.
 */
export function matchGame(seed: number, k: number): { seed: number; onThePlay: 0 | 1 } {
  return { seed: seed + (k >> 1), onThePlay: (k & 1) as 0 | 1 };
}

/** How a game ended, as a match counts it; `reason` as `endReason` gives it. */
export interface Outcome { winner: 0 | 1 | null; reason: string; turns: number }

export interface MatchFacts {
  decks: [string, string];
  agents: [string, string];
  seed: number;
  /** Wall-clock seconds and seconds summed over the threads that played. */
  seconds: number;
  coreSeconds: number;
  engine: string;
  irHash: string;
}

export function summarizeMatch(outcomes: Outcome[], f: MatchFacts): MatchSummary {
  const games = outcomes.length;
  const wins: [number, number] = [0, 0];
  const drawReasons: Record<string, number> = {};
  for (const r of outcomes) {
    if (r.winner === null) drawReasons[r.reason] = (drawReasons[r.reason] ?? 0) + 1;
    else wins[r.winner]++;
  }
  return {
    decks: f.decks, agents: f.agents, seed: f.seed, games, wins, draws: games - wins[0] - wins[1], drawReasons,
    winRate: games ? wins[0] / games : 0, ci95: wilson(wins[0], games), meanTurns: mean(outcomes.map((r) => r.turns)),
    gamesPerSecond: games / Math.max(f.seconds, 1e-9), gamesPerCoreSecond: games / Math.max(f.coreSeconds, 1e-9),
    engine: f.engine.slice(0, 16), irHash: f.irHash.slice(0, 16),
  };
}

/** Three significant digits without exponents, for rates and timings: 0.000118, 0.213, 12.3, 815, 1234. */
export function sig(x: number): string {
  return Math.abs(x) >= 100 ? x.toFixed(0) : x.toPrecision(3);
}

/** Plays a match on this thread (the parallel runner, `runJobs`, plays the same games). */
export function runMatch(engine: Engine, decks: [NamedDeck, NamedDeck], agents: [Agent, Agent], games: number, seed: number): { summary: MatchSummary; results: GameResult[] } {
  const results: GameResult[] = [];
  const t0 = performance.now();
  for (let k = 0; k < games; k++) results.push(engine.play({ decks: [decks[0].cards, decks[1].cards], ...matchGame(seed, k) }, agents));
  const seconds = (performance.now() - t0) / 1000;
  const summary = summarizeMatch(results.map((r) => ({ winner: r.winner, reason: endReason(r), turns: r.turns })), {
    decks: [decks[0].name, decks[1].name], agents: [agents[0].name, agents[1].name], seed, seconds, coreSeconds: seconds,
    engine: engine.buildHash, irHash: engine.pool.irHash,
  });
  return { results, summary };
}

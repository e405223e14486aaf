// Matches: many games of two decks with paired seeds (shared by `sim`, `bench` and `ladder`).
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
  gamesPerSecond: number;
  engine: string;
  irHash: string;
}

/**
 * Plays `games` games with paired seeds: games 2k and 2k+1 share seed S+k (the same shuffles)
 * and swap who plays first, so play/draw is balanced by construction.
 */
export function runMatch(engine: Engine, decks: [NamedDeck, NamedDeck], agents: [Agent, Agent], games: number, seed: number): { summary: MatchSummary; results: GameResult[] } {
  const results: GameResult[] = [];
  const t0 = performance.now();
  for (let k = 0; k < games; k++) {
    results.push(engine.play({ decks: [decks[0].cards, decks[1].cards], seed: seed + (k >> 1), onThePlay: (k & 1) as 0 | 1 }, agents));
  }
  const seconds = (performance.now() - t0) / 1000;
  const wins: [number, number] = [0, 0];
  const drawReasons: Record<string, number> = {};
  for (const r of results) {
    if (r.winner === null) drawReasons[endReason(r)] = (drawReasons[endReason(r)] ?? 0) + 1;
    else wins[r.winner]++;
  }
  const draws = games - wins[0] - wins[1];
  return {
    results,
    summary: {
      decks: [decks[0].name, decks[1].name], agents: agents.map((a) => a.name), seed, games, wins, draws, drawReasons,
      winRate: games ? wins[0] / games : 0, ci95: wilson(wins[0], games),
      meanTurns: mean(results.map((r) => r.turns)), gamesPerSecond: games / Math.max(seconds, 1e-9),
      engine: engine.buildHash.slice(0, 16), irHash: engine.pool.irHash.slice(0, 16),
    },
  };
}

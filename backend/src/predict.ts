// A prediction: the submitted deck against a field, games scheduled by the convergence
// controller until the field-weighted win rate W is as precise as asked, then the matchup
// table, W, the placement distribution and per-card statistics. Engine-agnostic: the caller
// plays jobs (`Play`, e.g. an engine-as runner); everything here is deterministic given the
// request, so the same request with the same seed gives the same numbers.
import { unpackFacts, type Deck, type GameRecord, type MatchJob } from '@spellgrid/engine-as/src/host/jobs.ts';
import { convergeGauntlet, sprtMatchup, type ControllerOptions, type MatchupResult, type RunBatch, type SprtConvergence, type StopReason } from './controller.ts';
import { withSprtDefaults, type SprtOptions } from './sprt.ts';
import type { Estimate } from './stats.ts';
import { predictPlacement, type Placement, type PlacementOptions } from './placement.ts';
import { cardStats, type CardStats } from './cards.ts';
import type { Field } from './field.ts';
import { withRequestDefaults } from './request.ts';

/** Plays one job and answers its games in game order. */
export type Play = (job: MatchJob) => Promise<GameRecord[]>;

export interface PredictionRequest extends Omit<ControllerOptions, 'clock'> {
  deck: Deck;
  field: Field<Deck>;
  /** Agent specs for the submitted deck and for the field (default heuristic for both). */
  agents?: [string, string];
  /** Game k of matchup j uses seed `seed + j·⌈budget/2⌉ + ⌊k/2⌋` (default 1): matchups never share
   * shuffles, else the submitted deck would draw the same hands against every opponent. */
  seed?: number;
  placement?: PlacementOptions;
}

export interface MatchupPrediction extends MatchupResult { opponent: string; share: number }

export interface Prediction {
  deck: string;
  field: string;
  agents: [string, string];
  seed: number;
  games: number;
  stop: StopReason;
  /** The field-weighted win rate W over decided games, with its 95% interval. */
  winRate: Estimate;
  matchups: MatchupPrediction[];
  placement: Placement;
  cards: CardStats[];
  /** Games worth watching: in each matchup the first the deck won and the first it lost (or drew). */
  replays: SampleReplay[];
}

/**
 * A game of the prediction, with what re-simulates it: the matchup's decks and agents, and its
 * seed and starting player. `game` is its number within the matchup; `digest` is the engine's
 * digest of its end state, which a replay must reach.
 */
export interface SampleReplay extends Pick<GameRecord, 'game' | 'seed' | 'onThePlay' | 'winner' | 'reason' | 'turns' | 'digest'> {
  matchup: number;
  opponent: string;
}

/**
 * The controller's batch runner for `deck` against `opponents`: game k of matchup j uses seed
 * `seed + j·stride + ⌊k/2⌋`, the submitted deck is player 0, and each game is kept in `records`.
 */
function batches(deck: Deck, opponents: readonly Deck[], agents: [string, string], seed: number, stride: number, play: Play, records: GameRecord[][]): RunBatch {
  return async ({ matchup, first, games }) => {
    const opponent = opponents[matchup]!;
    const got = await play({
      id: `${deck.name} vs ${opponent.name}, games ${first}..${first + games - 1}`,
      decks: [deck, opponent], agents, seed: seed + matchup * stride + first / 2, games, facts: true,
    });
    records[matchup]!.push(...got.map((g) => ({ ...g, game: first + g.game }))); // numbered within the matchup
    let wins = 0, losses = 0;
    for (const g of got) { if (g.winner === 0) wins++; else if (g.winner === 1) losses++; }
    return { wins, losses, draws: got.length - wins - losses };
  };
}

export async function predict(req: PredictionRequest, play: Play, cardName: (card: number) => string): Promise<Prediction> {
  const { deck, field, agents = ['heuristic', 'heuristic'], seed = 1 } = req;
  if (!deck.cards.length) throw new RangeError(`deck "${deck.name}" has no cards`);
  const records: GameRecord[][] = field.decks.map(() => []);
  const stride = Math.ceil(withRequestDefaults(req).budget / 2); // no matchup plays more than the budget
  const run = batches(deck, field.decks.map((d) => d.deck), agents, seed, stride, play, records);
  const converged = await convergeGauntlet(run, field.decks.map((d) => d.share), req);
  const matchups = converged.matchups.map((m, j): MatchupPrediction => ({ opponent: field.decks[j]!.name, share: field.decks[j]!.share, ...m }));
  const placement = predictPlacement(matchups.map((m) => ({ name: m.opponent, share: m.share, wins: m.wins, losses: m.losses })), { seed, ...req.placement });
  const games = records.flat().map((g) => ({ winner: g.winner, cards: (g.cards ?? []).map(unpackFacts) }));
  return {
    deck: deck.name, field: field.name, agents, seed, games: converged.games, stop: converged.stop,
    winRate: converged.winRate, matchups, placement, cards: cardStats({ deck: deck.cards, games }, cardName),
    replays: sampleReplays(records, matchups),
  };
}

function sampleReplays(records: readonly GameRecord[][], matchups: readonly MatchupPrediction[]): SampleReplay[] {
  return records.flatMap((games, matchup) => {
    const ordered = [...games].sort((a, b) => a.game - b.game); // batches of a round finish in any order
    const picks = [ordered.find((g) => g.winner === 0), ordered.find((g) => g.winner !== 0)];
    return picks.filter((g) => g !== undefined).sort((a, b) => a.game - b.game).map((g): SampleReplay => ({
      matchup, opponent: matchups[matchup]!.opponent, game: g.game, seed: g.seed, onThePlay: g.onThePlay,
      winner: g.winner, reason: g.reason, turns: g.turns, digest: g.digest,
    }));
  });
}

export interface FavouredRequest extends Omit<ControllerOptions, 'clock' | 'target'> {
  deck: Deck;
  opponent: Deck;
  agents?: [string, string];
  seed?: number;
  test?: SprtOptions;
}

export interface Favoured extends SprtConvergence { deck: string; opponent: string; agents: [string, string]; seed: number; test: Required<SprtOptions> }

/** "Is the deck favoured against the opponent?": games until the SPRT decides (or the budget ends). */
export async function favoured(req: FavouredRequest, play: Play): Promise<Favoured> {
  const { deck, opponent, agents = ['heuristic', 'heuristic'], seed = 1 } = req;
  const r = await sprtMatchup(batches(deck, [opponent], agents, seed, 0, play, [[]]), req.test, req);
  return { deck: deck.name, opponent: opponent.name, agents, seed, test: withSprtDefaults(req.test ?? {}), ...r };
}

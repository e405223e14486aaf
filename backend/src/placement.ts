// Placement prediction: Monte Carlo of a Swiss event. The submitted deck enters with the other
// players' decks drawn from the field by share; rounds are paired by record; each match is best
// of three. Matchup uncertainty is carried through by drawing each of the deck's game win rates
// from its Beta posterior once per simulated event, so the spread of the outcome includes what
// the games so far leave unknown, not only the luck of the pairings and the matches.
import { Rng } from '@spellgrid/engine-as/src/limited/rng.ts';
import { posteriorWinRate, uniform } from './stats.ts';
import { shareErrors } from './field.ts';

/** The submitted deck against one field deck: its share and the decided games played. */
export interface PlacementMatchup { name: string; share: number; wins: number; losses: number }

export interface PlacementOptions {
  /** Players in the event, the submitted deck's pilot included (default 32). */
  players?: number;
  /** Swiss rounds (default 5). */
  rounds?: number;
  /** Size of the cut (default 8). */
  top?: number;
  /** Simulated events (default 10,000). */
  events?: number;
  seed?: number;
  /**
   * Game win rates between field decks: fieldVsField[i][k] is deck i's against deck k, with
   * [k][i] = 1 − [i][k]. Without it every field-vs-field match is a coin flip.
   */
  fieldVsField?: readonly (readonly number[])[];
}

export interface Placement {
  players: number;
  rounds: number;
  /** Size of the cut. */
  top: number;
  events: number;
  /** Final Swiss records ("4-1") and how often the deck finished with each, most wins first. */
  records: Record<string, number>;
  /** How often the deck made the top cut. */
  topCut: number;
  /** Mean match points (3 a match win, byes included). */
  expectedMatchPoints: number;
}

/** A best-of-three match won with game win rate p: win 2-0 (p²) or 2-1 (2·p²·(1 − p)) = p²(3 − 2p). */
export function matchWinProbability(p: number): number {
  return p * p * (3 - 2 * p);
}

/** Problems with the field and options, as messages; empty when a placement can be predicted. */
export function placementErrors(field: readonly PlacementMatchup[], o: PlacementOptions = {}): string[] {
  const { players, rounds, top, events, seed, fieldVsField } = withDefaults(o);
  const errors = field.length ? shareErrors(field).map((e) => e.message) : ['the field has no decks'];
  for (const m of field) {
    if (!Number.isInteger(m.wins) || !Number.isInteger(m.losses) || m.wins < 0 || m.losses < 0) {
      errors.push(`"${m.name}": wins and losses must be whole numbers ≥ 0 (got ${m.wins} and ${m.losses})`);
    }
  }
  const whole = (name: string, x: number, min: number) => {
    if (!Number.isInteger(x) || x < min) errors.push(`${name} must be a whole number ≥ ${min} (got ${x})`);
  };
  whole('players', players, 2); whole('rounds', rounds, 1); whole('top', top, 1); whole('events', events, 1); whole('seed', seed, 0);
  if (top > players) errors.push(`top ${top} is more than the ${players} players`);
  if (fieldVsField) {
    const k = field.length;
    if (fieldVsField.length !== k || fieldVsField.some((row) => row.length !== k)) {
      errors.push(`fieldVsField must be ${k} × ${k}, one row and column per field deck`);
    } else {
      for (let i = 0; i < k; i++) {
        for (let j = 0; j < k; j++) {
          const x = fieldVsField[i]![j]!, y = fieldVsField[j]![i]!;
          if (!(x >= 0 && x <= 1) || Math.abs(x + y - 1) > 1e-6) {
            errors.push(`fieldVsField[${i}][${j}] = ${x} must be in [0, 1] and 1 − fieldVsField[${j}][${i}] (= ${1 - y})`);
          }
        }
      }
    }
  }
  return errors;
}

/**
 * Simulates `events` Swiss events. Pairing: players sorted by match points (ties in a random
 * order drawn each round), each paired with the next unpaired player below it whom it has not
 * met, or the next one if it has met all of them. With an odd count the lowest-ranked player
 * without a bye gets one (a match win). The cut ranks by match points, then opponents' match-win
 * percentage (each opponent's at least ⅓, as tournament rules floor it), then a random draw that
 * stands in for game-win percentage and the later tiebreakers, which this model does not track.
 */
export function predictPlacement(field: readonly PlacementMatchup[], o: PlacementOptions = {}): Placement {
  const errors = placementErrors(field, o);
  if (errors.length) throw new RangeError(errors.join('; '));
  const { players, rounds, top, events, seed, fieldVsField } = withDefaults(o);
  const rng = new Rng(seed);
  const counts = new Array<number>(rounds + 1).fill(0);
  let cut = 0;

  for (let e = 0; e < events; e++) {
    // deck[i]: player i's field deck; player 0 pilots the submitted deck (-1).
    const deck = [-1];
    for (let i = 1; i < players; i++) deck.push(drawByShare(rng, field));
    const p = field.map((m) => posteriorWinRate(rng, m.wins, m.losses));
    /** Probability that player a beats player b in a match. */
    const beats = (a: number, b: number): number => {
      const da = deck[a]!, db = deck[b]!;
      if (da === -1) return matchWinProbability(p[db]!);
      if (db === -1) return 1 - matchWinProbability(p[da]!);
      return matchWinProbability(fieldVsField ? fieldVsField[da]![db]! : 0.5);
    };

    const wins = new Array<number>(players).fill(0);
    const met: Set<number>[] = Array.from({ length: players }, () => new Set());
    const hadBye = new Array<boolean>(players).fill(false);
    for (let round = 0; round < rounds; round++) {
      const order = ranked(rng, wins, () => 0);
      if (players % 2 === 1) {
        const bye = order.findLast((i) => !hadBye[i]) ?? order.at(-1)!;
        hadBye[bye] = true;
        wins[bye]!++;
        order.splice(order.indexOf(bye), 1);
      }
      const paired = new Array<boolean>(players).fill(false);
      for (let x = 0; x < order.length; x++) {
        const a = order[x]!;
        if (paired[a]) continue;
        const free = (y: number) => !paired[order[y]!];
        let y = x + 1;
        while (y < order.length && !(free(y) && !met[a]!.has(order[y]!))) y++;
        if (y === order.length) { // a has met everyone left: a rematch with the next one
          y = x + 1;
          while (!free(y)) y++;
        }
        const b = order[y]!;
        paired[a] = paired[b] = true;
        met[a]!.add(b); met[b]!.add(a);
        wins[uniform(rng) < beats(a, b) ? a : b]!++;
      }
    }

    const opponentsRate = (i: number) => {
      let sum = 0;
      for (const j of met[i]!) sum += Math.max(1 / 3, wins[j]! / rounds);
      return met[i]!.size ? sum / met[i]!.size : 0;
    };
    counts[wins[0]!]!++;
    if (ranked(rng, wins, opponentsRate).indexOf(0) < top) cut++;
  }

  const records: Record<string, number> = {};
  for (let w = rounds; w >= 0; w--) if (counts[w]) records[`${w}-${rounds - w}`] = counts[w]! / events;
  const meanWins = counts.reduce((s, c, w) => s + c * w, 0) / events;
  return { players, rounds, top, events, records, topCut: cut / events, expectedMatchPoints: 3 * meanWins };
}

/** Players by match wins, then `tiebreak`, both descending, then a fresh random order. */
function ranked(rng: Rng, wins: readonly number[], tiebreak: (i: number) => number): number[] {
  const key = wins.map(() => uniform(rng));
  const breaks = wins.map((_, i) => tiebreak(i));
  return wins.map((_, i) => i).sort((a, b) => wins[b]! - wins[a]! || breaks[b]! - breaks[a]! || key[a]! - key[b]!);
}

function drawByShare(rng: Rng, field: readonly PlacementMatchup[]): number {
  let u = uniform(rng);
  for (let j = 0; j < field.length - 1; j++) {
    u -= field[j]!.share;
    if (u < 0) return j;
  }
  return field.length - 1;
}

function withDefaults(o: PlacementOptions): Required<Omit<PlacementOptions, 'fieldVsField'>> & Pick<PlacementOptions, 'fieldVsField'> {
  return { players: o.players ?? 32, rounds: o.rounds ?? 5, top: o.top ?? 8, events: o.events ?? 10000, seed: o.seed ?? 0, fieldVsField: o.fieldVsField };
}

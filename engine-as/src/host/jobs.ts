// The job format: what a worker (a Node worker thread now, a browser's Web Worker later) is
// asked to play and what it answers. Pure data and pure functions, no Node APIs, so the browser
// and the coordinator compute the same digests.
import type { CardFacts } from './engine.ts';

/** A deck by value (a NamedDeck will do): its name and card ids. */
export interface Deck { name: string; cards: number[] }

/** A deck by value, or a name `findDeck` resolves in the worker (file, bundled deck, "Cats+Elves"). */
export type DeckRef = string | Deck;

/** A match: `games` games, paired as `matchGame` pairs them (seeds seed, seed+1, ...). */
export interface MatchJob {
  /** Names the job in errors. */
  id: string;
  decks: [DeckRef, DeckRef];
  /** Agent specs as `ladderAgent` reads them: random, heuristic, protocol, mcts, mcts:N. */
  agents: [string, string];
  seed: number;
  games: number;
  /**
   * Time each agent's decision calls (every decision goes through the host). Untimed, two
   * built-in agents play each game entirely inside WASM.
   */
  timed?: boolean;
  /** Record the card facts of each game (`GameRecord.cards`), for per-card statistics. */
  facts?: boolean;
  /**
   * The engine build and card IR hashes the job was planned for (`Runner.engine`, `.irHash`):
   * a worker with another build refuses the job, so results always match the build that played them.
   */
  engine?: string;
  irHash?: string;
}

/** One game of a job. For timed jobs, each agent's decisions and milliseconds, in the job's order. */
export interface GameRecord {
  game: number;
  seed: number;
  onThePlay: number;
  winner: 0 | 1 | null;
  /** As `endReason` gives it. */
  reason: string;
  turns: number;
  digest: string;
  decisions?: [number, number];
  ms?: [number, number];
  /** For `facts` jobs: each card that was in an opening hand, drawn or cast, packed (`packFacts`). */
  cards?: number[];
}

/** A contiguous run of one job's games, played by one worker in `seconds`. */
export interface Batch {
  job: number;
  first: number;
  records: GameRecord[];
  seconds: number;
  /** `batchDigest(records)`: what a volunteer signs and a verifier recomputes. */
  digest: string;
}

const OPENING = 1, DRAWN = 2, CAST = 4;

/** The card facts a game record carries: only cards that were seen (in an opening hand, drawn or
 * cast), each packed into one number: card << 4 | player << 3 | fact bits. */
export function packFacts(cards: readonly CardFacts[]): number[] {
  const out: number[] = [];
  for (const c of cards) {
    const bits = (c.openingHand ? OPENING : 0) | (c.drawn ? DRAWN : 0) | (c.cast ? CAST : 0);
    if (bits) out.push(c.card * 16 + c.player * 8 + bits);
  }
  return out;
}

export function unpackFacts(n: number): CardFacts {
  return { card: Math.floor(n / 16), player: (n >> 3) & 1, openingHand: (n & OPENING) !== 0, drawn: (n & DRAWN) !== 0, cast: (n & CAST) !== 0 };
}

/** FNV-1a (64-bit) over each record's game number and digest, in order: equal batches of the
 * same games give equal digests, and any changed game changes it. */
export function batchDigest(records: readonly GameRecord[]): string {
  let h = 0xcbf29ce484222325n;
  for (const r of records) {
    for (const ch of `${r.game}:${r.digest};`) {
      h ^= BigInt(ch.charCodeAt(0));
      h = (h * 0x100000001b3n) & 0xffffffffffffffffn;
    }
  }
  return h.toString(16).padStart(16, '0');
}

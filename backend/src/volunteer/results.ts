// Batch results: what a contributor sends back for a ticket, signed with its own Ed25519 key.
// Each game carries its digest and outcome; `batchDigest` folds the games' digests together.
import { batchDigest } from '@spellgrid/engine-as/src/host/jobs.ts';
import { matchGame } from '@spellgrid/engine-as/src/host/match.ts';
import { signValue } from './signature.ts';
import { accept, refuse, type Outcome } from './refusal.ts';
import type { BatchResult, GameReport, SignedResult, Ticket } from './wire.ts';


export function signResult(result: BatchResult, contributorKey: string): SignedResult {
  return { result, signature: signValue(result, contributorKey) };
}

/**
 * The result's games if they are exactly the ticket's (games 0..n−1 in order, each with the seed and
 * seat `matchGame` gives it, a winner of 0, 1 or null) and its batch digest adds up. Whether the
 * games were really played so is what verification by re-execution checks.
 */
export function resultGames(result: BatchResult, ticket: Ticket): Outcome<GameReport[]> {
  const { job } = ticket;
  const bad = (why: string) => refuse('bad-result', `result for ticket ${ticket.id}: ${why}`);
  if (!Array.isArray(result.games) || result.games.length !== job.games) return bad(`${job.games} games expected`);
  for (const [k, g] of result.games.entries()) {
    const { seed, onThePlay } = matchGame(job.seed, k);
    if (g.game !== k || g.seed !== seed || g.onThePlay !== onThePlay) return bad(`game ${k} is not the ticket's game ${k} (seed ${seed}, player ${onThePlay} on the play)`);
    if (g.winner !== 0 && g.winner !== 1 && g.winner !== null) return bad(`game ${k}: winner ${String(g.winner)}`);
    if (typeof g.digest !== 'string' || typeof g.reason !== 'string' || !Number.isInteger(g.turns)) return bad(`game ${k} is malformed`);
  }
  if (result.batchDigest !== batchDigest(result.games)) return bad('the batch digest does not match its games');
  if (result.seconds !== undefined && !(Number.isFinite(result.seconds) && result.seconds >= 0)) return bad(`seconds ${result.seconds}`);
  return accept(result.games);
}

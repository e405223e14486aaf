// A simulated volunteer for the end-to-end test (volunteer-e2e.test.ts): a separate process that
// talks to the coordinator only over HTTP, with its own Ed25519 key, and plays its tickets on its
// own engine-as runner. Honest by default; a mode makes it cheat or vanish:
//   node --import tsx src/testing/volunteer.ts --url http://127.0.0.1:8787 --handle ann [--mode honest|flip|digest|replay|vanish] [--batches N] [--seconds S]
//   honest  plays each ticket and submits the signed result, until SIGTERM, --batches or --seconds
//   flip    plays, then swaps every winner
//   digest  plays nothing: made-up digests with the ticket's seeds
//   replay  plays one ticket and submits its games as the result of the next one
//   vanish  takes tickets until it may hold no more, then exits without a word
// While the server is unreachable it retries. Prints one JSON line per event, then {"summary": …} with the submissions' answers by status and code.
import { parseArgs } from 'node:util';
import { batchDigest, type GameRecord } from '@spellgrid/engine-as/src/host/jobs.ts';
import { matchGame } from '@spellgrid/engine-as/src/host/match.ts';
import { openRunner, type Runner } from '@spellgrid/engine-as/src/host/runner.ts';
import { signResult } from '@spellgrid/backend/src/volunteer/results.ts';
import { resultOf, type BatchResult, type GameReport, type SignedTicket } from '@spellgrid/backend/src/volunteer/wire.ts';
import { newKeyPair, sha256, signValue } from '@spellgrid/backend/src/volunteer/signature.ts';
import { checkTicket } from '@spellgrid/backend/src/volunteer/tickets.ts';

const { values: a } = parseArgs({
  options: {
    url: { type: 'string' }, handle: { type: 'string' }, mode: { type: 'string', default: 'honest' },
    batches: { type: 'string', default: 'Infinity' }, seconds: { type: 'string', default: '60' }, 'poll-ms': { type: 'string', default: '100' },
  },
});
const url = a.url!, handle = a.handle!, mode = a.mode!, batches = Number(a.batches), pollMs = Number(a['poll-ms']);
const say = (event: Record<string, unknown>) => process.stdout.write(JSON.stringify({ handle, ...event }) + '\n');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const summary: Record<string, number> = {};
let stopping = false;
const stop = () => { stopping = true; };
process.on('SIGTERM', stop);
setTimeout(stop, Number(a.seconds) * 1000).unref();

/** A request to the server; while it is unreachable (restarting), the same request again every 200 ms, as a browser contributor would. */
async function call(method: string, path: string, body?: unknown) {
  let r: Response | undefined;
  while (!r) {
    try {
      r = await fetch(url + path, { method, headers: body ? { 'Content-Type': 'application/json' } : {}, body: body === undefined ? undefined : JSON.stringify(body) });
    } catch (e) {
      if (!(e instanceof TypeError) || stopping) throw e; // fetch fails with a TypeError when nothing answers
      await sleep(200);
    }
  }
  return { status: r.status, retryAfter: Number(r.headers.get('Retry-After') ?? 1), body: r.status === 204 ? undefined : await r.json() };
}

const keys = newKeyPair();
let runner: Promise<Runner> | undefined;
async function play(t: SignedTicket): Promise<{ games: GameRecord[]; seconds: number }> {
  const r = await (runner ??= openRunner({ workers: 1 }));
  const { jobs: [j] } = await r.run([t.ticket.job]);
  return j!;
}

/** The result this volunteer sends for `t` (`kept`: the replay cheater's earlier ticket). */
async function resultFor(t: SignedTicket, kept: { games: GameReport[] } | undefined): Promise<BatchResult> {
  if (mode === 'digest') {
    const games = Array.from({ length: t.ticket.job.games }, (_, k) => ({ game: k, ...matchGame(t.ticket.job.seed, k), winner: 0 as const, reason: 'life', turns: 8, digest: sha256(`${t.ticket.id}:${k}`).slice(0, 16) }));
    return { ticketId: t.ticket.id, ticketSignature: t.signature, games, batchDigest: batchDigest(games) };
  }
  if (mode === 'replay') return { ticketId: t.ticket.id, ticketSignature: t.signature, games: kept!.games, batchDigest: batchDigest(kept!.games) };
  const { games, seconds } = await play(t);
  const honest = resultOf(t, games, seconds);
  if (mode !== 'flip') return honest;
  const flipped = honest.games.map((g) => ({ ...g, winner: g.winner === null ? null : (1 - g.winner) as 0 | 1 }));
  return { ...honest, games: flipped, batchDigest: batchDigest(flipped) };
}

const reg = await call('POST', '/v1/contributors', { handle, publicKey: keys.publicKey });
if (reg.status !== 201) throw new Error(`registration: ${reg.status} ${JSON.stringify(reg.body)}`);
const { publicKey: coordinatorKey } = (await call('GET', '/v1/jobs/key')).body as { publicKey: string };
let submitted = 0, kept: { games: GameReport[] } | undefined;
while (!stopping && submitted < batches) {
  const at = Date.now();
  const r = await call('POST', '/v1/jobs/tickets', { request: { handle, at }, signature: signValue({ handle, at }, keys.privateKey) });
  if (r.status === 204) { await sleep(pollMs); continue; }
  if (r.status === 429 && mode === 'vanish') break;
  if (r.status === 429) { await sleep(r.retryAfter * 1000); continue; }
  if (r.status !== 201) throw new Error(`ticket: ${r.status} ${JSON.stringify(r.body)}`);
  const t = r.body as SignedTicket;
  if (!checkTicket(t, coordinatorKey).ok) throw new Error(`ticket ${t.ticket.id} does not verify under the coordinator's key`);
  say({ event: 'ticket', ticket: t.ticket.id });
  if (mode === 'vanish') continue;
  if (mode === 'replay' && !kept) { kept = resultOf(t, (await play(t)).games); continue; }
  const result = await resultFor(t, kept);
  const s = await call('POST', '/v1/jobs/results', { handle, ...signResult(result, keys.privateKey) });
  const outcome = s.status === 202 ? '202' : `${s.status} ${(s.body as { error: { code: string } }).error.code}`;
  summary[outcome] = (summary[outcome] ?? 0) + 1;
  say({ event: 'submitted', ticket: t.ticket.id, outcome });
  submitted++;
}
say({ summary });
await (await runner)?.close();

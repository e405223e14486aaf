// A bounded load test of the job exchange: the real server in this process on a loopback port,
// contributors with their own Ed25519 keys, and a fixed number of requests in flight. Per
// concurrency, phase 1 requests signed tickets and phase 2 submits signed results for them.
//   node --import tsx edge-api/src/testing/load.ts [--concurrency 8,32] [--requests 2000] [--seconds 15] [--write docs/benchmarks.md]
// Work (two-game batches) is queued on the coordinator directly, a batch per ticket request. The
// results are made up (the tickets' seeds, made-up digests): shape-valid and signed, so they are
// accepted (202) and then rejected by background verification, which replays every game of a new
// contributor's batch on the one worker thread while the test runs, as it would in service.
import { appendFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { batchDigest } from '@spellgrid/engine-as/src/host/jobs.ts';
import { matchGame } from '@spellgrid/engine-as/src/host/match.ts';
import { signResult } from '@spellgrid/backend/src/volunteer/results.ts';
import type { BatchResult, SignedTicket, TicketJob } from '@spellgrid/backend/src/volunteer/wire.ts';
import { newKeyPair, sha256, signValue } from '@spellgrid/backend/src/volunteer/signature.ts';
import { bundledDeck } from '@spellgrid/engine-as/src/host/node.ts';
import { readConfig } from '../config.ts';
import { startServer } from '../start.ts';

const { values: a } = parseArgs({
  options: {
    concurrency: { type: 'string', default: '8,32' }, requests: { type: 'string', default: '2000' },
    seconds: { type: 'string', default: '15' }, contributors: { type: 'string', default: '16' }, write: { type: 'string' },
  },
});
const levels = a.concurrency!.split(',').map(Number), maxRequests = Number(a.requests), maxMs = Number(a.seconds) * 1000;

// Limits raised so that the test measures the handlers, not the token buckets or the ticket cap;
// one worker, so that background verification takes one core at most.
// The database in memory (PGlite, the same schema and queries), so that a run neither writes to
// the data directory nor starts from what an earlier run left there.
const server = await startServer(readConfig({
  DATA_DIR: 'memory', PORT: '0', HOST: '127.0.0.1', WORKERS: '1', MAX_TICKETS: '100000',
  RATE_LIMIT_BURST: '1000000', RATE_LIMIT_PER_SECOND: '1000000', CONTRIBUTOR_RATE_BURST: '1000000', CONTRIBUTOR_RATE_PER_SECOND: '1000000',
}), () => {});

async function post(path: string, body: unknown): Promise<{ status: number; body: any }> {
  const r = await fetch(server.url + path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  return { status: r.status, body: r.status === 204 ? undefined : await r.json() };
}

interface Phase { phase: string; concurrency: number; requests: number; seconds: number; latencies: number[]; statuses: Record<string, number> }

/** Runs `one(i)` with `concurrency` in flight until `maxRequests` have been sent or `maxMs` has passed. */
async function phase(name: string, concurrency: number, one: (i: number) => Promise<number>): Promise<Phase> {
  const latencies: number[] = [], statuses: Record<string, number> = {};
  let next = 0;
  const t0 = performance.now();
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < maxRequests && performance.now() - t0 < maxMs) {
      const i = next++;
      const s = performance.now();
      const status = await one(i);
      latencies.push(performance.now() - s);
      statuses[status] = (statuses[status] ?? 0) + 1;
    }
  }));
  return { phase: name, concurrency, requests: latencies.length, seconds: (performance.now() - t0) / 1000, latencies, statuses };
}

const quantile = (xs: number[], q: number) => { const s = [...xs].sort((x, y) => x - y); return s[Math.min(s.length - 1, Math.floor(q * s.length))]!; };

/** A shape-valid result for `t` that no engine played. */
function madeUp(t: SignedTicket): BatchResult {
  const games = Array.from({ length: t.ticket.job.games }, (_, k) => ({ game: k, ...matchGame(t.ticket.job.seed, k), winner: 0 as const, reason: 'life', turns: 8, digest: sha256(`${t.ticket.id}:${k}`).slice(0, 16) }));
  return { ticketId: t.ticket.id, ticketSignature: t.signature, games, batchDigest: batchDigest(games) };
}

const phases: Phase[] = [];
const unexpected: string[] = [];
let fresh = 0, duplicates = 0;
try {
  const people = Array.from({ length: Number(a.contributors) }, (_, k) => ({ handle: `load-${k}`, ...newKeyPair() }));
  for (const p of people) {
    const r = await post('/v1/contributors', { handle: p.handle, publicKey: p.publicKey });
    if (r.status !== 201) throw new Error(`registering ${p.handle}: ${r.status} ${JSON.stringify(r.body)}`);
  }
  // Work queued on the coordinator directly, one batch per ticket the test will ask for: a
  // prediction queues only a round of batches at a time, and a batch goes to each contributor
  // once, so through a prediction almost every ticket request would find no work.
  const coordinator = await server.volunteers.coordinator();
  const [x, y] = [bundledDeck('boros-aggro')!, bundledDeck('izzet-spells')!];
  const decks: TicketJob['decks'] = [{ name: x.name, cards: x.cards }, { name: y.name, cards: y.cards }];
  for (let k = 0; k < levels.length * maxRequests; k++) {
    await coordinator.enqueue(`load:${k}`, { id: `load ${k}`, decks, agents: ['heuristic', 'heuristic'], seed: 1 + k, games: 2 });
  }

  for (const c of levels) {
    const issued: { handle: string; body: unknown }[] = [];
    phases.push(await phase('ticket requests', c, async (i) => {
      const p = people[i % people.length]!, at = Date.now();
      const r = await post('/v1/jobs/tickets', { request: { handle: p.handle, at }, signature: signValue({ handle: p.handle, at }, p.privateKey) });
      if (r.status === 201) issued.push({ handle: p.handle, body: { handle: p.handle, ...signResult(madeUp(r.body as SignedTicket), p.privateKey) } });
      else if (r.status !== 204) unexpected.push(`ticket ${r.status} ${JSON.stringify(r.body)}`);
      return r.status;
    }));
    if (issued.length === 0) throw new Error('no ticket was issued');
    phases.push(await phase('result submissions', c, async (i) => {
      const r = await post('/v1/jobs/results', issued[i % issued.length]!.body);
      if (r.status === 202) { if (r.body.duplicate) duplicates++; else fresh++; }
      else unexpected.push(`result ${r.status} ${JSON.stringify(r.body)}`);
      return r.status;
    }));
  }
} finally {
  await server.close();
}

const ms = (x: number) => x.toFixed(2);
const rows = phases.map((p) => `| ${p.phase} | ${p.concurrency} | ${p.requests} | ${p.seconds.toFixed(2)} | ${Math.round(p.requests / p.seconds)} | ${ms(quantile(p.latencies, 0.5))} | ${ms(quantile(p.latencies, 0.9))} | ${ms(quantile(p.latencies, 0.99))} | ${Object.entries(p.statuses).map(([s, n]) => `${s}: ${n}`).join(', ')} |`);
const cpu = cpus()[0]?.model.trim() ?? 'unknown CPU';
const section = `
## ${new Date().toISOString().slice(0, 10)} — load test of the job exchange: ${cpu}, ${availableParallelism()} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}

\`npm run loadtest\`: the real server in the same process (\`startServer\`, its database PGlite in memory) on 127.0.0.1, ${a.contributors} contributors
with their own Ed25519 keys, ${levels.length * maxRequests} two-game batches queued on the coordinator directly (a prediction queues
only a round of batches at a time, and each goes to a contributor once),
rate limits and the ticket cap raised out of the way, one worker thread. Each phase sends at most
${maxRequests} requests or runs ${maxMs / 1000} s, with a fixed number in flight; the client (fetch, keep-alive)
shares the process and its cores with the server, and its signing is in the latencies. Load average
before the run: ${loadavg()[0]!.toFixed(2)}.

| phase | in flight | requests | seconds | requests/s | p50 ms | p90 ms | p99 ms | statuses |
|---|---:|---:|---:|---:|---:|---:|---:|---|
${rows.join('\n')}

Ticket requests: 201 is a ticket, 204 "no work for you now" (signature checked, expired tickets swept).
Result submissions: the results are made up (the tickets' seeds with made-up digests), shape-valid
and signed, so they are accepted (202) and rejected by background verification, which replays every
game of a new contributor's batch on the one worker thread during the test; ${fresh} were
first results, ${duplicates} resubmissions of the same result (idempotent: signature, ticket and result
checked, nothing stored). ${unexpected.length === 0 ? 'No other status came back.' : `Unexpected answers: ${unexpected.length} (${[...new Set(unexpected)].slice(0, 3).join('; ')}).`}
`;
process.stdout.write(section);
if (a.write) appendFileSync(a.write, section);
if (unexpected.length > 0) process.exitCode = 1;

// Browser vs Node games per second on one fixed job, measured in one run on one machine:
//   node --import tsx web/tests/bench.ts [--games 400] [--rounds 3] [--write docs/benchmarks.md]
// Node plays it with playBatch on this thread (the loop the runner's worker threads run); Chromium
// plays it in the web app's own engine worker (web/dist, served by the local system), spoken to
// with comlink's message format. Both time the games alone, inside their thread, after a warm-up;
// the rounds alternate and each side keeps its best. The two sides' GameRecords must be identical.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { isDeepStrictEqual } from 'node:util';
import { bundledDeck, loadEngine } from '@spellgrid/engine-as/src/host/node.ts';
import { playBatch } from '@spellgrid/engine-as/src/host/batch.ts';
import type { GameRecord, MatchJob } from '@spellgrid/engine-as/src/host/jobs.ts';
import { DIST, launchBrowser, newContext, startSystem } from './system.ts';

const { values: a } = parseArgs({ options: { games: { type: 'string', default: '400' }, rounds: { type: 'string', default: '3' }, write: { type: 'string' } } });
const games = Number(a.games), rounds = Number(a.rounds);

const engine = await loadEngine();
const deck = (name: string) => ({ name, cards: bundledDeck(name)!.cards });
const job: MatchJob = {
  id: 'bench: Boros Aggro vs Cats+Elves', decks: [deck('boros-aggro'), deck('Cats+Elves')], agents: ['heuristic', 'heuristic'],
  seed: 1, games, facts: true, engine: engine.buildHash, irHash: engine.pool.irHash,
};

function node(): { records: GameRecord[]; seconds: number } {
  const t0 = performance.now();
  const records = playBatch(engine, job, 0, games);
  return { records, seconds: (performance.now() - t0) / 1000 };
}

const system = await startSystem();
const browser = await launchBrowser();
const { context, page } = await newContext(browser, system.url);
await page.goto('/about');
const worker = readdirSync(join(DIST, 'assets')).find((f) => /^engine\.worker-.*\.js$/.test(f));
if (!worker) throw new Error('no engine worker in web/dist/assets');

// A comlink call by hand (its wire format: APPLY with RAW arguments, answered with the same id).
// (a string, not a function: tsx would compile a function with helpers the page lacks)
await page.evaluate(`(() => {
  const w = new Worker(${JSON.stringify(`/assets/${worker}`)}, { type: 'module' });
  let id = 0;
  globalThis.call = (name, ...args) => new Promise((resolve, reject) => {
    const me = 'bench-' + ++id;
    const on = (e) => {
      if (e.data?.id !== me) return;
      w.removeEventListener('message', on);
      if (e.data.type === 'HANDLER') reject(new Error(JSON.stringify(e.data.value))); else resolve(e.data.value);
    };
    w.addEventListener('message', on);
    w.postMessage({ id: me, type: 'APPLY', path: [name], argumentList: args.map((value) => ({ type: 'RAW', value })) });
  });
})()`);
const info = (await page.evaluate('globalThis.call("init")')) as { engine: string; irHash: string };
if (info.engine !== engine.buildHash || info.irHash !== engine.pool.irHash) throw new Error(`the browser's engine ${info.engine} is not Node's ${engine.buildHash}: rebuild web/dist`);

function browserPlay(n: number): Promise<{ records: GameRecord[]; seconds: number }> {
  return page.evaluate(`globalThis.call('play', ${JSON.stringify({ ...job, games: n })}, 0, ${n})`) as Promise<{ records: GameRecord[]; seconds: number }>;
}

// warm-up: the first games compile and tier up the WASM on both sides
playBatch(engine, { ...job, games: 16 }, 0, 16);
await browserPlay(16);
let bestNode = Infinity, bestBrowser = Infinity;
let nodeRecords: GameRecord[] = [], browserRecords: GameRecord[] = [];
for (let r = 0; r < rounds; r++) {
  const n = node();
  bestNode = Math.min(bestNode, n.seconds); nodeRecords = n.records;
  const b = await browserPlay(games);
  bestBrowser = Math.min(bestBrowser, b.seconds); browserRecords = b.records;
  console.log(`round ${r + 1}: Node ${(games / n.seconds).toFixed(0)} games/s, Chromium ${(games / b.seconds).toFixed(0)} games/s`);
}
const identical = isDeepStrictEqual(nodeRecords, browserRecords);
const version = await browser.version();
await context.close();
await browser.close();
await system.close();

const nodeRate = games / bestNode, browserRate = games / bestBrowser, ratio = nodeRate / browserRate;
const date = new Date().toISOString().slice(0, 10);
const machine = `${cpus()[0]?.model.replace(/\s+\d+-Core Processor/, '').trim()}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, Chromium ${version}`;
const section = `
## ${date} — browser vs Node: ${machine}

\`node --import tsx web/tests/bench.ts --games ${games} --rounds ${rounds}\`: one job (Boros Aggro vs Cats+Elves, heuristic vs
heuristic, ${games} games from seed 1, card facts on) played by Node with \`playBatch\` on one thread, and by headless Chromium
in the web app's own engine worker (web/dist, one Web Worker), the same release.wasm and card IR. Each side times the games
inside its thread after a 16-game warm-up; ${rounds} alternating rounds, best of each.

| | games per second (one core) |
|---|---:|
| Node (playBatch, main thread) | ${nodeRate.toFixed(0)} |
| Chromium (engine Web Worker) | ${browserRate.toFixed(0)} |
| Node ÷ Chromium | ${ratio.toFixed(2)}× (target: at most 1.5×) |

GameRecords identical in Node and Chromium: ${identical ? 'yes' : '**NO**'} (all ${games} games: seeds, winners, reasons, turns, digests, card facts).
`;
console.log(section);
if (a.write) {
  const old = readFileSync(a.write, 'utf8');
  writeFileSync(a.write, old.trimEnd() + '\n' + section);
}
if (!identical) process.exitCode = 1;

// One worker thread of the parallel runner: loads the engine once, then plays the batches the
// runner sends (runner.ts) with playBatch (batch.ts), the loop a browser Web Worker runs too.
// It refuses a job planned for another engine build or card IR, whose games would not be the planned ones.
import { parentPort } from 'node:worker_threads';
import { findDeck, loadEngine } from './node.ts';
import { jobRefusal, playBatch } from './batch.ts';
import type { BatchRequest, WorkerMessage } from './runner.ts';

const port = parentPort!;
const post = (m: WorkerMessage) => port.postMessage(m);
const engine = await loadEngine();
const named = new Map<string, number[]>();
const byName = (d: string) => {
  if (!named.has(d)) named.set(d, findDeck(d).cards);
  return named.get(d)!;
};

port.on('message', ({ job, first, count }: BatchRequest) => {
  const refused = jobRefusal(job, engine);
  if (refused) { post({ type: 'error', message: refused }); return; }
  try {
    const t0 = performance.now();
    const records = playBatch(engine, job, first, count, byName);
    post({ type: 'batch', records, seconds: (performance.now() - t0) / 1000 });
  } catch (e) {
    post({ type: 'error', message: (e as Error).message });
  }
});
post({ type: 'ready', engine: engine.buildHash, irHash: engine.pool.irHash });

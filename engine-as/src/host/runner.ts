// The parallel match runner: games spread over Node worker threads, each loading the WASM engine
// once. Jobs are plain data (decks as card lists or deck names, agents by name), so the same job
// format can later be served to browsers. Every game is determined by its decks, seed, who is on
// the play and its agents, and results are put back in game order, so they are the same for any
// number of workers.
import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import { batchDigest, type Batch, type GameRecord, type MatchJob } from './jobs.ts';

export interface RunOptions {
  /** Worker threads (default: one per core, `os.availableParallelism()`). */
  workers?: number;
  /** Games per batch (default: about 16 batches per worker, at most 64 games). */
  batch?: number;
  /** Called with each batch as it arrives (in completion order, not game order). */
  onBatch?: (b: Batch) => void;
}

export interface RunResult {
  /** Per job, its games in game order, and the worker seconds spent on them. */
  jobs: { games: GameRecord[]; seconds: number }[];
  workers: number;
  /** Wall-clock seconds of the whole run, worker start-up included. */
  seconds: number;
  /** Seconds the workers spent playing, summed over workers. */
  workerSeconds: number;
  engine: string;
  irHash: string;
}

// Messages between the runner and a worker (runner-worker.ts).
export interface BatchRequest { job: MatchJob; first: number; count: number }
export type WorkerMessage =
  | { type: 'ready'; engine: string; irHash: string }
  | { type: 'batch'; records: GameRecord[]; seconds: number }
  | { type: 'error'; message: string };

// A plain-JS entry that registers tsx and then imports runner-worker.ts: a worker thread does not
// inherit the main thread's TypeScript loader (Node 20).
const WORKER = new URL('./runner-worker.mjs', import.meta.url);

/** A contiguous run of one job's games, as the runner hands them out. */
interface Slice { job: number; first: number; count: number }

/** Plays every game of `jobs` on worker threads; rejects on the first error, naming job and game. */
export async function runJobs(jobs: MatchJob[], o: RunOptions = {}): Promise<RunResult> {
  const t0 = performance.now();
  const total = jobs.reduce((n, j) => n + j.games, 0);
  const wanted = o.workers ?? availableParallelism();
  if (!Number.isInteger(wanted) || wanted < 1) throw new RangeError(`workers must be an integer ≥ 1 (got ${wanted})`);
  const size = o.batch ?? Math.min(64, Math.max(1, Math.ceil(total / (wanted * 16))));
  const queue: Slice[] = [];
  jobs.forEach((j, job) => { for (let first = 0; first < j.games; first += size) queue.push({ job, first, count: Math.min(size, j.games - first) }); });
  const result: RunResult = {
    jobs: jobs.map((j) => ({ games: new Array<GameRecord>(j.games), seconds: 0 })),
    workers: Math.max(1, Math.min(wanted, queue.length)), seconds: 0, workerSeconds: 0, engine: '', irHash: '',
  };
  if (!queue.length) return result;
  const workers: Worker[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      let next = 0, done = 0;
      const start = (w: Worker, current: { b?: Slice }) => {
        const b = queue[next++];
        current.b = b;
        if (b) w.postMessage({ job: jobs[b.job]!, first: b.first, count: b.count } satisfies BatchRequest);
      };
      for (let i = 0; i < result.workers; i++) {
        const w = new Worker(WORKER);
        workers.push(w);
        const current: { b?: Slice } = {};
        const job = () => (current.b ? `job "${jobs[current.b.job]!.id}"` : `worker ${i + 1}`);
        const where = () => (current.b ? `${job()}, games ${current.b.first}..${current.b.first + current.b.count - 1}` : job());
        w.on('message', (m: WorkerMessage) => {
          try {
            if (m.type === 'error') throw new Error(`${job()}, ${m.message}`);
            if (m.type === 'ready') { result.engine = m.engine; result.irHash = m.irHash; start(w, current); return; }
            const b = current.b!;
            const r = result.jobs[b.job]!;
            m.records.forEach((g, k) => { r.games[b.first + k] = g; });
            r.seconds += m.seconds;
            result.workerSeconds += m.seconds;
            o.onBatch?.({ job: b.job, first: b.first, records: m.records, seconds: m.seconds, digest: batchDigest(m.records) });
            if (++done === queue.length) resolve(); else start(w, current);
          } catch (e) { reject(e); }
        });
        w.on('error', (e) => reject(new Error(`${where()}: ${e.message}`)));
        w.on('exit', (code) => { if (done < queue.length) reject(new Error(`${where()}: worker exited (code ${code}) before the run was done`)); });
      }
    });
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  result.seconds = (performance.now() - t0) / 1000;
  return result;
}

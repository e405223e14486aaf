// The parallel match runner: games spread over Node worker threads, each loading the WASM engine
// once. Jobs are plain data (decks as card lists or deck names, agents by name), so the same job
// format can later be served to browsers. Every game is determined by its decks, seed, who is on
// the play and its agents, and results are put back in game order, so they are the same for any
// number of workers and batch size.
import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import { batchDigest, type Batch, type GameRecord, type MatchJob } from './jobs.ts';

export interface RunnerOptions {
  /** Worker threads (default: one per core, `os.availableParallelism()`). */
  workers?: number;
  /** Games per batch (default per run: about 16 batches per worker, at most 64 games). */
  batch?: number;
}

export interface RunCallOptions {
  /** Called with each batch of this run as it arrives (in completion order, not game order). */
  onBatch?: (b: Batch) => void;
}

export type RunOptions = RunnerOptions & RunCallOptions;

export interface RunResult {
  /** Per job, its games in game order, and the worker seconds spent on them. */
  jobs: { games: GameRecord[]; seconds: number }[];
  workers: number;
  /** Wall-clock seconds of the run (`runJobs`: worker start-up included). */
  seconds: number;
  /** Seconds the workers spent playing, summed over workers. */
  workerSeconds: number;
  engine: string;
  irHash: string;
}

/** Worker threads started once, playing the games of any number of runs, also concurrent ones. */
export interface Runner {
  readonly workers: number;
  /** The workers' engine build and card IR hashes. */
  readonly engine: string;
  readonly irHash: string;
  /** Wall-clock seconds the workers took to start (load the WASM engine). */
  readonly startSeconds: number;
  /**
   * Plays every game of `jobs`. Runs in flight share the workers, their batches served in the
   * order the runs were asked for. A failed game rejects its run only, naming job and game; a
   * worker that dies rejects every run and makes the runner unusable.
   */
  run(jobs: MatchJob[], o?: RunCallOptions): Promise<RunResult>;
  /** Terminates the workers; runs still in flight are rejected. */
  close(): Promise<void>;
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

interface Run {
  jobs: MatchJob[];
  result: RunResult;
  /** Batches not yet back. */
  left: number;
  t0: number;
  onBatch?: (b: Batch) => void;
  resolve: (r: RunResult) => void;
  reject: (e: Error) => void;
}

/** A contiguous run of one job's games, as the runner hands them out. */
interface Slice { run: Run; job: number; first: number; count: number }

interface Thread { worker: Worker; slice?: Slice }

const positive = (n: number | undefined, name: string) => {
  if (n !== undefined && (!Number.isInteger(n) || n < 1)) throw new RangeError(`${name} must be an integer ≥ 1 (got ${n})`);
};

/** Starts the workers and waits until each has loaded the engine. */
export async function openRunner(o: RunnerOptions = {}): Promise<Runner> {
  const t0 = performance.now();
  const n = o.workers ?? availableParallelism();
  positive(n, 'workers');
  positive(o.batch, 'batch');
  const threads: Thread[] = [];
  const queue: Slice[] = [];
  const runs = new Set<Run>();
  let engine = '', irHash = '', ready = 0;
  /** Set once the runner cannot play any more: a worker died, or it was closed. */
  let broken: Error | undefined;
  let started!: { resolve: () => void; reject: (e: Error) => void };
  const startup = new Promise<void>((resolve, reject) => { started = { resolve, reject }; });

  const finish = (run: Run, error?: Error) => {
    if (!runs.delete(run)) return; // already settled; its queued slices are skipped by `pump`
    if (error) { run.reject(error); return; }
    run.result.seconds = (performance.now() - run.t0) / 1000;
    run.resolve(run.result);
  };
  const breakDown = (e: Error) => {
    broken ??= e;
    started.reject(broken);
    for (const run of [...runs]) finish(run, broken);
  };
  // Hands the next batch of a live run to each idle worker.
  const pump = () => {
    for (const t of threads) {
      if (t.slice) continue;
      let s: Slice | undefined;
      do s = queue.shift(); while (s && !runs.has(s.run));
      if (!s) return;
      t.slice = s;
      try {
        t.worker.postMessage({ job: s.run.jobs[s.job]!, first: s.first, count: s.count } satisfies BatchRequest);
      } catch (e) { // a job that is not plain data
        t.slice = undefined;
        finish(s.run, new Error(`job "${s.run.jobs[s.job]!.id}": ${(e as Error).message}`));
      }
    }
  };

  for (let i = 0; i < n; i++) {
    const t: Thread = { worker: new Worker(WORKER) };
    threads.push(t);
    const where = () => (t.slice ? `job "${t.slice.run.jobs[t.slice.job]!.id}", games ${t.slice.first}..${t.slice.first + t.slice.count - 1}, ` : '') + `worker ${i + 1}`;
    t.worker.on('message', (m: WorkerMessage) => {
      if (m.type === 'ready') {
        engine = m.engine; irHash = m.irHash;
        if (++ready === n) started.resolve();
        return;
      }
      const s = t.slice!;
      t.slice = undefined;
      if (m.type === 'error') finish(s.run, new Error(m.message));
      else if (runs.has(s.run)) {
        const r = s.run.result, j = r.jobs[s.job]!;
        m.records.forEach((g, k) => { j.games[s.first + k] = g; });
        j.seconds += m.seconds;
        r.workerSeconds += m.seconds;
        try {
          s.run.onBatch?.({ job: s.job, first: s.first, records: m.records, seconds: m.seconds, digest: batchDigest(m.records) });
          if (--s.run.left === 0) finish(s.run);
        } catch (e) { finish(s.run, e as Error); }
      }
      pump();
    });
    t.worker.on('error', (e) => breakDown(new Error(`${where()}: ${e.message}`)));
    t.worker.on('exit', (code) => breakDown(new Error(`${where()}: the worker exited (code ${code}); the runner cannot play any more`)));
  }
  const terminate = () => Promise.all(threads.map((t) => t.worker.terminate())).then(() => undefined);
  try { await startup; } catch (e) { await terminate(); throw e; }
  const startSeconds = (performance.now() - t0) / 1000;

  return {
    workers: n, engine, irHash, startSeconds,
    run(jobs, ro = {}) {
      if (broken) return Promise.reject(broken);
      const total = jobs.reduce((k, j) => k + j.games, 0);
      const size = o.batch ?? Math.min(64, Math.max(1, Math.ceil(total / (n * 16))));
      return new Promise<RunResult>((resolve, reject) => {
        const run: Run = {
          jobs, left: 0, t0: performance.now(), onBatch: ro.onBatch, resolve, reject,
          result: { jobs: jobs.map((j) => ({ games: new Array<GameRecord>(j.games), seconds: 0 })), workers: n, seconds: 0, workerSeconds: 0, engine, irHash },
        };
        jobs.forEach((j, job) => {
          for (let first = 0; first < j.games; first += size) { queue.push({ run, job, first, count: Math.min(size, j.games - first) }); run.left++; }
        });
        runs.add(run);
        if (!run.left) finish(run); else pump();
      });
    },
    async close() {
      breakDown(new Error('the runner is closed'));
      await terminate();
    },
  };
}

/** Plays every game of `jobs` on workers started for this call; rejects on the first error, naming job and game. */
export async function runJobs(jobs: MatchJob[], o: RunOptions = {}): Promise<RunResult> {
  const t0 = performance.now();
  const runner = await openRunner(o);
  try {
    const r = await runner.run(jobs, o);
    r.seconds = (performance.now() - t0) / 1000;
    return r;
  } finally {
    await runner.close();
  }
}

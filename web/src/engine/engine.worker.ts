// The engine in a module Web Worker, exposed with comlink: plays batches of a job (the same
// playBatch the Node worker threads run) and re-simulates replay records into frames.
import * as Comlink from 'comlink';
import type { Engine } from '@spellgrid/engine-as/src/host/engine.ts';
import { playBatch } from '@spellgrid/engine-as/src/host/batch.ts';
import { replayFrames, type ReplayFrames } from '@spellgrid/engine-as/src/host/snapshot.ts';
import type { ReplayRecord } from '@spellgrid/engine-as/src/host/replay.ts';
import type { GameRecord, MatchJob } from '@spellgrid/engine-as/src/host/jobs.ts';
import { loadBrowserEngine } from './assets.ts';

let engine: Promise<Engine> | undefined;
const load = () => (engine ??= loadBrowserEngine());

export interface CardText { name: string; manaCost: string; typeLine: string; text: string; power: number | '*' | null; toughness: number | '*' | null }

const api = {
  /** Loads the engine; its build and card IR hashes (the server's, if the files are the same). */
  async init(): Promise<{ engine: string; irHash: string }> {
    const e = await load();
    return { engine: e.buildHash, irHash: e.pool.irHash };
  },
  /** Games first..first+count−1 of the job, with the seconds they took. */
  async play(job: MatchJob, first: number, count: number): Promise<{ records: GameRecord[]; seconds: number }> {
    const e = await load();
    const t0 = performance.now();
    const records = playBatch(e, job, first, count);
    return { records, seconds: (performance.now() - t0) / 1000 };
  },
  /** A replay record played into frames, and the rules text of every card it names. */
  async replay(rec: ReplayRecord): Promise<ReplayFrames & { cards: Record<string, CardText> }> {
    const e = await load();
    const frames = replayFrames(e, rec);
    const names = new Set<string>(rec.decks.flat());
    for (const f of frames.frames) for (const p of f.players) for (const o of p.battlefield) names.add(o.card);
    const cards: Record<string, CardText> = {};
    for (const n of names) {
      const c = e.pool.byName(n);
      if (c) cards[n] = { name: c.name, manaCost: c.manaCost, typeLine: c.typeLine, text: c.text, power: c.power, toughness: c.toughness };
    }
    return { ...frames, cards };
  },
};

export type EngineApi = typeof api;
Comlink.expose(api);

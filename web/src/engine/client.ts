// Starting engine workers from the page. Each is a module Web Worker running engine.worker.ts;
// the page talks to it through comlink. Import this only from pages that need the engine (replay,
// contribute), so the engine never loads elsewhere.
import * as Comlink from 'comlink';
import type { EngineApi } from './engine.worker.ts';

export interface EngineWorker { api: Comlink.Remote<EngineApi>; terminate(): void }

export function startEngineWorker(): EngineWorker {
  const worker = new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module', name: 'spellgrid-engine' });
  const api = Comlink.wrap<EngineApi>(worker);
  return { api, terminate: () => { api[Comlink.releaseProxy](); worker.terminate(); } };
}

export type { CardText } from './engine.worker.ts';

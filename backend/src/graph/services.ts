// The card store and the play-pattern graph as `npm start` uses them: on MongoDB/FerretDB and
// Neo4j when configured (MONGODB_URL, GRAPH_URL), embedded otherwise. On open, the card pool is
// loaded into the card store in the background (nothing is written when that pool is there
// already), expired prices are swept hourly, and each prediction stored as done has its sample
// games recorded in the graph.
import type { CardPool } from '@spellgrid/engine-as/src/host/engine.ts';
import { loadEngine } from '@spellgrid/engine-as/src/host/node.ts';
import type { Engine } from '@spellgrid/engine-as/src/host/engine.ts';
import type { PredictionStore } from '../predictions/store.ts';
import type { CardStore } from '../cards-store/store.ts';
import { openCardStore } from '../cards-store/open.ts';
import { loadPoolInto } from '../cards-store/load.ts';
import type { PatternGraph } from './graph.ts';
import { openPatternGraph, recordingPatterns } from './record.ts';

export interface DocumentStoresOptions {
  mongodbUrl?: string;
  graph?: { url: string; user?: string; password?: string };
  pool: CardPool;
  log(fields: Record<string, unknown>): void;
  /** How often expired prices are swept from the card store (default hourly; a read never returns one anyway). */
  sweepMs?: number;
}

export interface DocumentStores {
  cards: CardStore;
  graph: PatternGraph;
  /** Where each one is, for the start-up log (no passwords). */
  where: { cards: string; graph: string };
  /** `store`, recording each prediction it stores as done in the graph. */
  recording(store: PredictionStore): PredictionStore;
  /** Resolves when the background pool load has ended (loaded, or failed and logged). */
  loaded: Promise<void>;
  close(): Promise<void>;
}

export async function openDocumentStores(o: DocumentStoresOptions): Promise<DocumentStores> {
  const { store: cards, where: cardsAt } = await openCardStore({ MONGODB_URL: o.mongodbUrl });
  let graph: PatternGraph, graphAt: string;
  try {
    ({ graph, where: graphAt } = await openPatternGraph({ GRAPH_URL: o.graph?.url, GRAPH_USER: o.graph?.user, GRAPH_PASSWORD: o.graph?.password }));
  } catch (e) {
    await cards.close();
    throw e;
  }
  const loaded = loadPoolInto(cards, o.pool).then(
    (r) => o.log({ level: 'info', msg: 'card pool in the card store', irHash: r.irHash, cards: r.cards, inserted: r.inserted, alreadyLoaded: r.alreadyLoaded }),
    (err: Error) => o.log({ level: 'warn', msg: 'the card pool could not be loaded into the card store', error: err.message }),
  );
  const sweep = setInterval(() => {
    cards.sweepPrices(Date.now()).then(
      (n) => { if (n > 0) o.log({ level: 'info', msg: 'expired prices swept', prices: n }); },
      (err: Error) => o.log({ level: 'warn', msg: 'the price sweep failed', error: err.message }),
    );
  }, o.sweepMs ?? 3_600_000);
  sweep.unref();
  let engine: Promise<Engine> | undefined;
  return {
    cards, graph, where: { cards: cardsAt, graph: graphAt }, loaded,
    recording: (store) => recordingPatterns(store, graph, () => (engine ??= loadEngine()), o.log),
    async close() {
      clearInterval(sweep);
      await loaded;
      try { await cards.close(); } finally { await graph.close(); }
    },
  };
}

// Starts the whole local system in this process: the card pool, the shared runner pool, the
// database (PGlite in DATA_DIR/db, or the PostgreSQL server DATABASE_URL names), the volunteer coordinator, the prediction service (which
// resumes predictions left unfinished by the last run) and the HTTP server. server.ts calls it
// with the environment's configuration; tests with their own.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { loadEngine, loadPool } from '@spellgrid/engine-as/src/host/node.ts';
import { openDocumentStores } from '@spellgrid/backend/src/graph/services.ts';
import { openPredictions } from '@spellgrid/backend/src/predictions/service.ts';
import { sqlPredictionStore } from '@spellgrid/backend/src/predictions/sql.ts';
import { runnerPlay } from '@spellgrid/backend/src/run.ts';
import { openKafkaCluster } from '@spellgrid/backend/src/cluster/cluster.ts';
import { openPglite, type Database } from '@spellgrid/backend/src/storage/pglite.ts';
import { openPostgres, redactUrl } from '@spellgrid/backend/src/storage/postgres.ts';
import { newKeyPair } from '@spellgrid/backend/src/volunteer/signature.ts';
import { sqlStore } from '@spellgrid/backend/src/volunteer/sql.ts';
import { volunteerPlay } from '@spellgrid/backend/src/volunteer/supply.ts';
import { createApp } from './app.ts';
import type { Config } from './config.ts';
import type { Log } from '@spellgrid/backend/src/observability/log.ts';
import { once } from './once.ts';
import { telemetry } from './telemetry.ts';
import { runnerPool } from './runner-pool.ts';
import { runnerCoordinator, volunteers as openVolunteers, type Volunteers } from './volunteers.ts';

export interface Running {
  /** e.g. http://127.0.0.1:8787 */
  url: string;
  /** The volunteer coordinator behind the job routes (the load test queues work on it directly). */
  volunteers: Volunteers;
  /** Stops being ready, closes the server (and its connections), the services, the runner pool and the database. */
  close(): Promise<void>;
}

/**
 * The coordinator's keys: configured, or kept in the data directory (made on its first start) so
 * tickets issued before a restart still verify, or made up for this run when nothing is kept.
 */
function coordinatorKeys(config: Config): Config['volunteers'] {
  const v = config.volunteers;
  if (config.dataDir === undefined || (v.signingKey && v.sampleSecret)) return v;
  const file = join(config.dataDir, 'coordinator-keys.json');
  if (!existsSync(file)) {
    mkdirSync(config.dataDir, { recursive: true });
    const made = { signingKey: newKeyPair().privateKey, sampleSecret: randomBytes(32).toString('hex') };
    writeFileSync(file, JSON.stringify(made) + '\n', { mode: 0o600, flag: 'wx' });
  }
  const kept = JSON.parse(readFileSync(file, 'utf8')) as { signingKey: string; sampleSecret: string };
  return { ...v, signingKey: v.signingKey ?? kept.signingKey, sampleSecret: v.sampleSecret ?? kept.sampleSecret };
}

/** Which database a configuration asks for: the PostgreSQL server if DATABASE_URL is set, else PGlite in DATA_DIR/db (or in memory). */
export function databaseChoice(config: Pick<Config, 'dataDir' | 'database'>):
  | { kind: 'postgres'; url: string; poolSize: number }
  | { kind: 'pglite'; dir: string | undefined } {
  if (config.database !== undefined) return { kind: 'postgres', ...config.database };
  return { kind: 'pglite', dir: config.dataDir === undefined ? undefined : join(config.dataDir, 'db') };
}

/** Opens (and migrates) the configured database; `where` names it for the log, without a password. */
export async function openDatabase(config: Pick<Config, 'dataDir' | 'database'>): Promise<{ db: Database; where: string }> {
  const c = databaseChoice(config);
  if (c.kind === 'postgres') return { db: await openPostgres(c.url, { poolSize: c.poolSize }), where: redactUrl(c.url) };
  return { db: await openPglite(c.dir), where: c.dir === undefined ? 'PGlite in memory (lost on exit)' : `PGlite in ${c.dir}` };
}

export async function startServer(config: Config, log: Log): Promise<Running> {
  const pool = loadPool();
  const docs = await openDocumentStores({ mongodbUrl: config.mongodbUrl, graph: config.graph, pool, log }); // card store and play-pattern graph
  const { db, where: database } = await openDatabase(config);
  const runner = runnerPool(config.workers);
  // KAFKA_BROKERS: cluster predictions through Kafka, this process one of the workers unless CLUSTER_WORKER=false (docs/operations.md, Kafka)
  const metrics = telemetry();
  const cluster = config.kafka && (await openKafkaCluster(config.kafka, { db, runner: await runner.get(), work: config.kafka.work, log, registry: metrics.registry }));
  const volunteers = openVolunteers(runnerCoordinator(runner, sqlStore(db), coordinatorKeys(config), log), {
    ticketMs: config.volunteers.ticketMs, log, onVerdict: metrics.verdict, onTicket: metrics.ticketIssued, onResult: metrics.resultReceived,
  });
  const predictions = await openPredictions({
    store: docs.recording(sqlPredictionStore(db)), maxQueued: config.queueLimit, log, cardName: (c) => pool.card(c).name, onBatch: metrics.batchPlayed,
    play: async (compute, id) => (compute === 'volunteers' ? volunteerPlay(await volunteers.coordinator(), id) : cluster ? cluster.play(id) : runnerPlay(await runner.get())),
  });
  metrics.watch(predictions.live);
  // Opened now rather than on the first job request, so results submitted before a restart are verified.
  void volunteers.coordinator().catch((err: Error) => log({ level: 'error', msg: 'the volunteer coordinator could not be opened', error: err.message }));
  let ready = true;
  const webDist = existsSync(join(config.webDist, 'index.html')) ? config.webDist : undefined;
  if (webDist === undefined) log({ level: 'info', msg: `no web app in ${config.webDist}: the API runs alone; \`npm run build\` builds the web app, and the next start serves it at /` });
  const app = createApp({ config, pool, predictions, engine: once(() => loadEngine()), volunteers, log, ready: () => ready, webDist, registry: metrics.registry });
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () => resolve(s));
  });
  const a = server.address() as AddressInfo;
  const url = `http://${a.family === 'IPv6' ? `[${a.address}]` : a.address}:${a.port}`;
  log({ level: 'info', msg: 'listening', url, webApp: webDist ?? null, webOrigin: config.webOrigin, dataDir: config.dataDir ?? 'memory (lost on exit)', database, cardStore: docs.where.cards, patternGraph: docs.where.graph });
  return {
    url,
    volunteers,
    async close() {
      ready = false;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // connections kept alive would hold close() open
      (server as { closeAllConnections?: () => void }).closeAllConnections?.();
      await closed;
      volunteers.close();
      predictions.close();
      await cluster?.close();
      await runner.close();
      await db.close();
      await docs.close();
    },
  };
}

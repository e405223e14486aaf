// The API's configuration, from environment variables (documented in docs/api.md), checked once
// at start-up so a bad value stops the server with a message rather than misbehaving later.
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const int = (fallback: number, min: number) => z.coerce.number().int().min(min).default(fallback);

const ENV = z.object({
  PORT: int(8787, 0),
  HOST: z.string().min(1).default('127.0.0.1'),
  WEB_ORIGIN: z.string().url().default('http://localhost:5173'),
  BODY_LIMIT_BYTES: int(256 * 1024, 1),
  RATE_LIMIT_BURST: int(60, 1),
  RATE_LIMIT_PER_SECOND: z.coerce.number().positive().default(2),
  WORKERS: int(availableParallelism(), 1),
  QUEUE_LIMIT: int(100, 1),
  CONTRIBUTOR_RATE_BURST: int(30, 1),
  CONTRIBUTOR_RATE_PER_SECOND: z.coerce.number().positive().default(1),
  COORDINATOR_KEY: z.string().min(1).optional(),
  SAMPLE_SECRET: z.string().min(16).optional(),
  TICKET_SECONDS: z.coerce.number().positive().default(15 * 60),
  MAX_TICKETS: int(4, 1),
  DATA_DIR: z.string().min(1).default(fileURLToPath(new URL('../../data', import.meta.url))),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'a postgres:// URL').optional().or(z.literal('').transform(() => undefined)),
  DATABASE_POOL_SIZE: int(10, 1),
  MONGODB_URL: z.string().regex(/^mongodb(\+srv)?:\/\//, 'a mongodb:// URL').optional().or(z.literal('').transform(() => undefined)),
  GRAPH_URL: z.string().regex(/^(bolt|neo4j)(\+s|\+ssc)?:\/\//, 'a bolt:// or neo4j:// URL').optional().or(z.literal('').transform(() => undefined)),
  GRAPH_USER: z.string().optional(),
  GRAPH_PASSWORD: z.string().optional(),
  KAFKA_BROKERS: z.string().regex(/^[^,\s]+:\d+(,[^,\s]+:\d+)*$/, 'host:port[,host:port...]').optional().or(z.literal('').transform(() => undefined)),
  KAFKA_PREFIX: z.string().regex(/^[A-Za-z0-9._-]+$/).default('spellgrid'),
  CLUSTER_WORKER: z.enum(['true', 'false']).default('true'),
  WEB_DIST: z.string().min(1).default(fileURLToPath(new URL('../../web/dist', import.meta.url))),
});

export interface Config {
  /** Where predictions, contributors and tickets are kept (PGlite) unless `database` is set; undefined: in memory, lost on exit. */
  dataDir?: string;
  /** A PostgreSQL server to keep them in instead of PGlite (DATABASE_URL), with its pool's size. */
  database?: { url: string; poolSize: number };
  /** The card document store on MongoDB/FerretDB (MONGODB_URL); undefined: in memory. */
  mongodbUrl?: string;
  /** The play-pattern graph on Neo4j (GRAPH_URL, GRAPH_USER, GRAPH_PASSWORD); undefined: embedded. */
  graph?: { url: string; user?: string; password?: string };
  /** Kafka brokers and topic prefix (KAFKA_BROKERS, KAFKA_PREFIX): cluster predictions then go through Kafka (backend/src/cluster); undefined: in this process. */
  kafka?: { brokers: string[]; prefix: string; /** Play sim.jobs in this process too (CLUSTER_WORKER, default true); false when worker processes do (Compose, Kubernetes). */ work: boolean };
  /** The built web app served at / (when it holds an index.html; `npm run build` makes it). */
  webDist: string;
  port: number;
  host: string;
  /** The one browser origin CORS allows. */
  webOrigin: string;
  bodyLimitBytes: number;
  /** Per-IP token bucket for /v1: `burst` requests at once, refilled at `perSecond`. */
  rateLimit: { burst: number; perSecond: number };
  /** Worker threads of the runner pool that plays prediction games. */
  workers: number;
  /** Predictions queued or running at once; more are refused (503). */
  queueLimit: number;
  /** Per-contributor token bucket on /v1/jobs, on top of the per-IP one. */
  contributorRateLimit: { burst: number; perSecond: number };
  volunteers: {
    /** The coordinator's Ed25519 private key (PEM or raw base64); generated at start when absent. */
    signingKey?: string;
    /** Keys the choice of replayed games; generated at start when absent. */
    sampleSecret?: string;
    /** How long a ticket is valid. */
    ticketMs: number;
    /** Tickets a contributor may hold at once. */
    maxTickets: number;
  };
}

export function readConfig(env: Record<string, string | undefined> = process.env): Config {
  const r = ENV.safeParse(env);
  if (!r.success) {
    throw new Error(`configuration: ${r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  const e = r.data;
  return {
    dataDir: e.DATA_DIR === 'memory' ? undefined : e.DATA_DIR,
    ...(e.DATABASE_URL === undefined ? {} : { database: { url: e.DATABASE_URL, poolSize: e.DATABASE_POOL_SIZE } }),
    ...(e.MONGODB_URL === undefined ? {} : { mongodbUrl: e.MONGODB_URL }),
    ...(e.KAFKA_BROKERS === undefined ? {} : { kafka: { brokers: e.KAFKA_BROKERS.split(','), prefix: e.KAFKA_PREFIX, work: e.CLUSTER_WORKER === 'true' } }),
    ...(e.GRAPH_URL === undefined ? {} : { graph: { url: e.GRAPH_URL, user: e.GRAPH_USER, password: e.GRAPH_PASSWORD } }),
    webDist: e.WEB_DIST, port: e.PORT, host: e.HOST, webOrigin: e.WEB_ORIGIN, bodyLimitBytes: e.BODY_LIMIT_BYTES,
    rateLimit: { burst: e.RATE_LIMIT_BURST, perSecond: e.RATE_LIMIT_PER_SECOND }, workers: e.WORKERS, queueLimit: e.QUEUE_LIMIT,
    contributorRateLimit: { burst: e.CONTRIBUTOR_RATE_BURST, perSecond: e.CONTRIBUTOR_RATE_PER_SECOND },
    volunteers: { signingKey: e.COORDINATOR_KEY, sampleSecret: e.SAMPLE_SECRET, ticketMs: e.TICKET_SECONDS * 1000, maxTickets: e.MAX_TICKETS },
  };
}

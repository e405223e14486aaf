// Prometheus metrics shared by the API and the cluster processes (cluster/main.ts): the registry
// with prom-client's default process metrics, the worker's and the aggregator's metrics, queue lag
// read from Kafka at scrape time, and the small HTTP server a cluster process is scraped and
// probed on. Names, labels and meaning are documented in docs/api.md (Metrics): dashboards,
// alerts and the Helm chart depend on them.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

// Node reports "no limit" as a huge number (2^64 on Node 20); anything above this is no limit.
const NO_LIMIT = 2 ** 50;

/**
 * A registry holding prom-client's default process metrics (CPU, memory, event loop lag, GC) and
 * spellgrid_process_memory_limit_bytes: the memory the process may use, read from its cgroup
 * (a container's limit), so the memory alert divides by the real limit of each deployment
 * rather than by a copy of it. 0 when the process has no limit.
 */
export function metricsRegistry(): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  new Gauge({
    name: 'spellgrid_process_memory_limit_bytes', help: "The process's memory limit (its cgroup's, e.g. the container's); 0 without one", registers: [registry],
    collect() {
      const limit = process.constrainedMemory?.() ?? 0;
      this.set(limit > 0 && limit < NO_LIMIT ? limit : 0);
    },
  });
  return registry;
}

/** The worker's metrics in `registry`, as the hooks that feed them (WorkerOptions.onPlayed, .onSkipped). */
export function workerMetrics(registry: Registry): { onPlayed(games: number, seconds: number): void; onSkipped(): void } {
  const registers = [registry];
  const games = new Counter({ name: 'spellgrid_worker_games_total', help: 'Games played by this cluster worker', registers });
  const slices = new Histogram({
    name: 'spellgrid_worker_slice_duration_seconds', help: 'Time to play one sim.jobs slice', registers,
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
  });
  const skipped = new Counter({ name: 'spellgrid_worker_slices_skipped_total', help: 'sim.jobs slices skipped because they were planned for another engine build or card IR', registers });
  return {
    onPlayed(n, seconds) {
      games.inc(n);
      slices.observe(seconds);
    },
    onSkipped: () => skipped.inc(),
  };
}

/** The aggregator's metrics in `registry`; the returned function is told of each slice stored (AggregatorOptions.onStored). */
export function aggregatorMetrics(registry: Registry): (stored: number, duplicate: number) => void {
  const games = new Counter({ name: 'spellgrid_aggregator_games_total', help: 'Games received by this aggregator: stored, or duplicate (delivered again, not counted twice)', labelNames: ['outcome'], registers: [registry] });
  games.inc({ outcome: 'stored' }, 0);
  games.inc({ outcome: 'duplicate' }, 0);
  return (stored, duplicate) => {
    if (stored > 0) games.inc({ outcome: 'stored' }, stored);
    if (duplicate > 0) games.inc({ outcome: 'duplicate' }, duplicate);
  };
}

/**
 * spellgrid_queue_lag_messages{topic,group} for each of `watched`: the messages of the topic its
 * group has not committed, summed over partitions (queue/kafka.ts kafkaLag), read through `lag` when
 * scraped, at most once per `cacheMs` (scrapes stay cheap for the broker). A read that fails
 * leaves the series out of that scrape.
 */
export function queueLagMetric<T extends string>(registry: Registry, lag: (topic: T, group: string) => Promise<number>, watched: { topic: T; group: string }[], cacheMs = 5000): void {
  let cached: { at: number; values: Promise<(number | undefined)[]> } | undefined;
  new Gauge({
    name: 'spellgrid_queue_lag_messages', help: 'Messages of a topic not yet committed by a consumer group (high watermark minus committed offset, summed over partitions)',
    labelNames: ['topic', 'group'], registers: [registry],
    async collect() {
      if (!cached || performance.now() - cached.at > cacheMs) {
        cached = { at: performance.now(), values: Promise.all(watched.map((w) => lag(w.topic, w.group).catch(() => undefined))) };
      }
      const values = await cached.values;
      this.reset();
      watched.forEach((w, i) => { if (values[i] !== undefined) this.set(w, values[i]!); });
    },
  });
}

export interface MetricsServer {
  /** e.g. http://0.0.0.0:9464 */
  url: string;
  close(): Promise<void>;
}

/**
 * A cluster process's HTTP endpoint: GET /metrics (Prometheus text), /healthz (200 while the
 * process runs) and /readyz (200 while `ready()`, else 503), for Prometheus and Kubernetes probes.
 */
export async function serveMetrics(o: { registry: Registry; ready: () => boolean; port: number; host: string }): Promise<MetricsServer> {
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    const reply = (status: number, type: string, body: string) => void res.writeHead(status, { 'Content-Type': type }).end(body);
    if (req.method !== 'GET') reply(405, 'text/plain', 'GET only\n');
    else if (path === '/healthz') reply(200, 'text/plain', 'ok\n');
    else if (path === '/readyz') {
      const ok = o.ready();
      reply(ok ? 200 : 503, 'text/plain', ok ? 'ready\n' : 'not ready\n');
    }
    else if (path === '/metrics') o.registry.metrics().then((text) => reply(200, o.registry.contentType, text), (e: Error) => reply(500, 'text/plain', `${e.message}\n`));
    else reply(404, 'text/plain', 'not found: /metrics, /healthz, /readyz\n');
  });
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(o.port, o.host, () => resolve()));
  const a = server.address() as AddressInfo;
  return {
    url: `http://${a.family === 'IPv6' ? `[${a.address}]` : a.address}:${a.port}`,
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

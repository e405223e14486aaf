// Starts the whole API in this process: the card pool, the shared runner pool, the volunteer
// coordinator, the prediction service and the HTTP server. server.ts calls it with the
// environment's configuration; the volunteer end-to-end test with its own.
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { memoryStore } from '@spellgrid/backend/src/volunteer/store.ts';
import { loadPool } from '@spellgrid/engine-as/src/host/node.ts';
import { createApp } from './app.ts';
import type { Config } from './config.ts';
import type { Log } from './log.ts';
import { inProcessPredictions } from './prediction-service.ts';
import { runnerPool } from './runner-pool.ts';
import { runnerCoordinator, volunteers as openVolunteers, type Volunteers } from './volunteers.ts';

export interface Running {
  /** e.g. http://127.0.0.1:8787 */
  url: string;
  /** The volunteer coordinator behind the job routes (the load test queues work on it directly). */
  volunteers: Volunteers;
  /** Stops being ready, closes the server (and its connections), the services and the runner pool. */
  close(): Promise<void>;
}

export async function startServer(config: Config, log: Log): Promise<Running> {
  const pool = loadPool();
  const runner = runnerPool(config.workers);
  const volunteers = openVolunteers(runnerCoordinator(runner, memoryStore(), config.volunteers, log), { ticketMs: config.volunteers.ticketMs, log });
  const predictions = inProcessPredictions({ pool, runner, volunteers, log, maxQueued: config.queueLimit });
  let ready = true;
  const app = createApp({ config, pool, predictions, volunteers, log, ready: () => ready });
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () => resolve(s));
  });
  const a = server.address() as AddressInfo;
  const url = `http://${a.family === 'IPv6' ? `[${a.address}]` : a.address}:${a.port}`;
  log({ level: 'info', msg: 'listening', url, webOrigin: config.webOrigin });
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
      await predictions.close();
      await runner.close();
    },
  };
}

// Serves the API on Node: `npm run api` at the repository root. Loopback only unless HOST says
// otherwise; on SIGTERM or SIGINT it stops being ready, closes the server and the runner pool.
import { serve } from '@hono/node-server';
import { loadPool } from '@spellgrid/engine-as/src/host/node.ts';
import { createApp } from './app.ts';
import { readConfig } from './config.ts';
import { stdoutLog as log } from './log.ts';
import { inProcessPredictions } from './prediction-service.ts';

const config = readConfig();
const pool = loadPool();
const predictions = inProcessPredictions({ pool, workers: config.workers, log, maxQueued: config.queueLimit });
let ready = true;
const app = createApp({ config, pool, predictions, log, ready: () => ready });

const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (a) => {
  log({ level: 'info', msg: 'listening', url: `http://${a.family === 'IPv6' ? `[${a.address}]` : a.address}:${a.port}`, webOrigin: config.webOrigin });
});

const shutdown = (signal: string) => {
  if (!ready) return;
  ready = false;
  log({ level: 'info', msg: 'shutting down', signal });
  server.close(() => void predictions.close().then(() => process.exit(0)));
  // connections kept alive would hold close() open
  (server as { closeAllConnections?: () => void }).closeAllConnections?.();
};
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));

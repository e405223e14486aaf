// Serves the local system on Node: `npm start` at the repository root. Configuration comes from
// the environment, and from `.env` in the working directory if there is one (variables already
// set win; see .env.example); logs as JSON lines on stdout, traces to OTEL_EXPORTER_OTLP_ENDPOINT if set. Loopback only unless HOST says otherwise; on SIGTERM or SIGINT it
// stops being ready and closes everything (start.ts); predictions not done resume on the next start.
import { existsSync } from 'node:fs';
import { readConfig } from './config.ts';
import { pinoLog } from '@spellgrid/backend/src/observability/log.ts';
import { startTracing } from '@spellgrid/backend/src/observability/tracing.ts';
import { startServer } from './start.ts';

if (existsSync('.env')) process.loadEnvFile('.env');
const log = pinoLog('api');
const tracing = startTracing('spellgrid-api');
const running = await startServer(readConfig(), log);
log({ level: 'info', msg: `open ${running.url} in a browser, or: curl -s -X POST ${running.url}/v1/predictions -H 'content-type: application/json' -d '{"deck": "Cats+Elves"}' (docs/api.md)` });
let stopping = false;
const shutdown = (signal: string) => {
  if (stopping) return;
  stopping = true;
  log({ level: 'info', msg: 'shutting down', signal });
  void running.close().then(() => tracing?.shutdown()).then(() => process.exit(0));
};
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));

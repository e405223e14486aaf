// Serves the API on Node: `npm run api` at the repository root. Loopback only unless HOST says
// otherwise; on SIGTERM or SIGINT it stops being ready and closes everything (start.ts).
import { readConfig } from './config.ts';
import { stdoutLog as log } from './log.ts';
import { startServer } from './start.ts';

const running = await startServer(readConfig(), log);
let stopping = false;
const shutdown = (signal: string) => {
  if (stopping) return;
  stopping = true;
  log({ level: 'info', msg: 'shutting down', signal });
  void running.close().then(() => process.exit(0));
};
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));

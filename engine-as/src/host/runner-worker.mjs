// Worker entry of the parallel runner (runner.ts): a worker thread starts without the main
// thread's TypeScript loader, so it registers tsx itself, as backend/bin/spellgrid.js does.
import { register } from 'tsx/esm/api';

register();
await import('./runner-worker.ts');

// The one engine-as runner pool of the process, opened on first use: it plays cluster predictions
// and the coordinator's verification replays.
import { openRunner, type Runner } from '@spellgrid/engine-as/src/host/runner.ts';

export interface RunnerPool {
  get(): Promise<Runner>;
  close(): Promise<void>;
}

export function runnerPool(workers: number): RunnerPool {
  let runner: Promise<Runner> | undefined;
  return {
    // a pool that failed to start is forgotten, so the next use tries again
    get: () => (runner ??= openRunner({ workers }).catch((err: Error) => { runner = undefined; throw err; })),
    async close() {
      if (runner) await (await runner.catch(() => undefined))?.close();
    },
  };
}

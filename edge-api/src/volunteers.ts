// The volunteer coordinator as the API uses it: opened on first use (its tickets name the runner
// pool's engine build and card IR), results verified in the background after they are accepted,
// and abandoned tickets expired by a timer as well as by each ticket request.
import { randomBytes } from 'node:crypto';
import { openCoordinator, type Coordinator } from '@spellgrid/backend/src/volunteer/coordinator.ts';
import { runnerReplay } from '@spellgrid/backend/src/volunteer/replay.ts';
import { newKeyPair } from '@spellgrid/backend/src/volunteer/signature.ts';
import type { CoordinatorStore } from '@spellgrid/backend/src/volunteer/store.ts';
import type { Config } from './config.ts';
import type { Log } from './log.ts';
import type { RunnerPool } from './runner-pool.ts';

export interface Volunteers {
  coordinator(): Promise<Coordinator>;
  /** Verifies a submitted ticket's result without holding up the request (a failure is logged). */
  verifyLater(ticketId: string): void;
  /** Stops the expiry timer. */
  close(): void;
}

/** Expiry runs at least this often (and twice per ticket lifetime), so abandoned work goes back soon. */
const EXPIRE_EVERY_MS = 60_000;

export function volunteers(open: () => Promise<Coordinator>, o: { ticketMs: number; log: Log }): Volunteers {
  let coordinator: Promise<Coordinator> | undefined;
  let timer: NodeJS.Timeout | undefined;
  const failed = (msg: string) => (err: Error) => o.log({ level: 'error', msg, error: err.message, stack: err.stack });
  const get = () => (coordinator ??= open().then((c) => {
    timer = setInterval(() => void c.expire().catch(failed('ticket expiry failed')), Math.min(EXPIRE_EVERY_MS, o.ticketMs / 2));
    timer.unref();
    return c;
  }).catch((err: Error) => { coordinator = undefined; throw err; }));
  return {
    coordinator: get,
    verifyLater(ticketId) {
      void get().then(async (c) => {
        const v = await c.verify(ticketId);
        if (v.ok && v.value.state === 'rejected') o.log({ level: 'warn', msg: 'volunteer result rejected', ticket: ticketId, mismatch: v.value.mismatch });
      }).catch(failed('verification failed'));
    },
    close: () => clearInterval(timer),
  };
}

/** A coordinator on `store` that replays on `runner`; keys from the configuration or made up now. */
export function runnerCoordinator(runner: RunnerPool, store: CoordinatorStore, c: Config['volunteers'], log: Log): () => Promise<Coordinator> {
  let signingKey = c.signingKey;
  if (!signingKey) {
    signingKey = newKeyPair().privateKey;
    log({ level: 'warn', msg: 'COORDINATOR_KEY is not set: tickets are signed with a key made up for this run, which volunteers cannot pin' });
  }
  const sampleSecret = c.sampleSecret ?? randomBytes(32).toString('hex');
  return async () => {
    const r = await runner.get();
    return openCoordinator({
      store, signingKey, sampleSecret, engine: r.engine, irHash: r.irHash, replay: runnerReplay(r),
      clock: Date.now, ticketMs: c.ticketMs, maxOutstanding: c.maxTickets,
    });
  };
}

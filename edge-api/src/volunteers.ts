// The volunteer coordinator as the API uses it: opened on first use (its tickets name the runner
// pool's engine build and card IR), results verified in the background after they are accepted
// (retried until they are settled, and those left unverified by the last run verified on open),
// and abandoned tickets expired by a timer as well as by each ticket request.
import { randomBytes } from 'node:crypto';
import { openCoordinator, type Coordinator } from '@spellgrid/backend/src/volunteer/coordinator.ts';
import { runnerReplay } from '@spellgrid/backend/src/volunteer/replay.ts';
import { newKeyPair } from '@spellgrid/backend/src/volunteer/signature.ts';
import type { CoordinatorStore } from '@spellgrid/backend/src/volunteer/store.ts';
import type { Config } from './config.ts';
import type { Log } from '@spellgrid/backend/src/observability/log.ts';
import type { RunnerPool } from './runner-pool.ts';

export interface Volunteers {
  coordinator(): Promise<Coordinator>;
  /**
   * Verifies a submitted ticket's result without holding up the request. A verification that
   * throws (a replay that failed, a store that did not answer) is logged and tried again later:
   * otherwise the result would stay unverified, and its batch unplayed, until a restart.
   */
  verifyLater(ticketId: string): void;
  /** Stops the expiry timer and the retries. */
  close(): void;
}

/** Expiry runs at least this often (and twice per ticket lifetime), so abandoned work goes back soon. */
const EXPIRE_EVERY_MS = 60_000;

/** A failed verification is tried again after `firstMs`, then twice as long each time, up to `maxMs`. */
export interface RetryOptions { firstMs: number; maxMs: number }
const RETRY: RetryOptions = { firstMs: 1000, maxMs: 60_000 };

export interface VolunteerOptions {
  ticketMs: number;
  log: Log;
  retry?: RetryOptions;
  /** Told of each verdict, and of each verification that failed to run (metrics). */
  onVerdict?(verdict: 'verified' | 'rejected' | 'error'): void;
  /** Told of each ticket issued (metrics). */
  onTicket?(): void;
  /** Told of each result submitted: accepted, or refused (metrics). */
  onResult?(outcome: 'accepted' | 'rejected'): void;
}

export function volunteers(open: () => Promise<Coordinator>, o: VolunteerOptions): Volunteers {
  const retry = o.retry ?? RETRY;
  let coordinator: Promise<Coordinator> | undefined;
  let timer: NodeJS.Timeout | undefined;
  let closed = false;
  // Tickets being verified or waiting to be tried again (each once), and the timers of those waiting.
  const pending = new Set<string>();
  const retries = new Map<string, NodeJS.Timeout>();
  const failed = (msg: string) => (err: Error) => o.log({ level: 'error', msg, error: err.message, stack: err.stack });

  const attempt = (ticketId: string, delayMs: number) => {
    get().then((c) => c.verify(ticketId)).then((v) => {
      pending.delete(ticketId);
      if (v.ok) o.onVerdict?.(v.value.state);
      if (v.ok && v.value.state === 'rejected') o.log({ level: 'warn', msg: 'volunteer result rejected', ticket: ticketId, mismatch: v.value.mismatch });
    }, (err: Error) => {
      if (closed) return void pending.delete(ticketId);
      o.onVerdict?.('error');
      o.log({ level: 'error', msg: 'verification failed; trying again', ticket: ticketId, retryMs: delayMs, error: err.message, stack: err.stack });
      const t = setTimeout(() => { retries.delete(ticketId); attempt(ticketId, Math.min(retry.maxMs, delayMs * 2)); }, delayMs);
      t.unref(); // a retry alone does not keep the process up
      retries.set(ticketId, t);
    });
  };
  const verifyLater = (ticketId: string) => {
    if (closed || pending.has(ticketId)) return;
    pending.add(ticketId);
    attempt(ticketId, retry.firstMs);
  };

  // The coordinator with its tickets and results counted.
  const counted = (c: Coordinator): Coordinator => ({
    ...c,
    async issue(handle) {
      const t = await c.issue(handle);
      if (t.ok) o.onTicket?.();
      return t;
    },
    async submit(handle, signed) {
      const s = await c.submit(handle, signed);
      o.onResult?.(s.ok ? 'accepted' : 'rejected');
      return s;
    },
  });

  const get = () => (coordinator ??= open().then((c) => {
    timer = setInterval(() => void c.expire().catch(failed('ticket expiry failed')), Math.min(EXPIRE_EVERY_MS, o.ticketMs / 2));
    timer.unref();
    // Results accepted before a restart and not yet settled: verified now, or they would wait forever.
    void c.unverified().then((ids) => ids.forEach(verifyLater), failed('listing unverified results failed'));
    return counted(c);
  }).catch((err: Error) => { coordinator = undefined; throw err; }));

  return {
    coordinator: get,
    verifyLater,
    close() {
      closed = true;
      clearInterval(timer);
      for (const t of retries.values()) clearTimeout(t);
      retries.clear();
    },
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

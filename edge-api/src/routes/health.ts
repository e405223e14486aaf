// Liveness and readiness, for a supervisor or load balancer: alive answers while the process
// runs; ready only once the card pool is loaded and until shutdown begins.
import { Hono } from 'hono';
import type { CardPool } from '@spellgrid/engine-as/src/host/engine.ts';

export function health(pool: CardPool, ready: () => boolean) {
  return new Hono()
    .get('/healthz', (c) => c.json({ ok: true }))
    .get('/readyz', (c) => ready()
      ? c.json({ ok: true, cards: pool.meta.cards.length, irHash: pool.irHash })
      : c.json({ ok: false }, 503));
}

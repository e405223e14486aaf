// Token buckets, in memory: each key (a client address, a contributor) may make `burst` requests
// at once, and gets `perSecond` more each second. An empty bucket answers 429 with Retry-After
// (whole seconds).
import type { Context, MiddlewareHandler } from 'hono';
import { ApiError } from '../errors.ts';

export interface BucketOptions {
  burst: number;
  perSecond: number;
  /** Milliseconds (default `performance.now`); tests pass their own. */
  now?: () => number;
}

export interface RateLimitOptions extends BucketOptions {
  /** Who a request comes from (default: the socket's remote address). */
  client?: (c: Context) => string;
}

/** Buckets kept before full ones are dropped (a full bucket is the same as none). */
const SWEEP_AT = 10_000;

/** The remote address @hono/node-server exposes; a fixed key where there is no socket (app.request). */
export function remoteAddress(c: Context): string {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? 'local';
}

/** Takes a token from `key`'s bucket, or throws the 429 (setting Retry-After on `c`). */
export type TakeToken = (c: Context, key: string) => void;

export function tokenBuckets(o: BucketOptions): TakeToken {
  const { burst, perSecond, now = () => performance.now() } = o;
  const buckets = new Map<string, { tokens: number; at: number }>();
  const refill = (b: { tokens: number; at: number }, t: number) => {
    b.tokens = Math.min(burst, b.tokens + ((t - b.at) / 1000) * perSecond);
    b.at = t;
  };
  return (c, key) => {
    const t = now();
    let b = buckets.get(key);
    if (b) refill(b, t);
    else {
      if (buckets.size >= SWEEP_AT) for (const [k, v] of buckets) { refill(v, t); if (v.tokens >= burst) buckets.delete(k); }
      buckets.set(key, (b = { tokens: burst, at: t }));
    }
    if (b.tokens < 1) {
      c.header('Retry-After', String(Math.ceil((1 - b.tokens) / perSecond)));
      throw new ApiError(429, 'rate-limited', 'too many requests: wait as long as Retry-After says');
    }
    b.tokens -= 1;
  };
}

/** A token bucket per client in front of every request. */
export function rateLimit(o: RateLimitOptions): MiddlewareHandler {
  const take = tokenBuckets(o);
  const client = o.client ?? remoteAddress;
  return async function rateLimit(c, next) {
    take(c, client(c));
    await next();
  };
}

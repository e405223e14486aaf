// A small seeded PRNG for the limited tooling: the engine's generator (assembly/rng.ts,
// xoshiro128** seeded by splitmix32) written again in TypeScript, so boosters depend only on
// their seed. Never Math.random or the clock: the same seed gives the same pool everywhere.

const rotl = (x: number, k: number) => ((x << k) | (x >>> (32 - k))) >>> 0;

/** splitmix32's finaliser: scrambles one 32-bit word. */
function mix32(x: number): number {
  let z = x >>> 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/** Derives an independent seed from a seed and an index (e.g. a game pair and a seat). */
export function deriveSeed(seed: number, index: number): number {
  return mix32(mix32(seed + 0x9e3779b9) ^ Math.imul(index + 1, 0x9e3779b9));
}

export class Rng {
  private readonly s = new Uint32Array(4);

  constructor(seed: number) {
    let x = seed >>> 0;
    for (let i = 0; i < 4; i++) {
      x = (x + 0x9e3779b9) >>> 0;
      this.s[i] = mix32(x) || 1;
    }
  }

  /** The next 32-bit output (xoshiro128**). */
  next(): number {
    const s = this.s;
    let s0 = s[0]!, s1 = s[1]!, s2 = s[2]!, s3 = s[3]!;
    const result = Math.imul(rotl(Math.imul(s1, 5) >>> 0, 7), 9) >>> 0;
    const t = s1 << 9;
    s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3; s2 ^= t; s3 = rotl(s3 >>> 0, 11);
    s[0] = s0; s[1] = s1; s[2] = s2; s[3] = s3; // the typed array keeps the low 32 bits
    return result;
  }

  /** A uniform integer in [0, n), without modulo bias (rejects the incomplete last block). */
  below(n: number): number {
    if (n <= 1) return 0;
    const limit = Math.floor(0x100000000 / n) * n;
    let x = this.next();
    while (x >= limit) x = this.next();
    return x % n;
  }

  /** Picks an index by integer weights. */
  weighted(weights: readonly number[]): number {
    let r = this.below(weights.reduce((a, b) => a + b, 0));
    for (let i = 0; i < weights.length; i++) {
      r -= weights[i]!;
      if (r < 0) return i;
    }
    return weights.length - 1;
  }
}

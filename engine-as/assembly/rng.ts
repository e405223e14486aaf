// xoshiro128** streams kept inside the state, so a clone carries its randomness with it.
// Stream 0 is the game's (shuffles, coin flips); streams 1 and 2 belong to the agents of
// players 0 and 1, so changing an agent never changes the cards dealt (paired seeds).
import { G } from './state';

// @ts-ignore: decorator
@inline function rotl(x: u32, k: u32): u32 { return (x << k) | (x >>> (32 - k)); }

function streamBase(stream: i32): usize { return G + <usize>(stream * 16); }

export function rngNext(stream: i32): u32 {
  const b = streamBase(stream);
  let s0 = load<u32>(b), s1 = load<u32>(b, 4), s2 = load<u32>(b, 8), s3 = load<u32>(b, 12);
  const result = rotl(s1 * 5, 7) * 9;
  const t = s1 << 9;
  s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3; s2 ^= t; s3 = rotl(s3, 11);
  store<u32>(b, s0); store<u32>(b, s1, 4); store<u32>(b, s2, 8); store<u32>(b, s3, 12);
  return result;
}

// Uniform integer in [0, n) without modulo bias (Lemire's method, integer only).
export function rngBelow(stream: i32, n: i32): i32 {
  if (n <= 1) return 0;
  const un = <u64>n;
  let m = <u64>rngNext(stream) * un;
  let low = <u32>m;
  if (low < <u32>n) {
    const threshold = <u32>(-n) % <u32>n;
    while (low < threshold) { m = <u64>rngNext(stream) * un; low = <u32>m; }
  }
  return <i32>(m >>> 32);
}

// splitmix32 expands one seed into the state words of all three streams.
export function rngSeed(seed: u32): void {
  let x = seed;
  for (let i = 0; i < 12; i++) {
    x += 0x9e3779b9;
    let z = x;
    z = (z ^ (z >>> 16)) * 0x85ebca6b;
    z = (z ^ (z >>> 13)) * 0xc2b2ae35;
    z ^= z >>> 16;
    store<u32>(G + <usize>(i << 2), z == 0 ? 1 : z);
  }
}

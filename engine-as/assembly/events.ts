// The typed event log: every visible state change appends one fixed-size record of four words
// [type, a, b, c]. The log lives outside the state (clones used for search do not log).
export * from './ir/events';

// Logging is a property of the run, not of the game: it stays out of the state (and its digest).
let logging = false;
export function setLogging(on: bool): void { logging = on; }
export function isLogging(): bool { return logging; }

let LOG: usize = 0;
let cap: i32 = 0;
let len: i32 = 0;

export function logInit(base: usize, capacityEvents: i32): void { LOG = base; cap = capacityEvents; len = 0; }
export function logLength(): i32 { return len; }
export function logBase(): usize { return LOG; }

export function emit(type: i32, a: i32, b: i32, c: i32): void {
  if (!logging || len >= cap) return;
  const p = LOG + (<usize>len << 4);
  store<i32>(p, type); store<i32>(p, a, 4); store<i32>(p, b, 8); store<i32>(p, c, 12);
  len++;
}

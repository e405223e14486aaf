// The one decision the engine is waiting for: a kind, the deciding player and a short option
// list (integers; the host renders labels). Answering stores the chosen option's value, and the
// process that asked reads it when the engine runs again.
import { game, setOptAt, optAt, MAX_OPTIONS } from './state';
import { emit, EV_DECISION } from './events';

export function ask(kind: i32, p: i32, ctx: i32): void {
  const g = game();
  g.dkind = kind;
  g.dplayer = p;
  g.dcount = 0;
  g.dctx = ctx;
}

export function addOpt(v: i32): void {
  const g = game();
  if (g.dcount < MAX_OPTIONS) setOptAt(g.dcount++, v);
}

export function takeAnswer(): i32 {
  const g = game();
  g.hasAnswer = 0;
  return g.answer;
}

// Answers the pending decision with option index k. Returns false for an out-of-range index.
export function answer(k: i32): bool {
  const g = game();
  if (g.dkind == 0 || k < 0 || k >= g.dcount) return false;
  g.answer = optAt(k);
  g.hasAnswer = 1;
  g.akind = g.dkind;
  emit(EV_DECISION, g.dplayer, g.dkind, g.answer);
  g.dkind = 0;
  return true;
}

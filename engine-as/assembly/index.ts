// The WASM module's exports: the whole host API surface. Only integers cross the boundary;
// the host reads tables (IR, decks, logs) through linear memory.
import * as S from './ir/spec';
import { irLoad, card } from './ir';
import {
  G, useState, game, player, obj, USED_RANGES, usedStart, usedLength, STATE_SIZE, optAt, stackItem, targetAt, PH_PLAY, STEP_MAIN1, STEP_MAIN2,
  OF_SICK, OF_TAPPED, OF_TOKEN, OF_ATTACKING, OF_BLOCKING, FACT_OPENING_HAND, SI_SPELL, libAt, setLibAt, opponent, MAX_OBJECTS, OF_KNOWN0,
} from './state';
import { advance, gameInit, gameAddCard, gameStart } from './turn';
import { answer } from './decision';
import { agentChoose } from './agents';
import { opLength } from './resolve';
import { logInit, logLength, logBase, setLogging as logOn, isLogging } from './events';
import { rngSeed, rngBelow } from './rng';
import { refresh, markDirty } from './chars';
import { newObject, enterBattlefield } from './zones';

export { STATE_SIZE };

// ---------- memory ----------
export function alloc(bytes: i32): usize { return heap.alloc(<usize>bytes); }
export function loadIR(ptr: usize, words: i32): i32 { return irLoad(ptr, words); }
export function stateNew(): usize {
  const p = heap.alloc(<usize>STATE_SIZE);
  memory.fill(p, 0, <usize>STATE_SIZE);
  return p;
}
export function stateUse(ptr: usize): void { useState(ptr); }
// A clone copies the used part of the state: one memory.copy per range (see usedStart).
export function stateCopy(dst: usize, src: usize): void {
  const saved = G;
  G = src;
  for (let r = 0; r < USED_RANGES; r++) {
    const from = <usize>usedStart(r);
    memory.copy(dst + from, src + from, <usize>usedLength(r));
  }
  G = saved;
}
export function stateBytes(): i32 {
  let n = 0;
  for (let r = 0; r < USED_RANGES; r++) n += usedLength(r);
  return n;
}
// Returns whether logging was on (search turns it off and back).
export function setLogging(on: i32): i32 { const was = isLogging(); logOn(on != 0); return was ? 1 : 0; }
export function setStopAtPriority(on: i32): void { game().stopAtPriority = on; }

export function eventLogInit(ptr: usize, capacity: i32): void { logInit(ptr, capacity); }
export function eventLogLength(): i32 { return logLength(); }
export function eventLogPtr(): usize { return logBase(); }

// ---------- games ----------
export { gameInit, gameAddCard, gameStart };
export function gameAdvance(): void { advance(); }
export function gameOver(): i32 { return game().over; }
export function gameWinner(): i32 { return game().winner; }
export function gameEndReason(): i32 { return game().endReason; }
export function gameEndDetail(): i32 { return game().endDetail; }
export function gameTurn(): i32 { return game().turn; }
export function gameStartingPlayer(): i32 { return game().startingPlayer; }
export function gameActive(): i32 { return game().active; }
export function gameStep(): i32 { return game().step; }
export function gameActions(): i32 { return game().actions; }
export function playerField(p: i32, field: i32): i32 {
  const pl = player(p);
  if (field == 0) return pl.life;
  if (field == 1) return pl.handCount;
  if (field == 2) return pl.libCount;
  if (field == 3) return pl.gyCount;
  if (field == 4) return pl.mulligans;
  if (field == 5) return pl.landsPlayed;
  return 0;
}

// Object table access for the host (view building, scenario set-up, tests).
export function objCount(): i32 { return game().objCount; }
export function objField(i: i32, field: i32): i32 {
  refresh();
  const o = obj(i);
  switch (field) {
    case 0: return o.card;
    case 1: return o.owner;
    case 2: return o.controller;
    case 3: return o.zone;
    case 4: return o.flags;
    case 5: return o.damage;
    case 6: return o.p1p1;
    case 7: return o.m1m1;
    case 8: return o.loyalty;
    case 9: return o.attachedTo;
    case 10: return o.power;
    case 11: return o.toughness;
    case 12: return o.kw;
    case 13: return o.facts;
    case 14: return o.stun;
    case 15: return o.attackTarget;
    case 16: return o.blocking;
    case 17: return o.types;
    case 18: return o.other; // black and multi: named counters (revival, soul, bait, fellowship)
    case 19: return o.sub; // subtypes after layer 4
    case 20: return o.subHi; // and the second subtype word (SUB_HI_*)
    case 21: return o.nameId; // its name (ST_SET_NAME): a card index, or NAME_GIVEN | the card giving the name
  }
  return 0;
}
export function stackCount(): i32 { return game().stackCount; }
export function stackField(k: i32, field: i32): i32 {
  const it = stackItem(k);
  if (field == 0) return it.kind;
  if (field == 1) return it.obj;
  if (field == 2) return it.controller;
  if (field == 3) return it.ability;
  if (field == 4) return it.ntargets;
  if (field >= 8) return targetAt(it, field - 8);
  return 0;
}

// ---------- decisions ----------
export function decisionKind(): i32 { return game().dkind; }
export function decisionPlayer(): i32 { return game().dplayer; }
export function decisionCount(): i32 { return game().dcount; }
export function decisionOption(k: i32): i32 { return optAt(k); }
export function decisionContext(): i32 { return game().dctx; }
// Answers with option index k and runs on; false if k is not a valid option.
export function decide(k: i32): bool {
  if (!answer(k)) return false;
  advance();
  return true;
}

export function agentPick(kind: i32): i32 { return agentChoose(kind); }

// Plays the game to its end with built-in agents (kind per player), recording each chosen
// option index into rec (up to cap). Returns the number of decisions, or -1 if rec overflowed.
export function playOut(agent0: i32, agent1: i32, rec: usize, cap: i32): i32 {
  const g = game();
  let n = 0;
  advance();
  while (!g.over) {
    const k = agentChoose(g.dplayer == 0 ? agent0 : agent1);
    if (n < cap) store<i32>(rec + (<usize>n << 2), k);
    n++;
    answer(k);
    advance();
  }
  return n > cap ? -1 : n;
}

// Replays recorded option indexes from rec; returns how many were applied before the game
// ended, or -1 - k if decision k was not a valid option.
export function replayDecisions(rec: usize, count: i32): i32 {
  const g = game();
  advance();
  for (let k = 0; k < count; k++) {
    if (g.over) return k;
    if (!answer(load<i32>(rec + (<usize>k << 2)))) return -1 - k;
    advance();
  }
  return count;
}

// ---------- search (MCTS): only ever called on a scratch copy of the game ----------
// Resamples what player p cannot know, keeping what p has seen (OF_KNOWN0 << p: cards that
// came from public zones, revealed hands, cards p scryed or looked at): the opponent's unknown
// hand cards are shuffled together with the unknown cards of their library and dealt back to
// the same places, and the unknown positions of p's own library are shuffled. All random
// streams of the copy are reseeded from `seed` (the agent's), so the rollout sees neither the
// real game's future shuffles nor its agents' streams. Hidden zones hold no per-object state
// beyond the card, so moving an object between them only changes its zone.
const POOL = new StaticArray<i32>(MAX_OBJECTS); // allocated once: the runtime never frees
const SLOTS = new StaticArray<i32>(MAX_OBJECTS); // library positions; -1 - i: hand object i's place
export function determinize(p: i32, seed: u32): void {
  rngSeed(seed);
  const g = game();
  const seen = OF_KNOWN0 << p;
  const q = opponent(p);
  let n = 0;
  for (let k = 0; k < player(q).libCount; k++) {
    const i = libAt(q, k);
    if (!(obj(i).flags & seen)) { POOL[n] = i; SLOTS[n++] = k; }
  }
  for (let i = 0; i < g.objCount; i++) {
    const o = obj(i);
    if (o.owner == q && o.zone == S.ZONE_HAND && !(o.flags & seen)) { POOL[n] = i; SLOTS[n++] = -1; }
  }
  shufflePool(n);
  for (let k = 0; k < n; k++) {
    const o = obj(POOL[k]);
    if (SLOTS[k] >= 0) { o.zone = S.ZONE_LIBRARY; setLibAt(q, SLOTS[k], POOL[k]); } else o.zone = S.ZONE_HAND;
  }
  n = 0;
  for (let k = 0; k < player(p).libCount; k++) {
    const i = libAt(p, k);
    if (!(obj(i).flags & seen)) { POOL[n] = i; SLOTS[n++] = k; }
  }
  shufflePool(n);
  for (let k = 0; k < n; k++) setLibAt(p, SLOTS[k], POOL[k]);
  markDirty();
}

// Fisher-Yates over POOL[0..n) with the game's stream (reseeded by determinize).
function shufflePool(n: i32): void {
  for (let k = n - 1; k > 0; k--) {
    const j = rngBelow(0, k + 1);
    const t = POOL[k]; POOL[k] = POOL[j]; POOL[j] = t;
  }
}

// Answers option `first` and plays on with built-in agent `agent` for both players, for at
// most `max` further decisions. Logging is off meanwhile, so the real game's event log is not
// touched. Returns -1 if `first` was not a valid option, else the decisions played.
export function rollout(first: i32, agent: i32, max: i32): i32 {
  const g = game();
  const wasLogging = isLogging();
  logOn(false);
  if (!answer(first)) { logOn(wasLogging); return -1; }
  advance();
  let n = 0;
  while (!g.over && n < max) {
    answer(agentChoose(agent));
    advance();
    n++;
  }
  logOn(wasLogging);
  return n;
}

// FNV-1a (64-bit) over the state in use: equal game states give equal digests. The agents'
// random streams (bytes 16-47) are left out: a replay that feeds recorded decisions without
// running the agents must reach the same digest.
export function stateDigest(): u64 {
  let h: u64 = 0xcbf29ce484222325;
  for (let r = 0; r < USED_RANGES; r++) {
    const from = usedStart(r);
    const end = from + usedLength(r);
    for (let i = from; i < end; i += 4) {
      if (i == 16) i = 48;
      h ^= <u64>load<u32>(G + <usize>i);
      h *= 0x100000001b3;
    }
  }
  return h;
}

export const IR_VERSION = S.IR_VERSION;

// ---------- scenarios: set up a position directly (tests, the `scenario` command) ----------
// After gameInit, place objects and life totals, then scenarioBegin starts play at the given
// step with the active player about to receive priority (no earlier steps happen).
export function scenarioObject(p: i32, c: i32, zone: i32, flags: i32): i32 {
  if (zone == S.ZONE_LIBRARY) return gameAddCard(p, c) ? game().objCount - 1 : -1;
  const i = newObject(c, p, zone);
  if (i < 0) return -1;
  if (zone == S.ZONE_BATTLEFIELD) {
    enterBattlefield(i, p, false, 0);
    game().pendCount = 0; // set-up is not an event: nothing triggers
    obj(i).loyalty = card(c, S.CARD_LOYALTY); // ... and nothing replaces it (no Doubling Season)
    if (!(flags & OF_SICK)) obj(i).flags &= ~OF_SICK;
    obj(i).flags &= ~OF_TAPPED; // set-up says whether it is tapped ("enters tapped" does not apply)
  }
  obj(i).flags |= flags & (OF_TAPPED | OF_TOKEN);
  if (zone == S.ZONE_HAND) player(p).handCount++;
  if (zone == S.ZONE_GRAVEYARD) player(p).gyCount++;
  markDirty();
  return i;
}
export function scenarioPlayer(p: i32, life: i32): void { player(p).life = life; }
export function scenarioCounters(i: i32, kind: i32, n: i32): void {
  const o = obj(i);
  if (kind == S.CTR_P1P1) o.p1p1 = n; else if (kind == S.CTR_M1M1) o.m1m1 = n;
  else if (kind == S.CTR_LOYALTY) o.loyalty = n; else if (kind == S.CTR_STUN) o.stun = n; else o.other = n;
  markDirty();
}
export function scenarioDamage(i: i32, n: i32): void { obj(i).damage = n; markDirty(); }
export function scenarioAttach(i: i32, to: i32): void { obj(i).attachedTo = to; markDirty(); }
export function scenarioBegin(active: i32, step: i32, turn: i32): void {
  const g = game();
  g.phase = PH_PLAY;
  g.turn = turn;
  g.active = active;
  g.startingPlayer = turn % 2 == 1 ? active : 1 - active;
  g.step = step;
  g.stepStage = step == STEP_MAIN1 || step == STEP_MAIN2 ? 1 : 0;
  g.priority = active;
  for (let i = 0; i < g.objCount; i++) if (obj(i).zone == S.ZONE_HAND) obj(i).facts |= FACT_OPENING_HAND;
  markDirty();
  advance();
}

// ---------- invariants (fuzz tests) ----------
// Returns 0 if the state is consistent, else a code naming the first broken invariant.
export function checkInvariants(): i32 {
  const g = game();
  const n = g.objCount;
  for (let p = 0; p < 2; p++) {
    const pl = player(p);
    let hand = 0, gy = 0, lib = 0;
    for (let i = 0; i < n; i++) {
      const o = obj(i);
      if (o.owner != p) continue;
      if (o.zone == S.ZONE_HAND) hand++;
      else if (o.zone == S.ZONE_GRAVEYARD) gy++;
      else if (o.zone == S.ZONE_LIBRARY) lib++;
    }
    if (hand != pl.handCount) return 1;
    if (gy != pl.gyCount) return 2;
    if (lib != pl.libCount) return 3;
    for (let k = 0; k < pl.libCount; k++) {
      const i = libAt(p, k);
      if (i >= n || obj(i).zone != S.ZONE_LIBRARY || obj(i).owner != p) return 4;
      for (let j = k + 1; j < pl.libCount; j++) if (libAt(p, j) == i) return 5;
    }
    if (pl.manaW < 0 || pl.manaU < 0 || pl.manaB < 0 || pl.manaR < 0 || pl.manaG < 0 || pl.manaC < 0) return 6;
  }
  let spells = 0;
  for (let i = 0; i < n; i++) {
    const o = obj(i);
    if (o.damage < 0 || o.p1p1 < 0 || o.m1m1 < 0 || o.loyalty < 0 || o.stun < 0) return 7;
    if (o.zone == S.ZONE_STACK) spells++;
    if (o.zone != S.ZONE_BATTLEFIELD && (o.flags & (OF_TAPPED | OF_ATTACKING | OF_BLOCKING))) return 8;
  }
  let stackSpells = 0;
  for (let k = 0; k < g.stackCount; k++) {
    const it = stackItem(k);
    if (it.kind == SI_SPELL) {
      stackSpells++;
      if (obj(it.obj).zone != S.ZONE_STACK) return 9;
    }
  }
  if (spells != stackSpells) return 10;
  if (g.pendCount < 0 || g.stackCount < 0 || g.effCount < 0) return 11;
  return 0;
}

// Copies state src to dst n times (benchmarks the clone without host call overhead).
export function benchClone(dst: usize, src: usize, n: i32): void {
  for (let k = 0; k < n; k++) stateCopy(dst, src);
}

// Instruction lengths as the interpreter reads them (checked against the compiler's in tests).
export { opLength };

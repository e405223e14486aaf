// The WASM module's exports: the whole host API surface. Only integers cross the boundary;
// the host reads tables (IR, decks, logs) through linear memory.
import * as S from './ir/spec';
import { irLoad } from './ir';
import { G, useState, game, player, obj, usedSize, STATE_SIZE, optAt, stackItem, targetAt } from './state';
import { advance, gameInit, gameAddCard, gameStart } from './turn';
import { answer } from './decision';
import { agentChoose, AGENT_HEURISTIC, AGENT_RANDOM } from './agents';
import { logInit, logLength, logBase } from './events';
import { refresh } from './chars';

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
export function stateCurrent(): usize { return G; }
// A clone copies the fixed tables and the objects in use: one memory.copy.
export function stateCopy(dst: usize, src: usize): void {
  const saved = G;
  G = src;
  const n = usedSize();
  G = saved;
  memory.copy(dst, src, <usize>n);
}
export function stateBytes(): i32 { return usedSize(); }
export function setLogging(on: i32): void { game().logging = on; }

export function eventLogInit(ptr: usize, capacity: i32): void { logInit(ptr, capacity); }
export function eventLogLength(): i32 { return logLength(); }
export function eventLogPtr(): usize { return logBase(); }

// ---------- games ----------
export { gameInit, gameAddCard, gameStart };
export function gameAdvance(): void { advance(); }
export function gameOver(): i32 { return game().over; }
export function gameWinner(): i32 { return game().winner; }
export function gameEndReason(): i32 { return game().endReason; }
export function gameTurn(): i32 { return game().turn; }
export function gameStartingPlayer(): i32 { return game().startingPlayer; }
export function gameActive(): i32 { return game().active; }
export function gameStep(): i32 { return game().step; }
export function gameActions(): i32 { return game().actions; }
export function playerLife(p: i32): i32 { return player(p).life; }
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

export const AGENT_KIND_RANDOM = AGENT_RANDOM;
export const AGENT_KIND_HEURISTIC = AGENT_HEURISTIC;
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

// FNV-1a (64-bit) over the state in use: equal states give equal digests.
export function stateDigest(): u64 {
  let h: u64 = 0xcbf29ce484222325;
  const n = usedSize();
  for (let i = 0; i < n; i += 4) {
    h ^= <u64>load<u32>(G + <usize>i);
    h *= 0x100000001b3;
  }
  return h;
}

export const IR_VERSION = S.IR_VERSION;

// Resolving the top of the stack (608): target legality is checked again, then the effect
// program runs instruction by instruction. An instruction that needs a choice asks for a
// decision and runs again with the answer, so resolution can pause anywhere.
import * as S from './ir/spec';
import { card, abil, irWord, tspec, manaGeneric } from './ir';
import {
  game, player, obj, stackItem, effect, optAt, Item, NONE, MAX_EFFECTS, OF_KICKED, OF_WAS_CAST, IF_HASTE_MANA,
  OF_EXILE_IF_DIES, OF_PREVENT_COMBAT_DAMAGE, SI_SPELL, SI_TRIGGER, IF_KICKED, IF_FLASHBACK, IF_TARGETED,
  EF_PUMP, EF_GRANT, EF_EXILED_UNTIL, EF_ADD_TYPES, EF_ANIMATE, EF_GRANTED_TRIGGER, EF_DELAYED, EF_BECOME, OF_KEPT, OF_EXILED_THIS_WAY, OF_CHOSEN,
  EF_GAINS_FLASHBACK, EF_MAY_PLAY, EF_CONTROL, OF_SICK, OF_KNOWN0, OF_KNOWN_BOTH, STEP_CLEANUP,
  targetAt, shareAt, setTarget, targetZseqAt, targetSpecAt, copyItem, opponent, libAt,
} from './state';
import { amount, refObject, matches, condition, refresh, markDirty, powerOf, isCreature, kwOf, countersOf } from './chars';
import { legalTarget, targetAbility, putCopyOnStack } from './cast';
import { ask, addOpt, takeAnswer } from './decision';
import {
  moveTo, enterBattlefield, dealDamage, gainLife, loseLife, draw, mill, destroy, sacrifice,
  flushDying, createTokens, addCounters, tap, untap, attach, shuffle, removeFromLibrary,
  topOfLibrary, putOnBottom, newObject, clearCombatFlags, discardCard,
} from './zones';
import { canPay, pay, poolGet, poolSet, emptyPools } from './mana';
import { endCombat } from './combat';
import { emit, EV_RESOLVE, EV_COUNTERED, EV_MANA, EV_ZONE, EV_COUNTERS, EV_CONTROL } from './events';
import { endGame, engineLimit, auraCanEnchant } from './sba';
import { AB_PROWESS, AB_WARD, AB_SAC_AT_END, triggerSelf } from './triggers';
import { rngBelow } from './rng';

function top(): Item { return stackItem(game().stackCount - 1); }

export function popStack(): void { game().stackCount--; }

// Removes stack item k (countered), moving a spell's card to its graveyard (or exile).
function removeStackItem(k: i32): void {
  const g = game();
  const it = stackItem(k);
  if (it.kind == SI_SPELL && obj(it.obj).zone == S.ZONE_STACK) {
    moveTo(it.obj, (it.flags & IF_FLASHBACK) ? S.ZONE_EXILE : S.ZONE_GRAVEYARD);
  }
  for (let j = k; j < g.stackCount - 1; j++) copyItem(stackItem(j), stackItem(j + 1));
  g.stackCount--;
}

// Marks targets that became illegal (608.2b); returns false if it had targets and none is legal.
function recheckTargets(it: Item): bool {
  if (!(it.flags & IF_TARGETED)) return true;
  const a = targetAbility(it);
  if (a < 0) return true;
  const start = abil(a, S.AB_TSPEC_START);
  let legal = 0;
  for (let k = 0; k < it.ntargets; k++) {
    const code = targetAt(it, k);
    if (code < 0) continue;
    const same = code >= S.PLAYER_CODE || obj(code).zseq == targetZseqAt(it, k);
    if (same && legalTarget(start + targetSpecAt(it, k), code, it)) legal++;
    else setTarget(it, k, -2, 0, targetSpecAt(it, k));
  }
  return legal > 0;
}

export function startResolve(): void {
  const g = game();
  const it = top();
  emit(EV_RESOLVE, it.obj, it.ability, 0);
  if (it.ability == AB_WARD) { g.resolving = 2; return; }
  if (it.ability == AB_PROWESS) {
    if (obj(it.obj).zone == S.ZONE_BATTLEFIELD && obj(it.obj).zseq == it.zseq) addEffect(EF_PUMP, it.obj, 1, 1, 0);
    popStack();
    return;
  }
  if (it.ability == AB_SAC_AT_END) {
    popStack();
    if (obj(it.obj).zone == S.ZONE_BATTLEFIELD && obj(it.obj).zseq == it.zseq) { sacrifice(it.obj); flushDying(); }
    return;
  }
  if (it.kind == SI_TRIGGER && it.ability >= 0 && !(abil(it.ability, S.AB_CONDITION) & S.COND_EVENT)
    && !condition(abil(it.ability, S.AB_CONDITION), abil(it.ability, S.AB_CONDITION_PARAM), it.obj, it.controller)) {
    popStack(); // 603.4: the intervening "if" is false now
    return;
  }
  if (!recheckTargets(it)) {
    emit(EV_COUNTERED, it.obj, 1, 0);
    if (it.kind == SI_SPELL) removeStackItem(g.stackCount - 1); else popStack();
    return;
  }
  if (it.kind == SI_SPELL && (card(obj(it.obj).card, S.CARD_TYPES) & S.TYPE_PERMANENT_MASK)) {
    resolvePermanent(it);
    return;
  }
  const a = it.mode >= 0 ? it.mode : it.ability;
  if (a < 0) { finishResolve(); return; }
  g.resolving = 1;
  g.resPc = abil(a, S.AB_CODE);
  g.resLoop = 0;
  g.resStarted = 0;
  g.resIt = NONE;
  g.resLast = 0;
}

// 608.3: a permanent spell becomes a permanent; an Aura attaches to what it targeted.
function resolvePermanent(it: Item): void {
  const i = it.obj;
  const p = it.controller;
  const x = it.x;
  const kicked = (it.flags & IF_KICKED) != 0;
  const haste = (it.flags & IF_HASTE_MANA) != 0;
  const auraTarget = it.ntargets > 0 ? targetAt(it, 0) : NONE;
  popStack();
  moveTo(i, S.ZONE_BATTLEFIELD);
  obj(i).flags |= OF_WAS_CAST | (kicked ? OF_KICKED : 0);
  if (auraTarget >= 0 && auraTarget < S.PLAYER_CODE && (card(obj(i).card, S.CARD_SUBTYPES_LO) & S.SUB_AURA)) attach(i, auraTarget);
  enterBattlefield(i, p, false, x);
  // Carnelian Orb of Dragonkind's mana was spent on it: the permanent the spell became gains haste until end of turn
  if (haste && obj(i).zone == S.ZONE_BATTLEFIELD) addEffect(EF_GRANT, i, 0, 0, S.KW_HASTE);
}

function finishResolve(): void {
  const g = game();
  const it = top();
  const spell = it.kind == SI_SPELL ? it.obj : NONE;
  const flashback = (it.flags & IF_FLASHBACK) != 0;
  g.resolving = 0;
  popStack();
  flushDying();
  for (let i = 0; i < g.objCount; i++) obj(i).flags &= ~OF_EXILED_THIS_WAY;
  if (spell >= 0 && obj(spell).zone == S.ZONE_STACK) moveTo(spell, flashback ? S.ZONE_EXILE : S.ZONE_GRAVEYARD); // 608.2n
}

export function runResolution(): void {
  const g = game();
  if (g.resolving == 2) { resolveWard(); return; }
  const it = top();
  while (g.resolving == 1 && !g.over) {
    const pc = g.resPc;
    const op = irWord(pc);
    if (op == S.OP_END) { finishResolve(); return; }
    if (!exec(op, pc, it)) return; // waiting for a decision
    g.resPc += opLength(op); // OP_MAY / OP_IF / OP_IF_PAY may have added a skip (608.2c: only the chosen branch)
    g.resLoop = 0;
    g.resStarted = 0;
  }
}

// ---------- references ----------

function obj1(ref: i32, it: Item): i32 {
  return refObject(ref, it.obj, changetype<usize>(it));
}

// Players named by a ref, as a bitmask (bit p).
function playersOf(ref: i32, it: Item): i32 {
  const you = it.controller;
  if (ref == S.REF_YOU) return 1 << you;
  if (ref == S.REF_OPP) return 1 << opponent(you);
  if (ref == S.REF_EACH_PLAYER) return 3;
  if (ref == S.REF_EVENT_PLAYER) return it.eventPlayer >= 0 ? 1 << it.eventPlayer : 0;
  if (ref < S.REF_SELF) {
    if (ref >= it.ntargets) return 0;
    const code = targetAt(it, ref);
    return code >= S.PLAYER_CODE ? 1 << (code - S.PLAYER_CODE) : 0;
  }
  if (ref >= S.REF_TARGET_CONTROLLER && ref < S.REF_TARGET_CONTROLLER + 16) {
    const k = ref - S.REF_TARGET_CONTROLLER;
    if (k >= it.ntargets) return 0;
    const code = targetAt(it, k);
    if (code == -2 || code < 0) return 0;
    return code >= S.PLAYER_CODE ? 1 << (code - S.PLAYER_CODE) : 1 << obj(code).controller;
  }
  if (ref >= S.REF_TARGET_OWNER && ref < S.REF_TARGET_OWNER + 16) {
    const k = ref - S.REF_TARGET_OWNER;
    if (k >= it.ntargets) return 0;
    const code = targetAt(it, k);
    return code >= 0 && code < S.PLAYER_CODE ? 1 << obj(code).owner : 0;
  }
  return 0;
}

// Recipient code for damage: object id or PLAYER_CODE + p; -1 if gone.
function recipient(ref: i32, it: Item): i32 {
  if (ref < S.REF_SELF && ref < it.ntargets) {
    const code = targetAt(it, ref);
    if (code >= S.PLAYER_CODE) return code;
  }
  if (ref == S.REF_YOU || ref == S.REF_OPP) return S.PLAYER_CODE + (ref == S.REF_YOU ? it.controller : opponent(it.controller));
  const o = obj1(ref, it);
  return o >= 0 && obj(o).zone == S.ZONE_BATTLEFIELD ? o : -1;
}

function setIt(i: i32): void {
  const g = game();
  g.resIt = i;
  g.resItZseq = i >= 0 ? obj(i).zseq : 0;
}

// Adds a continuous effect on object i; returns its index, or NONE when the table is full (the
// game then ends, see engineLimit).
export function addEffect(kind: i32, i: i32, p: i32, t: i32, kw: i32): i32 {
  const g = game();
  if (g.effCount >= MAX_EFFECTS) { engineLimit(S.LIMIT_EFFECTS); return NONE; }
  const k = g.effCount++;
  const e = effect(k);
  e.kind = kind; e.obj = i; e.zseq = obj(i).zseq; e.power = p; e.toughness = t; e.kw = kw;
  e.duration = S.DUR_END_OF_TURN; e.ts = g.nextTs++; e.player = 0; e.source = NONE; e.sourceZseq = 0; e.sub = 0; e.subHi = 0;
  markDirty();
  return k;
}

// A type effect that lasts while o stays on the battlefield (EF_BECOME, EF_ADD_TYPES): subtypes of
// both words, plus base P/T and keywords for EF_BECOME.
function addTypeEffect(kind: i32, o: i32, sub: i32, subHi: i32, p: i32, t: i32, kw: i32): void {
  const k = addEffect(kind, o, p, t, kw);
  if (k == NONE) return;
  const e = effect(k);
  e.sub = sub; e.subHi = subHi;
  e.duration = S.DUR_PERMANENT;
}

// Battlefield objects matching filter f, fixed at this moment (611.2c), are visited by index.
function eachMatching(f: i32, it: Item, i: i32): bool {
  return obj(i).zone == S.ZONE_BATTLEFIELD && matches(f, i, it.obj, it.controller, NONE);
}

// Words taken by an instruction, operands included (the operand lists are in ir/spec.ts).
export function opLength(op: i32): i32 {
  switch (op) {
    case S.OP_DESTROY: case S.OP_DESTROY_ALL: case S.OP_EXILE: case S.OP_BOUNCE: case S.OP_TAP: case S.OP_UNTAP: case S.OP_BOUNCE_ALL: case S.OP_EXILE_ALL:
    case S.OP_OWNER_TOP_OR_BOTTOM: case S.OP_GRANT_FLASHBACK: case S.OP_PILES:
    case S.OP_COUNTER_SPELL: case S.OP_SCRY: case S.OP_SURVEIL: case S.OP_MAY: case S.OP_ATTACH:
    case S.OP_EXILE_INSTEAD_OF_DYING: case S.OP_EXILE_GRAVEYARD: case S.OP_EXILE_UNTIL_LEAVES: case S.OP_SCRATCH_IT:
    case S.OP_KEEP_ONE_OF_EACH_TYPE: case S.OP_PREVENT_COMBAT_DAMAGE:
      return 2;
    case S.OP_DAMAGE: case S.OP_GAIN_LIFE: case S.OP_LOSE_LIFE: case S.OP_DRAW: case S.OP_DISCARD: case S.OP_GRANT:
    case S.OP_GRANT_ALL: case S.OP_MILL: case S.OP_FIGHT: case S.OP_BITE: case S.OP_ADD_MANA: case S.OP_GAIN_CONTROL:
    case S.OP_DOUBLE_COUNTERS: case S.OP_LOOT: case S.OP_RETURN_ALL: case S.OP_EMBLEM: case S.OP_REVEAL_UNTIL:
    case S.OP_GRANT_TRIGGER: case S.OP_CHOOSE_DISCARD: case S.OP_CREATE_DELAYED: case S.OP_LOOK_TOP_KEEP:
    case S.OP_COPY_SPELL: case S.OP_REMOVE_COUNTER: case S.OP_CHOOSE_RETURN: case S.OP_EXILE_TOP: case S.OP_MAY_PLAY:
    case S.OP_REVEAL_UNTIL_MILL: case S.OP_EXILE_WITH_COUNTER:
      return 3;
    case S.OP_GRANT_TRIGGER_DUR:
      return 4;
    case S.OP_BECOME:
      return 7;
    case S.OP_DAMAGE_EACH: case S.OP_PUMP: case S.OP_PUMP_ALL: case S.OP_COUNTERS: case S.OP_COUNTERS_ALL: case S.OP_RETURN:
    case S.OP_DISTRIBUTE_COUNTERS:
    case S.OP_IF: case S.OP_SACRIFICE: case S.OP_IF_PAY: case S.OP_LOOK_TOP_TAKE: case S.OP_REVEAL_PUT:
    case S.OP_ADD_MANA_RESTRICTED: case S.OP_ADD_SUBTYPES:
      return 4;
    case S.OP_UNLESS_DISCARD: case S.OP_IF_YOU_DO: case S.OP_RETURN_COUNTERS:
    case S.OP_TOKEN: case S.OP_SEARCH: case S.OP_RETURN_TRANSFORMED: case S.OP_ANIMATE: case S.OP_COPY_TOKEN:
      return 5;
  }
  return 1;
}

// Executes one instruction. Returns false to wait for a decision (it runs again with the answer).
function exec(op: i32, pc: i32, it: Item): bool {
  const g = game();
  const you = it.controller;
  const s = it.obj; // the source: the spell card, or the ability's object
  const a1 = irWord(pc + 1), a2 = irWord(pc + 2), a3 = irWord(pc + 3), a4 = irWord(pc + 4);
  const item = changetype<usize>(it);
  switch (op) {
    case S.OP_DAMAGE: {
      const to = recipient(a2, it);
      // 601.2d: a divided amount deals each target the share announced for it
      const n = (a1 & S.AMT_TAG_MASK) == S.AMT_DIVIDED ? (a2 < S.REF_SELF ? shareAt(it, a2) : 0) : amount(a1, s, you, item);
      g.resLast = 0;
      if (to >= 0) {
        const lethal = to < S.PLAYER_CODE ? lethalDamage(to, s) : 0x7fffffff;
        const dealt = dealDamage(s, to, n, false);
        if (dealt > lethal) g.resLast = dealt - lethal; // 120.4a: excess damage
      }
      return true;
    }
    case S.OP_DAMAGE_EACH: {
      const n = amount(a1, s, you, item);
      refresh();
      if (a2 >= 0) for (let i = 0; i < g.objCount; i++) if (eachMatching(a2, it, i)) dealDamage(s, i, n, false);
      if (a3 & S.PF_YOU) dealDamage(s, S.PLAYER_CODE + you, n, false);
      if (a3 & S.PF_OPP) dealDamage(s, S.PLAYER_CODE + opponent(you), n, false);
      return true;
    }
    case S.OP_GAIN_LIFE: {
      const ps = playersOf(a2, it);
      const n = amount(a1, s, you, item);
      for (let p = 0; p < 2; p++) if (ps & (1 << p)) gainLife(p, n);
      return true;
    }
    case S.OP_LOSE_LIFE: {
      const ps = playersOf(a2, it);
      const n = amount(a1, s, you, item);
      let lost = 0;
      for (let p = 0; p < 2; p++) if (ps & (1 << p)) { loseLife(p, n); lost += n; }
      g.resLast = lost;
      return true;
    }
    case S.OP_DRAW: {
      const ps = playersOf(a2, it);
      const n = amount(a1, s, you, item);
      for (let p = 0; p < 2; p++) if (ps & (1 << p)) draw(p, n);
      return true;
    }
    case S.OP_DISCARD:
      if (g.resLoop == 0 && !g.hasAnswer) g.resLast = 0; // counts the cards discarded, for "if you do"
      return eachPlayerChooses(S.DK_DISCARD, playersOf(a2, it), amount(a1, s, you, item), NONE, it);
    case S.OP_DESTROY: {
      const o = obj1(a1, it);
      if (o >= 0) { destroy(o); flushDying(); }
      return true;
    }
    case S.OP_DESTROY_ALL: {
      refresh();
      for (let i = 0; i < g.objCount; i++) if (eachMatching(a1, it, i)) destroy(i);
      flushDying();
      return true;
    }
    case S.OP_EXILE: {
      const o = obj1(a1, it);
      if (o >= 0) {
        if (obj(o).zone == S.ZONE_LIBRARY) removeFromLibrary(o);
        moveTo(o, S.ZONE_EXILE);
        obj(o).flags |= OF_EXILED_THIS_WAY; // "if a creature card was exiled this way" (cleared when done)
        setIt(o); // "it": "if it was a creature card", "return it ... at the beginning of the next end step"
      }
      return true;
    }
    case S.OP_EXILE_WITH_COUNTER: { // "exile it from their graveyard with a stash counter on it" (Tinybones)
      const o = obj1(a1, it);
      if (o >= 0 && obj(o).zone == S.ZONE_GRAVEYARD) {
        moveTo(o, S.ZONE_EXILE);
        addCounters(o, a2, 1);
        setIt(o);
      }
      return true;
    }
    case S.OP_BOUNCE: {
      const o = obj1(a1, it);
      if (o >= 0) moveTo(o, S.ZONE_HAND);
      return true;
    }
    case S.OP_OWNER_TOP_OR_BOTTOM: {
      const o = obj1(a1, it);
      if (o < 0) return true;
      if (!g.hasAnswer) { ask(S.DK_TOP_OR_BOTTOM, obj(o).owner, o); addOpt(0); addOpt(1); return false; }
      if (takeAnswer() == 0) moveTo(o, S.ZONE_LIBRARY); else putOnBottom(o);
      return true;
    }
    case S.OP_CHOOSE_RETURN: {
      if (g.hasAnswer) { returnCard(takeAnswer(), a2, 0, you, 0, 0); return true; }
      ask(S.DK_CHOOSE, you, 0);
      for (let i = 0; i < g.objCount; i++) if (obj(i).zone == S.ZONE_GRAVEYARD && matches(a1, i, s, you, NONE)) addOpt(i);
      if (g.dcount > 0) return false;
      g.dkind = 0; // nothing to return
      return true;
    }
    case S.OP_REFLEXIVE: { triggerSelf(S.TRIG_REFLEXIVE, s, 0); return true; }
    case S.OP_GRANT_FLASHBACK: {
      const o = obj1(a1, it);
      if (o >= 0 && obj(o).zone == S.ZONE_GRAVEYARD) addEffect(EF_GAINS_FLASHBACK, o, 0, 0, 0);
      return true;
    }
    case S.OP_PILES: return pilesOp(amount(a1, s, you, item), you);
    case S.OP_BOUNCE_ALL: {
      refresh();
      for (let i = 0; i < g.objCount; i++) if (eachMatching(a1, it, i)) moveTo(i, S.ZONE_HAND);
      return true;
    }
    case S.OP_EXILE_ALL: {
      refresh();
      for (let i = 0; i < g.objCount; i++) {
        if (!eachMatching(a1, it, i)) continue;
        moveTo(i, S.ZONE_EXILE);
        obj(i).flags |= OF_EXILED_THIS_WAY;
      }
      return true;
    }
    case S.OP_TAP: {
      const o = obj1(a1, it);
      if (o >= 0) tap(o);
      return true;
    }
    case S.OP_UNTAP: {
      const o = obj1(a1, it);
      if (o >= 0) untap(o);
      return true;
    }
    case S.OP_PUMP: {
      const o = obj1(a1, it);
      if (o >= 0 && obj(o).zone == S.ZONE_BATTLEFIELD) addEffect(EF_PUMP, o, amount(a2, s, you, item), amount(a3, s, you, item), 0);
      return true;
    }
    case S.OP_PUMP_ALL: {
      const dp = amount(a2, s, you, item), dt = amount(a3, s, you, item);
      refresh();
      const n = g.objCount;
      for (let i = 0; i < n; i++) if (eachMatching(a1, it, i)) addEffect(EF_PUMP, i, dp, dt, 0);
      return true;
    }
    case S.OP_GRANT: {
      const o = obj1(a1, it);
      if (o >= 0 && obj(o).zone == S.ZONE_BATTLEFIELD) addEffect(EF_GRANT, o, 0, 0, a2);
      return true;
    }
    case S.OP_GRANT_ALL: {
      refresh();
      const n = g.objCount;
      for (let i = 0; i < n; i++) if (eachMatching(a1, it, i)) addEffect(EF_GRANT, i, 0, 0, a2);
      return true;
    }
    case S.OP_COUNTERS: {
      const o = obj1(a1, it);
      if (o >= 0 && obj(o).zone == S.ZONE_BATTLEFIELD) addCounters(o, a2, amount(a3, s, you, item));
      return true;
    }
    case S.OP_DISTRIBUTE_COUNTERS: {
      // 601.2d: the division was fixed when the targets were chosen: each of the n chosen targets
      // gets total / n, and the remainder goes one each to the earliest chosen (with three
      // counters the order of two targets is the choice of which gets two)
      const o = obj1(a1, it);
      if (o < 0 || obj(o).zone != S.ZONE_BATTLEFIELD) return true; // 608.2b: an illegal target's share is lost
      const spec = targetSpecAt(it, a1);
      let n = 0, before = 0;
      for (let k = 0; k < it.ntargets; k++) {
        if (targetSpecAt(it, k) != spec || targetAt(it, k) == -1) continue;
        if (k < a1) before++;
        n++;
      }
      const total = amount(a3, s, you, item);
      addCounters(o, a2, total / n + (before < total % n ? 1 : 0));
      return true;
    }
    case S.OP_COUNTERS_ALL: {
      refresh();
      const n = amount(a3, s, you, item);
      for (let i = 0; i < g.objCount; i++) if (eachMatching(a1, it, i)) addCounters(i, a2, n);
      return true;
    }
    case S.OP_TOKEN: {
      const ps = playersOf(a3, it);
      const n = amount(a2, s, you, item);
      for (let p = 0; p < 2; p++) if (ps & (1 << p)) setIt(createTokens(a1, n, p, a4));
      return true;
    }
    case S.OP_END_TURN: { endTheTurn(); return true; }
    case S.OP_COPY_TOKEN: {
      // 707.2: the copiable values are the original's card and its exceptions (707.9b); if "this
      // creature" has left the battlefield, its last known information is used (608.2h)
      if (!g.resStarted) {
        let o = obj1(a1, it);
        if (o < 0 && a1 == S.REF_SELF && s >= 0) o = s;
        if (o < 0) return true;
        const ps = playersOf(a3, it);
        const n = amount(a2, s, you, item);
        for (let p = 0; p < 2; p++) if (ps & (1 << p)) setIt(createTokens(obj(o).card, n, p, a4 | obj(o).except));
        g.resStarted = 1;
      }
      return attachEnteringAura();
    }
    case S.OP_COUNTER_SPELL: {
      const o = obj1(a1, it);
      if (o >= 0 && obj(o).zone == S.ZONE_STACK && !(card(obj(o).card, S.CARD_FLAGS) & S.CF_CANT_BE_COUNTERED)) {
        for (let k = g.stackCount - 2; k >= 0; k--) {
          if (stackItem(k).kind == SI_SPELL && stackItem(k).obj == o) { emit(EV_COUNTERED, o, 0, 0); removeStackItem(k); break; }
        }
      }
      return true;
    }
    case S.OP_SEARCH: return searchOp(a1, a2, a3, a4, it);
    case S.OP_SCRY: return scryOp(amount(a1, s, you, item), you, false);
    case S.OP_SURVEIL: return scryOp(amount(a1, s, you, item), you, true);
    case S.OP_MILL: {
      const ps = playersOf(a2, it);
      const n = amount(a1, s, you, item);
      for (let p = 0; p < 2; p++) if (ps & (1 << p)) mill(p, n);
      return true;
    }
    case S.OP_RETURN: {
      const o = obj1(a1, it);
      if (o >= 0) returnCard(o, a2, a3, you, 0, 0);
      return true;
    }
    case S.OP_FIGHT: case S.OP_BITE: {
      const x = obj1(a1, it), y = obj1(a2, it);
      // 701.14b: if either is no longer a creature on the battlefield, no damage is dealt by it
      if (x >= 0 && y >= 0 && obj(x).zone == S.ZONE_BATTLEFIELD && obj(y).zone == S.ZONE_BATTLEFIELD && isCreature(x) && isCreature(y)) {
        const px = powerOf(x), py = powerOf(y);
        dealDamage(x, y, px, false);
        if (op == S.OP_FIGHT) dealDamage(y, x, py, false);
      } else if (op == S.OP_BITE && x >= 0 && y >= 0 && obj(y).zone == S.ZONE_BATTLEFIELD && obj(x).zone == S.ZONE_BATTLEFIELD) {
        dealDamage(x, y, powerOf(x), false);
      }
      return true;
    }
    case S.OP_MAY: {
      if (!g.hasAnswer) { ask(S.DK_MAY, you, pc); addOpt(0); addOpt(1); return false; }
      if (takeAnswer() == 0) g.resPc += a1;
      return true;
    }
    case S.OP_IF: {
      if (!condition(a1, a2, s, you, obj1(S.REF_TARGET, it), item)) g.resPc += a3;
      return true;
    }
    case S.OP_IF_PAY: {
      const gen = manaGeneric(a1);
      if (!g.hasAnswer) {
        if (canPay(you, gen, a2, NONE)) { ask(S.DK_MAY, you, pc); addOpt(0); addOpt(1); return false; }
        g.resPc += a3;
        return true;
      }
      if (takeAnswer() == 1 && pay(you, gen, a2)) return true;
      g.resPc += a3;
      return true;
    }
    case S.OP_ADD_MANA: {
      const n = amount(a2, s, you, item);
      const color = (a1 & S.MANA_OF_CHOSEN_COLOR) ? obj(s).chosen : <i32>ctz<i32>(a1 | 0x40);
      if (color < 0) return true; // it entered without its color being chosen: no mana
      poolSet(you, color, poolGet(you, color) + n);
      emit(EV_MANA, you, color, n);
      return true;
    }
    case S.OP_ATTACH: {
      const o = obj1(a1, it);
      if (o >= 0 && s >= 0 && obj(s).zone == S.ZONE_BATTLEFIELD && obj(s).zseq == it.zseq) attach(s, o);
      return true;
    }
    case S.OP_SACRIFICE: return eachPlayerChooses(S.DK_SACRIFICE, playersOf(a3, it), amount(a2, s, you, item), a1, it);
    case S.OP_EXILE_INSTEAD_OF_DYING: {
      const o = obj1(a1, it);
      if (o >= 0) obj(o).flags |= OF_EXILE_IF_DIES;
      return true;
    }
    case S.OP_DOUBLE_COUNTERS: {
      const o = obj1(a1, it);
      if (o >= 0 && obj(o).zone == S.ZONE_BATTLEFIELD) {
        const x = obj(o);
        // 701.10f: doubling puts that many more; "each kind" doubles every kind it has (Zimone)
        const each = a2 == S.CTR_EACH_KIND;
        const p1 = x.p1p1, m1 = x.m1m1, loy = x.loyalty, stun = x.stun, other = x.other;
        if (each || a2 == S.CTR_P1P1) addCounters(o, S.CTR_P1P1, p1);
        if (each || a2 == S.CTR_M1M1) addCounters(o, S.CTR_M1M1, m1);
        if (each || a2 == S.CTR_LOYALTY) addCounters(o, S.CTR_LOYALTY, loy);
        if (each || a2 == S.CTR_STUN) addCounters(o, S.CTR_STUN, stun);
        if (each || (a2 & 0xff) == S.CTR_OTHER) addCounters(o, S.CTR_OTHER, other);
      }
      return true;
    }
    case S.OP_EXILE_GRAVEYARD: {
      const ps = playersOf(a1, it);
      for (let i = 0; i < g.objCount; i++) {
        const o = obj(i);
        if (o.zone == S.ZONE_GRAVEYARD && (ps & (1 << o.owner))) moveTo(i, S.ZONE_EXILE);
      }
      return true;
    }
    case S.OP_LOOT: {
      if (!g.resStarted) { draw(you, a1); g.resStarted = 1; }
      return eachPlayerChooses(S.DK_DISCARD, 1 << you, a2, NONE, it);
    }
    case S.OP_RETURN_ALL: {
      for (let i = 0; i < g.objCount; i++) {
        const o = obj(i);
        if (o.zone == S.ZONE_GRAVEYARD && matches(a1, i, s, you, NONE)) returnCard(i, a2 & 0xff, a2 >> 8, you, 0, 0);
      }
      return true;
    }
    case S.OP_EXILE_UNTIL_LEAVES: {
      const o = obj1(a1, it);
      if (o >= 0 && s >= 0 && obj(s).zone == S.ZONE_BATTLEFIELD && obj(s).zseq == it.zseq) {
        moveTo(o, S.ZONE_EXILE);
        const k = addEffect(EF_EXILED_UNTIL, o, 0, 0, 0);
        if (k == NONE) return true;
        const e = effect(k);
        e.duration = S.DUR_WHILE_SOURCE; e.source = s; e.sourceZseq = obj(s).zseq;
      } // 610.3c: if the source already left the battlefield, nothing is exiled
      return true;
    }
    case S.OP_LOOK_TOP_TAKE: return lookTopOp(amount(a1, s, you, item), a2, a3, S.ZONE_LIBRARY, it);
    case S.OP_LOOK_TOP_KEEP: return lookTopOp(amount(a1, s, you, item), a2, S.ZONE_LIBRARY, S.ZONE_GRAVEYARD, it);
    case S.OP_REVEAL_UNTIL: {
      // 701.20: reveal until a matching card; with none, the whole library is revealed
      const pl = player(you);
      let k = 0;
      while (k < pl.libCount && !matches(a1, topOfLibrary(you, k), s, you, NONE)) k++;
      takeTopRest(you, k < pl.libCount ? k + 1 : k, k < pl.libCount ? topOfLibrary(you, k) : NONE, a2, S.ZONE_LIBRARY);
      return true;
    }
    case S.OP_REVEAL_UNTIL_MILL: {
      // 701.20: each player reveals until a matching card; the revealed cards, that one
      // included, go into the graveyard (with none, the whole library is revealed and goes)
      const ps = playersOf(a1, it);
      for (let p = 0; p < 2; p++) {
        if (!(ps & (1 << p))) continue;
        const pl = player(p);
        let k = 0;
        while (k < pl.libCount && !matches(a2, topOfLibrary(p, k), s, you, NONE)) k++;
        mill(p, k < pl.libCount ? k + 1 : k);
      }
      return true;
    }
    case S.OP_REVEAL_PUT: return revealPutOp(amount(a1, s, you, item), a2, amount(a3, s, you, item), it);
    case S.OP_EMBLEM: {
      // 114.1: an emblem is created in the command zone; it has no characteristics but its abilities
      const ps = playersOf(a2, it);
      for (let p = 0; p < 2; p++) {
        if (!(ps & (1 << p))) continue;
        const e = newObject(a1, p, S.ZONE_COMMAND);
        if (e < 0) return true;
        emit(EV_ZONE, e, S.ZONE_NONE | (S.ZONE_COMMAND << 8), a1);
      }
      markDirty();
      return true;
    }
    case S.OP_ANIMATE: {
      // 611.2a: no duration is stated, so it lasts as long as the permanent stays on the
      // battlefield; activating it again only gives the effect a new timestamp
      const o = obj1(a1, it);
      if (o < 0 || obj(o).zone != S.ZONE_BATTLEFIELD) return true;
      let e = NONE;
      for (let k = 0; k < g.effCount; k++) if (effect(k).kind == EF_ANIMATE && effect(k).obj == o && effect(k).zseq == obj(o).zseq) e = k;
      if (e < 0) {
        e = addEffect(EF_ANIMATE, o, 0, 0, 0);
        if (e == NONE) return true;
      }
      const ef = effect(e);
      ef.power = amount(a2, s, you, item); ef.toughness = amount(a3, s, you, item); ef.kw = a4;
      ef.duration = S.DUR_PERMANENT; ef.ts = g.nextTs++;
      markDirty();
      return true;
    }
    case S.OP_COPY_SPELL: {
      // one copy per run: its targets are chosen before the next (707.10c); resLoop counts them
      const o = obj1(a1, it);
      if (o < 0 || obj(o).zone != S.ZONE_STACK || g.resLoop >= amount(a2, s, you, item)) return true;
      for (let k = g.stackCount - 2; k >= 0; k--) {
        if (stackItem(k).kind == SI_SPELL && stackItem(k).obj == o) {
          g.resLoop++;
          putCopyOnStack(k, g.stackCount - 1, you);
          return false;
        }
      }
      return true;
    }
    case S.OP_REMOVE_COUNTER: {
      const here = s >= 0 && obj(s).zone == S.ZONE_BATTLEFIELD && obj(s).zseq == it.zseq;
      if (here && obj(s).other > 0) {
        obj(s).other--;
        emit(EV_COUNTERS, s, S.CTR_OTHER, -1);
        markDirty();
      } else {
        g.resPc += a2; // "if you do": nothing was removed
      }
      return true;
    }
    case S.OP_SCRATCH_IT: {
      setIt(obj1(a1, it));
      return true;
    }
    case S.OP_GAIN_CONTROL: {
      const o = obj1(a1, it);
      if (o >= 0 && obj(o).zone == S.ZONE_BATTLEFIELD && obj(o).controller != you) gainControl(o, you, a2);
      return true;
    }
    case S.OP_EXILE_TOP: {
      const ps = playersOf(a2, it);
      const n = amount(a1, s, you, item);
      for (let p = 0; p < 2; p++) {
        if (!(ps & (1 << p))) continue;
        for (let k = 0; k < n; k++) {
          const c = topOfLibrary(p, 0);
          if (c < 0) break;
          removeFromLibrary(c);
          moveTo(c, S.ZONE_EXILE);
          obj(c).flags |= OF_EXILED_THIS_WAY; // REF_EXILED, OP_CHOOSE_EXILED (cleared when done)
          setIt(c);
        }
      }
      return true;
    }
    case S.OP_CHOOSE_EXILED: return chooseExiledOp(you);
    case S.OP_MAY_PLAY: {
      if (a1 == S.REF_EXILED) {
        for (let i = 0; i < g.objCount; i++) if (obj(i).zone == S.ZONE_EXILE && (obj(i).flags & OF_EXILED_THIS_WAY)) grantPlay(i, you, a2);
      } else {
        const o = obj1(a1, it);
        if (o >= 0) grantPlay(o, you, a2);
      }
      if (a2 & S.PLAY_NOW) g.castNow = 1 + you; // the casting window opens once this finishes resolving
      return true;
    }
    case S.OP_UNLESS_DISCARD: case S.OP_IF_YOU_DO: {
      const paid = optionalCost(firstPlayer(playersOf(a1, it)), a2, a3, pc, it);
      if (paid < 0) return false;
      if ((paid == 1) == (op == S.OP_UNLESS_DISCARD)) g.resPc += a4;
      return true;
    }
    case S.OP_GRANT_TRIGGER: case S.OP_GRANT_TRIGGER_DUR: {
      const o = obj1(a1, it);
      if (o >= 0 && obj(o).zone == S.ZONE_BATTLEFIELD) {
        const k = addEffect(EF_GRANTED_TRIGGER, o, 0, 0, a2); obj(o).granted = 1;
        if (op == S.OP_GRANT_TRIGGER_DUR && k != NONE) effect(k).duration = a3;
      }
      return true;
    }
    case S.OP_BECOME: {
      const o = obj1(a1, it);
      if (o < 0 || obj(o).zone != S.ZONE_BATTLEFIELD) return true;
      addTypeEffect(EF_BECOME, o, a2, a3, irWord(pc + 4), irWord(pc + 5), irWord(pc + 6));
      return true;
    }
    case S.OP_CREATE_DELAYED: {
      const o = obj1(a2, it);
      if (o >= 0) { // 603.7: it remembers that object; a new object (400.7) is not "it"
        const k = addEffect(EF_DELAYED, o, 0, 0, a1);
        if (k == NONE) return true;
        const e = effect(k);
        e.duration = S.DUR_PERMANENT; e.player = you; e.source = s; e.sourceZseq = it.zseq;
      }
      return true;
    }
    case S.OP_RETURN_COUNTERS: {
      const o = obj1(a1, it);
      if (o >= 0) returnCard(o, S.ZONE_BATTLEFIELD, a2, you, a3, amount(a4, s, you, item));
      return true;
    }
    case S.OP_CHOOSE_DISCARD: {
      if (g.hasAnswer) { discardCard(takeAnswer()); return true; }
      const ps = playersOf(a1, it);
      ask(S.DK_CHOOSE, you, pc);
      for (let i = 0; i < g.objCount; i++) {
        const o = obj(i);
        if (o.zone != S.ZONE_HAND || !(ps & (1 << o.owner))) continue;
        o.flags |= OF_KNOWN_BOTH; // the hand is revealed (701.16)
        if (matches(a2, i, s, you, NONE)) addOpt(i);
      }
      if (g.dcount > 0) return false;
      g.dkind = 0; // nothing to choose (701.8: the hand is revealed all the same)
      return true;
    }
    case S.OP_KEEP_ONE_OF_EACH_TYPE: return keepOneOfEachType(playersOf(a1, it), pc, it);
    case S.OP_PREVENT_COMBAT_DAMAGE: {
      const o = obj1(a1, it);
      if (o >= 0 && obj(o).zone == S.ZONE_BATTLEFIELD) obj(o).flags |= OF_PREVENT_COMBAT_DAMAGE;
      return true;
    }
    case S.OP_ADD_SUBTYPES: {
      const o = obj1(a1, it);
      if (o < 0 || obj(o).zone != S.ZONE_BATTLEFIELD) return true;
      addTypeEffect(EF_ADD_TYPES, o, a2, a3, 0, 0, 0);
      return true;
    }
    case S.OP_RETURN_TRANSFORMED: {
      const o = obj1(a1, it);
      if (o < 0 || obj(o).zone != S.ZONE_GRAVEYARD) return true;
      moveTo(o, S.ZONE_BATTLEFIELD);
      // the additions apply as it enters (614.12), so "whenever an Angel enters" sees an Angel
      addTypeEffect(EF_ADD_TYPES, o, a4, 0, 0, 0, a3); // a4: SUB_* LO word
      if (g.over) return true;
      enterBattlefield(o, obj(o).owner, false, 0, amount(a2, s, you, item));
      setIt(o);
      return true;
    }
    default:
      // An opcode this engine build does not know: the IR version check makes this unreachable.
      endGame(-1, S.END_ENGINE_LIMIT);
      return true;
  }
}

// 303.4f: an Aura put onto the battlefield without being cast (a token copy) is attached as it
// enters to something it can enchant, chosen by its controller; with nothing, it is put into the
// graveyard by 704.5m. The choice is made before anything else happens, so it counts as entering attached.
function attachEnteringAura(): bool {
  const g = game();
  const a = refObject(S.REF_IT, NONE, 0);
  if (a < 0 || obj(a).zone != S.ZONE_BATTLEFIELD || !(card(obj(a).card, S.CARD_SUBTYPES_LO) & S.SUB_AURA)) return true;
  if (g.hasAnswer) { attach(a, takeAnswer()); return true; }
  refresh();
  ask(S.DK_ATTACH, obj(a).controller, a);
  for (let i = 0; i < g.objCount; i++) if (i != a && obj(i).zone == S.ZONE_BATTLEFIELD && auraCanEnchant(a, i)) addOpt(i);
  if (g.dcount > 0) return false;
  g.dkind = 0;
  return true;
}

// 723.1: ending the turn. Pending triggers cease to exist, every spell and ability on the stack
// (this one included) is exiled, creatures leave combat, and the game skips to the cleanup step.
function endTheTurn(): void {
  const g = game();
  g.resolving = 0;
  g.pendCount = 0;
  for (let i = 0; i < g.objCount; i++) obj(i).flags &= ~OF_EXILED_THIS_WAY;
  for (let k = g.stackCount - 1; k >= 0; k--) {
    const it = stackItem(k);
    if (it.kind == SI_SPELL && obj(it.obj).zone == S.ZONE_STACK) moveTo(it.obj, S.ZONE_EXILE);
  }
  g.stackCount = 0;
  endCombat();
  emptyPools();
  g.step = STEP_CLEANUP;
  g.stepStage = 0;
  g.passes = 0;
  g.priority = g.active;
}

// The controller chooses one of the cards exiled this way (OP_EXILE_TOP; still in exile); it
// becomes IT. No card: IT is nothing, so what follows does nothing.
function chooseExiledOp(you: i32): bool {
  const g = game();
  if (g.hasAnswer) { setIt(takeAnswer()); return true; }
  ask(S.DK_CHOOSE, you, 0);
  for (let i = 0; i < g.objCount; i++) if (obj(i).zone == S.ZONE_EXILE && (obj(i).flags & OF_EXILED_THIS_WAY)) addOpt(i);
  if (g.dcount > 1) return false;
  g.dkind = 0;
  setIt(g.dcount == 1 ? optAt(0) : NONE);
  return true;
}

// Player p gains control of permanent o for `duration` (EF_CONTROL; the cleanup step gives it
// back to the player who had it). It has not been under p's control since p's turn began
// (302.6), and it leaves combat (506.4).
function gainControl(o: i32, p: i32, duration: i32): void {
  const k = addEffect(EF_CONTROL, o, 0, 0, 0);
  if (k == NONE) return;
  const e = effect(k);
  e.duration = duration; e.player = obj(o).controller;
  clearCombatFlags(o);
  obj(o).controller = p;
  obj(o).flags |= OF_SICK;
  emit(EV_CONTROL, o, p, 0);
  markDirty();
}

// Player p may play card object o while it stays in its zone (EF_MAY_PLAY): until the end of
// this turn, or of p's next turn with PLAY_NEXT_TURN (two players: the turn after next when it
// is p's turn now).
function grantPlay(o: i32, p: i32, flags: i32): void {
  const g = game();
  const k = addEffect(EF_MAY_PLAY, o, 0, 0, 0);
  if (k == NONE) return;
  const e = effect(k);
  e.duration = S.DUR_PERMANENT; e.player = p; e.playFlags = flags;
  e.playUntil = (flags & S.PLAY_NEXT_TURN) ? g.turn + (g.active == p ? 2 : 1) : g.turn;
}

// Lethal damage for a creature (120.6, 702.2c with a deathtouch source), or the loyalty of a
// planeswalker: damage beyond it is excess damage (120.4a).
function lethalDamage(i: i32, src: i32): i32 {
  refresh();
  const o = obj(i);
  if (!(o.types & S.TYPE_CREATURE)) return (o.types & S.TYPE_PLANESWALKER) ? o.loyalty : 0x7fffffff;
  const need = o.toughness - o.damage;
  if (need <= 0) return 0;
  const srcKw = obj(src).zone == S.ZONE_BATTLEFIELD ? kwOf(src) : obj(src).kw;
  return (srcKw & S.KW_DEATHTOUCH) ? 1 : need;
}

// Moves a card to `dest`; onto the battlefield, with n counters of `kind` already on it (614.1c).
function returnCard(o: i32, dest: i32, flags: i32, you: i32, kind: i32, n: i32): void {
  if (obj(o).zone == S.ZONE_LIBRARY) removeFromLibrary(o);
  moveTo(o, dest);
  if (dest == S.ZONE_BATTLEFIELD) {
    obj(o).controller = (flags & S.RET_UNDER_YOUR_CONTROL) ? you : obj(o).owner;
    addCounters(o, kind, n);
    enterBattlefield(o, obj(o).controller, (flags & S.RET_TAPPED) != 0, 0);
  }
  setIt(o);
}

function firstPlayer(ps: i32): i32 { return ps & 1 ? 0 : ps & 2 ? 1 : NONE; }

// Player p may pay a cost while the effect resolves: discard a card, sacrifice a permanent
// matching filter `param`, or pay `param` life (119.4: only with that much life). Returns 1 if
// they paid, 0 if not, -1 while waiting for the choice (DK_PAY_COST; DK_MAY for life).
function optionalCost(p: i32, flags: i32, param: i32, pc: i32, it: Item): i32 {
  const g = game();
  if (p < 0) return 0;
  if (g.hasAnswer) {
    const c = takeAnswer();
    if (flags & S.COST_PAY_LIFE) {
      if (c != 1) return 0;
      loseLife(p, param);
      return 1;
    }
    if (c < 0) return 0;
    if (obj(c).zone == S.ZONE_HAND) discardCard(c);
    else { sacrifice(c); flushDying(); }
    return 1;
  }
  if (flags & S.COST_PAY_LIFE) {
    if (player(p).life < param) return 0;
    ask(S.DK_MAY, p, pc); addOpt(0); addOpt(1);
    return -1;
  }
  ask(S.DK_PAY_COST, p, pc);
  addOpt(-1);
  for (let i = 0; i < g.objCount; i++) {
    const o = obj(i);
    if ((flags & S.COST_DISCARD) && o.zone == S.ZONE_HAND && o.owner == p) addOpt(i);
    else if ((flags & S.COST_SAC_FILTER) && o.controller == p && eachMatching(param, it, i)) addOpt(i);
  }
  if (g.dcount > 1) return -1;
  g.dkind = 0; // nothing to pay with
  return 0;
}

// Liliana's -9 (701.17): each player chooses one permanent they control of each permanent type
// (the same one may be chosen for several types), then sacrifices the rest at once.
// resLoop walks the players in APNAP order, six types each.
const PERMANENT_TYPES: StaticArray<i32> = [S.TYPE_ARTIFACT, S.TYPE_BATTLE, S.TYPE_CREATURE, S.TYPE_ENCHANTMENT, S.TYPE_LAND, S.TYPE_PLANESWALKER];
function keepOneOfEachType(ps: i32, pc: i32, it: Item): bool {
  const g = game();
  if (g.hasAnswer) { obj(takeAnswer()).flags |= OF_KEPT; g.resLoop++; }
  refresh();
  while (g.resLoop < 12) {
    const p = g.resLoop < 6 ? g.active : opponent(g.active);
    if (ps & (1 << p)) {
      const type = PERMANENT_TYPES[g.resLoop % 6];
      ask(S.DK_CHOOSE, p, pc);
      for (let i = 0; i < g.objCount; i++) {
        const o = obj(i);
        if (o.zone == S.ZONE_BATTLEFIELD && o.controller == p && (o.types & type)) addOpt(i);
      }
      if (g.dcount > 0) return false;
      g.dkind = 0;
    }
    g.resLoop++;
  }
  for (let i = 0; i < g.objCount; i++) {
    const o = obj(i);
    if (o.zone == S.ZONE_BATTLEFIELD && (ps & (1 << o.controller)) && !(o.flags & OF_KEPT)) sacrifice(i);
    o.flags &= ~OF_KEPT;
  }
  flushDying();
  return true;
}

// Players in APNAP order each choose n objects: cards from their hand to discard (701.8), or
// permanents matching f they control to sacrifice (701.17). resLoop counts choices made.
function eachPlayerChooses(kind: i32, ps: i32, n: i32, f: i32, it: Item): bool {
  const g = game();
  if (g.hasAnswer) {
    const c = takeAnswer();
    if (kind == S.DK_DISCARD) { discardCard(c); g.resLast++; }
    else { sacrifice(c); flushDying(); }
    g.resLoop++;
  }
  let before = 0;
  for (let idx = 0; idx < 2; idx++) {
    const p = idx == 0 ? g.active : opponent(g.active);
    if (!(ps & (1 << p))) continue;
    if (g.resLoop < before + n) {
      ask(kind, p, 0);
      for (let i = 0; i < g.objCount; i++) {
        const o = obj(i);
        if (kind == S.DK_DISCARD ? o.zone == S.ZONE_HAND && o.owner == p : o.controller == p && eachMatching(f, it, i)) addOpt(i);
      }
      if (g.dcount > 0) return false;
      g.dkind = 0;
      g.resLoop = before + n; // nothing (more) to choose
    }
    before += n;
  }
  return true;
}

// Search your library for up to `count` cards matching f, put them in `dest`, then shuffle.
function searchOp(f: i32, count: i32, dest: i32, flags: i32, it: Item): bool {
  const g = game();
  const you = it.controller;
  if (g.hasAnswer) {
    const c = takeAnswer();
    if (c < 0) { g.resLoop = count; }
    else {
      removeFromLibrary(c);
      if (flags & S.SRCH_TOP) { moveTo(c, S.ZONE_EXILE); g.resTmp = c; } // set aside until the shuffle
      else {
        moveTo(c, dest);
        if (dest == S.ZONE_BATTLEFIELD) enterBattlefield(c, you, (flags & S.SRCH_TAPPED) != 0, 0);
      }
      g.resLoop++;
    }
  }
  if (g.resLoop < count) {
    ask(S.DK_SEARCH, you, 0);
    addOpt(-1); // 701.19b: a search for cards with a stated quality may fail to find
    const pl = player(you);
    for (let k = 0; k < pl.libCount; k++) {
      const i = libAt(you, k);
      if (matches(f, i, it.obj, you, NONE)) addOpt(i);
    }
    if (g.dcount > 1) return false;
    g.dkind = 0;
  }
  shuffle(you);
  if ((flags & S.SRCH_TOP) && g.resTmp >= 0 && obj(g.resTmp).zone == S.ZONE_EXILE) { moveTo(g.resTmp, S.ZONE_LIBRARY); }
  g.resTmp = NONE;
  return true;
}

// Scry / surveil n (701.22, 701.25): one decision per card, top card first.
function scryOp(n: i32, you: i32, surveil: bool): bool {
  const g = game();
  // resLoop: cards looked at so far; resTmp: how many were kept on top (they stay in order)
  if (g.resLoop == 0) { g.resTmp = 0; g.resLoop = 1; }
  while (g.resLoop - 1 < n) {
    const depth = g.resTmp;
    const c = topOfLibrary(you, depth);
    if (c < 0) return true;
    if (!g.hasAnswer) { ask(surveil ? S.DK_SURVEIL : S.DK_SCRY, you, c); addOpt(0); addOpt(1); return false; }
    const a = takeAnswer();
    obj(c).flags |= OF_KNOWN0 << you; // you know where it went
    if (a == 0) g.resTmp++;
    else {
      removeFromLibrary(c);
      if (surveil) moveTo(c, S.ZONE_GRAVEYARD);
      else putOnBottom(c);
    }
    g.resLoop++;
  }
  return true;
}

// Look at the top n cards and separate them into a face-down and a face-up pile (DK_PILE_SPLIT,
// a bitmask of the face-down cards); an opponent chooses one (DK_PILE_PICK); that pile goes to
// your hand and the other to your graveyard. resLoop: 1 once split; resTmp: the face-down mask.
function pilesOp(n: i32, you: i32): bool {
  const g = game();
  if (n > player(you).libCount) n = player(you).libCount;
  if (n > MAX_PILE) n = MAX_PILE;
  if (n == 0) return true; // nothing to look at
  if (g.resLoop == 0) {
    if (!g.hasAnswer) {
      ask(S.DK_PILE_SPLIT, you, n);
      for (let m = 0; m < 1 << n; m++) addOpt(m);
      return false;
    }
    g.resTmp = takeAnswer();
    g.resLoop = 1;
  }
  const faceDown = g.resTmp;
  if (!g.hasAnswer) { ask(S.DK_PILE_PICK, opponent(you), faceDown | (n << 8)); addOpt(0); addOpt(1); return false; }
  const pickDown = takeAnswer() == 0;
  for (let k = n - 1; k >= 0; k--) { // deepest first, so the positions above stay put
    const c = topOfLibrary(you, k);
    const down = (faceDown & (1 << k)) != 0;
    removeFromLibrary(c);
    moveTo(c, down == pickDown ? S.ZONE_HAND : S.ZONE_GRAVEYARD);
  }
  g.resTmp = NONE;
  return true;
}
const MAX_PILE = 6; // 2^6 splits fit in MAX_OPTIONS

// Look at the top n cards, you may take one matching f into `dest` (ZONE_LIBRARY: back on top);
// the rest go to `rest`: the bottom of the library in a random order, or the graveyard.
function lookTopOp(n: i32, f: i32, dest: i32, rest: i32, it: Item): bool {
  const g = game();
  const you = it.controller;
  const pl = player(you);
  if (n > pl.libCount) n = pl.libCount;
  if (!g.hasAnswer) {
    ask(S.DK_CHOOSE, you, 0);
    addOpt(-1);
    for (let k = 0; k < n; k++) {
      const c = topOfLibrary(you, k);
      if (matches(f, c, it.obj, you, NONE)) addOpt(c);
    }
    if (g.dcount > 1) return false;
    g.dkind = 0;
    g.answer = -1;
  } else {
    takeAnswer();
  }
  takeTopRest(you, n, g.answer, dest, rest);
  return true;
}

// Takes the top n cards of your library: `chosen` (if one of them) goes to `dest` (ZONE_LIBRARY:
// back on top), the rest to `rest`: the bottom of the library in a random order (ZONE_LIBRARY),
// or that zone.
function takeTopRest(you: i32, n: i32, chosen: i32, dest: i32, rest: i32): void {
  const count = takeTop(you, n);
  for (let k = count - 1; k > 0 && rest == S.ZONE_LIBRARY; k--) {
    const j = rngBelow(0, k + 1);
    const a = scratch[k];
    scratch[k] = scratch[j];
    scratch[j] = a;
  }
  for (let k = 0; k < count; k++) {
    const c = scratch[k];
    if (c != chosen) {
      obj(c).flags |= OF_KNOWN0 << you; // looked at: you know it is at the bottom
      if (rest == S.ZONE_LIBRARY) putOnBottom(c);
      else moveTo(c, rest);
      continue;
    }
    moveTo(c, dest);
    if (dest == S.ZONE_BATTLEFIELD) enterBattlefield(c, you, false, 0);
    setIt(c);
  }
}

// Removes the top n cards of p's library into `scratch`, top first; returns how many.
function takeTop(p: i32, n: i32): i32 {
  let count = 0;
  for (let k = 0; k < n; k++) {
    const c = topOfLibrary(p, 0);
    if (c < 0) break;
    scratch[count++] = c;
    removeFromLibrary(c);
  }
  return count;
}
const scratch = new StaticArray<i32>(256);

// Genesis Wave: reveal the top n; any number of cards matching f with mana value <= mv are
// chosen one per decision (marked OF_CHOSEN while still in the library); the others go to the
// graveyard. The chosen ones enter the battlefield at the same time (603.6a): they are moved
// first, each Aura among them is attached to a permanent already there that it could enchant
// (303.4f; with none, 303.4g keeps it off the battlefield: it goes to the graveyard with the
// rest), then they all enter. resStarted: the choosing is done.
function revealPutOp(n: i32, f: i32, mv: i32, it: Item): bool {
  const g = game();
  const you = it.controller;
  if (!g.resStarted) {
    let choosing = true;
    if (g.hasAnswer) {
      const c = takeAnswer();
      if (c < 0) choosing = false;
      else obj(c).flags |= OF_CHOSEN;
    }
    if (choosing) {
      ask(S.DK_CHOOSE, you, 0);
      addOpt(-1);
      for (let k = 0; k < n; k++) {
        const c = topOfLibrary(you, k);
        if (c < 0) break;
        if (!(obj(c).flags & OF_CHOSEN) && matches(f, c, it.obj, you, NONE) && card(obj(c).card, S.CARD_MANA_VALUE) <= mv) addOpt(c);
      }
      if (g.dcount > 1) return false;
      g.dkind = 0;
    }
    const count = takeTop(you, n);
    for (let k = 0; k < count; k++) {
      const c = scratch[k];
      if (!(obj(c).flags & OF_CHOSEN)) { moveTo(c, S.ZONE_GRAVEYARD); continue; }
      moveTo(c, S.ZONE_BATTLEFIELD);
      obj(c).flags |= OF_CHOSEN; // still entering
    }
    g.resStarted = 1;
  } else if (g.hasAnswer) {
    attach(g.dctx, takeAnswer());
  }
  // an Aura entering this way is attached as it enters, one decision per Aura
  for (let a = 0; a < g.objCount; a++) {
    const o = obj(a);
    if (!(o.flags & OF_CHOSEN) || o.zone != S.ZONE_BATTLEFIELD || o.attachedTo >= 0) continue;
    const f2 = enchantFilter(o.card);
    if (f2 < 0) continue;
    ask(S.DK_ATTACH, you, a); // as for a token copy of an Aura (attachEnteringAura)
    for (let i = 0; i < g.objCount; i++) if (!(obj(i).flags & OF_CHOSEN) && matches(f2, i, a, you, NONE)) addOpt(i);
    if (g.dcount > 1) return false;
    g.dkind = 0;
    if (g.dcount == 1) attach(a, optAt(0));
    else moveTo(a, S.ZONE_GRAVEYARD);
  }
  for (let i = 0; i < g.objCount; i++) {
    if (!(obj(i).flags & OF_CHOSEN)) continue;
    obj(i).flags &= ~OF_CHOSEN;
    enterBattlefield(i, you, false, 0);
  }
  return true;
}

// The filter of an Aura's "Enchant ..." ability, or -1.
function enchantFilter(c: i32): i32 {
  const start = card(c, S.CARD_ABIL_START), end = start + card(c, S.CARD_ABIL_COUNT);
  for (let a = start; a < end; a++) if (abil(a, S.AB_KIND) == S.ABK_ENCHANT) return tspec(abil(a, S.AB_TSPEC_START), S.TS_FILTER);
  return -1;
}

// Ward's triggered ability resolves: counter the targeting spell or ability unless its
// controller pays the ward cost (702.21a).
function resolveWard(): void {
  const g = game();
  const w = top();
  const k = w.eventAmount;
  const valid = k >= 0 && k < g.stackCount - 1 && stackItem(k).obj == w.eventObj;
  const cost = card(obj(w.obj).card, S.CARD_WARD);
  const payer = w.eventPlayer;
  if (!valid) { g.resolving = 0; popStack(); return; }
  const n = cost & 0xffff;
  const life = (cost & 0xffff0000) == S.WARD_LIFE;
  if (!g.hasAnswer) {
    const can = life ? player(payer).life >= n : canPay(payer, n, 0, NONE);
    if (can) { ask(S.DK_MAY, payer, -1); addOpt(0); addOpt(1); return; }
  }
  const paid = g.hasAnswer && takeAnswer() == 1;
  g.resolving = 0;
  popStack();
  if (paid) {
    if (life) loseLife(payer, n); else pay(payer, n, 0);
  } else {
    emit(EV_COUNTERED, stackItem(k).obj, 0, 0);
    removeStackItem(k);
  }
}

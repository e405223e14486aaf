// Combat (506-511): declaring attackers and blockers one pair per decision, and combat damage
// with first strike, trample and deathtouch. Since Foundations there is no damage assignment
// order (510.1c-d as of November 2024): the attacking player divides damage among blockers
// freely, except that trample needs lethal damage on every blocker before the rest goes on.
import * as S from './ir/spec';
import {
  game, player, obj, NONE, OF_TAPPED, OF_SICK, OF_ATTACKING, OF_BLOCKING, OF_BLOCKED, OF_FIRST_STRUCK,
  optAt, opponent, MAX_OBJECTS,
} from './state';
import { refresh, kwOf, hasKw, powerOf, abilityFlags } from './chars';
import { ask, addOpt, takeAnswer } from './decision';
import { tap, dealDamage, clearCombatFlags } from './zones';
import { triggerAttacks, triggerYouAttack, triggerWatchers } from './triggers';
import { emit, EV_ATTACK, EV_BLOCK } from './events';

function canAttack(i: i32, p: i32): bool {
  const o = obj(i);
  if (o.zone != S.ZONE_BATTLEFIELD || o.controller != p || !(o.types & S.TYPE_CREATURE)) return false;
  if (o.flags & (OF_TAPPED | OF_ATTACKING)) return false;
  if (o.kw & (S.KW_DEFENDER | S.KW_CANT_ATTACK)) return false;
  return !(o.flags & OF_SICK) || (o.kw & S.KW_HASTE) != 0; // 302.6
}

// Lists attack options for the active player: done, or one (creature, target) pair.
// Returns false when the only option is "done".
function listAttackOptions(p: i32): void {
  const g = game();
  ask(S.DK_ATTACK, p, 0);
  const opp = opponent(p);
  // 508.1d: "done" only once every creature that attacks each combat if able is attacking
  let mustWait = false;
  for (let i = 0; i < g.objCount; i++) if ((abilityFlags(i) & S.CF_ATTACKS_EACH_COMBAT) && canAttack(i, p)) mustWait = true;
  if (!mustWait) addOpt(-1);
  for (let i = 0; i < g.objCount; i++) {
    if (!canAttack(i, p)) continue;
    addOpt(i | ((S.PLAYER_CODE + opp) << 16));
    for (let w = 0; w < g.objCount; w++) { // 508.1b: planeswalkers the defending player controls
      const q = obj(w);
      if (q.zone == S.ZONE_BATTLEFIELD && q.controller == opp && (q.types & S.TYPE_PLANESWALKER)) addOpt(i | (w << 16));
    }
  }
}

function declareAttacker(i: i32, target: i32): void {
  const o = obj(i);
  o.flags |= OF_ATTACKING;
  o.attackTarget = target;
  game().dirty = 1; // statics about attacking creatures (Kitesail Corsair, Goblin Oriflamme, Crossway Troublemakers) see it; nothing for state-based actions
}

// The declare-attackers turn-based action (508.1). Returns true when finished.
export function declareAttackers(): bool {
  const g = game();
  const p = g.active;
  refresh();
  if (g.combatStage == 0) {
    g.combatStage = 1;
    // 508.1d: creatures that attack each combat if able do so; they attack the player unless
    // a planeswalker gives a choice (then listAttackOptions withholds "done" until they attack)
    let walkers = false;
    for (let w = 0; w < g.objCount; w++) if (obj(w).zone == S.ZONE_BATTLEFIELD && obj(w).controller == opponent(p) && (obj(w).types & S.TYPE_PLANESWALKER)) walkers = true;
    for (let i = 0; i < g.objCount && !walkers; i++) {
      if ((abilityFlags(i) & S.CF_ATTACKS_EACH_COMBAT) && canAttack(i, p)) declareAttacker(i, S.PLAYER_CODE + opponent(p));
    }
  }
  if (g.hasAnswer && g.akind == S.DK_ATTACK) {
    const code = takeAnswer();
    if (code >= 0) declareAttacker(code & 0xffff, code >> 16);
    else return finishAttackers(p);
  }
  listAttackOptions(p);
  if (g.dcount == 1) { g.dkind = 0; return finishAttackers(p); }
  return false;
}

function finishAttackers(p: i32): bool {
  const g = game();
  let count = 0;
  for (let i = 0; i < g.objCount; i++) {
    const o = obj(i);
    if (!(o.flags & OF_ATTACKING)) continue;
    count++;
    if (!hasKw(i, S.KW_VIGILANCE)) tap(i); // 508.1f
    emit(EV_ATTACK, i, o.attackTarget, 0);
  }
  g.combatStage = 0;
  if (count == 0) return true;
  player(p).attackedThisTurn = 1;
  for (let i = 0; i < g.objCount; i++) if (obj(i).flags & OF_ATTACKING) triggerAttacks(i); // 508.3a
  triggerYouAttack(p);
  return true;
}

export function anyAttackers(): bool {
  const g = game();
  for (let i = 0; i < g.objCount; i++) if (obj(i).flags & OF_ATTACKING) return true;
  return false;
}

function canBlock(b: i32, a: i32): bool {
  const o = obj(b), at = obj(a);
  if (o.zone != S.ZONE_BATTLEFIELD || !(o.types & S.TYPE_CREATURE) || (o.flags & (OF_TAPPED | OF_BLOCKING))) return false;
  if (o.kw & S.KW_CANT_BLOCK) return false;
  if (at.zone != S.ZONE_BATTLEFIELD || !(at.flags & OF_ATTACKING)) return false;
  if (at.kw & (S.KW_UNBLOCKABLE | S.KW_PROTECTION_ALL)) return false; // 702.16b: protection from everything
  if ((at.kw & S.KW_FLYING) && !(o.kw & (S.KW_FLYING | S.KW_REACH))) return false; // 702.9b
  if ((abilityFlags(a) & S.CF_CANT_BE_BLOCKED_BY_WALLS) && (o.sub & S.SUB_WALL)) return false;
  return true;
}

// The declare-blockers turn-based action (509.1), one (blocker, attacker) pair per decision.
export function declareBlockers(): bool {
  const g = game();
  const d = opponent(g.active);
  refresh();
  if (g.hasAnswer && g.akind == S.DK_BLOCK) {
    const code = takeAnswer();
    if (code < 0) return finishBlockers();
    addBlock(code);
  }
  while (true) {
    listBlockOptions(d);
    if (g.dcount > 1) return false;
    g.dkind = 0;
    if (g.dcount == 0 || optAt(0) < 0) return finishBlockers();
    addBlock(optAt(0)); // the only option is a block a requirement forces (509.1c)
  }
}

function addBlock(code: i32): void {
  const b = code & 0xffff;
  obj(b).flags |= OF_BLOCKING;
  obj(b).blocking = code >> 16;
  game().dirty = 1; // statics about blocking creatures see it (characteristics only)
}

function listBlockOptions(d: i32): void {
  const g = game();
  ask(S.DK_BLOCK, d, 0);
  // 509.1c: the declaration must obey as many "must be blocked if able" requirements as
  // possible; "done" waits until no more can be obeyed, and no block may make one impossible
  const reachable = requirementsObeyed() + requirementSlack(d);
  if (reachable == requirementsObeyed()) addOpt(-1);
  for (let b = 0; b < g.objCount; b++) {
    if (obj(b).controller != d || obj(b).zone != S.ZONE_BATTLEFIELD) continue;
    for (let a = 0; a < g.objCount; a++) if (canBlock(b, a) && keepsRequirements(b, a, d, reachable)) addOpt(b | (a << 16));
  }
}

function mustBeBlocked(a: i32): bool {
  const o = obj(a);
  return o.zone == S.ZONE_BATTLEFIELD && (o.flags & OF_ATTACKING) != 0 && (o.kw & S.KW_MUST_BE_BLOCKED) != 0;
}

// Requirements obeyed so far: attackers that must be blocked and are.
function requirementsObeyed(): i32 {
  const g = game();
  let k = 0;
  for (let a = 0; a < g.objCount; a++) if (mustBeBlocked(a) && blockerCount(a) > 0) k++;
  return k;
}

// How many more requirements the defending player d could still obey: a maximum matching
// (augmenting paths) between unblocked attackers that must be blocked and d's free blockers.
const matchOf = new StaticArray<i32>(MAX_OBJECTS); // blocker -> attacker, or -1
const seen = new StaticArray<i32>(MAX_OBJECTS);
let stamp = 0;
function requirementSlack(d: i32): i32 {
  const g = game();
  for (let b = 0; b < g.objCount; b++) matchOf[b] = -1;
  let n = 0;
  for (let a = 0; a < g.objCount; a++) {
    if (!mustBeBlocked(a) || blockerCount(a) > 0) continue;
    stamp++;
    if (augment(a, d)) n++;
  }
  return n;
}
function augment(a: i32, d: i32): bool {
  const g = game();
  for (let b = 0; b < g.objCount; b++) {
    if (seen[b] == stamp || obj(b).controller != d || !canBlock(b, a)) continue;
    seen[b] = stamp;
    if (matchOf[b] < 0 || augment(matchOf[b], d)) { matchOf[b] = a; return true; }
  }
  return false;
}

// Would blocking a with b still let the declaration obey `reachable` requirements?
function keepsRequirements(b: i32, a: i32, d: i32, reachable: i32): bool {
  if (reachable == requirementsObeyed()) return true;
  const o = obj(b);
  o.flags |= OF_BLOCKING; o.blocking = a;
  const r = requirementsObeyed() + requirementSlack(d);
  o.flags &= ~OF_BLOCKING; o.blocking = NONE;
  return r == reachable;
}

function blockerCount(a: i32): i32 {
  const g = game();
  let k = 0;
  for (let b = 0; b < g.objCount; b++) if ((obj(b).flags & OF_BLOCKING) && obj(b).blocking == a && obj(b).zone == S.ZONE_BATTLEFIELD) k++;
  return k;
}

function finishBlockers(): bool {
  const g = game();
  // 702.110b: a menace creature blocked by just one creature is an illegal block; that
  // blocker is removed from the declaration
  for (let b = 0; b < g.objCount; b++) {
    const o = obj(b);
    if (!(o.flags & OF_BLOCKING)) continue;
    const a = o.blocking;
    if (hasKw(a, S.KW_MENACE) && blockerCount(a) < 2) { o.flags &= ~OF_BLOCKING; o.blocking = NONE; }
  }
  for (let b = 0; b < g.objCount; b++) {
    const o = obj(b);
    if (!(o.flags & OF_BLOCKING)) continue;
    obj(o.blocking).flags |= OF_BLOCKED; // 509.1h
    emit(EV_BLOCK, b, o.blocking, 0);
  }
  return true;
}

// Does creature i deal combat damage in this step (510.4)?
function dealsDamageNow(i: i32, firstStep: bool): bool {
  const k = kwOf(i);
  if (firstStep) return (k & (S.KW_FIRST_STRIKE | S.KW_DOUBLE_STRIKE)) != 0;
  if (!(obj(i).flags & OF_FIRST_STRUCK)) return true;
  return (k & S.KW_DOUBLE_STRIKE) != 0;
}

export function firstStrikeInCombat(): bool {
  const g = game();
  for (let i = 0; i < g.objCount; i++) {
    const o = obj(i);
    if ((o.flags & (OF_ATTACKING | OF_BLOCKING)) && o.zone == S.ZONE_BATTLEFIELD && (kwOf(i) & (S.KW_FIRST_STRIKE | S.KW_DOUBLE_STRIKE))) return true;
  }
  return false;
}

// Damage still needed for blocker b to have lethal damage assigned (702.2c, 702.19c).
function lethalNeeded(b: i32, deathtouch: bool): i32 {
  const o = obj(b);
  if (deathtouch) return o.dmgIn > 0 ? 0 : 1;
  const need = o.toughness - o.damage - o.dmgIn;
  return need > 0 ? need : 0;
}

// Whether the attack target can still be dealt damage (a planeswalker may have left).
function attackTargetAlive(a: i32): bool {
  const t = obj(a).attackTarget;
  return t >= S.PLAYER_CODE || (t >= 0 && obj(t).zone == S.ZONE_BATTLEFIELD && obj(t).controller != obj(a).controller);
}

// The combat damage step (510). Attackers needing a division ask their controller one chunk
// at a time; then all damage is dealt at once. Returns true when the damage has been dealt.
export function combatDamage(firstStep: bool): bool {
  const g = game();
  refresh();
  if (g.combatStage == 0) {
    g.combatStage = 1;
    g.dmgAttacker = 0;
    g.dmgLeft = -1;
    for (let i = 0; i < g.objCount; i++) { obj(i).dmgIn = 0; obj(i).dmgOut = 0; }
  }
  // assignment, attacker by attacker
  while (g.dmgAttacker < g.objCount) {
    const a = g.dmgAttacker;
    const o = obj(a);
    if (!(o.flags & OF_ATTACKING) || o.zone != S.ZONE_BATTLEFIELD || !dealsDamageNow(a, firstStep)) { g.dmgAttacker++; continue; }
    if (g.dmgLeft < 0) g.dmgLeft = powerOf(a);
    if (!assignAttacker(a)) return false;
    g.dmgAttacker++;
    g.dmgLeft = -1;
  }
  // deal everything simultaneously (510.2)
  for (let i = 0; i < g.objCount; i++) {
    const o = obj(i);
    if (o.zone != S.ZONE_BATTLEFIELD) continue;
    if ((o.flags & OF_BLOCKING) && dealsDamageNow(i, firstStep)) {
      const a = o.blocking;
      if (obj(a).zone == S.ZONE_BATTLEFIELD && (obj(a).flags & OF_ATTACKING)) dealDamage(i, a, powerOf(i), true);
    }
    if ((o.flags & OF_ATTACKING) && o.dmgOut > 0 && attackTargetAlive(i)) dealDamage(i, o.attackTarget, o.dmgOut, true);
    if ((o.flags & OF_BLOCKING) && o.dmgIn > 0) {
      const a = o.blocking;
      if (obj(a).zone == S.ZONE_BATTLEFIELD) dealDamage(a, i, o.dmgIn, true);
    }
  }
  // "whenever a creature deals combat damage": one event per creature with all it dealt (510.2)
  for (let i = 0; i < g.objCount; i++) {
    const o = obj(i);
    if (o.combatDealt > 0) triggerWatchers(S.TRIG_COMBAT_DAMAGE_DEALT, i, o.controller, o.combatDealt);
    o.combatDealt = 0;
  }
  if (firstStep) {
    for (let i = 0; i < g.objCount; i++) {
      const o = obj(i);
      if ((o.flags & (OF_ATTACKING | OF_BLOCKING)) && dealsDamageNow(i, true)) o.flags |= OF_FIRST_STRUCK;
    }
  }
  g.combatStage = 0;
  return true;
}

// Assigns attacker a's combat damage (g.dmgLeft) among its blockers and, with trample, the
// player or planeswalker it attacks. False while waiting for the controller's choice.
function assignAttacker(a: i32): bool {
  const g = game();
  const o = obj(a);
  const trample = hasKw(a, S.KW_TRAMPLE);
  const deathtouch = hasKw(a, S.KW_DEATHTOUCH);
  if (!(o.flags & OF_BLOCKED)) { o.dmgOut = g.dmgLeft; return true; } // 510.1a
  const nb = blockerCount(a);
  if (nb == 0) { // 509.1h / 702.19e: blocked but no blockers left
    if (trample && attackTargetAlive(a)) o.dmgOut = g.dmgLeft;
    return true;
  }
  while (g.dmgLeft > 0) {
    let to: i32;
    if (g.hasAnswer && g.akind == S.DK_DAMAGE) to = takeAnswer();
    else {
      // options: blockers still short of lethal; once all have lethal, any blocker or
      // (with trample) the attacked player or planeswalker
      ask(S.DK_DAMAGE, o.controller, a);
      let short = 0;
      for (let b = 0; b < g.objCount; b++) {
        const q = obj(b);
        if ((q.flags & OF_BLOCKING) && q.blocking == a && q.zone == S.ZONE_BATTLEFIELD && lethalNeeded(b, deathtouch) > 0) { addOpt(b); short++; }
      }
      if (short == 0) {
        for (let b = 0; b < g.objCount; b++) {
          const q = obj(b);
          if ((q.flags & OF_BLOCKING) && q.blocking == a && q.zone == S.ZONE_BATTLEFIELD) addOpt(b);
        }
        if (trample && attackTargetAlive(a)) addOpt(o.attackTarget);
      }
      if (g.dcount > 1) return false;
      g.dkind = 0;
      if (g.dcount == 0) break;
      to = optAt(0); // a single option: assign without asking
    }
    if (to == o.attackTarget) { o.dmgOut += g.dmgLeft; g.dmgLeft = 0; }
    else {
      const need = lethalNeeded(to, deathtouch);
      const chunk = need > 0 && need < g.dmgLeft ? need : g.dmgLeft;
      obj(to).dmgIn += chunk;
      g.dmgLeft -= chunk;
    }
  }
  return true;
}

// 511.3: at the end of combat every creature is removed from combat.
export function endCombat(): void {
  const g = game();
  for (let i = 0; i < g.objCount; i++) clearCombatFlags(i);
  g.combatStage = 0;
  g.dirty = 1; // statics about attacking and blocking creatures end (characteristics only)
}

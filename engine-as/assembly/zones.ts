// Zones and the basic state changes every effect is built from: moving objects (400.7: a moved
// object is a new object, so zseq changes), drawing, shuffling, damage, life, counters, tokens.
import * as S from './ir/spec';
import { card, cardMask, abil, irWord, TM_REPLACEMENT } from './ir';
import {
  game, player, obj, effect, pending as pendingAt, Obj, NONE, MAX_OBJECTS, MAX_LIBRARY,
  OF_TAPPED, OF_SICK, OF_TOKEN, OF_ATTACKING, OF_BLOCKING, OF_BLOCKED, OF_DEATHTOUCHED,
  OF_EXILE_IF_DIES, OF_PREVENT_COMBAT_DAMAGE, OF_FIRST_STRUCK, OF_KICKED, OF_DYING, OF_DEAD, OF_KNOWN_BOTH, EF_EXILED_UNTIL, FACT_DRAWN, PH_PLAY, ABX_LOST,
  libAt, setLibAt, opponent, stackItem,
} from './state';
import { setBaseChars, markDirty, hasKw, kwOf, amount, etbCounterBonus, etbOtherKind, etbOtherBonus } from './chars';
import { emit, EV_ZONE, EV_DRAW, EV_SHUFFLE, EV_TOKEN, EV_DAMAGE, EV_LIFE, EV_COUNTERS, EV_TAP, EV_ATTACH } from './events';
import { rngBelow } from './rng';
import { endGame, engineLimit } from './sba';
import {
  triggerSelf, triggerWatchers, triggerPlayerEvent, triggerYouPutP1P1,
} from './triggers';

export function newObject(c: i32, owner: i32, zone: i32, token: bool = false): i32 {
  const g = game();
  let i = -1;
  if (token || (card(c, S.CARD_FLAGS) & S.CF_TOKEN)) {
    // reuse the slot of a token that has ceased to exist (704.5d)
    for (let k = 0; k < g.objCount; k++) if (obj(k).flags & OF_DEAD) { i = k; break; }
  }
  if (i < 0) {
    if (g.objCount >= MAX_OBJECTS) { engineLimit(S.LIMIT_OBJECTS); return -1; }
    i = g.objCount++;
    obj(i).zseq = 0;
  }
  const o = obj(i);
  o.card = c; o.owner = owner; o.controller = owner; o.zone = zone;
  o.flags = 0; o.damage = 0; o.p1p1 = 0; o.m1m1 = 0; o.loyalty = 0; o.stun = 0; o.other = 0;
  o.attachedTo = NONE; o.attackTarget = NONE; o.blocking = NONE; o.x = 0;
  o.zseq++; o.ts = g.nextTs++; o.lkiPower = 0; o.facts = 0; o.dmgIn = 0; o.dmgOut = 0; o.except = 0;
  o.zseq++; o.ts = g.nextTs++; o.lkiPower = 0; o.facts = 0; o.dmgIn = 0; o.dmgOut = 0; o.combatDealt = 0;
  o.chosen = NONE; o.lkiOther = 0; o.granted = 0;
  o.lkiSub = 0; o.onceTurn = 0;
  setBaseChars(o);
  return i;
}

function zoneCountDelta(o: Obj, delta: i32): void {
  const pl = player(o.owner);
  if (o.zone == S.ZONE_HAND) pl.handCount += delta;
  else if (o.zone == S.ZONE_GRAVEYARD) pl.gyCount += delta;
}

// Leaving the battlefield resets everything that belonged to the permanent (400.7) and ends
// linked exiles (610.3). Moving from the library must go through removeFromLibrary first.
export function moveTo(i: i32, to: i32): void {
  const o = obj(i);
  const from = o.zone;
  if (from == S.ZONE_BATTLEFIELD) {
    if (to == S.ZONE_GRAVEYARD && (o.flags & OF_EXILE_IF_DIES)) to = S.ZONE_EXILE; // 614.1a
    o.lkiPower = o.power;
    o.lkiOther = o.other;
    o.lkiSub = o.sub;
    leaveBattlefield(i);
  }
  if (from != S.ZONE_BATTLEFIELD) { o.lkiOther = 0; o.lkiSub = 0; }
  o.onceTurn = 0; // a new object (400.7)
  o.granted = 0;
  const shuffleInstead = to == S.ZONE_GRAVEYARD && shufflesInstead(o.card); // Progenitus (614.1a)
  if (shuffleInstead) to = S.ZONE_LIBRARY;
  zoneCountDelta(o, -1);
  // who knows it in a hidden zone: everyone if it comes from a public zone; between hidden
  // zones (a draw, a card put back) whoever knew it still does
  const fromHidden = from == S.ZONE_LIBRARY || from == S.ZONE_HAND;
  const known = fromHidden ? o.flags & OF_KNOWN_BOTH : OF_KNOWN_BOTH;
  o.zone = to;
  o.zseq++;
  o.ts = game().nextTs++;
  o.flags = (o.flags & OF_TOKEN) | (to == S.ZONE_LIBRARY || to == S.ZONE_HAND ? known : 0);
  o.damage = 0; o.p1p1 = 0; o.m1m1 = 0; o.loyalty = 0; o.stun = 0; o.other = 0;
  o.attachedTo = NONE; o.attackTarget = NONE; o.blocking = NONE;
  o.controller = o.owner;
  o.chosen = NONE;
  setBaseChars(o);
  zoneCountDelta(o, 1);
  if (to == S.ZONE_LIBRARY) {
    const pl = player(o.owner);
    if (pl.libCount >= MAX_LIBRARY) { engineLimit(S.LIMIT_LIBRARY); return; }
    setLibAt(o.owner, pl.libCount++, i);
  }
  emit(EV_ZONE, i, from | (to << 8), o.card);
  if (shuffleInstead) shuffle(o.owner);
  markDirty();
}

// Does card c have replacement descriptor rp among its own abilities (it applies to the card
// itself, from any zone)?
export function hasOwnReplacement(c: i32, rp: i32): bool {
  if (!(cardMask(c) & TM_REPLACEMENT)) return false;
  const start = card(c, S.CARD_ABIL_START), end = start + card(c, S.CARD_ABIL_COUNT);
  for (let a = start; a < end; a++) {
    if (abil(a, S.AB_KIND) != S.ABK_REPLACEMENT) continue;
    for (let pc = abil(a, S.AB_CODE); irWord(pc) != S.OP_END; pc++) if (irWord(pc) == rp) return true;
  }
  return false;
}

function shufflesInstead(c: i32): bool { return hasOwnReplacement(c, S.RP_SHUFFLE_INSTEAD_OF_GRAVEYARD); }

// 700.4: a creature leaving the battlefield dies only if it goes to a graveyard (not when exiled
// or shuffled into a library instead).
function dies(o: Obj): bool {
  return (o.types & S.TYPE_CREATURE) != 0 && !(o.flags & OF_EXILE_IF_DIES) && !shufflesInstead(o.card);
}

function leaveBattlefield(i: i32): void {
  const g = game();
  const o = obj(i);
  if (o.attachedTo >= 0) emit(EV_ATTACH, i, -1, 0);
  // linked "until this leaves the battlefield" exiles return now (610.3c)
  for (let e = 0; e < g.effCount; e++) {
    const ef = effect(e);
    if (ef.kind == EF_EXILED_UNTIL && ef.source == i && ef.sourceZseq == o.zseq) {
      ef.kind = 0;
      const back = ef.obj;
      if (obj(back).zone == S.ZONE_EXILE && obj(back).zseq == ef.zseq) {
        moveTo(back, S.ZONE_BATTLEFIELD);
        enterBattlefield(back, obj(back).owner, false, 0);
      }
    }
  }
}

export function putOnBottom(i: i32): void {
  moveTo(i, S.ZONE_LIBRARY);
  // moveTo put it on top; rotate it to index 0
  const p = obj(i).owner;
  const pl = player(p);
  for (let k = pl.libCount - 1; k > 0; k--) setLibAt(p, k, libAt(p, k - 1));
  setLibAt(p, 0, i);
}

export function removeFromLibrary(i: i32): void {
  const p = obj(i).owner;
  const pl = player(p);
  let k = 0;
  while (k < pl.libCount && libAt(p, k) != i) k++;
  for (; k < pl.libCount - 1; k++) setLibAt(p, k, libAt(p, k + 1));
  pl.libCount--;
}

export function topOfLibrary(p: i32, depth: i32): i32 {
  const pl = player(p);
  return depth < pl.libCount ? libAt(p, pl.libCount - 1 - depth) : -1;
}

export function shuffle(p: i32): void {
  const pl = player(p);
  for (let k = 0; k < pl.libCount; k++) obj(libAt(p, k)).flags &= ~OF_KNOWN_BOTH; // positions are forgotten
  for (let k = pl.libCount - 1; k > 0; k--) {
    const j = rngBelow(0, k + 1);
    const t = libAt(p, k);
    setLibAt(p, k, libAt(p, j));
    setLibAt(p, j, t);
  }
  emit(EV_SHUFFLE, p, 0, 0);
}

// 121.4: drawing from an empty library is remembered for the state-based check (704.5b).
export function draw(p: i32, n: i32): void {
  for (let k = 0; k < n; k++) {
    const pl = player(p);
    if (pl.libCount == 0) { pl.drewFromEmpty = 1; markDirty(); continue; }
    const i = libAt(p, pl.libCount - 1);
    pl.libCount--;
    moveTo(i, S.ZONE_HAND);
    pl.cardsDrawnThisTurn++;
    if (game().phase == PH_PLAY) obj(i).facts |= FACT_DRAWN;
    emit(EV_DRAW, p, i, 0);
    triggerPlayerEvent(S.TRIG_DRAW, p, 1, i);
    if (pl.cardsDrawnThisTurn == 2) triggerPlayerEvent(S.TRIG_DRAW_SECOND, p, 1, i);
    triggerPlayerEvent(S.TRIG_OPP_DRAW, opponent(p), 1, i);
  }
}

// A card discarded from its owner's hand goes to the graveyard (701.8): "whenever an opponent
// discards a card" watchers of the other player see it (Tinybones).
export function discardCard(i: i32): void {
  moveTo(i, S.ZONE_GRAVEYARD);
  triggerPlayerEvent(S.TRIG_OPP_DISCARDS, opponent(obj(i).owner), 1, i);
}

export function mill(p: i32, n: i32): void {
  for (let k = 0; k < n; k++) {
    const i = topOfLibrary(p, 0);
    if (i < 0) return;
    player(p).libCount--;
    moveTo(i, S.ZONE_GRAVEYARD);
  }
}

// Count of replacement descriptors `rp` among permanents controlled by p (other than `except`).
export function replacementCount(p: i32, rp: i32, except: i32 = NONE): i32 {
  const g = game();
  let k = 0;
  for (let i = 0; i < g.objCount; i++) {
    const o = obj(i);
    if (o.zone != S.ZONE_BATTLEFIELD || o.controller != p || i == except || !(cardMask(o.card) & TM_REPLACEMENT) || (o.abilFx & ABX_LOST)) continue;
    const start = card(o.card, S.CARD_ABIL_START), end = start + card(o.card, S.CARD_ABIL_COUNT);
    for (let a = start; a < end; a++) {
      if (abil(a, S.AB_KIND) != S.ABK_REPLACEMENT) continue;
      for (let pc = abil(a, S.AB_CODE); irWord(pc) != S.OP_END; pc++) if (irWord(pc) == rp) k++;
    }
  }
  return k;
}

// A permanent enters the battlefield under `controller` (the object is already in zone
// BATTLEFIELD via moveTo or newObject). Applies "enters tapped" and "enters with counters"
// replacements (614.1c-d, 614.12), then fires enter triggers. `counters`: +1/+1 counters the
// effect putting it there says it enters with ("return it ... with a +1/+1 counter on it").
export function enterBattlefield(i: i32, controller: i32, tapped: bool, x: i32, counters: i32 = 0): void {
  const o = obj(i);
  o.controller = controller;
  o.flags |= OF_SICK;
  o.x = x;
  const c = o.card;
  const types = card(c, S.CARD_TYPES);
  const cf = card(c, S.CARD_FLAGS);
  if (tapped || (cf & S.CF_ENTERS_TAPPED)
    || ((types & S.TYPE_CREATURE) && replacementCount(opponent(controller), S.RP_OPP_CREATURES_ENTER_TAPPED) > 0)) {
    o.flags |= OF_TAPPED;
  }
  if (types & S.TYPE_PLANESWALKER) {
    o.loyalty = doubled(controller, card(c, S.CARD_LOYALTY), S.RP_DOUBLE_COUNTERS);
  }
  const etb = card(c, S.CARD_ETB_COUNTERS);
  let n = counters + etbCounterBonus(i); // ST_ETB_COUNTERS: +1/+1 counters from statics (614.1c)
  const otherKind = etbOtherKind, otherN = etbOtherBonus; // and counters of another kind
  if (etb != 0 && !(cf & S.CF_ETB_COUNTERS_NAMED) && (!(cf & S.CF_ETB_COUNTERS_IF_RAID) || player(controller).attackedThisTurn)
    && (!(cf & S.CF_ETB_COUNTERS_IF_KICKED) || (o.flags & OF_KICKED))) {
    n += amount(etb, i, controller, 0);
  }
  if (n > 0) {
    o.p1p1 += doubled(controller, n, S.RP_DOUBLE_COUNTERS);
    triggerWatchers(S.TRIG_P1P1_PUT, i, controller, o.p1p1); // 122.6: entering with counters is putting them
    triggerYouPutP1P1(i, controller, o.p1p1); // 122.6a: its controller puts them
  }
  if (otherN > 0) addCounters(i, otherKind, otherN);
  if (hasOwnReplacement(c, S.RP_CHOOSE_COLOR) || hasOwnReplacement(c, S.RP_CHOOSE_TYPE)) game().choicesPending++; // 614.12: chosen before priority
  markDirty();
  triggerSelf(S.TRIG_ETB_SELF, i, 0);
  triggerSelf(S.TRIG_ETB_OR_ATTACKS_SELF, i, 0);
  triggerWatchers(S.TRIG_ETB, i, controller, 0);
  if (types & S.TYPE_LAND) triggerWatchers(S.TRIG_LANDFALL, i, controller, 0);
}

function doubled(p: i32, n: i32, rp: i32): i32 {
  const k = replacementCount(p, rp);
  for (let j = 0; j < k; j++) n <<= 1;
  return n;
}

// Tokens of card c; a copy of a permanent (707.2) is a token of the permanent's card, with the
// exceptions (TOKF_HASTE_SAC_END, TOKF_NIGHTMARE) of the copy effect and of the original.
export function createTokens(c: i32, n: i32, controller: i32, tokFlags: i32): i32 {
  n = doubled(controller, n, S.RP_DOUBLE_TOKENS);
  let last = -1;
  for (let k = 0; k < n; k++) {
    const i = newObject(c, controller, S.ZONE_BATTLEFIELD, true);
    if (i < 0) return last;
    obj(i).flags |= OF_TOKEN;
    obj(i).except = tokFlags & TOKF_EXCEPTIONS;
    setBaseChars(obj(i));
    emit(EV_TOKEN, i, c, controller);
    enterBattlefield(i, controller, (tokFlags & S.TOKF_TAPPED) != 0, 0);
    last = i;
  }
  return last;
}

const TOKF_EXCEPTIONS = S.TOKF_HASTE_SAC_END | S.TOKF_NIGHTMARE;

export function addCounters(i: i32, kind: i32, n: i32): void {
  const o = obj(i);
  if (n <= 0) return;
  if (o.zone == S.ZONE_BATTLEFIELD) n = doubled(o.controller, n, S.RP_DOUBLE_COUNTERS);
  if (kind == S.CTR_P1P1) o.p1p1 += n;
  else if (kind == S.CTR_M1M1) o.m1m1 += n;
  else if (kind == S.CTR_LOYALTY) o.loyalty += n;
  else if (kind == S.CTR_STUN) o.stun += n;
  else o.other += n;
  emit(EV_COUNTERS, i, kind, n);
  markDirty();
  if (kind == S.CTR_P1P1 && o.zone == S.ZONE_BATTLEFIELD) {
    triggerWatchers(S.TRIG_P1P1_PUT, i, o.controller, n);
    // Who puts them: the controller of the resolving spell or ability, else its controller (122.6a)
    const g = game();
    triggerYouPutP1P1(i, g.resolving == 1 && g.stackCount > 0 ? stackItem(g.stackCount - 1).controller : o.controller, n);
  }
}

// Removes n counters of a kind (a named kind: CTR_OTHER | name, all kept in `other`) from object i.
export function removeCounters(i: i32, kind: i32, n: i32): void {
  const o = obj(i);
  if (kind == S.CTR_P1P1) o.p1p1 -= n;
  else if (kind == S.CTR_M1M1) o.m1m1 -= n;
  else if (kind == S.CTR_LOYALTY) o.loyalty -= n;
  else if (kind == S.CTR_STUN) o.stun -= n;
  else o.other -= n;
  emit(EV_COUNTERS, i, kind, -n);
  markDirty();
}

export function tap(i: i32): void {
  const o = obj(i);
  if (o.flags & OF_TAPPED) return;
  o.flags |= OF_TAPPED;
  emit(EV_TAP, i, 1, 0);
}

// 122.1d: a stun counter is removed instead of untapping.
export function untap(i: i32): void {
  const o = obj(i);
  if (!(o.flags & OF_TAPPED)) return;
  if (o.stun > 0) { o.stun--; emit(EV_COUNTERS, i, S.CTR_STUN, -1); return; }
  o.flags &= ~OF_TAPPED;
  emit(EV_TAP, i, 0, 0);
  triggerAttached(S.TRIG_EQUIPPED_UNTAPS, i, 0);
}

export function gainLife(p: i32, n: i32): void {
  if (n <= 0) return;
  const pl = player(p);
  pl.life += n;
  pl.lifeGainedThisTurn += n;
  pl.lifeGainEventsThisTurn++;
  emit(EV_LIFE, p, n, pl.life);
  markDirty();
  triggerPlayerEvent(S.TRIG_GAIN_LIFE, p, n, -1);
}

export function loseLife(p: i32, n: i32): void {
  if (n <= 0) return;
  const pl = player(p);
  pl.life -= n;
  pl.lifeLostThisTurn += n;
  emit(EV_LIFE, p, -n, pl.life);
  markDirty();
  triggerPlayerEvent(S.TRIG_OPP_LOSES_LIFE, opponent(p), n, -1);
}

// Damage from object src to a recipient code (object id or PLAYER_CODE + p), after prevention (615)
// and replacement effects (614.1a: doubling); returns the damage dealt. 120.3
export function dealDamage(src: i32, to: i32, n: i32, combat: bool): i32 {
  if (n <= 0 || (to < S.PLAYER_CODE && damagePrevented(to, combat))) return 0;
  const s = obj(src);
  const victim = to >= S.PLAYER_CODE ? to - S.PLAYER_CODE : obj(to).controller;
  if (victim != s.controller) n = doubled(s.controller, n, S.RP_DOUBLE_DAMAGE_TO_OPP);
  const srcKw = s.zone == S.ZONE_BATTLEFIELD ? kwOf(src) : s.kw;
  emit(EV_DAMAGE, src, to, n);
  if (combat) s.combatDealt += n;
  if (to >= S.PLAYER_CODE) {
    const p = to - S.PLAYER_CODE;
    loseLife(p, n);
    if (!combat && p != s.controller) triggerPlayerEvent(S.TRIG_NONCOMBAT_DAMAGE_OPP, s.controller, n, src);
    if (combat) {
      triggerSelf(S.TRIG_COMBAT_DAMAGE_PLAYER_SELF, src, n);
      triggerAttached(S.TRIG_EQUIPPED_COMBAT_DAMAGE_PLAYER, src, n);
      triggerWatchers(S.TRIG_CREATURE_COMBAT_DAMAGE_PLAYER, src, s.controller, n);
    }
  } else {
    const t = obj(to);
    if (t.zone != S.ZONE_BATTLEFIELD) return 0;
    if (t.types & S.TYPE_PLANESWALKER) {
      t.loyalty -= n < t.loyalty ? n : t.loyalty; // 120.3c
      emit(EV_COUNTERS, to, S.CTR_LOYALTY, -n);
    }
    if (t.types & S.TYPE_CREATURE) {
      t.damage += n; // 120.3e
      if (srcKw & S.KW_DEATHTOUCH) t.flags |= OF_DEATHTOUCHED;
    }
    markDirty();
  }
  if (srcKw & S.KW_LIFELINK) gainLife(s.controller, n); // 702.15b
  return n;
}

// Prevention (615): protection from everything (702.16e), "prevent all combat damage that would be
// dealt to it this turn", and "prevent all noncombat damage that would be dealt to other creatures
// you control".
function damagePrevented(to: i32, combat: bool): bool {
  const t = obj(to);
  if (t.zone == S.ZONE_BATTLEFIELD && hasKw(to, S.KW_PROTECTION_ALL)) return true;
  if (combat) return (t.flags & OF_PREVENT_COMBAT_DAMAGE) != 0;
  return (t.types & S.TYPE_CREATURE) != 0 && replacementCount(t.controller, S.RP_PREVENT_NONCOMBAT_TO_OTHERS, to) > 0;
}

// "Whenever equipped creature ...": the abilities of what is attached to `creature`.
function triggerAttached(trig: i32, creature: i32, n: i32): void {
  const g = game();
  for (let i = 0; i < g.objCount; i++) {
    const o = obj(i);
    if (o.zone == S.ZONE_BATTLEFIELD && o.attachedTo == creature) triggerSelf(trig, i, n);
  }
}

export function attach(i: i32, to: i32): void {
  obj(i).attachedTo = to;
  obj(i).ts = game().nextTs++; // 613.7e: attaching gives a new timestamp
  emit(EV_ATTACH, i, to, 0);
  markDirty();
}

// Destroy (701.7): indestructible permanents ignore it. Uses the batch so simultaneous deaths
// see each other leave (603.10a).
export function destroy(i: i32): void {
  const o = obj(i);
  if (o.zone != S.ZONE_BATTLEFIELD || hasKw(i, S.KW_INDESTRUCTIBLE)) return;
  o.flags |= OF_DYING;
}

export function sacrifice(i: i32): void {
  if (obj(i).zone == S.ZONE_BATTLEFIELD) obj(i).flags |= OF_DYING;
}

// Moves every object marked OF_DYING to its owner's graveyard at once. Leaves-the-battlefield
// triggers look back in time: they are collected while every dying object is still there.
export function flushDying(): void {
  const g = game();
  const n = g.objCount;
  let any = false;
  for (let i = 0; i < n; i++) {
    const o = obj(i);
    if (!(o.flags & OF_DYING)) continue;
    any = true;
    if (dies(o)) { // 700.4, 614.6: exiled or shuffled instead, it never dies
      triggerSelf(S.TRIG_DIES_SELF, i, 0);
      triggerWatchers(S.TRIG_DIES, i, o.controller, 0);
    }
    triggerSelf(S.TRIG_LEAVES_SELF, i, 0);
  }
  if (!any) return;
  for (let i = 0; i < n; i++) {
    const o = obj(i);
    if (!(o.flags & OF_DYING)) continue;
    if (dies(o)) g.creatureDiedThisTurn = 1;
    moveTo(i, S.ZONE_GRAVEYARD);
    retargetPendingEvent(i);
  }
}

// Pending "dies" triggers name the dying object; after the move it is the graveyard card.
function retargetPendingEvent(i: i32): void {
  const g = game();
  const z = obj(i).zseq;
  for (let k = 0; k < g.pendCount; k++) {
    const it = pendingAt(k);
    if (it.eventObj == i) it.eventZseq = z;
    if (it.obj == i && it.ability >= 0 && (abil(it.ability, S.AB_TRIGGER) == S.TRIG_DIES_SELF || abil(it.ability, S.AB_TRIGGER) == S.TRIG_LEAVES_SELF)) it.zseq = z;
  }
}

export function clearCombatFlags(i: i32): void {
  const o = obj(i);
  o.flags &= ~(OF_ATTACKING | OF_BLOCKING | OF_BLOCKED | OF_FIRST_STRUCK);
  o.attackTarget = NONE;
  o.blocking = NONE;
}

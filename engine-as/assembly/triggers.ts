// Triggered abilities (603): events add pending triggers; the next time a player would receive
// priority they go on the stack in APNAP order (603.3b), each controller ordering their own.
import * as S from './ir/spec';
import { card, abil, cardMask, trigBit, TM_GRAVEYARD } from './ir';
import {
  game, obj, effect, pending, copyItem, MAX_PENDING, NONE, SI_TRIGGER, EF_GRANTED_TRIGGER, EF_DELAYED, ABX_LOST,
} from './state';
import { matches, condition, abilitiesWork, refresh } from './chars';
import { endGame, engineLimit } from './sba';

// Pseudo ability indexes for triggers the engine makes itself from keywords.
export const AB_PROWESS = -2; // 702.108a
export const AB_WARD = -3; // 702.21a
export const AB_SAC_AT_END = -4; // a token's "At the beginning of the end step, sacrifice this token." (TOKF_HASTE_SAC_END)

export function addPending(src: i32, ability: i32, controller: i32, eventObj: i32, eventPlayer: i32, amount: i32): void {
  const g = game();
  if (g.pendCount >= MAX_PENDING) { engineLimit(S.LIMIT_PENDING); return; }
  const it = pending(g.pendCount++);
  it.kind = SI_TRIGGER;
  it.obj = src;
  it.zseq = src >= 0 ? obj(src).zseq : 0;
  it.controller = controller;
  it.ability = ability;
  it.mode = NONE;
  it.x = 0;
  it.flags = 0;
  it.eventObj = eventObj;
  it.eventZseq = eventObj >= 0 ? obj(eventObj).zseq : 0;
  it.eventAmount = amount;
  it.eventPlayer = eventPlayer;
  it.lkiPower = src >= 0 ? obj(src).power : 0;
  it.ntargets = 0;
}

// Adds every ability of object i that triggers on `trig`, when it works from the zone i is in
// (AB_ZONE; a reflexive trigger is linked to the ability that resolved instead, 603.12), its
// event filter (checked against `filterObj`, if >= 0) and its intervening "if" (603.4) hold.
// Triggered abilities granted until end of turn (EF_GRANTED_TRIGGER) count as the object's own;
// a permanent that lost all abilities has none of its own, nor those granted before (613.7).
function collect(i: i32, trig: i32, filterObj: i32, evObj: i32, evPlayer: i32, amount: i32): void {
  const g = game();
  const o = obj(i);
  const lost = o.zone == S.ZONE_BATTLEFIELD && (o.abilFx & ABX_LOST) != 0;
  if ((cardMask(o.card) & trigBit(trig)) && !lost) {
    const start = card(o.card, S.CARD_ABIL_START), end = start + card(o.card, S.CARD_ABIL_COUNT);
    for (let a = start; a < end; a++) {
      if (abil(a, S.AB_KIND) == S.ABK_TRIGGERED && (abil(a, S.AB_ZONE) == o.zone || trig == S.TRIG_REFLEXIVE)) consider(a, i, trig, filterObj, evObj, evPlayer, amount);
    }
  }
  for (let e = 0; o.granted && e < g.effCount; e++) {
    const ef = effect(e);
    if (ef.kind == EF_GRANTED_TRIGGER && ef.obj == i && ef.zseq == o.zseq && (!lost || ef.ts > o.lostTs)) consider(ef.kw, i, trig, filterObj, evObj, evPlayer, amount);
  }
}

function consider(a: i32, i: i32, trig: i32, filterObj: i32, evObj: i32, evPlayer: i32, amount: i32): void {
  const o = obj(i);
  if (abil(a, S.AB_TRIGGER) != trig) return;
  const f = abil(a, S.AB_TRIGGER_FILTER);
  if (filterObj >= 0 && f >= 0 && !matches(f, filterObj, i, o.controller, NONE)) return;
  if (!condition(abil(a, S.AB_CONDITION), abil(a, S.AB_CONDITION_PARAM), i, o.controller)) return;
  // "This ability triggers only once each turn" (per object: a new object may trigger again, 400.7)
  if (abil(a, S.AB_TIMING) & S.TIMING_ONCE_PER_TURN) {
    if (o.onceTurn == game().turn + 1) return;
    o.onceTurn = game().turn + 1;
  }
  addPending(i, a, o.controller, evObj, evPlayer, amount);
}

// Abilities of object i that trigger on `trig` about itself.
export function triggerSelf(trig: i32, i: i32, amount: i32): void {
  collect(i, trig, NONE, i, obj(i).controller, amount);
}

// Abilities of battlefield permanents that watch an event about object `ev` (controlled by
// `evController`): enters, dies, landfall, a creature dealing combat damage. The event object
// is still where the event saw it (the battlefield, for enters and dies).
export function triggerWatchers(trig: i32, ev: i32, evController: i32, amount: i32): void {
  refresh(); // filters read characteristics: a creature entering with counters has its final power
  const n = game().objCount;
  const yoursOnly = trig == S.TRIG_LANDFALL || trig == S.TRIG_CREATURE_COMBAT_DAMAGE_PLAYER;
  for (let i = 0; i < n; i++) {
    const o = obj(i);
    if (!abilitiesWork(o) || (yoursOnly && evController != o.controller)) continue;
    collect(i, trig, ev, ev, evController, amount);
  }
}

// Player `p` put n +1/+1 counters on permanent `ev` (122.6a): "whenever you put one or more
// +1/+1 counters on <filter>" abilities of the permanents p controls.
export function triggerYouPutP1P1(ev: i32, p: i32, n: i32): void {
  const g = game();
  const cnt = g.objCount;
  for (let i = 0; i < cnt; i++) {
    const o = obj(i);
    if (!(cardMask(o.card) & trigBit(S.TRIG_YOU_PUT_P1P1)) || !abilitiesWork(o) || o.controller != p) continue;
    refresh();
    collect(i, S.TRIG_YOU_PUT_P1P1, ev, ev, p, n);
  }
}

// Events about a player: draws, gains life, loses life (the watcher's controller is `p`).
export function triggerPlayerEvent(trig: i32, p: i32, amount: i32, evObj: i32): void {
  const n = game().objCount;
  const evPlayer = trig == S.TRIG_OPP_LOSES_LIFE || trig == S.TRIG_OPP_DRAW || trig == S.TRIG_OPP_DISCARDS ? 1 - p : p;
  for (let i = 0; i < n; i++) {
    const o = obj(i);
    if (abilitiesWork(o) && o.controller == p) collect(i, trig, NONE, evObj, evPlayer, amount);
  }
}

// "At the beginning of ..." triggers (503.1a, 507.1, 513.1a): the active player's, plus
// "each end step" abilities of every permanent; cards in graveyards trigger with abilities that
// work there (Flamewake Phoenix).
export function triggerStep(trig: i32): void {
  const g = game();
  if (trig == S.TRIG_END_STEP) triggerDelayed(S.TRIG_EACH_END_STEP);
  const n = g.objCount;
  for (let i = 0; i < n; i++) {
    const o = obj(i);
    // permanents and emblems, and graveyard cards with abilities that work there (Flamewake Phoenix)
    if (!abilitiesWork(o) && !(o.zone == S.ZONE_GRAVEYARD && (cardMask(o.card) & TM_GRAVEYARD))) continue;
    if (o.controller == g.active) collect(i, trig, NONE, NONE, g.active, 0);
    if (trig == S.TRIG_END_STEP) {
      collect(i, S.TRIG_EACH_END_STEP, NONE, NONE, g.active, 0);
      if (o.zone == S.ZONE_BATTLEFIELD && (o.except & S.TOKF_HASTE_SAC_END) && !(o.abilFx & ABX_LOST)) addPending(i, AB_SAC_AT_END, o.controller, i, o.controller, 0);
    }
  }
}

// Delayed triggered abilities waiting for `trig` trigger once and are gone (603.7b-c). They
// remember the object they refer to (its zone-change count) and the source that created them.
function triggerDelayed(trig: i32): void {
  const g = game();
  for (let e = 0; e < g.effCount; e++) {
    const ef = effect(e);
    if (ef.kind != EF_DELAYED || abil(ef.kw, S.AB_TRIGGER) != trig) continue;
    ef.kind = 0;
    addPending(ef.source, ef.kw, ef.player, ef.obj, ef.player, 0);
    if (g.over) return; // the pending table was full
    const it = pending(g.pendCount - 1);
    it.zseq = ef.sourceZseq;
    it.eventZseq = ef.zseq;
  }
}

// A spell was cast (601.2i): "whenever you cast" / "whenever an opponent casts" / "whenever a player
// casts", and prowess.
// The event amount is the number of instant and sorcery spells the caster cast before it this
// turn (Thousand-Year Storm).
export function triggerCast(spell: i32, caster: i32, instSorcBefore: i32): void {
  const n = game().objCount;
  const noncreature = !(card(obj(spell).card, S.CARD_TYPES) & S.TYPE_CREATURE);
  for (let i = 0; i < n; i++) {
    const o = obj(i);
    if (!abilitiesWork(o)) continue;
    if (noncreature && o.controller == caster && (o.kw & S.KW_PROWESS)) addPending(i, AB_PROWESS, caster, spell, caster, 0);
    collect(i, o.controller == caster ? S.TRIG_CAST : S.TRIG_OPP_CAST, spell, spell, caster, instSorcBefore);
    collect(i, S.TRIG_ANY_CAST, spell, spell, caster, instSorcBefore); // "whenever a player casts")
  }
}

// Attack triggers (508.3a): each attacker's own, then "whenever you attack" once.
export function triggerAttacks(attacker: i32): void {
  triggerSelf(S.TRIG_ATTACKS_SELF, attacker, 0);
  triggerSelf(S.TRIG_ETB_OR_ATTACKS_SELF, attacker, 0);
}
export function triggerYouAttack(p: i32): void {
  const n = game().objCount;
  for (let i = 0; i < n; i++) {
    const o = obj(i);
    if (abilitiesWork(o) && o.controller == p) collect(i, S.TRIG_ATTACKS_ANY, NONE, NONE, p, 0);
  }
}

export function removePending(k: i32): void {
  const g = game();
  for (let j = k; j < g.pendCount - 1; j++) copyItem(pending(j), pending(j + 1));
  g.pendCount--;
}

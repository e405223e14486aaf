// Priority actions (117), casting spells (601), activating abilities (602) and putting
// triggered abilities on the stack (603.3). Each choice along the way is its own decision.
import * as S from './ir/spec';
import { card, abil, tspec, irWord, cardMask, manaGeneric, manaXCount, manaTotalColored, TM_STATIC, TM_GRAVEYARD } from './ir';
import {
  game, player, obj, stackItem, pending, effect, optAt, setOptAt, Item, NONE, MAX_STACK, MAX_TARGETS, targetZseqAt, targetSpecAt,
  OF_TAPPED, OF_SICK, OF_LOYALTY_USED, OF_ACTIVATED_ONCE, OF_DYING, OF_KICKED, OF_TOKEN, OF_ACTIVATED_EVER, ABX_LOST,
  SI_SPELL, SI_ABILITY, IF_HASTE_MANA, IF_KICKED, IF_FLASHBACK, IF_FLASHBACK_COST, IF_TARGETED, IF_ALT_COST, IF_COPY, IF_FREE, IF_ANY_MANA, IF_REMOVE_COUNTERS,
  EF_GAINS_FLASHBACK, EF_MAY_PLAY, STEP_MAIN1, STEP_MAIN2, FACT_CAST, targetAt, setTarget, shareAt, setShareAt, copyItem,
} from './state';
import { matches, hasKw, amount, refresh, countMatching, markDirty, condition, costReduction, countersOf } from './chars';
import { ask, addOpt, takeAnswer } from './decision';
import { canPay, pay, maxGeneric, manaAvailable, endActionList, paidHasteDragon } from './mana';
import { moveTo, enterBattlefield, tap, sacrifice, flushDying, loseLife, newObject, removeCounters, discardCard } from './zones';
import { triggerCast, addPending, removePending, AB_WARD } from './triggers';
import { emit, EV_CAST, EV_ACTIVATE, EV_TRIGGER } from './events';
import { endGame, engineLimit } from './sba';
import { opLength } from './resolve';

// casting stages
const CS_MODE = 1;
const CS_X = 2;
const CS_KICKER = 3;
const CS_TARGETS = 4;
const CS_ADDCOST = 5;
const CS_PAY = 6;
const CS_DIVIDE = 7; // dividing damage among the chosen targets (601.2d)

// ---------- costs ----------
let costGeneric = 0;
let costColored = 0;

// The total mana cost of casting card object i (601.2f): mana cost or alternative cost (none
// when cast without paying its mana cost, 118.9), plus X and kicker, minus reductions (which
// only reduce generic mana). `flags` are the item's IF_* bits: the printed flashback cost
// (IF_FLASHBACK_COST), an ST_ALT_COST alternative cost (IF_ALT_COST), kicked, cast without paying
// its mana cost (IF_FREE), mana of any type (IF_ANY_MANA). `tappedTarget`: the spell targets a
// tapped permanent (CF_COST_REDUCE_IF_TARGET_TAPPED).
function spellCost(p: i32, i: i32, flags: i32, x: i32, tappedTarget: bool = false): void {
  const c = obj(i).card;
  let a = card(c, S.CARD_COST_A);
  costColored = card(c, S.CARD_COST_B);
  if (flags & IF_FREE) { a = 0; costColored = 0; }
  else if (flags & IF_FLASHBACK_COST) { a = card(c, S.CARD_ALT_COST_A); costColored = card(c, S.CARD_ALT_COST_B); }
  else if (flags & IF_ALT_COST) {
    const pc = abil(altCostAbility(c), S.AB_CODE);
    a = irWord(pc + 1); costColored = irWord(pc + 2);
  }
  costGeneric = manaGeneric(a) + manaXCount(a) * x;
  if (flags & IF_KICKED) {
    costGeneric += manaGeneric(card(c, S.CARD_KICKER_A));
    costColored += card(c, S.CARD_KICKER_B);
  }
  let reduce = 0;
  const cr = card(c, S.CARD_COST_REDUCE);
  if (cr != 0 && (tappedTarget || !(card(c, S.CARD_FLAGS) & S.CF_COST_REDUCE_IF_TARGET_TAPPED))) reduce += amount(cr, i, p, 0);
  reduce += costReduction(p, i);
  costGeneric -= reduce;
  if (costGeneric < 0) costGeneric = 0;
  // mana of any type can be spent: every colored symbol can be paid like generic mana
  if (flags & IF_ANY_MANA) { costGeneric += manaTotalColored(costColored); costColored = 0; }
}

// ---------- permissions to play cards from other zones (OP_MAY_PLAY) ----------

// The PLAY_* flags of a live permission for player p to play card object i, or -1 if none.
// A permission names the object as it was when granted: once the card changes zones it is a
// new object (400.7) and the permission is gone.
export function playPermission(p: i32, i: i32): i32 {
  const g = game();
  for (let e = 0; e < g.effCount; e++) {
    const ef = effect(e);
    if (ef.kind == EF_MAY_PLAY && ef.obj == i && ef.zseq == obj(i).zseq && ef.player == p) return ef.playFlags;
  }
  return staticPlayPermission(p, i);
}

// Permissions from static abilities (no effect entry; the same PLAY_* flags):
// - ST_PLAY_STASHED (Tinybones): during p's turn, a card p doesn't own with a stash counter on it
//   in exile; mana of any type can be spent to cast it.
// - ST_PLAY_GY_BY_TYPE (Muldrotha): during p's turn, a permanent card in p's graveyard with a
//   permanent type one of those statics hasn't used this turn (PLAY_GRAVETIDE: performAction
//   records the type). Lands are played with the normal land play (305.2).
// - ST_GY_CAST_REMOVE_COUNTERS (Quilled Greatwurm): the card in p's graveyard may be cast when
//   creatures p controls have enough counters among them (PLAY_REMOVE_COUNTERS, an additional
//   cost). Muldrotha is preferred when both apply (it costs nothing more).
function staticPlayPermission(p: i32, i: i32): i32 {
  const o = obj(i);
  const g = game();
  if (o.zone == S.ZONE_EXILE) {
    return player(p).stashPlay && g.active == p && o.owner != p && o.other > 0 ? S.PLAY_ANY_MANA : -1;
  }
  if (o.zone != S.ZONE_GRAVEYARD || o.owner != p) return -1;
  if (player(p).gravetide && g.active == p && gravetideSource(p, i) >= 0) return S.PLAY_GRAVETIDE;
  const n = removeCountersCastCost(o.card);
  if (n > 0 && countersAmongCreatures(p) >= n) return S.PLAY_CAST_ONLY | S.PLAY_REMOVE_COUNTERS;
  return -1;
}

const GT_TYPES = S.TYPE_ARTIFACT | S.TYPE_CREATURE | S.TYPE_ENCHANTMENT | S.TYPE_LAND | S.TYPE_PLANESWALKER | S.TYPE_BATTLE;

// The permanent types (TYPE_* bits) that ST_PLAY_GY_BY_TYPE source s has used this turn.
function gravetideUsed(s: i32): i32 {
  const o = obj(s);
  return o.gtTurn == game().turn && o.gtZseq == o.zseq ? o.gtUsed : 0;
}

// Does object s have a working ST_PLAY_GY_BY_TYPE static?
function isGravetide(s: i32): bool {
  const o = obj(s);
  if (o.zone != S.ZONE_BATTLEFIELD || !(cardMask(o.card) & TM_STATIC) || (o.abilFx & ABX_LOST)) return false;
  const start = card(o.card, S.CARD_ABIL_START), end = start + card(o.card, S.CARD_ABIL_COUNT);
  for (let a = start; a < end; a++) if (abil(a, S.AB_KIND) == S.ABK_STATIC && irWord(abil(a, S.AB_CODE)) == S.ST_PLAY_GY_BY_TYPE) return true;
  return false;
}

// The first ST_PLAY_GY_BY_TYPE permanent p controls that still has one of graveyard card i's
// permanent types unused this turn, or -1.
function gravetideSource(p: i32, i: i32): i32 {
  const types = card(obj(i).card, S.CARD_TYPES) & GT_TYPES;
  if (!types) return -1;
  const g = game();
  for (let s = 0; s < g.objCount; s++) {
    if (obj(s).controller == p && isGravetide(s) && (types & ~gravetideUsed(s))) return s;
  }
  return -1;
}

// Card i is played with a Muldrotha permission: one unused permanent type of the card is used
// (a card with several, e.g. an artifact creature, uses the one that the fewest other permanent
// cards in p's graveyard have, so that the most options stay open; ties: the lowest TYPE_* bit).
function useGravetide(p: i32, i: i32): void {
  const s = gravetideSource(p, i);
  if (s < 0) return;
  const g = game();
  const free = card(obj(i).card, S.CARD_TYPES) & GT_TYPES & ~gravetideUsed(s);
  let best = 0, bestN = 0x7fffffff;
  for (let t = 1; t <= S.TYPE_BATTLE; t <<= 1) {
    if (!(free & t)) continue;
    let n = 0;
    for (let k = 0; k < g.objCount; k++) {
      if (k != i && obj(k).zone == S.ZONE_GRAVEYARD && obj(k).owner == p && (card(obj(k).card, S.CARD_TYPES) & t)) n++;
    }
    if (n < bestN) { best = t; bestN = n; }
  }
  const o = obj(s);
  o.gtUsed = gravetideUsed(s) | best;
  o.gtTurn = g.turn;
  o.gtZseq = o.zseq;
}

// ST_GY_CAST_REMOVE_COUNTERS of card c: how many counters casting it from the graveyard removes (0: none).
function removeCountersCastCost(c: i32): i32 {
  if (!(cardMask(c) & TM_STATIC)) return 0;
  const start = card(c, S.CARD_ABIL_START), end = start + card(c, S.CARD_ABIL_COUNT);
  for (let a = start; a < end; a++) {
    const pc = abil(a, S.AB_CODE);
    if (abil(a, S.AB_KIND) == S.ABK_STATIC && irWord(pc) == S.ST_GY_CAST_REMOVE_COUNTERS) return irWord(pc + 1);
  }
  return 0;
}

// Counters of every kind on creatures p controls.
function countersAmongCreatures(p: i32): i32 {
  const g = game();
  let n = 0;
  for (let k = 0; k < g.objCount; k++) {
    const o = obj(k);
    if (o.zone == S.ZONE_BATTLEFIELD && o.controller == p && (o.types & S.TYPE_CREATURE)) n += o.p1p1 + o.m1m1 + o.loyalty + o.stun + o.other;
  }
  return n;
}

// 601.2h: removing counters from among creatures you control, one decision per counter
// (DK_REMOVE_COUNTER: creature | counter kind << 16). False while waiting.
function removeCountersCost(it: Item, p: i32): bool {
  const g = game();
  if (g.ctrCostLeft < 0) g.ctrCostLeft = removeCountersCastCost(obj(it.obj).card);
  while (g.ctrCostLeft > 0) {
    if (g.hasAnswer) {
      const v = takeAnswer();
      removeCounters(v & 0xffff, v >> 16, 1);
      g.ctrCostLeft--;
      continue;
    }
    ask(S.DK_REMOVE_COUNTER, p, 0);
    for (let k = 0; k < g.objCount; k++) {
      const o = obj(k);
      if (o.zone != S.ZONE_BATTLEFIELD || o.controller != p || !(o.types & S.TYPE_CREATURE)) continue;
      if (o.p1p1 > 0) addOpt(k | (S.CTR_P1P1 << 16));
      if (o.m1m1 > 0) addOpt(k | (S.CTR_M1M1 << 16));
      if (o.loyalty > 0) addOpt(k | (S.CTR_LOYALTY << 16));
      if (o.stun > 0) addOpt(k | (S.CTR_STUN << 16));
      if (o.other > 0) addOpt(k | (S.CTR_OTHER << 16));
    }
    if (g.dcount == 0) { g.dkind = 0; g.ctrCostLeft = 0; break; } // checked before casting: not reached
    return false;
  }
  return true;
}

// IF_* cost bits for a spell cast with a permission's PLAY_* flags.
function permissionCostFlags(play: i32): i32 {
  if (play < 0) return 0;
  return ((play & S.PLAY_FREE) ? IF_FREE : 0) | ((play & S.PLAY_ANY_MANA) ? IF_ANY_MANA : 0)
    | ((play & S.PLAY_REMOVE_COUNTERS) ? IF_REMOVE_COUNTERS : 0);
}

// IF_* bits for casting graveyard card i with flashback. A card with flashback both printed and
// granted by an effect whose cost is its mana cost (Sphinx of Forgotten Lore) is cast with the
// cheaper of the two; only the printed one otherwise. Decided while the card is in the graveyard
// (the granted flashback names the graveyard object) and kept on the stack item.
function flashbackFlags(i: i32): i32 {
  const c = obj(i).card;
  if (!(card(c, S.CARD_FLAGS) & S.CF_FLASHBACK)) return IF_FLASHBACK;
  if (gainsFlashback(i) && manaGeneric(card(c, S.CARD_ALT_COST_A)) + manaTotalColored(card(c, S.CARD_ALT_COST_B))
    > manaGeneric(card(c, S.CARD_COST_A)) + manaTotalColored(card(c, S.CARD_COST_B))) return IF_FLASHBACK;
  return IF_FLASHBACK | IF_FLASHBACK_COST;
}

// Does graveyard card i have flashback from a resolved effect this turn?
function gainsFlashback(i: i32): bool {
  const g = game();
  for (let e = 0; e < g.effCount; e++) {
    const ef = effect(e);
    if (ef.kind == EF_GAINS_FLASHBACK && ef.obj == i && ef.zseq == obj(i).zseq) return true;
  }
  return false;
}

// The static ability offering an alternative cost (ST_ALT_COST), or -1.
function altCostAbility(c: i32): i32 {
  if (!(cardMask(c) & TM_STATIC)) return -1;
  const start = card(c, S.CARD_ABIL_START), end = start + card(c, S.CARD_ABIL_COUNT);
  for (let a = start; a < end; a++) if (abil(a, S.AB_KIND) == S.ABK_STATIC && irWord(abil(a, S.AB_CODE)) == S.ST_ALT_COST) return a;
  return -1;
}

// Whether card object i may be cast for its alternative cost now ("if there are thirteen or more creatures").
function altCostNow(p: i32, i: i32): bool {
  const a = altCostAbility(obj(i).card);
  return a >= 0 && condition(abil(a, S.AB_CONDITION), abil(a, S.AB_CONDITION_PARAM), i, p);
}

function isSorcerySpeed(p: i32): bool {
  const g = game();
  return g.active == p && g.stackCount == 0 && (g.step == STEP_MAIN1 || g.step == STEP_MAIN2);
}

// ---------- targets ----------

// The ability whose target specs apply to an item (the chosen mode for modal ones).
export function targetAbility(it: Item): i32 {
  if (it.mode >= 0) return it.mode;
  return it.ability;
}

function firstTargetObj(it: Item): i32 {
  if (it.ntargets == 0) return NONE;
  const t = targetAt(it, 0);
  return t >= 0 && t < S.PLAYER_CODE ? t : NONE;
}

// Can `code` be chosen (or still be a legal target, 608.2b) for spec `ts` of item `it`?
export function legalTarget(ts: i32, code: i32, it: Item): bool {
  const you = it.controller;
  if (code >= S.PLAYER_CODE) {
    const p = code - S.PLAYER_CODE;
    const pf = tspec(ts, S.TS_PLAYERS);
    if (!((p == you && (pf & S.PF_YOU)) || (p != you && (pf & S.PF_OPP)))) return false;
    refresh();
    return p == you || !player(p).hexproof;
  }
  const f = tspec(ts, S.TS_FILTER);
  if (f < 0) return false;
  if (code == it.obj && it.kind == SI_SPELL) return false; // 115.5: a spell can't target itself
  refresh();
  if (!matches(f, code, it.obj, you, firstTargetObj(it))) return false;
  const o = obj(code);
  if (o.zone != S.ZONE_BATTLEFIELD) return true;
  if (o.kw & S.KW_PROTECTION_ALL) return false; // 702.16b: protection from everything
  if (o.controller == you) return true;
  if (o.kw & S.KW_HEXPROOF) return false; // 702.11b
  // 702.11d: hexproof from instants (an instant spell, or an ability of an instant source)
  return !((o.kw & S.KW_HEXPROOF_FROM_INSTANTS) && it.obj >= 0 && (card(obj(it.obj).card, S.CARD_TYPES) & S.TYPE_INSTANT));
}

function alreadyChosen(it: Item, code: i32, from: i32): bool {
  for (let k = from; k < it.ntargets; k++) if (targetAt(it, k) == code) return true;
  return false;
}

// "controlled by different players": a candidate's controller must differ from those of the
// targets already chosen for this spec.
function sameControllerChosen(ts: i32, it: Item, specStart: i32, i: i32): bool {
  if (!(tspec(ts, S.TS_FLAGS) & S.TSF_DIFFERENT_CONTROLLERS)) return false;
  for (let k = specStart; k < it.ntargets; k++) {
    const t = targetAt(it, k);
    if (t >= 0 && t < S.PLAYER_CODE && obj(t).controller == obj(i).controller) return true;
  }
  return false;
}

// Lists legal choices for spec ts into `out` mode: count only (returns the number).
function countCandidates(ts: i32, it: Item, specStart: i32, list: bool): i32 {
  const g = game();
  let n = 0;
  const distinctFrom = (tspec(ts, S.TS_FLAGS) & S.TSF_DISTINCT_FROM_PREV) ? 0 : specStart;
  if (tspec(ts, S.TS_PLAYERS) != 0) {
    for (let p = 0; p < 2; p++) {
      const code = S.PLAYER_CODE + p;
      if (!alreadyChosen(it, code, distinctFrom) && legalTarget(ts, code, it)) { n++; if (list) addOpt(code); }
    }
  }
  // "from a single graveyard": later targets of the spec share the first one's owner
  const first = specStart < it.ntargets ? targetAt(it, specStart) : NONE;
  const owner = (tspec(ts, S.TS_FLAGS) & S.TSF_SAME_OWNER) != 0 && first >= 0 && first < S.PLAYER_CODE ? obj(first).owner : NONE;
  if (tspec(ts, S.TS_FILTER) >= 0) {
    for (let i = 0; i < g.objCount; i++) {
      if (alreadyChosen(it, i, distinctFrom) || !legalTarget(ts, i, it) || (owner >= 0 && obj(i).owner != owner)
        || sameControllerChosen(ts, it, specStart, i)) continue;
      n++;
      if (list) addOpt(i);
    }
  }
  return n;
}

// How many targets spec ts needs and allows for item it ("any number ... if this spell was kicked").
function oneTarget(ts: i32, it: Item): bool {
  return (tspec(ts, S.TS_FLAGS) & S.TSF_ONE_UNLESS_KICKED) != 0 && !(it.flags & IF_KICKED);
}
function specMin(ts: i32, it: Item): i32 { return oneTarget(ts, it) ? 1 : tspec(ts, S.TS_MIN); }
function specMax(ts: i32, it: Item): i32 { return oneTarget(ts, it) ? 1 : tspec(ts, S.TS_MAX); }

// Could every target spec of ability a be satisfied for an item controlled by p (source src)?
const probe = changetype<Item>(heap.alloc(<usize>(offsetof<Item>() + 64 * 4)));
function targetsPossible(a: i32, p: i32, src: i32, kind: i32): bool {
  if (a < 0) return true;
  const start = abil(a, S.AB_TSPEC_START), count = abil(a, S.AB_TSPEC_COUNT);
  if (count == 0) return true;
  probe.obj = src; probe.controller = p; probe.kind = kind; probe.ntargets = 0;
  for (let ts = start; ts < start + count; ts++) {
    const min = specMin(ts, probe);
    if (min > 0 && countCandidates(ts, probe, 0, false) < min) return false;
    if ((tspec(ts, S.TS_FLAGS) & S.TSF_DIFFERENT_CONTROLLERS) && <i32>popcnt<i32>(controllersAmong(ts, probe)) < min) return false;
  }
  return true;
}

// Bitmask of the controllers of the legal candidates of spec ts.
function controllersAmong(ts: i32, it: Item): i32 {
  const g = game();
  let m = 0;
  for (let i = 0; i < g.objCount; i++) if (legalTarget(ts, i, it)) m |= 1 << obj(i).controller;
  return m;
}

// A modal ability can be used if at least one mode can.
function abilityPossible(a: i32, p: i32, src: i32, kind: i32): bool {
  if (a < 0) return true;
  const modes = abil(a, S.AB_MODES);
  if (modes == 0) return targetsPossible(a, p, src, kind);
  for (let m = a + 1; m <= a + modes; m++) if (targetsPossible(m, p, src, kind)) return true;
  return false;
}

// ---------- which ability a card casts with ----------
export function spellAbility(c: i32): i32 {
  const start = card(c, S.CARD_ABIL_START), end = start + card(c, S.CARD_ABIL_COUNT);
  for (let a = start; a < end; a++) {
    const k = abil(a, S.AB_KIND);
    if (k == S.ABK_SPELL || k == S.ABK_ENCHANT) return a;
  }
  return -1;
}

// ---------- additional costs ----------
function addCostPossible(p: i32, flags: i32, param: i32, src: i32, self: i32): bool {
  if (flags & S.COST_SAC_FILTER) {
    refresh();
    if (countMatching(param, src, p) - (self >= 0 && matches(param, self, src, p, NONE) ? 1 : 0) <= 0) return false;
  }
  if ((flags & S.COST_DISCARD) && player(p).handCount - (obj(src).zone == S.ZONE_HAND ? 1 : 0) < param) return false;
  if ((flags & S.COST_PAY_LIFE) && player(p).life < param) return false;
  if ((flags & S.COST_REMOVE_COUNTERS) && countersOf(src, param >> 8) < (param & 0xff)) return false;
  return true;
}

// ---------- priority actions ----------
let available = 0; // manaAvailable(p) for the action list being built

// Can player p cast card object i now, with the item's IF_* cost bits `flags`? `anyTime`: timing
// restrictions based on card type are ignored (PLAY_NOW).
function canCast(p: i32, i: i32, flags: i32, anyTime: bool = false): bool {
  const c = obj(i).card;
  const types = card(c, S.CARD_TYPES);
  if (types & S.TYPE_LAND) return false;
  if (!anyTime && !(types & S.TYPE_INSTANT) && !(card(c, S.CARD_KEYWORDS) & S.KW_FLASH) && !player(p).castAsFlash && !isSorcerySpeed(p)) return false;
  const addFlags = card(c, S.CARD_ADD_COST), addParam = card(c, S.CARD_ADD_COST_PARAM);
  const addOk = !addFlags || addCostPossible(p, addFlags, addParam, i, NONE);
  if (!addOk && !(card(c, S.CARD_FLAGS) & S.CF_ADD_COST_OR_MANA)) return false;
  // without the sacrifice, the mana alternative (Eaten Alive)
  spellCost(p, i, flags | (addOk ? 0 : IF_KICKED), 0, tappedTargetExists(spellAbility(c), p, i));
  if (costGeneric + manaTotalColored(costColored) > available) return false;
  if (!canPay(p, costGeneric, costColored, NONE, i)) return false;
  return abilityPossible(spellAbility(c), p, i, SI_SPELL);
}

// Could the spell (card object i, ability a) target a tapped permanent with its first target spec?
function tappedTargetExists(a: i32, p: i32, i: i32): bool {
  if (!(card(obj(i).card, S.CARD_FLAGS) & S.CF_COST_REDUCE_IF_TARGET_TAPPED) || a < 0 || abil(a, S.AB_TSPEC_COUNT) == 0) return false;
  const ts = abil(a, S.AB_TSPEC_START);
  probe.obj = i; probe.controller = p; probe.kind = SI_SPELL; probe.ntargets = 0;
  for (let k = 0; k < game().objCount; k++) if ((obj(k).flags & OF_TAPPED) && legalTarget(ts, k, probe)) return true;
  return false;
}

// 601.2f: the cost is locked in after targets are chosen, so when the spell is affordable only
// with its "targets a tapped creature" reduction, only tapped targets are offered.
function keepAffordableTargets(it: Item, p: i32): void {
  if (!(card(obj(it.obj).card, S.CARD_FLAGS) & S.CF_COST_REDUCE_IF_TARGET_TAPPED)) return;
  spellCost(p, it.obj, it.flags, it.x, false);
  if (canPay(p, costGeneric, costColored, NONE, it.obj)) return;
  const g = game();
  let n = 0;
  for (let k = 0; k < g.dcount; k++) {
    const code = optAt(k);
    if (code >= 0 && code < S.PLAYER_CODE && !(obj(code).flags & OF_TAPPED)) continue;
    setOptAt(n++, code);
  }
  g.dcount = n;
}

function targetsTapped(it: Item): bool {
  if (it.ntargets == 0) return false;
  const t = targetAt(it, 0);
  return t >= 0 && t < S.PLAYER_CODE && (obj(t).flags & OF_TAPPED) != 0;
}

// `grantor`: the permanent granting ability a to object i (ABK_GRANTED), or NONE for i's own.
function canActivate(p: i32, i: i32, a: i32, grantor: i32): bool {
  const o = obj(i);
  const kind = abil(a, S.AB_KIND);
  const timing = abil(a, S.AB_TIMING);
  if (kind == S.ABK_LOYALTY) {
    if (!isSorcerySpeed(p) || (o.flags & OF_LOYALTY_USED)) return false; // 606.3
    const d = abil(a, S.AB_COST_PARAM);
    if (d < 0 && o.loyalty < -d) return false;
  } else if (kind == S.ABK_GRANTED) {
    if (grantor < 0) return false;
  } else if (kind != S.ABK_ACTIVATED) {
    return false;
  }
  if ((timing & (S.TIMING_SORCERY | S.TIMING_EQUIP)) && !isSorcerySpeed(p)) return false;
  if ((timing & S.TIMING_ONCE_PER_TURN) && (o.flags & OF_ACTIVATED_ONCE)) return false;
  if ((timing & S.TIMING_ONCE) && (o.flags & OF_ACTIVATED_EVER)) return false;
  const cf = abil(a, S.AB_COST_FLAGS);
  if (cf & S.COST_TAP) {
    if (o.flags & OF_TAPPED) return false;
    if ((o.types & S.TYPE_CREATURE) && (o.flags & OF_SICK) && !hasKw(i, S.KW_HASTE)) return false; // 302.6
  }
  if (!addCostPossible(p, cf, abil(a, S.AB_COST_PARAM), i, (cf & S.COST_SAC_SELF) ? i : NONE)) return false;
  if (cf & S.COST_TAP_PERMANENTS) {
    const param = abil(a, S.AB_COST_PARAM);
    let n = 0;
    for (let k = 0; k < game().objCount; k++) if (tapCandidate(k, param, grantor >= 0 ? grantor : i, p, (cf & S.COST_TAP) ? i : NONE)) n++;
    if (n < (param >> 16)) return false;
  }
  const costA = abil(a, S.AB_COST_A), costB = abil(a, S.AB_COST_B);
  if (!canPay(p, manaGeneric(costA), costB, (cf & (S.COST_TAP | S.COST_SAC_SELF)) ? i : NONE, i, true)) return false;
  if ((timing & S.TIMING_EQUIP) && !equipTargetExists(i, a, p)) return false;
  return abilityPossible(a, p, i, SI_ABILITY);
}

// COST_TAP_PERMANENTS: an untapped permanent p controls matching the cost's filter, seen from
// `fsrc` (the card the ability is printed on), other than `self` when {T} already taps it.
function tapCandidate(i: i32, param: i32, fsrc: i32, p: i32, self: i32): bool {
  const o = obj(i);
  return o.zone == S.ZONE_BATTLEFIELD && o.controller == p && !(o.flags & OF_TAPPED) && i != self
    && matches(param & 0xffff, i, fsrc, p, NONE);
}

function equipTargetExists(i: i32, a: i32, p: i32): bool {
  const g = game();
  const ts = abil(a, S.AB_TSPEC_START);
  probe.obj = i; probe.controller = p; probe.kind = SI_ABILITY; probe.ntargets = 0;
  for (let k = 0; k < g.objCount; k++) if (k != obj(i).attachedTo && legalTarget(ts, k, probe)) return true;
  return false;
}

export function canPlayLand(p: i32): bool {
  const pl = player(p);
  return isSorcerySpeed(p) && pl.landsPlayed < 1 + pl.extraLands; // 305.2
}

// Fills the priority decision for player p: pass first, then every legal action.
export function listActions(p: i32): void {
  const g = game();
  refresh();
  ask(S.DK_PRIORITY, p, 0);
  addOpt(S.ACT_PASS);
  available = manaAvailable(p);
  const landOk = canPlayLand(p);
  for (let i = 0; i < g.objCount; i++) {
    const o = obj(i);
    if (o.zone == S.ZONE_HAND && o.owner == p) {
      if (card(o.card, S.CARD_TYPES) & S.TYPE_LAND) { if (landOk) addOpt(S.ACT_PLAY_LAND | i); }
      else {
        if (canCast(p, i, 0)) addOpt(S.ACT_CAST | i);
        if (altCostNow(p, i) && canCast(p, i, IF_ALT_COST)) addOpt(S.ACT_CAST_ALT | i);
        if (player(p).castFree && canCast(p, i, IF_FREE)) addOpt(S.ACT_CAST_FREE | i); // 118.9 (Omniscience)
      }
    } else if (o.zone == S.ZONE_BATTLEFIELD) {
      if (o.controller == p && !(o.abilFx & ABX_LOST)) addActivations(p, i);
    } else if (o.zone != S.ZONE_LIBRARY) {
      if (o.zone == S.ZONE_GRAVEYARD && o.owner == p) {
        if (((card(o.card, S.CARD_FLAGS) & S.CF_FLASHBACK) || gainsFlashback(i)) && canCast(p, i, flashbackFlags(i))) addOpt(S.ACT_CAST_FLASHBACK | i);
        if (cardMask(o.card) & TM_GRAVEYARD) addActivations(p, i);
      }
      const play = playPermission(p, i);
      if (play >= 0) {
        if (card(o.card, S.CARD_TYPES) & S.TYPE_LAND) { if (landOk && !(play & S.PLAY_CAST_ONLY)) addOpt(S.ACT_PLAY_LAND | i); }
        else if (canCast(p, i, permissionCostFlags(play))) addOpt(S.ACT_CAST | i);
      }
    }
    if (o.zone == S.ZONE_BATTLEFIELD && o.attachedTo >= 0 && (cardMask(o.card) & TM_STATIC)) listGranted(p, i);
  }
  endActionList();
}

// Spells cast during the resolution of an ability (PLAY_NOW permissions, Etali): once it has
// finished resolving, its controller casts any number of them one at a time, ignoring timing
// restrictions based on card type; then the other permissions to cast now end. Casting one
// runs the normal casting process, and the window asks again after it.
export function castNowStage(): void {
  const g = game();
  const p = g.castNow - 1;
  if (g.hasAnswer && g.akind == S.DK_CAST_NOW) {
    const code = takeAnswer();
    if (code != S.ACT_PASS) { performAction(p, code); return; }
    g.castNow = 0;
    for (let e = 0; e < g.effCount; e++) {
      const ef = effect(e);
      if (ef.kind == EF_MAY_PLAY && (ef.playFlags & S.PLAY_NOW)) ef.kind = 0;
    }
    return;
  }
  refresh();
  ask(S.DK_CAST_NOW, p, 0);
  addOpt(S.ACT_PASS);
  available = manaAvailable(p);
  for (let i = 0; i < g.objCount; i++) {
    const play = playPermission(p, i);
    if (play >= 0 && (play & S.PLAY_NOW) && canCast(p, i, permissionCostFlags(play), true)) addOpt(S.ACT_CAST | i);
  }
  endActionList();
}

// Abilities of object i that work from the zone it is in (AB_ZONE: the battlefield, or the
// graveyard for "return this card from your graveyard", 602.2).
function addActivations(p: i32, i: i32): void {
  const o = obj(i);
  const start = card(o.card, S.CARD_ABIL_START), n = card(o.card, S.CARD_ABIL_COUNT);
  for (let k = 0; k < n; k++) {
    if (abil(start + k, S.AB_ZONE) == o.zone && canActivate(p, i, start + k, NONE)) addOpt(S.ACT_ACTIVATE | (k << 16) | i);
  }
}

// Abilities that permanent g grants to the object it is attached to (ST_GRANT_ABILITY), when
// p controls that object and can activate them: ACT_ACTIVATE_GRANTED | index << 16 | g.
function listGranted(p: i32, g: i32): void {
  const to = obj(g).attachedTo;
  if (obj(to).zone != S.ZONE_BATTLEFIELD || obj(to).controller != p) return;
  const start = card(obj(g).card, S.CARD_ABIL_START), n = card(obj(g).card, S.CARD_ABIL_COUNT);
  for (let a = start; a < start + n; a++) {
    if (abil(a, S.AB_KIND) != S.ABK_STATIC) continue;
    for (let pc = abil(a, S.AB_CODE); irWord(pc) == S.ST_GRANT_ABILITY; pc += 2) {
      const k = irWord(pc + 1);
      if (canActivate(p, to, start + k, g)) addOpt(S.ACT_ACTIVATE_GRANTED | (k << 16) | g);
    }
  }
}

// ---------- performing an action ----------
function pushItem(): Item {
  const g = game();
  if (g.stackCount >= MAX_STACK) { engineLimit(S.LIMIT_STACK); return stackItem(0); }
  const it = stackItem(g.stackCount++);
  it.kind = 0; it.obj = NONE; it.zseq = 0; it.controller = 0; it.ability = NONE; it.mode = NONE;
  it.x = 0; it.flags = 0; it.eventObj = NONE; it.eventZseq = 0; it.eventAmount = 0; it.eventPlayer = NONE;
  it.lkiPower = 0; it.ntargets = 0;
  return it;
}

export function performAction(p: i32, code: i32): void {
  const g = game();
  const kind = code & S.ACT_KIND_MASK;
  const i = code & 0xffff;
  if (kind == S.ACT_PLAY_LAND) {
    if (obj(i).zone != S.ZONE_HAND) { const play = playPermission(p, i); if (play >= 0 && (play & S.PLAY_GRAVETIDE)) useGravetide(p, i); }
    player(p).landsPlayed++;
    moveTo(i, S.ZONE_BATTLEFIELD);
    enterBattlefield(i, p, false, 0);
    return;
  }
  const it = pushItem();
  if (g.over) return;
  it.controller = p;
  if (kind == S.ACT_ACTIVATE) {
    const a = card(obj(i).card, S.CARD_ABIL_START) + ((code >> 16) & 0xff);
    it.kind = SI_ABILITY; it.obj = i; it.zseq = obj(i).zseq; it.ability = a;
    it.lkiPower = obj(i).power;
    emit(EV_ACTIVATE, i, a, p);
  } else if (kind == S.ACT_ACTIVATE_GRANTED) {
    // the ability is the attached object's; the granting permanent is kept as the event object (REF_GRANTOR)
    const a = card(obj(i).card, S.CARD_ABIL_START) + ((code >> 16) & 0xff);
    const src = obj(i).attachedTo;
    it.kind = SI_ABILITY; it.obj = src; it.zseq = obj(src).zseq; it.ability = a;
    it.eventObj = i; it.eventZseq = obj(i).zseq;
    it.lkiPower = obj(src).power;
    emit(EV_ACTIVATE, src, a, p);
  } else {
    it.kind = SI_SPELL; it.obj = i;
    it.ability = spellAbility(obj(i).card);
    if (kind == S.ACT_CAST_FLASHBACK) it.flags |= flashbackFlags(i);
    else if (kind == S.ACT_CAST_FREE) it.flags |= IF_FREE;
    else if (kind == S.ACT_CAST_ALT) it.flags |= IF_ALT_COST;
    else if (obj(i).zone != S.ZONE_HAND) { // 601.2a: cast with a permission
      const play = playPermission(p, i);
      it.flags |= permissionCostFlags(play);
      if (play >= 0 && (play & S.PLAY_GRAVETIDE)) useGravetide(p, i);
    }
    moveTo(i, S.ZONE_STACK); // 601.2a
    obj(i).controller = p;
    it.zseq = obj(i).zseq;
  }
  g.casting = CS_MODE;
  g.castItem = g.stackCount - 1;
  g.castPlayer = p;
  g.castSpec = 0;
  g.castSpecChosen = 0;
  g.castAddLeft = -1;
  g.ctrCostLeft = -1;
}

// Starts putting pending trigger k on the stack: it becomes the top item, then modes/targets.
export function beginTrigger(k: i32): void {
  const g = game();
  const src = pending(k);
  const it = pushItem();
  if (g.over) return;
  copyItem(it, src);
  removePending(k);
  emit(EV_TRIGGER, it.obj, it.ability, it.controller);
  g.casting = CS_MODE;
  g.castItem = g.stackCount - 1;
  g.castPlayer = it.controller;
  g.castSpec = 0;
  g.castSpecChosen = 0;
  g.castAddLeft = -1;
}

// Drops the item being built (a trigger with no legal targets, 603.3d).
function abandonCast(): void {
  const g = game();
  g.stackCount--;
  g.casting = 0;
}

// Runs the casting stages until done or a decision is needed.
export function runCasting(): void {
  const g = game();
  const it = stackItem(g.castItem);
  const p = g.castPlayer;
  while (g.casting) {
    if (g.casting == CS_MODE) {
      const a = it.ability;
      if (a >= 0 && abil(a, S.AB_MODES) > 0 && it.mode < 0) {
        if (!g.hasAnswer) {
          ask(S.DK_MODE, p, 0);
          const modes = abil(a, S.AB_MODES);
          for (let m = a + 1; m <= a + modes; m++) if (targetsPossible(m, p, it.obj, it.kind)) addOpt(m - a - 1);
          if (game().dcount == 0) { abandonCast(); return; }
          return;
        }
        it.mode = a + 1 + takeAnswer();
      }
      g.casting = it.kind == SI_SPELL ? CS_X : CS_TARGETS;
    } else if (g.casting == CS_X) {
      const c = obj(it.obj).card;
      // 107.3b: X is 0 when the spell is cast without paying its mana cost
      const xs = (it.flags & IF_FREE) ? 0 : manaXCount((it.flags & IF_FLASHBACK_COST) ? card(c, S.CARD_ALT_COST_A) : card(c, S.CARD_COST_A));
      if (xs > 0) {
        if (!g.hasAnswer) {
          spellCost(p, it.obj, it.flags, 0);
          let max = maxGeneric(p, costColored, NONE, it.obj, false) - costGeneric;
          max = max < 0 ? 0 : max / xs;
          if (max > 30) max = 30;
          ask(S.DK_X, p, 0);
          for (let x = 0; x <= max; x++) addOpt(x);
          return;
        }
        it.x = takeAnswer();
      }
      g.casting = CS_KICKER;
    } else if (g.casting == CS_KICKER) {
      const c = obj(it.obj).card;
      // "sacrifice a creature or pay {3}{B}": the kicker words hold the mana; kicked = paid mana
      const orMana = (card(c, S.CARD_FLAGS) & S.CF_ADD_COST_OR_MANA) != 0;
      if (orMana && !g.hasAnswer && !addCostPossible(p, card(c, S.CARD_ADD_COST), card(c, S.CARD_ADD_COST_PARAM), it.obj, NONE)) {
        it.flags |= IF_KICKED;
      } else if (card(c, S.CARD_KICKER_A) != 0 || card(c, S.CARD_KICKER_B) != 0) {
        if (!g.hasAnswer) {
          spellCost(p, it.obj, it.flags | IF_KICKED, it.x);
          if (canPay(p, costGeneric, costColored, NONE, it.obj)) { ask(S.DK_KICKER, p, 0); addOpt(0); addOpt(1); return; }
        } else if (takeAnswer() == 1) {
          it.flags |= IF_KICKED;
          obj(it.obj).flags |= OF_KICKED; // 702.33d: "if this spell was kicked" (cleared on zone change)
        }
      }
      g.casting = CS_TARGETS;
    } else if (g.casting == CS_TARGETS) {
      if (it.flags & IF_COPY) { // 707.10c: a copy is not cast; its controller may only change its targets
        if (chooseCopyTargets(it, p)) {
          g.casting = 0;
          addWardTriggers(it, g.castItem); // what the copy targets becomes a target (702.21a)
        }
        return;
      }
      if (!chooseTargets(it, p)) return;
      if (g.casting == 0) return; // abandoned
      g.casting = CS_DIVIDE;
    } else if (g.casting == CS_DIVIDE) {
      if (!divideDamage(it, p)) return;
      g.casting = CS_ADDCOST;
    } else if (g.casting == CS_ADDCOST) {
      if ((it.flags & IF_REMOVE_COUNTERS) && !removeCountersCost(it, p)) return;
      if (!payAdditionalCosts(it, p)) return;
      g.casting = CS_PAY;
    } else {
      finishCast(it, p);
      g.casting = 0;
    }
  }
}

// First target slot of spec `rel` of ability a: the sum of TS_MAX of the specs before it.
function slotBase(a: i32, rel: i32): i32 {
  let k = 0;
  const start = abil(a, S.AB_TSPEC_START);
  for (let ts = start; ts < start + rel; ts++) k += tspec(ts, S.TS_MAX);
  return k;
}

// The target slot the pending DK_TARGET decision fills (agents use it to read the effect).
export function currentTargetSlot(): i32 {
  const g = game();
  return slotBase(targetAbility(stackItem(g.castItem)), g.castSpec) + g.castSpecChosen;
}

// Chooses targets spec by spec, one target per decision (601.2c). False while waiting.
function chooseTargets(it: Item, p: i32): bool {
  const g = game();
  const a = targetAbility(it);
  const count = a >= 0 ? abil(a, S.AB_TSPEC_COUNT) : 0;
  if (g.castSpec == 0 && g.castSpecChosen == 0 && !g.hasAnswer) {
    it.ntargets = 0;
    for (let k = 0; k < MAX_TARGETS; k++) { setTarget(it, k, -1, 0, 0); setShareAt(it, k, 0); }
  }
  while (g.castSpec < count) {
    const ts = abil(a, S.AB_TSPEC_START) + g.castSpec;
    const min = specMin(ts, it), max = specMax(ts, it);
    const base = slotBase(a, g.castSpec);
    if (g.hasAnswer) {
      const code = takeAnswer();
      if (code < 0) { nextSpec(); continue; }
      const slot = base + g.castSpecChosen;
      setTarget(it, slot, code, code < S.PLAYER_CODE ? obj(code).zseq : 0, g.castSpec);
      if (slot + 1 > it.ntargets) it.ntargets = slot + 1;
      g.castSpecChosen++;
      it.flags |= IF_TARGETED;
      continue;
    }
    if (g.castSpecChosen >= max || base + g.castSpecChosen >= MAX_TARGETS) { nextSpec(); continue; }
    ask(S.DK_TARGET, p, ts);
    if (g.castSpecChosen >= min) addOpt(-1);
    countCandidates(ts, it, base, true);
    if (it.kind == SI_SPELL && g.castSpec == 0) keepAffordableTargets(it, p);
    if (g.dcount == 0) {
      // nothing legal: only possible for triggers (spells and abilities were checked first)
      g.dkind = 0;
      abandonCast();
      return false;
    }
    if (g.dcount == 1 && optAt(0) == -1) { g.dkind = 0; nextSpec(); continue; }
    return false;
  }
  return true;
}

// 601.2d: the total of an AMT_DIVIDED damage is divided among the targets of the TSF_DIVIDED
// spec, at least 1 each, one decision per target in the order chosen; the last target gets
// the rest. False while waiting for a choice.
function divideDamage(it: Item, p: i32): bool {
  const g = game();
  const a = targetAbility(it);
  if (a < 0) return true;
  const start = abil(a, S.AB_TSPEC_START), count = abil(a, S.AB_TSPEC_COUNT);
  for (let rel = 0; rel < count; rel++) {
    if (!(tspec(start + rel, S.TS_FLAGS) & S.TSF_DIVIDED)) continue;
    const base = slotBase(a, rel), max = tspec(start + rel, S.TS_MAX);
    let chosen = 0, assigned = 0, next = -1;
    for (let k = base; k < base + max && k < MAX_TARGETS; k++) {
      if (targetAt(it, k) < 0) continue;
      chosen++;
      const share = shareAt(it, k);
      assigned += share;
      if (share == 0 && next < 0) next = k;
    }
    if (next < 0) continue; // divided already (or no targets)
    if (g.hasAnswer) { setShareAt(it, next, takeAnswer()); return divideDamage(it, p); }
    let after = 0; // targets still without a share after `next`
    for (let k = next + 1; k < base + max && k < MAX_TARGETS; k++) if (targetAt(it, k) >= 0 && shareAt(it, k) == 0) after++;
    const left = dividedTotal(a) - assigned;
    if (after == 0) { setShareAt(it, next, left); return divideDamage(it, p); }
    ask(S.DK_DIVIDE, p, targetAt(it, next));
    for (let n = 1; n <= left - after; n++) addOpt(n);
    return false;
  }
  return true;
}

// The total of the first divided amount (AMT_DIVIDED) in ability a's program.
function dividedTotal(a: i32): i32 {
  for (let pc = abil(a, S.AB_CODE); irWord(pc) != S.OP_END; pc += opLength(irWord(pc))) {
    if (irWord(pc) == S.OP_DAMAGE && (irWord(pc + 1) & S.AMT_TAG_MASK) == S.AMT_DIVIDED) return irWord(pc + 1) & S.AMT_PARAM_MASK;
  }
  return 0;
}

// A copy keeps the number of its targets: each chosen target may be changed to another legal
// one (the current one is offered again), or stays when nothing else is legal. castSpecChosen
// counts the target slots done. False while waiting.
function chooseCopyTargets(it: Item, p: i32): bool {
  const g = game();
  const a = targetAbility(it);
  while (g.castSpecChosen < it.ntargets) {
    const k = g.castSpecChosen;
    const spec = targetSpecAt(it, k);
    if (g.hasAnswer) {
      const code = takeAnswer();
      setTarget(it, k, code, code < S.PLAYER_CODE ? obj(code).zseq : 0, spec);
      g.castSpecChosen++;
      continue;
    }
    const old = targetAt(it, k), oldZseq = targetZseqAt(it, k);
    if (old < 0) { g.castSpecChosen++; continue; }
    const ts = abil(a, S.AB_TSPEC_START) + spec;
    setTarget(it, k, -1, 0, spec); // so that the current target is listed too
    ask(S.DK_TARGET, p, ts);
    countCandidates(ts, it, slotBase(a, spec), true);
    setTarget(it, k, old, oldZseq, spec);
    if (g.dcount > 0) return false;
    g.dkind = 0;
    g.castSpecChosen++;
  }
  return true;
}

function nextSpec(): void {
  const g = game();
  g.castSpec++;
  g.castSpecChosen = 0;
}

// Sacrifice / discard / life / tap / loyalty parts of the cost (601.2h). False while waiting.
function payAdditionalCosts(it: Item, p: i32): bool {
  const g = game();
  let flags = 0, param = 0;
  if (it.kind == SI_SPELL) {
    const c = obj(it.obj).card;
    flags = card(c, S.CARD_ADD_COST); param = card(c, S.CARD_ADD_COST_PARAM);
    if ((it.flags & IF_KICKED) && (card(c, S.CARD_FLAGS) & S.CF_ADD_COST_OR_MANA)) flags = 0; // paid with mana instead
  } else if (it.kind == SI_ABILITY) {
    flags = abil(it.ability, S.AB_COST_FLAGS); param = abil(it.ability, S.AB_COST_PARAM);
  } else {
    return true;
  }
  const src = it.obj;
  if (g.castAddLeft < 0) {
    g.castAddLeft = (flags & S.COST_SAC_FILTER) ? 1 : 0;
    g.castAddLeft += (flags & S.COST_DISCARD) ? param : 0;
    g.castAddLeft += (flags & S.COST_TAP_PERMANENTS) ? param >> 16 : 0;
    if (flags & S.COST_TAP) tap(src);
    if (it.kind == SI_ABILITY && abil(it.ability, S.AB_KIND) == S.ABK_LOYALTY) {
      obj(src).loyalty += param; // a cost, so never doubled (Doubling Season ruling)
      markDirty();
      obj(src).flags |= OF_LOYALTY_USED;
    }
    if (it.kind == SI_ABILITY && (abil(it.ability, S.AB_TIMING) & S.TIMING_ONCE_PER_TURN)) obj(src).flags |= OF_ACTIVATED_ONCE;
    if (it.kind == SI_ABILITY && (abil(it.ability, S.AB_TIMING) & S.TIMING_ONCE)) obj(src).flags |= OF_ACTIVATED_EVER;
    if (flags & S.COST_PAY_LIFE) loseLife(p, param);
    if (flags & S.COST_REMOVE_COUNTERS) removeCounters(src, param >> 8, param & 0xff);
  }
  const tapping = (flags & S.COST_TAP_PERMANENTS) != 0; // never with a sacrifice or discard in this pool
  const fsrc = it.kind == SI_ABILITY && abil(it.ability, S.AB_KIND) == S.ABK_GRANTED ? it.eventObj : src;
  while (g.castAddLeft > 0) {
    const sac = (flags & S.COST_SAC_FILTER) && g.castAddLeft == 1 + ((flags & S.COST_DISCARD) ? param : 0);
    if (g.hasAnswer) {
      const i = takeAnswer();
      if (tapping) tap(i);
      else if (sac) { sacrifice(i); flushDying(); }
      else discardCard(i);
      g.castAddLeft--;
      continue;
    }
    if (tapping) {
      ask(S.DK_TAP_COST, p, 0);
      for (let i = 0; i < g.objCount; i++) if (tapCandidate(i, param, fsrc, p, NONE)) addOpt(i);
    } else if (sac) {
      ask(S.DK_SACRIFICE, p, 0);
      for (let i = 0; i < g.objCount; i++) if (i != src && matches(param, i, src, p, NONE) && !(obj(i).flags & OF_DYING)) addOpt(i);
    } else {
      ask(S.DK_DISCARD, p, 0);
      for (let i = 0; i < g.objCount; i++) if (obj(i).zone == S.ZONE_HAND && obj(i).owner == p) addOpt(i);
    }
    if (g.dcount == 0) { g.dkind = 0; g.castAddLeft = 0; break; }
    return false;
  }
  if ((flags & S.COST_SAC_SELF) && obj(src).zone == S.ZONE_BATTLEFIELD) {
    it.lkiPower = obj(src).power; // 608.2h: last known information
    sacrifice(src);
    flushDying();
  }
  if ((flags & S.COST_EXILE_SELF_FROM_GY) && obj(src).zone == S.ZONE_GRAVEYARD) moveTo(src, S.ZONE_EXILE);
  return true;
}

function finishCast(it: Item, p: i32): void {
  const g = game();
  if (it.kind == SI_SPELL) {
    spellCost(p, it.obj, it.flags, it.x, targetsTapped(it));
    pay(p, costGeneric, costColored, it.obj);
    if (paidHasteDragon) it.flags |= IF_HASTE_MANA;
    const pl = player(p);
    pl.spellsCastThisTurn++;
    const instSorcBefore = pl.instSorcCastThisTurn;
    if (card(obj(it.obj).card, S.CARD_TYPES) & (S.TYPE_INSTANT | S.TYPE_SORCERY)) pl.instSorcCastThisTurn++;
    obj(it.obj).facts |= FACT_CAST;
    emit(EV_CAST, it.obj, p, obj(it.obj).card);
    triggerCast(it.obj, p, instSorcBefore);
  } else if (it.kind == SI_ABILITY) {
    const a = it.ability;
    pay(p, manaGeneric(abil(a, S.AB_COST_A)), abil(a, S.AB_COST_B), it.obj, true);
  }
  addWardTriggers(it, g.castItem);
}

// Ward (702.21a): targeting an opponent's permanent with ward triggers its ability.
function addWardTriggers(it: Item, stackIndex: i32): void {
  for (let k = 0; k < it.ntargets; k++) {
    const t = targetAt(it, k);
    if (t < 0 || t >= S.PLAYER_CODE) continue;
    const o = obj(t);
    if (o.zone != S.ZONE_BATTLEFIELD || o.controller == it.controller || !(o.kw & S.KW_WARD)) continue;
    addPending(t, AB_WARD, o.controller, it.obj, it.controller, stackIndex);
  }
}

// 707.10c: a copy of spell item k goes on the stack at index `at` (under the resolving item);
// its controller may choose new targets: targets are chosen again, the old ones among the
// choices. The copy's object is a token on the stack (it ceases to exist elsewhere, 704.5e).
export function putCopyOnStack(k: i32, at: i32, p: i32): void {
  const g = game();
  if (g.stackCount >= MAX_STACK) { engineLimit(S.LIMIT_STACK); return; }
  for (let j = g.stackCount; j > at; j--) copyItem(stackItem(j), stackItem(j - 1));
  g.stackCount++;
  if (k >= at) k++;
  const it = stackItem(at);
  copyItem(it, stackItem(k));
  const orig = it.obj;
  const c = newObject(obj(orig).card, p, S.ZONE_STACK);
  if (c < 0) return;
  obj(c).flags |= OF_TOKEN | (obj(orig).flags & OF_KICKED);
  obj(c).x = obj(orig).x;
  it.obj = c; it.zseq = obj(c).zseq; it.controller = p;
  it.flags |= IF_COPY;
  g.casting = CS_TARGETS;
  g.castItem = at;
  g.castPlayer = p;
  g.castSpec = 0;
  g.castSpecChosen = 0;
}

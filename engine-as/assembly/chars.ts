// Characteristics after continuous effects (613), filters, conditions and amounts.
// Objects off the battlefield keep their printed characteristics (set when they change zones);
// battlefield objects are recomputed from scratch whenever the state is marked dirty.
import * as S from './ir/spec';
import { card, abil, filt, cardMask, irWord, TM_STATIC } from './ir';
import {
  game, player, obj, effect, Obj, Item, NONE, MAX_OBJECTS, OF_TAPPED, OF_KICKED, OF_ATTACKING, OF_BLOCKING, OF_TOKEN, ABX_LOST, ABX_TAP_FOR_C,
  EF_PUMP, EF_GRANT, EF_ADD_TYPES, EF_ANIMATE, EF_BECOME, OF_WAS_CAST, OF_EXILED_THIS_WAY, targetAt, targetZseqAt, opponent,
} from './state';
import { emit, EV_PT } from './events';

export function setBaseChars(o: Obj): void {
  const c = o.card;
  o.power = card(c, S.CARD_POWER);
  o.toughness = card(c, S.CARD_TOUGHNESS);
  if (o.power == S.PT_STAR) o.power = 0; // "*" is defined by a characteristic-defining ability (ST_CDA_PT)
  if (o.toughness == S.PT_STAR) o.toughness = 0;
  o.kw = card(c, S.CARD_KEYWORDS);
  o.types = card(c, S.CARD_TYPES);
  o.colors = card(c, S.CARD_COLORS);
  o.sub = card(c, S.CARD_SUBTYPES_LO);
  o.subHi = card(c, S.CARD_SUBTYPES_HI);
  o.grantedMana = 0;
  if (o.except & S.TOKF_HASTE_SAC_END) o.kw |= S.KW_HASTE; // 707.9b: the exceptions are part of the copiable values
  if (o.except & S.TOKF_NIGHTMARE) o.subHi |= S.SUB_HI_NIGHTMARE;
  o.abilFx = 0;
  o.lostTs = 0;
  o.nameId = card(c, S.CARD_NAME_ID);
}

// Objects whose abilities work: permanents, and emblems in the command zone (114.4).
export function abilitiesWork(o: Obj): bool {
  return o.zone == S.ZONE_BATTLEFIELD || o.zone == S.ZONE_COMMAND;
}

// Card flags that are abilities of the permanent (attacks each combat, can't be blocked by
// Walls): none once it has lost all abilities.
export function abilityFlags(i: i32): i32 {
  refresh();
  return obj(i).abilFx & ABX_LOST ? 0 : card(obj(i).card, S.CARD_FLAGS);
}

export function markDirty(): void {
  const g = game();
  g.dirty = 1;
  g.sbaDirty = 1;
}

export function refresh(): void {
  const g = game();
  if (!g.dirty) return;
  g.dirty = 0;
  recompute();
}

export function powerOf(i: i32): i32 { refresh(); return obj(i).power; }
export function toughnessOf(i: i32): i32 { refresh(); return obj(i).toughness; }
export function kwOf(i: i32): i32 { refresh(); return obj(i).kw; }
export function hasKw(i: i32, k: i32): bool { refresh(); return (obj(i).kw & k) != 0; }
export function typesOf(i: i32): i32 { refresh(); return obj(i).types; }
export function isCreature(i: i32): bool { return (typesOf(i) & S.TYPE_CREATURE) != 0; }

// The object a static's filter calls "the source" while statics are applied.
function recompute(): void {
  const g = game();
  const n = g.objCount;
  for (let p = 0; p < 2; p++) {
    const pl = player(p);
    pl.extraLands = 0; pl.hexproof = 0; pl.noMaxHand = 0; pl.castAsFlash = 0; pl.castFree = 0; pl.costReducers = 0; pl.cantLose = 0; pl.stashPlay = 0; pl.gravetide = 0;
  }
  for (let i = 0; i < n; i++) {
    const o = obj(i);
    if (o.zone == S.ZONE_BATTLEFIELD) {
      // stash the old P/T (16 bits each) to emit EV_PT only when they change
      const old = (o.power & 0xffff) | (o.toughness << 16);
      setBaseChars(o);
      o.lkiPower = old;
    }
  }
  // Layer 7a, characteristic-defining P/T (604.3, 613.4a), in every zone
  for (let i = 0; i < n; i++) {
    const o = obj(i);
    if (o.zone != S.ZONE_NONE && card(o.card, S.CARD_POWER) == S.PT_STAR && (cardMask(o.card) & TM_STATIC)) applyCdaPT(i);
  }
  // Layer 4 (types): animated lands (OP_ANIMATE) first, so that the layer-4 statics' filters see
  // them as creatures; the animation also sets their base P/T (7b) and adds keywords (6), before
  // the statics of those layers so that these build on them.
  for (let e = 0; e < g.effCount; e++) {
    const ef = effect(e);
    if (ef.kind != EF_ANIMATE || !live(ef.obj, ef.zseq)) continue;
    const o = obj(ef.obj);
    o.types |= S.TYPE_CREATURE;
    o.sub |= S.SUB_CREATURE_TYPES;
    o.power = ef.power; o.toughness = ef.toughness;
    o.kw |= ef.kw;
  }
  // Then layer-4 statics (types, subtypes; colors of layer 5) and subtype additions, with which
  // objects lose all abilities (613.8: the effects of those objects' own abilities depend on it, so
  // it comes first); layer 6 (abilities) and player-level statics; then layer 7b/7c (P/T), each in
  // timestamp order of their sources (613.7). Abilities granted here do not depend on P/T.
  // "It becomes a Human Faerie Detective" (OP_BECOME): its creature types are replaced (205.1a).
  // Applied before the layer-4 statics: those of later sources (an Aura that sets types) win.
  for (let e = 0; e < g.effCount; e++) {
    const ef = effect(e);
    if (ef.kind != EF_BECOME || !live(ef.obj, ef.zseq)) continue;
    const o = obj(ef.obj);
    o.sub = (o.sub & ~S.SUB_CREATURE_TYPES) | ef.sub;
    o.subHi = (o.subHi & S.SUB_HI_GATE) | ef.subHi; // Gate is the only non-creature type of that word
  }
  collectStatics();
  applyStatics(LAYER_4);
  for (let e = 0; e < g.effCount; e++) {
    const ef = effect(e);
    if (ef.kind == EF_ADD_TYPES && live(ef.obj, ef.zseq)) { obj(ef.obj).sub |= ef.sub; obj(ef.obj).subHi |= ef.subHi; }
  }
  applyStatics(LAYER_6);
  for (let e = 0; e < g.effCount; e++) {
    const ef = effect(e);
    if ((ef.kind != EF_GRANT && ef.kind != EF_ADD_TYPES && ef.kind != EF_BECOME) || !live(ef.obj, ef.zseq)) continue;
    const o = obj(ef.obj);
    if (!(o.abilFx & ABX_LOST) || ef.ts > o.lostTs) o.kw |= ef.kw; // 613.7: an earlier grant is lost too
  }
  for (let e = 0; e < g.effCount; e++) { // base P/T of OP_BECOME (7b), before the 7b statics of later sources
    const ef = effect(e);
    if (ef.kind != EF_BECOME || ef.power == S.PT_STAR || !live(ef.obj, ef.zseq)) continue;
    obj(ef.obj).power = ef.power; obj(ef.obj).toughness = ef.toughness;
  }
  applyStatics(LAYER_7B);
  applyStatics(LAYER_7C);
  for (let e = 0; e < g.effCount; e++) {
    const ef = effect(e);
    if (ef.kind == EF_PUMP && live(ef.obj, ef.zseq)) {
      const o = obj(ef.obj);
      o.power += ef.power; o.toughness += ef.toughness;
    }
  }
  for (let i = 0; i < n; i++) {
    const o = obj(i);
    if (o.zone != S.ZONE_BATTLEFIELD) continue;
    // 7c: counters (613.4c)
    o.power += o.p1p1 - o.m1m1;
    o.toughness += o.p1p1 - o.m1m1;
    const old = o.lkiPower;
    const oldP = (old << 16) >> 16, oldT = old >> 16;
    if ((o.types & S.TYPE_CREATURE) && (oldP != o.power || oldT != o.toughness)) emit(EV_PT, i, o.power, o.toughness);
    o.lkiPower = o.power;
  }
}

// ST_CDA_PT of object i's own card sets its P/T (the ability works in every zone, 604.3).
function applyCdaPT(i: i32): void {
  const o = obj(i);
  const start = card(o.card, S.CARD_ABIL_START), end = start + card(o.card, S.CARD_ABIL_COUNT);
  for (let a = start; a < end; a++) {
    if (abil(a, S.AB_KIND) != S.ABK_STATIC) continue;
    const pc = abil(a, S.AB_CODE);
    if (irWord(pc) != S.ST_CDA_PT) continue;
    o.power = amount(irWord(pc + 1), i, o.controller, 0);
    o.toughness = amount(irWord(pc + 2), i, o.controller, 0);
  }
}

function live(i: i32, zseq: i32): bool { return obj(i).zseq == zseq && obj(i).zone == S.ZONE_BATTLEFIELD; }

const LAYER_6 = 0; // abilities, and player-level statics
const LAYER_7B = 1; // P/T setting
const LAYER_7C = 2; // P/T modifying
const LAYER_4 = 3; // types and colors (layers 4 and 5), and marking objects that lose all abilities (613.1d)
const ETB_COUNTERS = 4; // not a layer: "enters with additional counters" replacements (614.1c)
const COST_PASS = 5; // not a layer: cost reductions for one spell (costReduction)
let costSpell = -1; // the card being cast, during COST_PASS
let costTotal = 0;

// "<spells> you cast cost {n} less" (ST_COST_REDUCE) from permanents player p controls, for card
// object i. It is seen as the spell it becomes: 601.2f determines the cost once it is on the stack.
export function costReduction(p: i32, i: i32): i32 {
  refresh();
  if (!player(p).costReducers) return 0; // the common case, without a pass over the statics
  const o = obj(i);
  const zone = o.zone, controller = o.controller;
  o.zone = S.ZONE_STACK; o.controller = p;
  costSpell = i; costTotal = 0;
  collectStatics();
  applyStatics(COST_PASS);
  o.zone = zone; o.controller = controller;
  costSpell = -1;
  return costTotal;
}

// Static-ability sources in timestamp order (613.7), collected once for the passes that follow.
const staticSources = new StaticArray<i32>(MAX_OBJECTS);
let staticCount = 0;

function collectStatics(): void {
  const n = game().objCount;
  let k = 0;
  for (let i = 0; i < n; i++) {
    const o = obj(i);
    if (!abilitiesWork(o) || !(cardMask(o.card) & TM_STATIC) || (o.abilFx & ABX_LOST)) continue;
    let j = k++; // insertion by timestamp: there are few sources
    while (j > 0 && obj(staticSources[j - 1]).ts > o.ts) { staticSources[j] = staticSources[j - 1]; j--; }
    staticSources[j] = i;
  }
  staticCount = k;
}

// Applies the collected static abilities for one layer (or pass), sources in timestamp order.
function applyStatics(layer: i32): void {
  for (let j = 0; j < staticCount; j++) {
    const o = obj(staticSources[j]);
    // an earlier source may have taken its abilities away (layer 6)
    if (abilitiesWork(o) && !(o.abilFx & ABX_LOST)) applyStaticsOf(staticSources[j], layer);
  }
}

function applyStaticsOf(src: i32, layer: i32): void {
  const l6 = layer == LAYER_6; // descriptors of layer 6 and player-level ones apply in LAYER_6 only
  const o = obj(src);
  const start = card(o.card, S.CARD_ABIL_START), end = start + card(o.card, S.CARD_ABIL_COUNT);
  for (let a = start; a < end; a++) {
    if (abil(a, S.AB_KIND) != S.ABK_STATIC || abil(a, S.AB_ZONE) != o.zone) continue;
    if (!condition(abil(a, S.AB_CONDITION), abil(a, S.AB_CONDITION_PARAM), src, o.controller)) continue;
    let pc = abil(a, S.AB_CODE);
    while (true) {
      const op = irWord(pc);
      if (op == S.OP_END) break;
      if (op == S.ST_PT || op == S.ST_SET_BASE_PT) {
        if (layer == (op == S.ST_SET_BASE_PT ? LAYER_7B : LAYER_7C)) applyPT(op, irWord(pc + 1), irWord(pc + 2), irWord(pc + 3), src);
        pc += 4;
      } else if (op == S.ST_KW) {
        if (l6) forEachMatch(irWord(pc + 1), src, irWord(pc + 2));
        pc += 3;
      } else if (op == S.ST_COST_REDUCE) {
        if (layer == COST_PASS && o.controller == obj(costSpell).controller && matches(irWord(pc + 1), costSpell, src, o.controller, NONE)) {
          costTotal += amount(irWord(pc + 2), src, o.controller, 0);
        } else if (l6) player(o.controller).costReducers++;
        pc += 3;
      } else if (op == S.ST_EXTRA_LAND) {
        if (l6) player(o.controller).extraLands += irWord(pc + 1);
        pc += 2;
      } else if (op == S.ST_NO_MAX_HAND) {
        if (l6) player(o.controller).noMaxHand = 1;
        pc += 1;
      } else if (op == S.ST_PLAYER_HEXPROOF) {
        if (l6) player(o.controller).hexproof = 1;
        pc += 1;
      } else if (op == S.ST_CAST_AS_FLASH) {
        if (l6) player(o.controller).castAsFlash = 1;
        pc += 1;
      } else if (op == S.ST_CAST_FREE_FROM_HAND) {
        if (l6) player(o.controller).castFree = 1;
        pc += 1;
      } else if (op == S.ST_CANT_LOSE) {
        if (l6) player(o.controller).cantLose = 1;
        pc += 1;
      } else if (op == S.ST_PLAY_STASHED) { // permissions read in cast.ts (playPermission)
        if (l6) player(o.controller).stashPlay = 1;
        pc += 1;
      } else if (op == S.ST_PLAY_GY_BY_TYPE) {
        if (l6) player(o.controller).gravetide++;
        pc += 1;
      } else if (op == S.ST_GY_CAST_REMOVE_COUNTERS) {
        pc += 2; // works from the graveyard as the card is cast (cast.ts)
      } else if (op == S.ST_GRANT_MANA) {
        if (l6) grantMana(irWord(pc + 1), src, irWord(pc + 2), irWord(pc + 3));
        pc += 4;
      } else if (op == S.ST_ALT_COST) {
        pc += 3; // applies as the spell is cast (cast.ts)
      } else if (op == S.ST_ADD_SUBTYPES) {
        if (layer == LAYER_4) addSubtypes(irWord(pc + 1), src, irWord(pc + 2), irWord(pc + 3));
        pc += 4;
      } else if (op == S.ST_ETB_COUNTERS) {
        // a permanent's own "enters with" applies to itself only when it says so ("this", FF_SELF)
        const f = irWord(pc + 1);
        if (layer == ETB_COUNTERS && (src != etbObj || (filt(f, S.F_FLAGS) & S.FF_SELF))
          && matches(f, etbObj, src, o.controller, NONE)) {
          const kind = irWord(pc + 2);
          const k = amount(irWord(pc + 3), etbObj, obj(etbObj).controller, 0);
          if (kind == S.CTR_P1P1) etbBonus += k;
          else { etbOtherKind = kind; etbOtherBonus += k; }
        }
        pc += 4;
      } else if (op == S.ST_SET_NAME) {
        if (layer == LAYER_4) setName(irWord(pc + 1), src, irWord(pc + 2));
        pc += 3;
      } else if (op == S.ST_CDA_PT) {
        pc += 3; // applied in every zone before the layers (applyCdaPT)
      } else if (op == S.ST_GRANT_ABILITY) {
        pc += 2; // read by the action list (cast.ts), not a characteristic
      } else if (op == S.ST_LOSE_ALL_ABILITIES) {
        if (layer == LAYER_4) forEachMatch(irWord(pc + 1), src, LOSE_MARK);
        else if (l6) forEachMatch(irWord(pc + 1), src, LOSE_KEYWORDS);
        pc += 2;
      } else if (op == S.ST_TAP_FOR_C) {
        if (l6) forEachMatch(irWord(pc + 1), src, TAP_FOR_C);
        pc += 2;
      } else if (op == S.ST_SET_TYPES) {
        if (layer == LAYER_4) setTypes(irWord(pc + 1), src, irWord(pc + 2), irWord(pc + 3), irWord(pc + 4), irWord(pc + 5));
        pc += 6;
      } else {
        break; // unknown descriptor: the IR compiler rejects these, stop defensively
      }
    }
  }
}

const LOSE_KEYWORDS = -1;
const LOSE_MARK = -2;
const TAP_FOR_C = -3;

// Layer 6 for every matching battlefield object: add keywords (kw >= 0), remove all keywords,
// mark it as having lost all abilities, or give it "{T}: Add {C}."
function forEachMatch(f: i32, src: i32, kw: i32): void {
  const n = game().objCount;
  const you = obj(src).controller;
  for (let i = 0; i < n; i++) {
    const o = obj(i);
    if (o.zone != S.ZONE_BATTLEFIELD || !matches(f, i, src, you, NONE)) continue;
    if (kw >= 0) o.kw |= kw;
    else if (kw == LOSE_KEYWORDS) o.kw = 0;
    else if (kw == LOSE_MARK) { o.abilFx |= ABX_LOST; if (obj(src).ts > o.lostTs) o.lostTs = obj(src).ts; }
    else o.abilFx |= ABX_TAP_FOR_C;
  }
}

// Layers 4 and 5: new card types and subtypes (supertypes stay, 205.1b) and colors.
function setTypes(f: i32, src: i32, types: i32, sub: i32, subHi: i32, colors: i32): void {
  const n = game().objCount;
  const you = obj(src).controller;
  for (let i = 0; i < n; i++) {
    const o = obj(i);
    if (o.zone != S.ZONE_BATTLEFIELD || !matches(f, i, src, you, NONE)) continue;
    o.types = (o.types & ~TYPE_BITS) | types;
    // 205.1a: subtypes of a type it keeps stay (a land keeps its land types); the others are replaced
    o.sub = sub | ((types & S.TYPE_LAND) ? o.sub & LAND_TYPES : 0);
    o.subHi = subHi; // no land type is in the second word
    o.colors = colors;
  }
}
const TYPE_BITS = 0xfff; // card types; supertypes are bits 12 and up
const LAND_TYPES = S.SUB_PLAINS | S.SUB_ISLAND | S.SUB_SWAMP | S.SUB_MOUNTAIN | S.SUB_FOREST;

// Matching permanents get a new name (applied with the type-setting statics, by timestamp).
function setName(f: i32, src: i32, name: i32): void {
  const n = game().objCount;
  const you = obj(src).controller;
  for (let i = 0; i < n; i++) {
    const o = obj(i);
    if (o.zone == S.ZONE_BATTLEFIELD && matches(f, i, src, you, NONE)) o.nameId = name;
  }
}

// Layer 6: matching permanents gain "{T}: Add n mana of any one of these colors" (one such grant is kept).
function grantMana(f: i32, src: i32, colors: i32, n: i32): void {
  const count = game().objCount;
  const you = obj(src).controller;
  for (let i = 0; i < count; i++) {
    const o = obj(i);
    if (o.zone == S.ZONE_BATTLEFIELD && matches(f, i, src, you, NONE)) o.grantedMana = colors | (amount(n, src, you, 0) << 8);
  }
}

// Layer 4: every matching battlefield object gets these subtypes (both words) in addition.
function addSubtypes(f: i32, src: i32, bits: i32, hiBits: i32): void {
  const n = game().objCount;
  const you = obj(src).controller;
  for (let i = 0; i < n; i++) {
    const o = obj(i);
    if (o.zone == S.ZONE_BATTLEFIELD && matches(f, i, src, you, NONE)) { o.sub |= bits; o.subHi |= hiBits; }
  }
}

// The additional counters permanent i enters with (ST_ETB_COUNTERS, 614.1c), seen as it enters:
// +1/+1 counters (returned), and counters of one other kind (etbOtherKind/etbOtherBonus). The
// statics of permanents already there apply, and those of the entering permanent that say
// "this" (614.12: "this creature enters with ... counters").
let etbObj = NONE;
let etbBonus = 0;
export let etbOtherKind = 0;
export let etbOtherBonus = 0;
export function etbCounterBonus(i: i32): i32 {
  refresh();
  etbObj = i;
  etbBonus = 0;
  etbOtherKind = 0;
  etbOtherBonus = 0;
  collectStatics();
  applyStatics(ETB_COUNTERS);
  return etbBonus;
}

function applyPT(op: i32, f: i32, pa: i32, ta: i32, src: i32): void {
  const n = game().objCount;
  const you = obj(src).controller;
  const dp = amount(pa, src, you, 0), dt = amount(ta, src, you, 0);
  for (let i = 0; i < n; i++) {
    const o = obj(i);
    if (o.zone != S.ZONE_BATTLEFIELD || !matches(f, i, src, you, NONE)) continue;
    if (op == S.ST_SET_BASE_PT) { o.power = dp; o.toughness = dt; } else { o.power += dp; o.toughness += dt; }
  }
}

// Does object i match filter f, seen from `you` with source object src?
// Characteristics are read directly (not through refresh) so statics can use this mid-recompute.
export function matches(f: i32, i: i32, src: i32, you: i32, firstTarget: i32): bool {
  const o = obj(i);
  const zone = filt(f, S.F_ZONE);
  if (o.zone != (zone == 0 ? S.ZONE_BATTLEFIELD : zone)) return false;
  const types = o.types;
  const ta = filt(f, S.F_TYPES_ANY);
  const typesOk = (!ta || (types & ta) != 0) && !(types & filt(f, S.F_TYPES_NOT));
  const sa = filt(f, S.F_SUB_ANY), sh = filt(f, S.F_SUB_HI_ANY);
  const subHit = (o.sub & sa) != 0 || (o.subHi & sh) != 0;
  if (filt(f, S.F_FLAGS) & S.FF_TYPES_OR_SUB) {
    if (!typesOk && !subHit) return false;
  } else if (!typesOk || ((sa | sh) && !subHit)) return false;
  if (o.sub & filt(f, S.F_SUB_NOT)) return false;
  const ca = filt(f, S.F_COLORS_ANY);
  if (ca && !(o.colors & ca)) return false;
  const ctrl = filt(f, S.F_CONTROLLER);
  const who = o.zone == S.ZONE_BATTLEFIELD || o.zone == S.ZONE_STACK ? o.controller : o.owner;
  if (ctrl == S.CTRL_YOU && who != you) return false;
  if ((ctrl == S.CTRL_OPP || ctrl == S.CTRL_NOT_YOU) && who == you) return false;
  const name = filt(f, S.F_NAME);
  if (name >= 0 && o.nameId != name) return false;
  const kall = filt(f, S.F_KW_ALL);
  const kwTypes = filt(f, S.F_KW_TYPES);
  // the keyword requirement is waived for an object with one of the types it doesn't qualify
  if ((o.kw & kall) != kall && (kwTypes == 0 || !(types & ta & ~kwTypes))) return false;
  if (o.kw & filt(f, S.F_KW_NOT)) return false;
  const mvMax = filt(f, S.F_MV_MAX);
  if (mvMax >= 0 && card(o.card, S.CARD_MANA_VALUE) > mvMax) return false;
  if ((filt(f, S.F_FLAGS) & S.FF_MV_EXACT) && card(o.card, S.CARD_MANA_VALUE) != mvMax) return false;
  const fl = filt(f, S.F_FLAGS);
  const anyPower = (fl & S.FF_POWER_ONLY_CREATURES) != 0 && (types & ta & ~S.TYPE_CREATURE) != 0;
  if (!anyPower && (o.power < filt(f, S.F_POWER_MIN) || o.power > filt(f, S.F_POWER_MAX))) return false;
  if (fl) {
    if ((fl & S.FF_OTHER) && i == src) return false;
    if ((fl & S.FF_SELF) && i != src) return false;
    if ((fl & S.FF_TAPPED) && !(o.flags & OF_TAPPED)) return false;
    if ((fl & S.FF_UNTAPPED) && (o.flags & OF_TAPPED)) return false;
    if ((fl & S.FF_ATTACKING) && !(o.flags & OF_ATTACKING)) return false;
    if ((fl & S.FF_BLOCKING) && !(o.flags & OF_BLOCKING)) return false;
    if ((fl & S.FF_ATTACKING_OR_BLOCKING) && !(o.flags & (OF_ATTACKING | OF_BLOCKING))) return false;
    if ((fl & S.FF_NONTOKEN) && (o.flags & OF_TOKEN)) return false;
    if ((fl & S.FF_TOKEN) && !(o.flags & OF_TOKEN)) return false;
    if ((fl & S.FF_HAS_P1P1) && o.p1p1 <= 0) return false;
    if ((fl & S.FF_ATTACHED_TO_SOURCE) && (src < 0 || obj(src).attachedTo != i || obj(src).zone != S.ZONE_BATTLEFIELD)) return false;
    if ((fl & S.FF_ATTACHED_TO_FIRST_TARGET) && (firstTarget < 0 || o.attachedTo != firstTarget)) return false;
    if ((fl & S.FF_OWNED) && o.owner != you) return false;
    if ((fl & S.FF_OPP_OWNED) && o.owner == you) return false;
    if ((fl & S.FF_MV_MAX_SOURCE_POWER) && (src < 0 || card(o.card, S.CARD_MANA_VALUE) > sourcePower(src))) return false;
    if ((fl & S.FF_MV_MAX_LANDS) && card(o.card, S.CARD_MANA_VALUE) > landsControlled(you)) return false;
    if ((fl & S.FF_CHOSEN_COLOR) && (src < 0 || obj(src).chosen < 0 || !(o.colors & (1 << obj(src).chosen)))) return false;
    if ((fl & S.FF_CHOSEN_TYPE) && (src < 0 || obj(src).chosen < 0 || !(o.sub & (1 << obj(src).chosen)))) return false;
    if ((fl & S.FF_THIS_TURN) && o.ts < game().turnStartTs) return false; // moving to a zone gives a new timestamp
    if ((fl & S.FF_NOT_IT) && i == game().resIt) return false;
  }
  return true;
}

// The source's power, or its last known power once it left the battlefield (608.2h).
function sourcePower(src: i32): i32 {
  const o = obj(src);
  return o.zone == S.ZONE_BATTLEFIELD ? o.power : o.lkiPower;
}

export function countMatching(f: i32, src: i32, you: i32): i32 {
  refresh();
  const n = game().objCount;
  let k = 0;
  for (let i = 0; i < n; i++) if (matches(f, i, src, you, NONE)) k++;
  return k;
}

// Intervening-if and "as long as" conditions (603.4, 611.3). `firstTarget`: the resolving
// ability's first target, for COND_TARGET_MATCHES; `item`: the resolving item (COND_TARGET_LIFE).
export function condition(c: i32, param: i32, src: i32, you: i32, firstTarget: i32 = NONE, item: usize = 0): bool {
  if (c == 0) return true;
  const neg = (c & S.COND_NOT) != 0;
  const kind = c & 0xffff;
  let r = true;
  const pl = player(you);
  if (kind == S.COND_RAID) r = pl.attackedThisTurn != 0;
  else if (kind == S.COND_CONTROL) {
    const need = (c >> S.COND_COUNT_SHIFT) & 0xff;
    r = countMatching(param, src, you) >= (need > 0 ? need : 1);
  }
  else if (kind == S.COND_MORBID) r = game().creatureDiedThisTurn != 0;
  else if (kind == S.COND_YOUR_TURN) r = game().active == you;
  else if (kind == S.COND_KICKED) r = src >= 0 && (obj(src).flags & OF_KICKED) != 0;
  else if (kind == S.COND_OPP_LOST_LIFE) r = player(opponent(you)).lifeLostThisTurn > 0;
  else if (kind == S.COND_GY_COUNT) r = pl.gyCount >= param;
  else if (kind == S.COND_FIRST_LIFE_GAIN) r = pl.lifeGainEventsThisTurn == 1 && (param == 0 || game().active == you);
  else if (kind == S.COND_ATTACKERS_AT_LEAST) r = countAttackers(you) >= param;
  else if (kind == S.COND_LIFE_ABOVE_START) r = pl.life >= pl.startingLife + param;
  else if (kind == S.COND_YOU_DID) r = game().resLast > 0;
  else if (kind == S.COND_TARGET_LIFE) r = item != 0 && targetPlayerLife(changetype<Item>(item)) == param;
  else if (kind == S.COND_LIFE_AT_LEAST) r = pl.life >= param;
  else if (kind == S.COND_SELF_P1P1_AT_LEAST) r = src >= 0 && obj(src).p1p1 >= param;
  else if (kind == S.COND_TARGET_MATCHES) r = firstTarget >= 0 && matches(param, firstTarget, src, you, NONE);
  else if (kind == S.COND_CREATURES_AT_LEAST) r = creaturesOnBattlefield() >= param;
  else if (kind == S.COND_EXILED_THIS_WAY) r = exiledThisWay(param, src, you);
  else if (kind == S.COND_WAS_CAST) r = src >= 0 && (obj(src).flags & OF_WAS_CAST) != 0;
  else if (kind == S.COND_HAD_COUNTERS) r = src >= 0 && countersOf(src, param) > 0;
  else if (kind == S.COND_IT_MATCHES) {
    const i = refObject(S.REF_IT, src, 0);
    r = i >= 0 && matches(param, i, src, you, NONE);
  }
  else if (kind == S.COND_SELF_WAS_SUB) { // last known subtypes once it left the battlefield (603.10a)
    if (src >= 0 && obj(src).zone == S.ZONE_BATTLEFIELD) refresh();
    r = src >= 0 && ((obj(src).zone == S.ZONE_BATTLEFIELD ? obj(src).sub : obj(src).lkiSub) & param) != 0;
  }
  else if (kind == S.COND_SELF_MATCHES) { refresh(); r = src >= 0 && obj(src).zone == S.ZONE_BATTLEFIELD && matches(param, src, src, you, NONE); }
  else if (kind == S.COND_IT_TYPE) r = refObject(S.REF_IT, src, 0) >= 0 && (card(obj(game().resIt).card, S.CARD_TYPES) & param) != 0;
  return neg ? !r : r;
}

// Life of the player chosen as the item's first target (-1 if that target is not a player).
function targetPlayerLife(it: Item): i32 {
  if (it.ntargets == 0) return -1;
  const code = targetAt(it, 0);
  return code >= S.PLAYER_CODE ? player(code - S.PLAYER_CODE).life : -1;
}

function exiledThisWay(f: i32, src: i32, you: i32): bool {
  const n = game().objCount;
  for (let i = 0; i < n; i++) if ((obj(i).flags & OF_EXILED_THIS_WAY) && matches(f, i, src, you, NONE)) return true;
  return false;
}

function creaturesOnBattlefield(): i32 {
  refresh();
  const n = game().objCount;
  let k = 0;
  for (let i = 0; i < n; i++) if (obj(i).zone == S.ZONE_BATTLEFIELD && (obj(i).types & S.TYPE_CREATURE)) k++;
  return k;
}

function countAttackers(p: i32): i32 {
  const n = game().objCount;
  let k = 0;
  for (let i = 0; i < n; i++) {
    const o = obj(i);
    if (o.zone == S.ZONE_BATTLEFIELD && o.controller == p && (o.flags & OF_ATTACKING)) k++;
  }
  return k;
}

// Evaluates an amount word (spec AMT_*). `item` is the stack item being resolved (0 if none).
export function amount(w: i32, src: i32, you: i32, item: usize): i32 {
  const tag = w & S.AMT_TAG_MASK;
  const param = w & S.AMT_PARAM_MASK;
  if (tag == S.AMT_CONST || tag == S.AMT_TAG_MASK) return w; // signed 24-bit constant
  const it = changetype<Item>(item);
  if (tag == S.AMT_X) return item ? it.x : (src >= 0 ? obj(src).x : 0);
  if (tag == S.AMT_COUNT) return countMatching(param, src, you);
  if (tag == S.AMT_POWER) {
    const r = refObject(param, src, item);
    if (r < 0) return param == S.REF_SELF && item ? it.lkiPower : 0;
    return obj(r).zone == S.ZONE_BATTLEFIELD ? obj(r).power : obj(r).lkiPower;
  }
  if (tag == S.AMT_EVENT_AMOUNT) return item ? it.eventAmount : 0;
  if (tag == S.AMT_LAST) return game().resLast;
  if (tag == S.AMT_YOUR_LIFE) return player(you).life;
  if (tag == S.AMT_LANDS_YOU_CONTROL) return landsControlled(you);
  if (tag == S.AMT_TOTAL_POWER) {
    refresh();
    const n = game().objCount;
    let total = 0;
    for (let i = 0; i < n; i++) if (matches(param, i, src, you, NONE) && (obj(i).types & S.TYPE_CREATURE)) total += obj(i).power;
    return total > 0 ? total : 0; // 107.1b
  }
  if (tag == S.AMT_GY_COUNT) { // the graveyard(s) of the player ref (param)
    if (param == S.REF_OPP) return player(opponent(you)).gyCount;
    if (param == S.REF_EACH_PLAYER) return player(0).gyCount + player(1).gyCount;
    return player(you).gyCount;
  }
  if (tag == S.AMT_COUNTERS_SELF) {
    if (src < 0) return 0;
    const n = countersOf(src, param & S.AMT_COUNTERS_KIND_MASK) - (param >> S.AMT_COUNTERS_FEWER_SHIFT);
    return n > 0 ? n : 0;
  }
  if (tag == S.AMT_IF_CONTROL) return countMatching(param, src, you) > 0 ? 1 : 0;
  if (tag == S.AMT_DISTINCT_MV) {
    refresh();
    let seen: u64 = 0; // mana values 0-63
    const n = game().objCount;
    for (let i = 0; i < n; i++) {
      if (!matches(param, i, src, you, NONE)) continue;
      const mv = card(obj(i).card, S.CARD_MANA_VALUE);
      seen |= <u64>1 << <u64>(mv < 63 ? mv : 63);
    }
    return <i32>popcnt<u64>(seen);
  }
  if (tag == S.AMT_LIFE_GAINED) return player(you).lifeGainedThisTurn;
  if (tag == S.AMT_GY_FILTER_COUNT) {
    const n = game().objCount;
    let k = 0;
    for (let i = 0; i < n; i++) if (matches(param, i, src, you, NONE)) k++;
    return k;
  }
  return 0;
}

function landsControlled(p: i32): i32 {
  const n = game().objCount;
  let k = 0;
  for (let i = 0; i < n; i++) {
    const o = obj(i);
    if (o.zone == S.ZONE_BATTLEFIELD && o.controller == p && (o.types & S.TYPE_LAND)) k++;
  }
  return k;
}

// Counters of a kind on object i; once it left the battlefield, the named counters it had
// there (608.2h: last known information).
export function countersOf(i: i32, kind: i32): i32 {
  const o = obj(i);
  if (o.zone != S.ZONE_BATTLEFIELD) return kind >= S.CTR_OTHER ? o.lkiOther : 0;
  if (kind == S.CTR_P1P1) return o.p1p1;
  if (kind == S.CTR_M1M1) return o.m1m1;
  if (kind == S.CTR_LOYALTY) return o.loyalty;
  if (kind == S.CTR_STUN) return o.stun;
  return o.other;
}

// The object a ref names while resolving `item` (targets must still be the same objects),
// or -1 for players and vanished objects.
export function refObject(ref: i32, src: i32, item: usize): i32 {
  if (ref == S.REF_SELF) return src >= 0 && sameObject(item, src) ? src : -1;
  if (ref < S.REF_SELF) {
    if (!item) return -1;
    const it = changetype<Item>(item);
    if (ref >= it.ntargets) return -1;
    const code = targetAt(it, ref);
    if (code < 0 || code >= S.PLAYER_CODE) return -1;
    return obj(code).zseq == targetZseqAt(it, ref) ? code : -1;
  }
  if (ref == S.REF_EVENT_OBJ) {
    if (!item) return -1;
    const it = changetype<Item>(item);
    return it.eventObj >= 0 && obj(it.eventObj).zseq == it.eventZseq ? it.eventObj : -1;
  }
  if (ref == S.REF_ATTACHED) return src >= 0 ? obj(src).attachedTo : -1;
  if (ref == S.REF_GRANTOR) { // a granted ability keeps its grantor as the event object
    if (!item) return -1;
    const it = changetype<Item>(item);
    return it.eventObj >= 0 && obj(it.eventObj).zseq == it.eventZseq ? it.eventObj : -1;
  }
  if (ref == S.REF_IT) {
    const g = game();
    return g.resIt >= 0 && obj(g.resIt).zseq == g.resItZseq ? g.resIt : -1;
  }
  return -1;
}

// The source of a stack item is "the same object" only while its zone-change count matches.
function sameObject(item: usize, src: i32): bool {
  if (!item) return true;
  return obj(src).zseq == changetype<Item>(item).zseq;
}


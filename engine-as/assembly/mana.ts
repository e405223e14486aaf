// Automatic mana payment (601.2g-h, 605). Sources are untapped permanents with a {T} mana
// ability. The payer spends the least flexible sources first and keeps sacrifice sources
// (Treasure) for last, so the most useful sources stay untapped.
import * as S from './ir/spec';
import { card, abil, irWord, filt, cardMask, TM_MANA } from './ir';
import { game, player, obj, OF_TAPPED, OF_SICK, OF_DYING, ABX_LOST, ABX_TAP_FOR_C } from './state';
import { hasKw, amount, refresh } from './chars';
import { emit, EV_MANA } from './events';
import { tap, flushDying } from './zones';

const MAX_SOURCES = 64;
// scratch tables (outside the game state: rebuilt on every use)
const srcObj = new StaticArray<i32>(MAX_SOURCES);
const srcColors = new StaticArray<i32>(MAX_SOURCES); // bitmask of colors (bit 5 = colorless)
const srcAmount = new StaticArray<i32>(MAX_SOURCES);
const srcCost = new StaticArray<i32>(MAX_SOURCES); // preference: lower is spent first
const srcUsed = new StaticArray<i32>(MAX_SOURCES);
const srcHaste = new StaticArray<i32>(MAX_SOURCES); // its mana gives a Dragon creature spell haste (MANA_HASTE_DRAGON)
let payForDragon = false; // the payment being planned is for a Dragon creature spell
// Set by pay(): mana of a MANA_HASTE_DRAGON source was spent on a Dragon creature spell (the caster marks the spell)
export let paidHasteDragon = false;
let srcCount = 0;
let srcRestricted = 0; // sources collected whose mana only some spells or abilities may spend
const need = new StaticArray<i32>(6);

function popcount6(m: i32): i32 { return <i32>popcnt<i32>(m & 0x3f); }

// What a payment is for: `forObj` is the spell, or the source of the ability, being paid for
// (-1: neither, e.g. "unless you pay"); ANY_PAYMENT: an upper bound for every payment. The payer
// says which (`forAbility`): an ability's source need not be on the battlefield (Reassembling
// Skeleton's ability works from the graveyard), so the zone can't tell a spell from an ability.
const ANY_PAYMENT = -2;
let payForAbility = false; // the payment being planned is for an activated ability (not a spell)

// MANA_SPEND_CHOSEN_TYPE: a creature spell of the type chosen for `src`, or an ability of a
// creature source of that type.
function mayUseChosenType(src: i32, forObj: i32): bool {
  if (forObj == ANY_PAYMENT) return true;
  const chosen = obj(src).chosen;
  if (forObj < 0 || chosen < 0) return false;
  const f = obj(forObj);
  return (f.types & S.TYPE_CREATURE) != 0 && (f.sub & (1 << chosen)) != 0;
}

// OP_ADD_MANA_RESTRICTED, "spend this mana only to cast an Angel spell" (106.6): a spell (not an
// ability, wherever its source is) with filter f's types and subtypes.
function mayUseForSpell(f: i32, forObj: i32): bool {
  if (forObj == ANY_PAYMENT) return true;
  if (forObj < 0 || payForAbility) return false;
  const o = obj(forObj);
  const ta = filt(f, S.F_TYPES_ANY), sa = filt(f, S.F_SUB_ANY), sh = filt(f, S.F_SUB_HI_ANY);
  return (!ta || (o.types & ta) != 0) && (!(sa | sh) || (o.sub & sa) != 0 || (o.subHi & sh) != 0);
}

// The colors the mana ability at pc (OP_ADD_MANA or OP_ADD_MANA_RESTRICTED) offers from source i
// for this payment (0: none usable now).
function manaColors(i: i32, pc: i32, forObj: i32): i32 {
  const word = irWord(pc + 1);
  if (irWord(pc) == S.OP_ADD_MANA_RESTRICTED) return mayUseForSpell(irWord(pc + 3), forObj) ? word & 0x3f : 0;
  if (word & S.MANA_OF_CHOSEN_COLOR) return obj(i).chosen >= 0 ? 1 << obj(i).chosen : 0;
  if ((word & S.MANA_SPEND_CHOSEN_TYPE) && !mayUseChosenType(i, forObj)) return 0;
  return word & 0x3f;
}

// Can `i` produce mana now (untapped, and a creature must not be summoning sick, 302.6)?
// Of its {T} mana abilities, the one offering the most colors for this payment is used.
function collectSources(p: i32, exclude: i32, forObj: i32, forAbility: bool): void {
  const g = game();
  payForAbility = forAbility;
  payForDragon = forObj >= 0 && !forAbility && (obj(forObj).types & S.TYPE_CREATURE) != 0 && (obj(forObj).sub & S.SUB_DRAGON) != 0;
  srcCount = 0;
  srcRestricted = 0;
  refresh(); // granted mana abilities (ST_GRANT_MANA) are characteristics
  for (let i = 0; i < g.objCount && srcCount < MAX_SOURCES; i++) {
    const o = obj(i);
    if (o.zone != S.ZONE_BATTLEFIELD || o.controller != p || (o.flags & (OF_TAPPED | OF_DYING)) || i == exclude) continue;
    if (!(cardMask(o.card) & TM_MANA) && o.grantedMana == 0 && !(o.abilFx & ABX_TAP_FOR_C)) continue;
    if ((o.types & S.TYPE_CREATURE) && (o.flags & OF_SICK) && !hasKw(i, S.KW_HASTE)) continue;
    if (o.abilFx & ABX_TAP_FOR_C) { // "{T}: Add {C}." from an effect (Imprisoned in the Moon)
      addSource(i, 1 << S.COLOR_C, 1, 0, o.types);
      continue;
    }
    // a granted "{T}: Add N mana of any one of these colors" (ST_GRANT_MANA) competes with its own abilities
    let bestColors = o.grantedMana & 0x3f, bestN = o.grantedMana >> 8, bestCf = 0, bestHaste = 0;
    const start = card(o.card, S.CARD_ABIL_START), end = (o.abilFx & ABX_LOST) ? start : start + card(o.card, S.CARD_ABIL_COUNT);
    for (let a = start; a < end; a++) {
      if (abil(a, S.AB_KIND) != S.ABK_MANA) continue;
      const cf = abil(a, S.AB_COST_FLAGS);
      if (!(cf & S.COST_TAP) || abil(a, S.AB_COST_A) != 0 || abil(a, S.AB_COST_B) != 0) continue;
      const pc = abil(a, S.AB_CODE);
      const op = irWord(pc);
      if (op != S.OP_ADD_MANA && op != S.OP_ADD_MANA_RESTRICTED) continue;
      if (op == S.OP_ADD_MANA_RESTRICTED || (irWord(pc + 1) & S.MANA_SPEND_CHOSEN_TYPE)) srcRestricted++;
      const colors = manaColors(i, pc, forObj);
      const n = amount(irWord(pc + 2), i, p, 0);
      if (n <= 0 || colors == 0 || popcount6(colors) <= popcount6(bestColors)) continue;
      bestColors = colors; bestN = n; bestCf = cf; bestHaste = irWord(pc + 1) & S.MANA_HASTE_DRAGON;
    }
    if (bestColors != 0) {
      addSource(i, bestColors, bestN, bestCf, o.types);
      if (bestHaste) { // spent first on a Dragon creature spell; otherwise kept for one, after the other lands
        srcHaste[srcCount - 1] = 1;
        srcCost[srcCount - 1] += payForDragon ? -20 : 5;
      }
    }
  }
}

function addSource(i: i32, colors: i32, n: i32, costFlags: i32, types: i32): void {
  srcObj[srcCount] = i;
  srcColors[srcCount] = colors;
  srcAmount[srcCount] = n;
  srcCost[srcCount] = popcount6(colors) + ((costFlags & S.COST_SAC_SELF) ? 100 : 0) + ((types & S.TYPE_CREATURE) ? 10 : 0);
  srcUsed[srcCount] = 0;
  srcHaste[srcCount] = 0;
  srcCount++;
}

const poolTmp = new StaticArray<i32>(6);
let planExtra = 0; // mana from colored-pip sources beyond the pips (multi-mana sources)
let planPoolGeneric = 0; // generic paid from the pool

// Plans the colored part of a payment from the pool, then from sources: scarcest color first,
// least flexible source first. Marks used sources in srcUsed. False if a pip can't be paid.
function planColored(p: i32): bool {
  for (let c = 0; c < 6; c++) {
    const have = poolGet(p, c);
    const use = have < need[c] ? have : need[c];
    need[c] -= use;
    poolTmp[c] = have - use;
  }
  planExtra = 0;
  while (true) {
    let color = -1, fewest = 0x7fffffff;
    for (let c = 0; c < 6; c++) {
      if (need[c] <= 0) continue;
      let k = 0;
      for (let s = 0; s < srcCount; s++) if (!srcUsed[s] && (srcColors[s] & (1 << c))) k++;
      if (k < fewest) { fewest = k; color = c; }
    }
    if (color < 0) return true;
    const s = cheapest(1 << color);
    if (s < 0) return false;
    srcUsed[s] = 1;
    const got = srcAmount[s];
    const use = got < need[color] ? got : need[color];
    need[color] -= use;
    planExtra += got - use;
  }
}

function poolTmpTotal(): i32 {
  let t = 0;
  for (let c = 0; c < 6; c++) t += poolTmp[c];
  return t;
}

// Plans a whole payment; on success srcUsed marks the sources to use.
function plan(p: i32, generic: i32): bool {
  if (!planColored(p)) return false;
  let g = generic - planExtra;
  const pool = poolTmpTotal();
  planPoolGeneric = g <= 0 ? 0 : (g < pool ? g : pool);
  g -= planPoolGeneric;
  while (g > 0) {
    const s = cheapest(0x3f);
    if (s < 0) return false;
    srcUsed[s] = 1;
    g -= srcAmount[s];
  }
  return true;
}

function cheapest(colors: i32): i32 {
  let best = -1, bestCost = 0x7fffffff;
  for (let s = 0; s < srcCount; s++) {
    if (srcUsed[s] || !(srcColors[s] & colors)) continue;
    if (srcCost[s] < bestCost) { bestCost = srcCost[s]; best = s; }
  }
  return best;
}

function setNeed(costB: i32): void {
  for (let c = 0; c < 6; c++) need[c] = (costB >> (c << 2)) & 0xf;
}

// Total mana p could produce now (pool plus every untapped source): a cheap upper bound that
// lets the action list skip unaffordable spells without planning a payment.
export function manaAvailable(p: i32): i32 {
  collectSources(p, -1, ANY_PAYMENT, false);
  cachedFor = p;
  let total = 0;
  for (let s = 0; s < srcCount; s++) total += srcAmount[s];
  for (let c = 0; c < 6; c++) total += poolGet(p, c);
  return total;
}

// The sources manaAvailable collected stay valid while the action list is built (nothing
// changes then); endActionList forgets them.
let cachedFor = -1;
export function endActionList(): void { cachedFor = -1; }

// `exclude` is a permanent that will be tapped or sacrificed for another part of the cost.
// `forObj`: the spell, or the source of the ability (`forAbility`), being paid for (restricted
// mana, 106.6), or -1.
export function canPay(p: i32, generic: i32, costB: i32, exclude: i32, forObj: i32 = -1, forAbility: bool = false): bool {
  if (generic <= 0 && costB == 0) return true;
  if (cachedFor == p && exclude < 0 && srcRestricted == 0) { for (let s = 0; s < srcCount; s++) srcUsed[s] = 0; }
  else { collectSources(p, exclude, forObj, forAbility); cachedFor = -1; }
  setNeed(costB);
  return plan(p, generic < 0 ? 0 : generic);
}

// The most generic mana p could pay on top of costB (for choosing X), or -1 if costB can't be paid.
export function maxGeneric(p: i32, costB: i32, exclude: i32, forObj: i32, forAbility: bool): i32 {
  collectSources(p, exclude, forObj, forAbility);
  setNeed(costB);
  if (!planColored(p)) return -1;
  let total = planExtra + poolTmpTotal();
  for (let s = 0; s < srcCount; s++) if (!srcUsed[s]) total += srcAmount[s];
  return total;
}

// Pays the cost: spends pool mana, taps (and sacrifices) the planned sources.
export function pay(p: i32, generic: i32, costB: i32, forObj: i32 = -1, forAbility: bool = false): bool {
  paidHasteDragon = false;
  if (generic <= 0 && costB == 0) return true;
  collectSources(p, -1, forObj, forAbility);
  setNeed(costB);
  if (!plan(p, generic < 0 ? 0 : generic)) return false;
  let fromPool = planPoolGeneric;
  for (let c = 0; c < 6; c++) {
    const use = poolTmp[c] < fromPool ? poolTmp[c] : fromPool;
    fromPool -= use;
    poolSet(p, c, poolTmp[c] - use);
  }
  let sacrificed = false;
  for (let s = 0; s < srcCount; s++) {
    if (!srcUsed[s]) continue;
    const i = srcObj[s];
    tap(i);
    emit(EV_MANA, p, lowestColor(srcColors[s]), srcAmount[s]);
    if (srcHaste[s] && payForDragon) paidHasteDragon = true;
    if (sourceSacrifices(i)) { obj(i).flags |= OF_DYING; sacrificed = true; }
  }
  if (sacrificed) flushDying();
  return true;
}

function sourceSacrifices(i: i32): bool {
  const c = obj(i).card;
  const start = card(c, S.CARD_ABIL_START), end = start + card(c, S.CARD_ABIL_COUNT);
  for (let a = start; a < end; a++) {
    if (abil(a, S.AB_KIND) == S.ABK_MANA) return (abil(a, S.AB_COST_FLAGS) & S.COST_SAC_SELF) != 0;
  }
  return false;
}

function lowestColor(mask: i32): i32 { return <i32>ctz<i32>(mask | 0x40); }

export function poolGet(p: i32, c: i32): i32 {
  const pl = player(p);
  return c == 0 ? pl.manaW : c == 1 ? pl.manaU : c == 2 ? pl.manaB : c == 3 ? pl.manaR : c == 4 ? pl.manaG : pl.manaC;
}
export function poolSet(p: i32, c: i32, v: i32): void {
  const pl = player(p);
  if (c == 0) pl.manaW = v; else if (c == 1) pl.manaU = v; else if (c == 2) pl.manaB = v;
  else if (c == 3) pl.manaR = v; else if (c == 4) pl.manaG = v; else pl.manaC = v;
}
export function emptyPools(): void {
  for (let p = 0; p < 2; p++) for (let c = 0; c < 6; c++) poolSet(p, c, 0);
}

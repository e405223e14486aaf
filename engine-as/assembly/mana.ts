// Automatic mana payment (601.2g-h, 605). Sources are untapped permanents with a {T} mana
// ability. The payer spends the least flexible sources first and keeps sacrifice sources
// (Treasure) for last, so the most useful sources stay untapped.
import * as S from './ir/spec';
import { card, abil, irWord, cardMask, TM_MANA } from './ir';
import { game, player, obj, OF_TAPPED, OF_SICK, OF_DYING } from './state';
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
let srcCount = 0;
const need = new StaticArray<i32>(6);

function popcount6(m: i32): i32 { return <i32>popcnt<i32>(m & 0x3f); }

// Can `i` produce mana now (untapped, and a creature must not be summoning sick, 302.6)?
function collectSources(p: i32, exclude: i32): void {
  const g = game();
  srcCount = 0;
  refresh();
  for (let i = 0; i < g.objCount && srcCount < MAX_SOURCES; i++) {
    const o = obj(i);
    if (o.zone != S.ZONE_BATTLEFIELD || o.controller != p || (o.flags & (OF_TAPPED | OF_DYING)) || i == exclude) continue;
    if (!(cardMask(o.card) & TM_MANA) && o.grantedMana == 0) continue;
    if ((o.types & S.TYPE_CREATURE) && (o.flags & OF_SICK) && !hasKw(i, S.KW_HASTE)) continue;
    if (o.grantedMana != 0) { // a granted "{T}: Add N mana of any one color" is used instead of its own abilities
      addSource(i, o.grantedMana & 0xff, o.grantedMana >> 8, 0, o.types);
      continue;
    }
    const start = card(o.card, S.CARD_ABIL_START), end = start + card(o.card, S.CARD_ABIL_COUNT);
    for (let a = start; a < end; a++) {
      if (abil(a, S.AB_KIND) != S.ABK_MANA) continue;
      const cf = abil(a, S.AB_COST_FLAGS);
      if (!(cf & S.COST_TAP) || abil(a, S.AB_COST_A) != 0 || abil(a, S.AB_COST_B) != 0) continue;
      const pc = abil(a, S.AB_CODE);
      if (irWord(pc) != S.OP_ADD_MANA) continue;
      const colors = irWord(pc + 1);
      const n = amount(irWord(pc + 2), i, p, 0);
      if (n <= 0) continue;
      addSource(i, colors, n, cf, o.types);
      break; // one mana ability per source is used for payment
    }
  }
}

function addSource(i: i32, colors: i32, n: i32, costFlags: i32, types: i32): void {
  srcObj[srcCount] = i;
  srcColors[srcCount] = colors;
  srcAmount[srcCount] = n;
  srcCost[srcCount] = popcount6(colors) + ((costFlags & S.COST_SAC_SELF) ? 100 : 0) + ((types & S.TYPE_CREATURE) ? 10 : 0);
  srcUsed[srcCount] = 0;
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
  collectSources(p, -1);
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
export function canPay(p: i32, generic: i32, costB: i32, exclude: i32): bool {
  if (generic <= 0 && costB == 0) return true;
  if (cachedFor == p && exclude < 0) { for (let s = 0; s < srcCount; s++) srcUsed[s] = 0; }
  else { collectSources(p, exclude); cachedFor = -1; }
  setNeed(costB);
  return plan(p, generic < 0 ? 0 : generic);
}

// The most generic mana p could pay on top of costB (for choosing X), or -1 if costB can't be paid.
export function maxGeneric(p: i32, costB: i32, exclude: i32): i32 {
  collectSources(p, exclude);
  setNeed(costB);
  if (!planColored(p)) return -1;
  let total = planExtra + poolTmpTotal();
  for (let s = 0; s < srcCount; s++) if (!srcUsed[s]) total += srcAmount[s];
  return total;
}

// Pays the cost: spends pool mana, taps (and sacrifices) the planned sources.
export function pay(p: i32, generic: i32, costB: i32): bool {
  if (generic <= 0 && costB == 0) return true;
  collectSources(p, -1);
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

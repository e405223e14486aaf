// Built-in agents, run inside WASM so whole games need no host round trips. Each agent draws
// randomness only from its own player's stream (1 + player), never the game's.
import * as S from './ir/spec';
import { card, abil, irWord } from './ir';
import {
  game, player, obj, stackItem, optAt, targetAt, OF_TAPPED, OF_ATTACKING, OF_BLOCKING, OF_TOKEN,
  STEP_MAIN1, STEP_MAIN2, STEP_END, STEP_BLOCKERS, STEP_DAMAGE, STEP_FIRST_DAMAGE, opponent,
} from './state';
import { rngBelow } from './rng';
import { refresh, powerOf, toughnessOf, kwOf } from './chars';
import { targetAbility, currentTargetSlot } from './cast';
import { opLength } from './resolve';

export const AGENT_RANDOM = 0;
export const AGENT_HEURISTIC = 1;

export function agentChoose(kind: i32): i32 {
  const g = game();
  if (g.dcount <= 1) return 0;
  if (kind == AGENT_HEURISTIC) return heuristic(g.dkind, g.dplayer);
  return rngBelow(1 + g.dplayer, g.dcount);
}

// ---------- heuristic ----------
// A fast rule-based player: plays lands and its curve, attacks when it is safe or racing,
// blocks when the block is good or needed, aims removal at the biggest threat and pump at its
// own best creature. It will be deepened later; it must stay cheap (no look-ahead).

function creatureValue(i: i32): i32 {
  refresh();
  const k = kwOf(i);
  let v = powerOf(i) * 3 + toughnessOf(i) * 2;
  if (k & S.KW_FLYING) v += 4;
  if (k & (S.KW_DEATHTOUCH | S.KW_DOUBLE_STRIKE)) v += 4;
  if (k & (S.KW_LIFELINK | S.KW_FIRST_STRIKE | S.KW_TRAMPLE | S.KW_MENACE)) v += 2;
  if (obj(i).flags & OF_TOKEN) v -= 1;
  return v;
}

function cardValue(i: i32): i32 {
  const c = obj(i).card;
  const t = card(c, S.CARD_TYPES);
  if (t & S.TYPE_LAND) return 0;
  return card(c, S.CARD_MANA_VALUE) * 2 + ((t & S.TYPE_CREATURE) ? 1 : 0);
}

function countInZone(p: i32, zone: i32, types: i32): i32 {
  const g = game();
  let k = 0;
  for (let i = 0; i < g.objCount; i++) {
    const o = obj(i);
    const owner = zone == S.ZONE_BATTLEFIELD ? o.controller : o.owner;
    if (o.zone == zone && owner == p && (card(o.card, S.CARD_TYPES) & types)) k++;
  }
  return k;
}

function best(scoreKind: i32, p: i32): i32 {
  const g = game();
  let bestK = 0, bestScore = -0x7fffffff;
  for (let k = 0; k < g.dcount; k++) {
    const s = score(scoreKind, p, optAt(k));
    if (s > bestScore) { bestScore = s; bestK = k; }
  }
  return bestK;
}

function heuristic(kind: i32, p: i32): i32 {
  const g = game();
  if (kind == S.DK_MULLIGAN) {
    const lands = countInZone(p, S.ZONE_HAND, S.TYPE_LAND);
    const hand = player(p).handCount - g.dctx; // cards kept after bottoming
    const keep = g.dctx >= 2 || (lands >= 2 && lands <= 5) || (hand <= 5 && lands >= 1 && lands <= 4);
    return keep ? 0 : 1;
  }
  if (kind == S.DK_MAY && mayHarmsOwn(p)) return 0;
  if (kind == S.DK_X || kind == S.DK_KICKER || kind == S.DK_MAY) return g.dcount - 1; // most
  if (kind == S.DK_TRIGGER_ORDER) return 0;
  if (kind == S.DK_TOP_OR_BOTTOM) return 0; // the owner keeps the card as their next draw
  if (kind == S.DK_PILE_SPLIT) return (1 << (g.dctx >> 1)) - 1; // the top half face down, the rest face up
  if (kind == S.DK_PILE_PICK) { // give the opponent the smaller pile
    const down = <i32>popcnt<i32>(g.dctx & 0xff);
    return down <= (g.dctx >> 8) - down ? 0 : 1;
  }
  return best(kind, p);
}

// Whether the program of ability a does something harmful to target k.
function harmfulTo(a: i32, k: i32): bool {
  return a >= 0 && harmfulFrom(abil(a, S.AB_CODE), k);
}

// Whether a resolving "you may ..." (its OP_MAY is at dctx) would harm one of p's own
// permanents it targets (Reclamation Sage forced to target your own enchantment).
function mayHarmsOwn(p: i32): bool {
  const g = game();
  if (g.resolving != 1 || g.dctx < 0 || irWord(g.dctx) != S.OP_MAY) return false;
  const it = stackItem(g.stackCount - 1);
  for (let k = 0; k < it.ntargets; k++) {
    const t = targetAt(it, k);
    if (t >= 0 && t < S.PLAYER_CODE && obj(t).controller == p && harmfulFrom(g.dctx + opLength(S.OP_MAY), k)) return true;
  }
  return false;
}

// Whether the code from pc on does something harmful to target k (the first instruction that
// concerns it decides).
function harmfulFrom(pc: i32, k: i32): bool {
  for (let n = 0; n < 64; n++) {
    const op = irWord(pc);
    if (op == S.OP_END) break;
    const x = irWord(pc + 1), y = irWord(pc + 2);
    if ((op == S.OP_DAMAGE && y == k) || ((op == S.OP_DESTROY || op == S.OP_EXILE || op == S.OP_BOUNCE || op == S.OP_TAP
      || op == S.OP_COUNTER_SPELL || op == S.OP_EXILE_UNTIL_LEAVES || op == S.OP_EXILE_INSTEAD_OF_DYING) && x == k)
      || ((op == S.OP_FIGHT || op == S.OP_BITE) && y == k) || (op == S.OP_LOSE_LIFE && y == k)) return true;
    if (op == S.OP_PUMP && x == k) return (y & S.AMT_TAG_MASK) == 0 && y < 0 ? true : irWord(pc + 3) < 0;
    if (op == S.OP_GAIN_CONTROL && x == k) return true; // take it (Involuntary Employment)
    if (op == S.OP_GRANT && x == k && (y & HOSTILE_KW)) return true; // "can't block this turn"
    if ((op == S.OP_PUMP || op == S.OP_COUNTERS || op == S.OP_GRANT || op == S.OP_ATTACH || op == S.OP_UNTAP
      || op == S.OP_RETURN || op == S.OP_GAIN_LIFE || op == S.OP_DRAW || op == S.OP_DISTRIBUTE_COUNTERS
      || op == S.OP_DOUBLE_COUNTERS || op == S.OP_GRANT_TRIGGER || op == S.OP_COPY_TOKEN || op == S.OP_GRANT_FLASHBACK
      || op == S.OP_MAY_PLAY) && x == k) return false; // OP_MAY_PLAY: Zul Ashur's "you may cast target card"
    if ((op == S.OP_GAIN_LIFE || op == S.OP_DRAW) && y == k) return false;
    pc += opLength(op);
  }
  return true; // unknown: treat as hostile (most targeted effects are)
}

// Whether Aura card c harms what it enchants, judged by its first static ability: a penalty or
// a restriction is hostile; a bonus, a keyword or a mana ability is not.
function auraHarmful(c: i32): bool {
  const start = card(c, S.CARD_ABIL_START), end = start + card(c, S.CARD_ABIL_COUNT);
  for (let a = start; a < end; a++) {
    if (abil(a, S.AB_KIND) != S.ABK_STATIC) continue;
    const pc = abil(a, S.AB_CODE);
    const op = irWord(pc);
    if (op == S.ST_PT) return irWord(pc + 2) < 0 || irWord(pc + 3) < 0; // negative constants
    if (op == S.ST_KW) return (irWord(pc + 2) & HOSTILE_KW) != 0;
    if (op == S.ST_LOSE_ALL_ABILITIES || op == S.ST_SET_TYPES || op == S.ST_SET_BASE_PT) return true; // new types, base P/T, no abilities
    if (op == S.ST_GRANT_MANA) return false;
  }
  return true;
}


function score(kind: i32, p: i32, v: i32): i32 {
  const g = game();
  const opp = opponent(p);
  if (kind == S.DK_PRIORITY) return priorityScore(p, v);
  if (kind == S.DK_TARGET) {
    if (v < 0) return 0;
    const it = stackItem(g.castItem);
    const a = targetAbility(it);
    const hostile = a >= 0 && abil(a, S.AB_KIND) == S.ABK_ENCHANT ? auraHarmful(obj(it.obj).card) : harmfulTo(a, currentTargetSlot());
    if (v >= S.PLAYER_CODE) {
      const q = v - S.PLAYER_CODE;
      return (q == opp) == hostile ? 8 + (player(opp).life <= 5 ? 50 : 0) : -100;
    }
    const mine = obj(v).controller == p;
    if (obj(v).zone == S.ZONE_STACK) return mine == hostile ? -100 : 30;
    if (obj(v).zone != S.ZONE_BATTLEFIELD) return mine != hostile ? cardValue(v) + 5 : -100;
    const val = (obj(v).types & S.TYPE_CREATURE) ? creatureValue(v) : 6;
    return mine != hostile ? 10 + val : -100 - val;
  }
  if (kind == S.DK_MODE) return -v;
  if (kind == S.DK_ATTACH) { // what an Aura entering without being cast enchants (dctx): hostile Auras go on the opponent's best permanent, the others on your own
    const val = (obj(v).types & S.TYPE_CREATURE) ? creatureValue(v) : 6;
    return (obj(v).controller == p) != auraHarmful(obj(g.dctx).card) ? 10 + val : -100 - val;
  }
  if (kind == S.DK_ATTACK) return v < 0 ? 0 : attackScore(p, v & 0xffff, v >> 16);
  if (kind == S.DK_BLOCK) return v < 0 ? 0 : blockScore(p, v & 0xffff, v >> 16);
  if (kind == S.DK_DAMAGE) return v >= S.PLAYER_CODE ? 100 : creatureValue(v);
  if (kind == S.DK_DISCARD || kind == S.DK_BOTTOM) {
    const lands = countInZone(p, S.ZONE_BATTLEFIELD, S.TYPE_LAND) + countInZone(p, S.ZONE_HAND, S.TYPE_LAND);
    const isLand = (card(obj(v).card, S.CARD_TYPES) & S.TYPE_LAND) != 0;
    if (isLand) return lands > 5 ? 50 : -50;
    return -cardValue(v); // keep the best spells
  }
  if (kind == S.DK_PAY_COST) {
    // refusing an "unless" cost costs more (Painful Quandary's 5 life) than skipping a "may"
    if (v < 0) return irWord(g.dctx) == S.OP_UNLESS_DISCARD ? -12 : -6;
    return obj(v).zone == S.ZONE_HAND ? -cardValue(v) : -creatureValue(v);
  }
  if (kind == S.DK_REMOVE_COUNTER) { // a cost: the least valuable counters first (removing -1/-1 or stun counters even helps)
    const k = v >> 16, o = obj(v & 0xffff);
    if (k == S.CTR_M1M1) return 1000;
    if (k == S.CTR_STUN) return 900;
    if (k == S.CTR_OTHER || k == S.CTR_LOYALTY) return 500;
    refresh();
    return o.toughness - o.damage; // +1/+1: from the creature that can best spare one
  }
  if (kind == S.DK_TAP_COST) return (obj(v).types & S.TYPE_CREATURE) ? -creatureValue(v) : 0;
  if (kind == S.DK_SACRIFICE) return -creatureValue(v) - ((obj(v).types & S.TYPE_CREATURE) ? 0 : 20);
  if (kind == S.DK_SEARCH || kind == S.DK_CHOOSE) return v < 0 ? -1 : 10 + cardValue(v);
  if (kind == S.DK_CAST_NOW) return v == S.ACT_PASS ? 0 : 10 + cardValue(v & 0xffff); // free spells: cast them all
  if (kind == S.DK_DIVIDE) { // give the target just what kills it (players and the rest: as much as possible)
    const t = g.dctx;
    refresh();
    const need = t >= S.PLAYER_CODE ? 1000 : (obj(t).types & S.TYPE_CREATURE) ? obj(t).toughness - obj(t).damage : obj(t).loyalty;
    return v <= need ? v : -v;
  }
  if (kind == S.DK_CHOOSE_COLOR || kind == S.DK_CHOOSE_TYPE) return cardsOfChoice(p, kind, v);
  if (kind == S.DK_SCRY || kind == S.DK_SURVEIL) {
    const c = g.dctx;
    const isLand = (card(obj(c).card, S.CARD_TYPES) & S.TYPE_LAND) != 0;
    const lands = countInZone(p, S.ZONE_BATTLEFIELD, S.TYPE_LAND) + countInZone(p, S.ZONE_HAND, S.TYPE_LAND);
    const keep = isLand ? lands < 5 : true;
    return (v == 0) == keep ? 1 : 0;
  }
  return 0;
}

// "As this enters, choose": the color, or the creature type, most common among the player's cards.
function cardsOfChoice(p: i32, kind: i32, v: i32): i32 {
  const g = game();
  let k = 0;
  for (let i = 0; i < g.objCount; i++) {
    const o = obj(i);
    if (o.owner != p || (o.flags & OF_TOKEN)) continue;
    const c = o.card;
    if (kind == S.DK_CHOOSE_COLOR) { if (card(c, S.CARD_COLORS) & (1 << v)) k++; }
    else if ((card(c, S.CARD_TYPES) & S.TYPE_CREATURE) && (card(c, S.CARD_SUBTYPES_LO) & (1 << v))) k++;
  }
  return k;
}

// Does p control a permanent with card c (a legendary one of that name)?
function controlsCard(p: i32, c: i32): bool {
  const g = game();
  for (let k = 0; k < g.objCount; k++) if (obj(k).zone == S.ZONE_BATTLEFIELD && obj(k).controller == p && obj(k).card == c) return true;
  return false;
}

function priorityScore(p: i32, v: i32): i32 {
  const g = game();
  if (v == S.ACT_PASS) return 0;
  const kind = v & S.ACT_KIND_MASK;
  const i = v & 0xffff;
  const myMain = g.active == p && (g.step == STEP_MAIN1 || g.step == STEP_MAIN2) && g.stackCount == 0;
  if (kind == S.ACT_PLAY_LAND) return 1000;
  const c = obj(i).card;
  const t = card(c, S.CARD_TYPES);
  if (kind == S.ACT_CAST || kind == S.ACT_CAST_FLASHBACK || kind == S.ACT_CAST_ALT || kind == S.ACT_CAST_FREE) {
    const mv = card(c, S.CARD_MANA_VALUE) + (kind == S.ACT_CAST_FREE ? 1 : 0); // free beats paying
    const instant = (t & S.TYPE_INSTANT) != 0 || (card(c, S.CARD_KEYWORDS) & S.KW_FLASH) != 0 || player(p).castAsFlash != 0;
    if (g.stackCount > 0) {
      // respond only with counterspells to opposing spells
      const top = stackItem(g.stackCount - 1);
      return top.controller != p && isCounterspell(c) ? 500 : -1;
    }
    if (isCounterspell(c)) return -1;
    if (t & (S.TYPE_CREATURE | S.TYPE_PLANESWALKER | S.TYPE_ENCHANTMENT | S.TYPE_ARTIFACT)) {
      if ((t & S.SUPER_LEGENDARY) && controlsCard(p, c)) return -1; // the legend rule (704.5j) would undo it
      if (instant && !myMain) return g.active != p && g.step == STEP_END ? 100 + mv : -1; // flash: end of opponent's turn
      return myMain ? 100 + mv * 10 : -1;
    }
    // instants and sorceries: combat tricks during combat, removal and card draw otherwise
    if (instant) {
      const combat = g.step == STEP_BLOCKERS || g.step == STEP_FIRST_DAMAGE || g.step == STEP_DAMAGE;
      if (combat) return 80 + mv;
      if (g.active != p && g.step == STEP_END) return 60 + mv;
      return myMain && g.step == STEP_MAIN2 ? 40 + mv : -1;
    }
    return myMain ? 90 + mv * 10 : -1;
  }
  if (kind == S.ACT_ACTIVATE || kind == S.ACT_ACTIVATE_GRANTED) { // i is the object whose card holds the ability
    const a = card(c, S.CARD_ABIL_START) + ((v >> 16) & 0xff);
    if (abil(a, S.AB_KIND) == S.ABK_LOYALTY) return 200 + abil(a, S.AB_COST_PARAM) * (obj(i).loyalty > 6 ? -1 : 1);
    const cf = abil(a, S.AB_COST_FLAGS);
    if (abil(a, S.AB_TIMING) & S.TIMING_EQUIP) return myMain && obj(i).attachedTo < 0 ? 70 : -1;
    if (cf & S.COST_SAC_SELF) {
      // sacrifice outlets (Food, Firebrand): only when it clearly pays
      if (obj(i).types & S.TYPE_CREATURE) return g.stepStage == 1 && g.step == STEP_END && g.active != p ? 30 : -1;
      return player(p).life <= 10 && myMain ? 30 : -1;
    }
    if (cf & S.COST_SAC_FILTER) return -1; // sacrificing another permanent (Ravenous Amulet): not judged yet
    // a land that becomes a creature for good (Soulstone Sanctuary): once, before combat
    if (irWord(abil(a, S.AB_CODE)) == S.OP_ANIMATE) return myMain && g.step == STEP_MAIN1 && !(obj(i).types & S.TYPE_CREATURE) ? 25 : -1;
    // other abilities: use spare mana at the end of the opponent's turn or in main 2
    if ((g.active != p && g.step == STEP_END) || (myMain && g.step == STEP_MAIN2)) return 20;
    return -1;
  }
  return -1;
}

function isCounterspell(c: i32): bool {
  const a = spellAbilityOf(c);
  return a >= 0 && irWord(abil(a, S.AB_CODE)) == S.OP_COUNTER_SPELL;
}

function spellAbilityOf(c: i32): i32 {
  const start = card(c, S.CARD_ABIL_START), end = start + card(c, S.CARD_ABIL_COUNT);
  for (let a = start; a < end; a++) if (abil(a, S.AB_KIND) == S.ABK_SPELL) return a;
  return -1;
}

// Restrictions among the keyword bits: granting them hurts.
const HOSTILE_KW = S.KW_CANT_ATTACK | S.KW_CANT_BLOCK | S.KW_DOESNT_UNTAP;

// Could an untapped opposing creature block `a` and kill it while surviving?
function attackScore(p: i32, a: i32, target: i32): i32 {
  const g = game();
  const opp = opponent(p);
  refresh();
  const ap = powerOf(a), at = toughnessOf(a), ak = kwOf(a);
  if (target < S.PLAYER_CODE) return 5 + ap; // planeswalkers: attack when safe is judged the same
  let danger = false, blockers = 0;
  for (let b = 0; b < g.objCount; b++) {
    const o = obj(b);
    if (o.zone != S.ZONE_BATTLEFIELD || o.controller != opp || !(o.types & S.TYPE_CREATURE) || (o.flags & OF_TAPPED)) continue;
    const bk = kwOf(b);
    if ((ak & S.KW_FLYING) && !(bk & (S.KW_FLYING | S.KW_REACH))) continue;
    if (bk & S.KW_CANT_BLOCK) continue;
    blockers++;
    const bp = powerOf(b), bt = toughnessOf(b);
    const killsMe = bp >= at || ((bk & S.KW_DEATHTOUCH) && bp > 0);
    const iKill = ap >= bt || ((ak & S.KW_DEATHTOUCH) && ap > 0);
    const firstStrikeSaves = (ak & (S.KW_FIRST_STRIKE | S.KW_DOUBLE_STRIKE)) && iKill && !(bk & (S.KW_FIRST_STRIKE | S.KW_DOUBLE_STRIKE));
    if (killsMe && !firstStrikeSaves) danger = true;
  }
  if (blockers == 0) return 10 + ap;
  if (ak & S.KW_MENACE && blockers < 2) return 10 + ap;
  if (player(opp).life <= ap * 2) return 3 + ap; // racing for lethal
  return danger ? -5 : 4 + ap;
}

function blockScore(p: i32, b: i32, a: i32): i32 {
  refresh();
  const ap = powerOf(a), at = toughnessOf(a), ak = kwOf(a);
  const bp = powerOf(b), bt = toughnessOf(b), bk = kwOf(b);
  const dies = ap >= bt || ((ak & S.KW_DEATHTOUCH) && ap > 0);
  const kills = bp >= at || ((bk & S.KW_DEATHTOUCH) && bp > 0);
  if (obj(b).flags & OF_BLOCKING) return -100;
  let incoming = 0;
  const g = game();
  for (let i = 0; i < g.objCount; i++) if (obj(i).flags & OF_ATTACKING) incoming += powerOf(i);
  if (kills && !dies) return 30 + creatureValue(a);
  if (kills && dies) return creatureValue(a) - creatureValue(b) + 5;
  if (!dies) return 3; // a safe block that soaks damage
  if (incoming >= player(p).life) return 20 - creatureValue(b); // chump to survive
  return -10;
}

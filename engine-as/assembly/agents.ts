// Built-in agents, run inside WASM so whole games need no host round trips. Each agent draws
// randomness only from its own player's stream (1 + player), never the game's.
import * as S from './ir/spec';
import { card, abil, irWord, tspec, filt } from './ir';
import {
  game, player, obj, stackItem, optAt, targetAt, OF_TAPPED, OF_ATTACKING, OF_BLOCKING, OF_BLOCKED, OF_TOKEN,
  STEP_MAIN1, STEP_MAIN2, STEP_END, STEP_BLOCKERS, STEP_DAMAGE, STEP_FIRST_DAMAGE, opponent, MAX_OBJECTS,
} from './state';
import { rngBelow } from './rng';
import { refresh, powerOf, toughnessOf, kwOf, matches } from './chars';
import { targetAbility, currentTargetSlot } from './cast';
import { opLength } from './resolve';

export const AGENT_RANDOM = 0;
export const AGENT_HEURISTIC = 1; // the heuristic with the default profile
export const AGENT_AGGRO = 2;
export const AGENT_CONTROL = 3;

// ---------- heuristic ----------
// A fast rule-based player: plays lands and its curve, attacks and blocks by simple combat
// math, aims removal at the biggest threat it kills and pump where it wins a fight or the game.
// It is also the MCTS rollout policy, so every decision is arithmetic over the board: no
// look-ahead, no copies of the state.

// The parameters that make a playing style (docs/agents.md, "Heuristic agent and profiles").
class Profile {
  constructor(
    public tradeSlack: i32, // attack into a blocker that trades if my creature is worth at most this much more
    public trickPump: i32, // +N/+N one trick adds to a blocker when the opponent has open mana and cards
    public defendMargin: i32, // keep a creature home if the crack-back would leave at most this much life
    public chumpLife: i32, // chump-block when the unblocked damage would leave at most this much life
    public faceBias: i32, // added to the score of burn aimed at the opponent's face
    public holdCounter: bool, // with a counterspell in hand, keep its mana open rather than tap out
    public mullMaxLands: i32, // most lands in a kept seven
    public mullMinCheap: i32, // fewest spells of mana value 3 or less in a kept seven
    public stallTurn: i32, // from this turn on, attack with everything when attackers outnumber blockers
  ) {}
}
const PROFILE_DEFAULT = new Profile(0, 2, 2, 3, 0, false, 5, 1, 12);
const PROFILE_AGGRO = new Profile(6, 0, 0, 0, 15, false, 4, 2, 0);
const PROFILE_CONTROL = new Profile(-2, 2, 4, 4, -5, true, 5, 0, 14);
let prof: Profile = PROFILE_DEFAULT;

export function agentChoose(kind: i32): i32 {
  const g = game();
  if (g.dcount <= 1) return 0;
  if (kind == AGENT_RANDOM) return rngBelow(1 + g.dplayer, g.dcount);
  prof = kind == AGENT_AGGRO ? PROFILE_AGGRO : kind == AGENT_CONTROL ? PROFILE_CONTROL : PROFILE_DEFAULT;
  return heuristic(g.dkind, g.dplayer);
}

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

// Spells in p's hand of mana value 3 or less: what the first turns can cast.
function cheapSpells(p: i32): i32 {
  const g = game();
  let k = 0;
  for (let i = 0; i < g.objCount; i++) {
    const o = obj(i);
    if (o.zone == S.ZONE_HAND && o.owner == p && !(card(o.card, S.CARD_TYPES) & S.TYPE_LAND) && card(o.card, S.CARD_MANA_VALUE) <= 3) k++;
  }
  return k;
}

function isCreature(i: i32, p: i32): bool {
  const o = obj(i);
  return o.zone == S.ZONE_BATTLEFIELD && o.controller == p && (o.types & S.TYPE_CREATURE) != 0;
}

function untappedLands(p: i32): i32 {
  const g = game();
  let k = 0;
  for (let i = 0; i < g.objCount; i++) {
    const o = obj(i);
    if (o.zone == S.ZONE_BATTLEFIELD && o.controller == p && (o.types & S.TYPE_LAND) && !(o.flags & OF_TAPPED)) k++;
  }
  return k;
}

// Could p answer in combat with a trick (open mana and a card in hand)?
function mayHaveTrick(p: i32): bool {
  return player(p).handCount > 0 && untappedLands(p) > 0;
}

function lifeLeft(i: i32): i32 { return obj(i).toughness - obj(i).damage; }

// Combat damage creature i deals to one creature or player over the whole combat.
function strikeDamage(i: i32): i32 {
  const p = obj(i).power;
  return p <= 0 ? 0 : (obj(i).kw & S.KW_DOUBLE_STRIKE) ? p * 2 : p;
}

const FIGHT_X_KILLS = 1, FIGHT_Y_KILLS = 2;

// The outcome of creatures x and y dealing combat damage to each other, with power xp, yp and
// toughness left xl, yl (a trick's bonus added by the caller): FIGHT_* bits. First strike and
// double strike: a creature killed by first-strike damage deals no regular damage (510.4).
function fight(x: i32, xp: i32, xl: i32, y: i32, yp: i32, yl: i32): i32 {
  const xk = obj(x).kw, yk = obj(y).kw;
  const xFirst = (xk & (S.KW_FIRST_STRIKE | S.KW_DOUBLE_STRIKE)) != 0, yFirst = (yk & (S.KW_FIRST_STRIKE | S.KW_DOUBLE_STRIKE)) != 0;
  const xDt = xp > 0 && (xk & S.KW_DEATHTOUCH) != 0, yDt = yp > 0 && (yk & S.KW_DEATHTOUCH) != 0;
  if (xFirst && !yFirst && (xDt || xp >= yl)) return FIGHT_X_KILLS;
  if (yFirst && !xFirst && (yDt || yp >= xl)) return FIGHT_Y_KILLS;
  const xKills = xDt || (xp > 0 && ((xk & S.KW_DOUBLE_STRIKE) ? xp * 2 : xp) >= yl);
  const yKills = yDt || (yp > 0 && ((yk & S.KW_DOUBLE_STRIKE) ? yp * 2 : yp) >= xl);
  return (xKills ? FIGHT_X_KILLS : 0) | (yKills ? FIGHT_Y_KILLS : 0);
}

// Can creature b block attacker a (evasion only; tapped and "can't block" are checked by callers)?
function canBlockIt(b: i32, a: i32): bool {
  const ak = obj(a).kw;
  if (ak & (S.KW_UNBLOCKABLE | S.KW_PROTECTION_ALL)) return false;
  return !(ak & S.KW_FLYING) || (obj(b).kw & (S.KW_FLYING | S.KW_REACH)) != 0;
}

function canBlockNow(b: i32, p: i32): bool {
  return isCreature(b, p) && !(obj(b).flags & OF_TAPPED) && !(obj(b).kw & S.KW_CANT_BLOCK);
}

// Scratch for sums of the largest values.
const scratch = new StaticArray<i32>(MAX_OBJECTS);

// The sum of the k largest of the first n values in scratch (reorders them).
function topSum(n: i32, k: i32): i32 {
  let s = 0;
  for (let j = 0; j < k && j < n; j++) {
    let m = j;
    for (let i = j + 1; i < n; i++) if (scratch[i] > scratch[m]) m = i;
    const t = scratch[j]; scratch[j] = scratch[m]; scratch[m] = t;
    s += scratch[j];
  }
  return s;
}

// ---- attack plan, worked out once per attack decision ----
let alphaStrike = false; // attack with everything: lethal, or breaking a stall
let crackBackPower = 0; // the opponent's total power next turn
let oppAttackers = 0; // how many creatures the opponent could attack with next turn
let homeBlockers = 0; // p's untapped creatures that are not attacking (yet), and vigilant attackers
let trickBonus = 0; // what a blocker may gain from a trick the opponent can represent
const offered = new StaticArray<bool>(MAX_OBJECTS); // creatures the attack decision offers

function planAttack(p: i32): void {
  const g = game();
  const opp = opponent(p);
  refresh();
  let blockers = 0, flyBlockers = 0;
  for (let b = 0; b < g.objCount; b++) {
    if (!canBlockNow(b, opp)) continue;
    blockers++;
    if (obj(b).kw & (S.KW_FLYING | S.KW_REACH)) flyBlockers++;
  }
  // attackers: those declared and those still offered
  for (let i = 0; i < g.objCount; i++) offered[i] = false;
  for (let k = 0; k < g.dcount; k++) if (optAt(k) >= 0) offered[optAt(k) & 0xffff] = true;
  let evasive = 0, n = 0, attackers = 0, untappable = 0;
  homeBlockers = 0;
  for (let i = 0; i < g.objCount; i++) {
    if (!isCreature(i, p)) continue;
    const o = obj(i);
    const attacking = (o.flags & OF_ATTACKING) != 0;
    if (attacking ? (o.kw & S.KW_VIGILANCE) != 0 : !(o.flags & OF_TAPPED) && !(o.kw & S.KW_CANT_BLOCK)) homeBlockers++;
    if (!attacking && !offered[i]) continue;
    if (!(o.flags & OF_ATTACKING) && !(o.kw & (S.KW_VIGILANCE | S.KW_CANT_BLOCK))) untappable++; // leaves home if it attacks
    attackers++;
    const unblockable = (o.kw & (S.KW_UNBLOCKABLE | S.KW_PROTECTION_ALL)) != 0 || blockers == 0 || ((o.kw & S.KW_FLYING) && flyBlockers == 0);
    if (unblockable) evasive += strikeDamage(i);
    else scratch[n++] = strikeDamage(i);
  }
  let total = 0;
  for (let j = 0; j < n; j++) total += scratch[j];
  const through = evasive + total - topSum(n, blockers); // each blocker stops one attacker, the biggest first
  // the opponent's counterattack next turn: all their creatures that can attack
  crackBackPower = 0; oppAttackers = 0;
  for (let i = 0; i < g.objCount; i++) {
    if (!isCreature(i, opp) || (obj(i).kw & (S.KW_DEFENDER | S.KW_CANT_ATTACK))) continue;
    scratch[oppAttackers++] = strikeDamage(i);
    crackBackPower += strikeDamage(i);
  }
  trickBonus = mayHaveTrick(opp) ? prof.trickPump : 0;
  alphaStrike = through >= player(opp).life
    || (g.turn >= prof.stallTurn && attackers > blockers && crackBack(homeBlockers - untappable) < player(p).life - prof.defendMargin);
}

// Damage the opponent's counterattack gets through k blockers (each stops the biggest left).
// Uses scratch as planAttack left it (the opponent's attackers).
function crackBack(k: i32): i32 {
  return crackBackPower - topSum(oppAttackers, k);
}

// Attacking creature a at target: positive when it should attack.
function attackScore(p: i32, a: i32, target: i32): i32 {
  const g = game();
  const opp = opponent(p);
  refresh();
  const ap = obj(a).power;
  if (alphaStrike) return target >= S.PLAYER_CODE ? 100 + ap : 50 + ap;
  // keep it home when the counterattack would then bring p too low
  const home = homeBlockers - ((obj(a).kw & (S.KW_VIGILANCE | S.KW_CANT_BLOCK)) ? 0 : 1);
  if (home < homeBlockers && crackBack(home) >= player(p).life - prof.defendMargin) return -5;
  let blockers = 0, worstTrade = -1000, bad = false;
  for (let b = 0; b < g.objCount; b++) {
    if (!canBlockNow(b, opp) || !canBlockIt(b, a)) continue;
    blockers++;
    const f = fight(a, ap, lifeLeft(a), b, obj(b).power + trickBonus, lifeLeft(b) + trickBonus);
    if (f == FIGHT_Y_KILLS) bad = true;
    else if (f == (FIGHT_X_KILLS | FIGHT_Y_KILLS)) worstTrade = max(worstTrade, creatureValue(a) - creatureValue(b));
  }
  const walker = target < S.PLAYER_CODE ? -5 : 0; // the player first, planeswalkers when just as safe
  if (blockers == 0 || ((obj(a).kw & S.KW_MENACE) && blockers < 2)) return 10 + ap + walker;
  if (bad || worstTrade > prof.tradeSlack) return -5;
  return 4 + ap + walker;
}

// ---- block plan, worked out once per block decision ----
let incoming = 0; // damage of the attackers nobody blocks yet
const blockerCount = new StaticArray<i32>(MAX_OBJECTS); // blockers declared so far, per attacker

function planBlock(p: i32): void {
  const g = game();
  refresh();
  for (let a = 0; a < g.objCount; a++) blockerCount[a] = 0;
  for (let b = 0; b < g.objCount; b++) if (obj(b).flags & OF_BLOCKING) blockerCount[obj(b).blocking]++;
  incoming = 0;
  for (let a = 0; a < g.objCount; a++) if ((obj(a).flags & OF_ATTACKING) && blockerCount[a] == 0) incoming += strikeDamage(a);
}

function blockScore(p: i32, b: i32, a: i32): i32 {
  refresh();
  const already = blockerCount[a];
  // one blocker per attacker, except the second a menace creature needs (702.110b)
  if (already > 0 && !((obj(a).kw & S.KW_MENACE) && already == 1)) return -50;
  const f = fight(b, obj(b).power, lifeLeft(b), a, obj(a).power, lifeLeft(a));
  const life = player(p).life;
  const lethal = incoming >= life;
  const pressed = life - incoming <= prof.chumpLife;
  if (f == FIGHT_X_KILLS) return 30 + creatureValue(a);
  if (f == (FIGHT_X_KILLS | FIGHT_Y_KILLS)) return creatureValue(a) - creatureValue(b) + 5 + (pressed ? 40 : 0);
  if (f == 0) return 3; // a safe block that soaks damage
  if (lethal) return 200 + strikeDamage(a) * 4 - creatureValue(b); // chump the biggest with the cheapest
  if (pressed) return 20 + strikeDamage(a) * 2 - creatureValue(b);
  return -10;
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
    // g.dctx: mulligans taken; after two, keep whatever comes (the hand is down to five)
    const lands = countInZone(p, S.ZONE_HAND, S.TYPE_LAND);
    if (g.dctx >= 2) return 0;
    if (g.dctx == 1) return lands >= 2 && lands <= 5 ? 0 : 1; // a card goes to the bottom: the curve can be fixed
    return lands >= 2 && lands <= prof.mullMaxLands && cheapSpells(p) >= prof.mullMinCheap ? 0 : 1;
  }
  if (kind == S.DK_ATTACK) planAttack(p);
  if (kind == S.DK_BLOCK) planBlock(p);
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
    refresh();
    const slot = currentTargetSlot();
    const dmg = hostile && a >= 0 ? damageTo(a, slot) : -1;
    if (v >= S.PLAYER_CODE) {
      const q = v - S.PLAYER_CODE;
      if ((q == opp) != hostile) return -100;
      if (q == opp && dmg >= player(opp).life) return 1000; // lethal
      return 8 + (q == opp ? prof.faceBias : 0) + (player(opp).life <= 5 ? 50 : 0);
    }
    const mine = obj(v).controller == p;
    if (obj(v).zone == S.ZONE_STACK) return mine == hostile ? -100 : 30;
    if (obj(v).zone != S.ZONE_BATTLEFIELD) return mine != hostile ? cardValue(v) + 5 : -100;
    const creature = (obj(v).types & S.TYPE_CREATURE) != 0;
    const val = creature ? creatureValue(v) : 6;
    if (mine == hostile) return -100 - val;
    if (!hostile) { // a pump in combat goes where it wins the fight or the game
      const combat = g.step == STEP_BLOCKERS && a >= 0 && isPump(a);
      return 10 + val + (combat ? pumpGain(p, v, irWord(abil(a, S.AB_CODE) + 2), irWord(abil(a, S.AB_CODE) + 3)) * 4 : 0);
    }
    // removal: the biggest threat it kills; damage that doesn't kill is worth little
    if (creature && dmg >= 0 && dmg < lifeLeft(v)) return val / 4;
    return 20 + val;
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
    const permanent = (t & (S.TYPE_CREATURE | S.TYPE_PLANESWALKER | S.TYPE_ENCHANTMENT | S.TYPE_ARTIFACT)) != 0;
    const a = spellAbilityOf(c);
    if (!permanent && a >= 0 && faceDamage(a) >= player(opponent(p)).life) return 900; // burn or drain for the win
    if (g.stackCount > 0) {
      // respond only with counterspells to opposing spells
      const top = stackItem(g.stackCount - 1);
      return top.controller != p && isCounterspell(c) ? 500 : -1;
    }
    if (isCounterspell(c)) return -1;
    if (myMain && holdsUp(p, mv, i)) return -1;
    if (onlyOwnTargets(p, c, i)) return -1;
    if (permanent) {
      if ((t & S.SUPER_LEGENDARY) && controlsCard(p, c)) return -1; // the legend rule (704.5j) would undo it
      if (instant && !myMain) return g.active != p && g.step == STEP_END ? 100 + mv : -1; // flash: end of opponent's turn
      return myMain ? 100 + mv * 10 : -1;
    }
    // instants and sorceries: pump when it wins a fight or the game, removal and card draw
    // in combat, at the end of the opponent's turn or in main 2
    if (a >= 0 && isPump(a)) {
      if (g.step != STEP_BLOCKERS) return -1;
      const gain = bestPumpGain(p, a);
      return gain >= 1000 ? 900 : gain > 5 ? 80 + gain : -1;
    }
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
    if (abil(a, S.AB_KIND) == S.ABK_LOYALTY) return loyaltyScore(p, i, a);
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
    // "each opponent discards" (Tinybones) does nothing against an empty hand
    const pc = abil(a, S.AB_CODE);
    if (irWord(pc) == S.OP_DISCARD && irWord(pc + 2) == S.REF_OPP && player(opponent(p)).handCount == 0) return -1;
    // other abilities: use spare mana at the end of the opponent's turn or in main 2
    if ((g.active != p && g.step == STEP_END) || (myMain && g.step == STEP_MAIN2)) return 20;
    return -1;
  }
  return -1;
}

// Planeswalkers: the plus ability while the opponent's creatures threaten the walker, a minus
// that removes an opposing permanent, other minus abilities while it is safe; never one that
// would leave it without loyalty.
function loyaltyScore(p: i32, w: i32, a: i32): i32 {
  const g = game();
  const opp = opponent(p);
  const cost = abil(a, S.AB_COST_PARAM), left = obj(w).loyalty + cost;
  if (left <= 0) return -1;
  let power = 0, targets = 0;
  refresh();
  for (let i = 0; i < g.objCount; i++) {
    if (!isCreature(i, opp)) continue;
    targets++;
    if (!(obj(i).kw & (S.KW_DEFENDER | S.KW_CANT_ATTACK))) power += strikeDamage(i);
  }
  const threatened = power >= left;
  if (cost < 0 && targets > 0 && abil(a, S.AB_TSPEC_COUNT) > 0 && harmfulTo(a, 0)) return 300 - cost;
  if (cost >= 0) return 200 + cost + (threatened ? 50 : 0);
  return threatened || left < 2 ? 150 : 220 - cost;
}

// Whether the first target of card c's spell (or Aura) is hostile while no opposing permanent or
// player can be it: a spell is offered whenever any target is legal, the caster's own included.
function onlyOwnTargets(p: i32, c: i32, self: i32): bool {
  const start = card(c, S.CARD_ABIL_START), end = start + card(c, S.CARD_ABIL_COUNT);
  let a = -1;
  for (let k = start; k < end && a < 0; k++) {
    const kind = abil(k, S.AB_KIND);
    if ((kind == S.ABK_SPELL || kind == S.ABK_ENCHANT) && abil(k, S.AB_TSPEC_COUNT) > 0) a = k;
  }
  if (a < 0 || !(abil(a, S.AB_KIND) == S.ABK_ENCHANT ? auraHarmful(c) : harmfulTo(a, 0))) return false;
  const ts = abil(a, S.AB_TSPEC_START), f = tspec(ts, S.TS_FILTER);
  if ((tspec(ts, S.TS_PLAYERS) | (f >= 0 ? filt(f, S.F_PLAYERS) : 0)) & S.PF_OPP) return false;
  if (f < 0) return true;
  const g = game();
  refresh();
  for (let i = 0; i < g.objCount; i++) {
    const o = obj(i);
    if (o.zone == S.ZONE_BATTLEFIELD ? o.controller != p && !(o.kw & (S.KW_HEXPROOF | S.KW_PROTECTION_ALL)) : o.owner != p && o.zone != S.ZONE_LIBRARY && o.zone != S.ZONE_HAND) {
      if (matches(f, i, self, p, -1)) return false;
    }
  }
  return true;
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

// ---- spells by what they do ----

// A constant amount, or -1 for a computed one (X, counts).
function constAmount(w: i32): i32 {
  const tag = w >> 24;
  return tag == 0 || tag == -1 ? w : -1;
}

// Damage (or toughness loss, or life loss) the program of ability a deals to target slot k, the
// first instruction that concerns it deciding; -1 when it isn't a measured amount (destroy,
// exile, an X).
function damageTo(a: i32, k: i32): i32 {
  let pc = abil(a, S.AB_CODE);
  for (let n = 0; n < 64; n++) {
    const op = irWord(pc);
    if (op == S.OP_END) break;
    const x = irWord(pc + 1), y = irWord(pc + 2);
    if ((op == S.OP_DAMAGE || op == S.OP_LOSE_LIFE) && y == k) return constAmount(x);
    if (op == S.OP_PUMP && x == k) { const t = irWord(pc + 3); return t >> 24 == -1 ? -t : -1; } // -N/-N
    if (x == k || y == k) return -1;
    pc += opLength(op);
  }
  return -1;
}

// Damage or life loss spell ability a can aim at the opponent: at its first target when that may
// be the opponent, or at each opponent.
function faceDamage(a: i32): i32 {
  let d = 0;
  if (abil(a, S.AB_TSPEC_COUNT) > 0) {
    const ts = abil(a, S.AB_TSPEC_START);
    const f = tspec(ts, S.TS_FILTER);
    if ((tspec(ts, S.TS_PLAYERS) | (f >= 0 ? filt(f, S.F_PLAYERS) : 0)) & S.PF_OPP) d = max(d, damageTo(a, 0));
  }
  let pc = abil(a, S.AB_CODE);
  for (let n = 0; n < 64; n++) {
    const op = irWord(pc);
    if (op == S.OP_END) break;
    if ((op == S.OP_DAMAGE || op == S.OP_LOSE_LIFE) && irWord(pc + 2) == S.REF_OPP) d = max(d, constAmount(irWord(pc + 1)));
    pc += opLength(op);
  }
  return d;
}

// Whether ability a is a pump on its first target (+N/+N until end of turn, constants).
function isPump(a: i32): bool {
  const pc = abil(a, S.AB_CODE);
  if (irWord(pc) != S.OP_PUMP || irWord(pc + 1) != S.REF_TARGET) return false;
  const pw = constAmount(irWord(pc + 2)), tg = constAmount(irWord(pc + 3));
  return pw >= 0 && tg >= 0 && pw + tg > 0;
}

// Combat damage p's unblocked attackers deal.
function unblockedDamage(p: i32): i32 {
  const g = game();
  let d = 0;
  for (let i = 0; i < g.objCount; i++) if (isCreature(i, p) && (obj(i).flags & OF_ATTACKING) && !(obj(i).flags & OF_BLOCKED)) d += strikeDamage(i);
  return d;
}

// What +pw/+tg on p's creature i is worth in the combat under way: the value of the creatures
// it saves or kills, the damage it adds, 1000 when that damage is lethal.
function pumpGain(p: i32, i: i32, pw: i32, tg: i32): i32 {
  const g = game();
  refresh();
  const o = obj(i);
  if (!isCreature(i, p)) return 0;
  if (o.flags & OF_BLOCKING) return fightGain(i, o.blocking, pw, tg);
  if (!(o.flags & OF_ATTACKING)) return 0;
  if (!(o.flags & OF_BLOCKED)) {
    const extra = (o.kw & S.KW_DOUBLE_STRIKE) ? pw * 2 : pw;
    return unblockedDamage(p) + extra >= player(opponent(p)).life ? 1000 : extra;
  }
  let gain = 0;
  for (let b = 0; b < g.objCount; b++) if ((obj(b).flags & OF_BLOCKING) && obj(b).blocking == i) gain += fightGain(i, b, pw, tg);
  return gain;
}

function fightGain(x: i32, y: i32, pw: i32, tg: i32): i32 {
  const yp = obj(y).power, yl = lifeLeft(y);
  const before = fight(x, obj(x).power, lifeLeft(x), y, yp, yl);
  const after = fight(x, obj(x).power + pw, lifeLeft(x) + tg, y, yp, yl);
  return ((before & FIGHT_Y_KILLS) && !(after & FIGHT_Y_KILLS) ? creatureValue(x) : 0)
    + (!(before & FIGHT_X_KILLS) && (after & FIGHT_X_KILLS) ? creatureValue(y) : 0);
}

// The most a pump spell a gains now on one of p's creatures.
function bestPumpGain(p: i32, a: i32): i32 {
  const g = game();
  const pc = abil(a, S.AB_CODE);
  let bestGain = 0;
  for (let i = 0; i < g.objCount; i++) bestGain = max(bestGain, pumpGain(p, i, irWord(pc + 2), irWord(pc + 3)));
  return bestGain;
}

// Whether p should keep mana open for a counterspell in hand rather than spend mv of it now.
function holdsUp(p: i32, mv: i32, self: i32): bool {
  if (!prof.holdCounter) return false;
  const g = game();
  const lands = untappedLands(p);
  for (let i = 0; i < g.objCount; i++) {
    const o = obj(i);
    if (i == self || o.zone != S.ZONE_HAND || o.owner != p || !isCounterspell(o.card)) continue;
    const cm = card(o.card, S.CARD_MANA_VALUE);
    if (lands >= cm && lands - mv < cm) return true;
  }
  return false;
}

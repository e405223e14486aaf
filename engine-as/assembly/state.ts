// The whole game state lives in one contiguous block of linear memory starting at `G`.
// Layout: Game header | 2 Players | stack | pending triggers | effects | objects.
// Objects come last so a clone copies only the header plus the objects in use.
// Every table has a fixed capacity; overflowing one ends the game as a draw (END_ENGINE_LIMIT).

export const MAX_OBJECTS = 512; // cards first (ids < MAX_CARD_OBJECTS), then tokens
export const MAX_LIBRARY = 252;
export const MAX_CARD_OBJECTS = 256; // library slots are bytes, so every card's object id is < 256
export const MAX_STACK = 64;
export const MAX_PENDING = 64; // a board wipe can set off dozens of dies triggers at once
export const MAX_EFFECTS = 256; // one per affected object for "creatures you control get +1/+1" (611.2c)
export const MAX_OPTIONS = 128;
export const MAX_TARGETS = 8;
export const NONE: i32 = -1;

// object flags
export const OF_TAPPED: i32 = 1 << 0;
export const OF_SICK: i32 = 1 << 1; // not continuously controlled since the controller's turn began (302.6)
export const OF_TOKEN: i32 = 1 << 2;
export const OF_ATTACKING: i32 = 1 << 3;
export const OF_BLOCKING: i32 = 1 << 4;
export const OF_BLOCKED: i32 = 1 << 5;
export const OF_DEATHTOUCHED: i32 = 1 << 6; // dealt damage by a deathtouch source since last check (704.5h)
export const OF_LOYALTY_USED: i32 = 1 << 7;
export const OF_KICKED: i32 = 1 << 8;
export const OF_WAS_CAST: i32 = 1 << 9;
export const OF_EXILE_IF_DIES: i32 = 1 << 10;
export const OF_ACTIVATED_ONCE: i32 = 1 << 11;
export const OF_FIRST_STRUCK: i32 = 1 << 12; // dealt first-strike combat damage this combat (510.4)
export const OF_DYING: i32 = 1 << 14; // marked for a simultaneous batch move
export const OF_DEAD: i32 = 1 << 15; // a token that has ceased to exist; its slot may be reused
export const OF_PREVENT_COMBAT_DAMAGE: i32 = 1 << 16; // prevent all combat damage dealt to it this turn (615)
export const OF_KEPT: i32 = 1 << 20; // chosen to be kept while OP_KEEP_ONE_OF_EACH_TYPE resolves
export const OF_EXILED_THIS_WAY: i32 = 1 << 21; // exiled by OP_EXILE during the current resolution
export const OF_ACTIVATED_EVER: i32 = 1 << 24; // an "Activate only once" ability of it was activated (cleared on zone change)
export const OF_CHOSEN: i32 = 1 << 25; // chosen among revealed cards while an effect resolves (Genesis Wave)
// In a hidden zone, known to player 0 / player 1 (OF_KNOWN0 << p): it came from a public zone,
// was revealed, or was looked at; a shuffle forgets library positions. MCTS determinization
// keeps known cards where they are and resamples only the rest.
export const OF_KNOWN0: i32 = 1 << 26;
export const OF_KNOWN1: i32 = 1 << 27;
export const OF_KNOWN_BOTH: i32 = OF_KNOWN0 | OF_KNOWN1;

@unmanaged
export class Obj {
  card: i32;
  owner: i32;
  controller: i32;
  zone: i32;
  flags: i32;
  damage: i32;
  p1p1: i32;
  m1m1: i32;
  loyalty: i32;
  stun: i32;
  other: i32;
  attachedTo: i32;
  attackTarget: i32; // PLAYER_CODE + p, or a planeswalker's object id, or -1
  blocking: i32; // attacker this creature blocks, or -1
  x: i32; // X paid when cast
  zseq: i32; // identity: bumped at every zone change (400.7)
  ts: i32; // timestamp (613.7)
  // characteristics after layers (valid while the state is not dirty)
  power: i32;
  toughness: i32;
  kw: i32;
  types: i32;
  colors: i32;
  sub: i32;
  lkiPower: i32; // power as it last existed on the battlefield (608.2h)
  dmgIn: i32; // combat damage assigned to this blocker in the current damage step
  dmgOut: i32; // combat damage this attacker assigns to the player or planeswalker it attacks
  facts: i32; // FACT_* bits about the card over the whole game (survive zone changes)
  except: i32; // TOKF_* exceptions the token was created with (707.9b), part of its copiable values
  abilFx: i32; // ABX_* ability changes after layer 6 (valid while the state is not dirty)
  lostTs: i32; // timestamp of the latest "loses all abilities" effect on it (with ABX_LOST)
  subHi: i32; // SUB_HI_* bits (second subtype word), after layer 4
  lkiOther: i32; // named counters (Obj.other) it had when it last left the battlefield (608.2h)
  granted: i32; // 1 once an effect granted it a triggered ability (EF_GRANTED_TRIGGER): triggers.ts looks then
  // a mana ability granted by a static (ST_GRANT_MANA), after layers: color bitmask | amount << 8, 0 = none
  grantedMana: i32;
  // combat damage it dealt in the current combat damage step (TRIG_COMBAT_DAMAGE_DEALT)
  combatDealt: i32;
  chosen: i32; // color (COLOR_*) or creature type (SUB_* bit index) chosen as it entered; -1 while unchosen
  lkiSub: i32; // SUB_* (LO) subtypes it had as it last existed on the battlefield (603.10a), 0 after other moves
  onceTurn: i32; // turn + 1 when its "triggers only once each turn" ability last triggered (0: not yet as this object)
  nameId: i32; // its name after ST_SET_NAME (a card index, or NAME_GIVEN | card index): what the legend rule and F_NAME compare
  // an ST_PLAY_GY_BY_TYPE source's permanent types (TYPE_* bits) used this turn, valid while
  // gtTurn is this turn and gtZseq its zone-change count (Muldrotha)
  gtUsed: i32;
  gtTurn: i32;
  gtZseq: i32;
}
export const ABX_LOST: i32 = 1 << 0; // lost all abilities (its card's abilities and flags don't apply)
export const ABX_TAP_FOR_C: i32 = 1 << 1; // has "{T}: Add {C}." from an effect
export const FACT_OPENING_HAND: i32 = 1 << 0;
export const FACT_DRAWN: i32 = 1 << 1;
export const FACT_CAST: i32 = 1 << 2;
export const FACT_LEYLINE_ASKED: i32 = 1 << 8; // its opening-hand action was offered (103.6)
export const OBJ_SIZE: i32 = offsetof<Obj>();

@unmanaged
export class Player {
  life: i32;
  startingLife: i32;
  landsPlayed: i32;
  extraLands: i32;
  hexproof: i32;
  noMaxHand: i32;
  lost: i32;
  drewFromEmpty: i32;
  mulligans: i32;
  attackedThisTurn: i32;
  lifeGainedThisTurn: i32;
  lifeGainEventsThisTurn: i32;
  lifeLostThisTurn: i32;
  spellsCastThisTurn: i32;
  cardsDrawnThisTurn: i32;
  handCount: i32;
  gyCount: i32;
  libCount: i32;
  castAsFlash: i32; // ST_CAST_AS_FLASH applies
  castFree: i32; // ST_CAST_FREE_FROM_HAND applies
  costReducers: i32; // ST_COST_REDUCE statics of permanents this player controls (0: costReduction has nothing to do)
  manaW: i32;
  manaU: i32;
  manaB: i32;
  manaR: i32;
  manaG: i32;
  manaC: i32;
  cantLose: i32; // "you can't lose the game" (ST_CANT_LOSE), set by the statics
  instSorcCastThisTurn: i32; // instant and sorcery spells cast this turn
  // set by the statics: ST_PLAY_STASHED applies; number of ST_PLAY_GY_BY_TYPE statics
  stashPlay: i32;
  gravetide: i32;
  lib0: i32; // MAX_LIBRARY byte slots start here; index 0 is the bottom
}
export const PLAYER_SIZE: i32 = offsetof<Player>() - 4 + MAX_LIBRARY;

// An item on the stack, or a triggered ability waiting to be put there (same shape).
@unmanaged
export class Item {
  kind: i32; // SI_*
  obj: i32; // spell card, or the ability's source
  zseq: i32;
  controller: i32;
  ability: i32; // global ability index (the spell's ability for spells, or -1)
  mode: i32; // chosen mode's ability index, or -1
  x: i32;
  flags: i32; // IF_*
  eventObj: i32;
  eventZseq: i32;
  eventAmount: i32;
  eventPlayer: i32;
  lkiPower: i32;
  ntargets: i32;
  t0: i32; // MAX_TARGETS target codes, then MAX_TARGETS zseqs, then MAX_TARGETS spec indexes, then (red) MAX_TARGETS divided damage shares
}
export const ITEM_SIZE: i32 = offsetof<Item>() + (MAX_TARGETS * 4 - 1) * 4;
export const SI_SPELL = 1;
export const SI_ABILITY = 2;
export const SI_TRIGGER = 3;
export const IF_KICKED = 1 << 0;
export const IF_FLASHBACK = 1 << 1;
export const IF_TARGETED = 1 << 2; // had targets when put on the stack (608.2b)
export const IF_FLASHBACK_COST = 1 << 3; // with IF_FLASHBACK: the printed flashback cost is paid (not a granted flashback's mana cost)
// A spell cast without paying its mana cost (118.9: Omniscience's ACT_CAST_FREE, or a play
// permission with PLAY_FREE; 107.3b: X is 0), and one cast with a permission that lets mana of any
// type be spent (OP_MAY_PLAY)
export const IF_FREE = 1 << 22;
export const IF_ANY_MANA = 1 << 23;
export const IF_ALT_COST = 1 << 5; // cast for the alternative cost of its ST_ALT_COST static (118.9)
export const IF_HASTE_MANA = 1 << 27; // mana of a MANA_HASTE_DRAGON source was spent on this Dragon creature spell: the permanent gains haste until end of turn
export const IF_COPY = 1 << 8; // a copy of a spell (707.10): not cast, only its targets are chosen again
export const IF_REMOVE_COUNTERS = 1 << 9; // cast from a graveyard by removing counters from among creatures you control (ST_GY_CAST_REMOVE_COUNTERS)

// A continuous effect from a resolved spell or ability (611.2), or a linked exile (610.3).
@unmanaged
export class Effect {
  kind: i32; // EF_*
  obj: i32;
  zseq: i32;
  power: i32;
  toughness: i32;
  kw: i32;
  duration: i32;
  ts: i32;
  player: i32;
  source: i32;
  sourceZseq: i32;
  // EF_MAY_PLAY permission
  playUntil: i32; // the turn in whose cleanup step the permission ends
  playFlags: i32; // PLAY_* bits
  sub: i32; // subtypes added (EF_ADD_TYPES, layer 4): SUB_* LO word
  subHi: i32; // and SUB_HI_* word
}
export const EFFECT_SIZE: i32 = offsetof<Effect>();
export const EF_PUMP = 1;
export const EF_GRANT = 2;
export const EF_EXILED_UNTIL = 3; // obj exiled until source leaves the battlefield
export const EF_GAINS_FLASHBACK = 35; // the graveyard card obj has flashback with its mana cost as the cost
export const EF_MAY_PLAY = 45; // `player` may play card obj while it stays in its zone (OP_MAY_PLAY)
export const EF_CONTROL = 46; // obj is controlled by whoever resolved OP_GAIN_CONTROL; `player` had it before (613.1b)
export const EF_ADD_TYPES = 30; // obj has subtypes `sub`/`subHi` (layer 4) and keywords `kw` (layer 6) in addition
export const EF_GRANTED_TRIGGER = 40; // obj has the triggered ability kw (an ability index) until end of turn
export const EF_DELAYED = 41; // a delayed triggered ability (603.7): ability kw, controller player, source, event object
//   obj/zseq; it triggers once, on its AB_TRIGGER event
// obj becomes `sub`/`subHi` (creature types replaced, layer 4), base P/T power/toughness unless PT_STAR (7b), gains kw (6)
//   (OP_BECOME), while it stays on the battlefield
export const EF_BECOME = 130;
export const EF_ANIMATE = 110; // obj is a power/toughness creature with kw and all creature types (OP_ANIMATE), while it stays

@unmanaged
export class Game {
  rng0: u32; rng1: u32; rng2: u32; rng3: u32; // game stream: shuffles, coin flips
  arng0: u32; arng1: u32; arng2: u32; arng3: u32; // agent stream of player 0
  brng0: u32; brng1: u32; brng2: u32; brng3: u32; // agent stream of player 1
  phase: i32; // PH_*
  turn: i32;
  active: i32;
  startingPlayer: i32;
  step: i32;
  stepStage: i32;
  priority: i32;
  passes: i32;
  over: i32;
  winner: i32;
  endReason: i32;
  objCount: i32;
  stackCount: i32;
  pendCount: i32;
  effCount: i32;
  nextTs: i32;
  actions: i32;
  turnCap: i32;
  actionCap: i32;
  dirty: i32;
  sbaDirty: i32; // something changed since the last state-based check found nothing
  creatureDiedThisTurn: i32;
  firstStrikeStep: i32; // a first-strike damage step happens this combat
  // the decision waiting for an answer
  dkind: i32;
  dplayer: i32;
  dcount: i32;
  dctx: i32; // extra context for the decision (e.g. the card being scried)
  hasAnswer: i32;
  answer: i32;
  akind: i32; // the kind of decision the answer is for
  // mulligan process
  mulPlayer: i32;
  mulStage: i32;
  mulBottom: i32;
  // casting or activating (601, 602)
  casting: i32; // 0 = idle, else CS_* stage
  castItem: i32; // stack index being built
  castSpec: i32; // current target spec (relative)
  castSpecCount: i32;
  castSpecChosen: i32;
  castPlayer: i32;
  castAddLeft: i32; // additional-cost choices left (sacrifice/discard)
  // putting pending triggers on the stack
  trigStage: i32;
  // resolving (608)
  resolving: i32; // 1 while running an effect program
  resPc: i32;
  resLoop: i32;
  resStarted: i32; // the current instruction's first part (e.g. loot's draw) is done
  resIt: i32;
  resItZseq: i32;
  resLast: i32;
  resChosen: i32;
  resTmp: i32;
  // combat
  combatStage: i32;
  dmgAttacker: i32;
  dmgLeft: i32;
  cleanupAgain: i32;
  stopAtPriority: i32; // scenarios: every priority is a decision, even with only "pass"
  castNow: i32; // 1 + the player who may cast spells with PLAY_NOW permissions now, 0 = nobody
  choicesPending: i32; // permanents that entered and still need their "as enters" choice
  turnStartTs: i32; // the first timestamp of this turn: an object with o.ts >= this changed zones this turn (FF_THIS_TURN)
  endDetail: i32; // LIMIT_*: the full table, for END_ENGINE_LIMIT
  ctrCostLeft: i32; // counters still to remove for a spell's ST_GY_CAST_REMOVE_COUNTERS cost (-1: not started)
  opt0: i32; // MAX_OPTIONS options follow
}
export const GAME_SIZE: i32 = offsetof<Game>() + (MAX_OPTIONS - 1) * 4;

export const PLAYERS_OFF: i32 = (GAME_SIZE + 15) & ~15;
export const STACK_OFF: i32 = PLAYERS_OFF + 2 * PLAYER_SIZE;
export const PEND_OFF: i32 = STACK_OFF + MAX_STACK * ITEM_SIZE;
export const EFF_OFF: i32 = PEND_OFF + MAX_PENDING * ITEM_SIZE;
export const OBJ_OFF: i32 = (EFF_OFF + MAX_EFFECTS * EFFECT_SIZE + 15) & ~15;
export const STATE_SIZE: i32 = OBJ_OFF + MAX_OBJECTS * OBJ_SIZE;

// phases of the whole game
export const PH_SETUP = 0;
export const PH_MULLIGAN = 1;
export const PH_PLAY = 2;
export const PH_OVER = 3;

// steps (500.1)
export const STEP_UNTAP = 0;
export const STEP_UPKEEP = 1;
export const STEP_DRAW = 2;
export const STEP_MAIN1 = 3;
export const STEP_BEGIN_COMBAT = 4;
export const STEP_ATTACKERS = 5;
export const STEP_BLOCKERS = 6;
export const STEP_FIRST_DAMAGE = 7;
export const STEP_DAMAGE = 8;
export const STEP_END_COMBAT = 9;
export const STEP_MAIN2 = 10;
export const STEP_END = 11;
export const STEP_CLEANUP = 12;

// The state in use. Everything in the engine reads and writes through it.
export let G: usize = 0;
export function useState(base: usize): void { G = base; }

// @ts-ignore: decorator
@inline export function game(): Game { return changetype<Game>(G); }
// @ts-ignore: decorator
@inline export function player(p: i32): Player { return changetype<Player>(G + <usize>PLAYERS_OFF + <usize>(p * PLAYER_SIZE)); }
// @ts-ignore: decorator
@inline export function obj(i: i32): Obj { return changetype<Obj>(G + <usize>OBJ_OFF + <usize>(i * OBJ_SIZE)); }
// @ts-ignore: decorator
@inline export function stackItem(i: i32): Item { return changetype<Item>(G + <usize>STACK_OFF + <usize>(i * ITEM_SIZE)); }
// @ts-ignore: decorator
@inline export function pending(i: i32): Item { return changetype<Item>(G + <usize>PEND_OFF + <usize>(i * ITEM_SIZE)); }
// @ts-ignore: decorator
@inline export function effect(i: i32): Effect { return changetype<Effect>(G + <usize>EFF_OFF + <usize>(i * EFFECT_SIZE)); }

// @ts-ignore: decorator
@inline export function libAt(p: i32, i: i32): i32 { return <i32>load<u8>(changetype<usize>(player(p)) + offsetof<Player>('lib0') + <usize>i); }
// @ts-ignore: decorator
@inline export function setLibAt(p: i32, i: i32, v: i32): void { store<u8>(changetype<usize>(player(p)) + offsetof<Player>('lib0') + <usize>i, <u8>v); }
// @ts-ignore: decorator
@inline export function optAt(i: i32): i32 { return load<i32>(G + offsetof<Game>('opt0') + <usize>(i << 2)); }
// @ts-ignore: decorator
@inline export function setOptAt(i: i32, v: i32): void { store<i32>(G + offsetof<Game>('opt0') + <usize>(i << 2), v); }
// @ts-ignore: decorator
@inline export function targetAt(it: Item, k: i32): i32 { return load<i32>(changetype<usize>(it) + offsetof<Item>('t0') + <usize>(k << 2)); }
// @ts-ignore: decorator
@inline export function targetZseqAt(it: Item, k: i32): i32 { return load<i32>(changetype<usize>(it) + offsetof<Item>('t0') + <usize>((k + MAX_TARGETS) << 2)); }
// @ts-ignore: decorator
@inline export function targetSpecAt(it: Item, k: i32): i32 { return load<i32>(changetype<usize>(it) + offsetof<Item>('t0') + <usize>((k + 2 * MAX_TARGETS) << 2)); }
// the share of divided damage (601.2d) announced for target k of an item.
// @ts-ignore: decorator
@inline export function shareAt(it: Item, k: i32): i32 { return load<i32>(changetype<usize>(it) + offsetof<Item>('t0') + <usize>((k + 3 * MAX_TARGETS) << 2)); }
// @ts-ignore: decorator
@inline export function setShareAt(it: Item, k: i32, v: i32): void { store<i32>(changetype<usize>(it) + offsetof<Item>('t0') + <usize>((k + 3 * MAX_TARGETS) << 2), v); }
// Target k of an item: its code (object id, PLAYER_CODE + p, or -2 once illegal), the object's
// zone-change count when chosen, and which target spec (relative to the ability) it was chosen for.
export function setTarget(it: Item, k: i32, code: i32, zseq: i32, spec: i32): void {
  const base = changetype<usize>(it) + offsetof<Item>('t0');
  store<i32>(base + <usize>(k << 2), code);
  store<i32>(base + <usize>((k + MAX_TARGETS) << 2), zseq);
  store<i32>(base + <usize>((k + 2 * MAX_TARGETS) << 2), spec);
}

export function opponent(p: i32): i32 { return 1 - p; }

// A clone copies only what is in use: the header and players, then the used start of each table
// (stack, pending triggers, effects, objects). Table capacities are limits, not copying costs.
export const USED_RANGES = 5;
/** Start (byte offset) of used range r of the state at G. */
export function usedStart(r: i32): i32 {
  return r == 0 ? 0 : r == 1 ? STACK_OFF : r == 2 ? PEND_OFF : r == 3 ? EFF_OFF : OBJ_OFF;
}
/** Length in bytes of used range r of the state at G. */
export function usedLength(r: i32): i32 {
  const g = game();
  return r == 0 ? STACK_OFF : r == 1 ? g.stackCount * ITEM_SIZE : r == 2 ? g.pendCount * ITEM_SIZE
    : r == 3 ? g.effCount * EFFECT_SIZE : g.objCount * OBJ_SIZE;
}

export function copyItem(dst: Item, src: Item): void {
  memory.copy(changetype<usize>(dst), changetype<usize>(src), <usize>ITEM_SIZE);
}

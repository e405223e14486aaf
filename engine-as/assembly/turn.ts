// The game loop: setup, London mulligan (103.5), turn structure (500-514) and priority (117).
// `advance` runs until a player must decide or the game is over; `answer` (decision.ts) records
// the choice and the process that asked picks it up on the next advance.
import * as S from './ir/spec';
import { card } from './ir';
import {
  G, game, player, obj, effect, NONE, MAX_LIBRARY, MAX_CARD_OBJECTS, PH_MULLIGAN, PH_PLAY, OF_TAPPED, OF_SICK,
  OF_LOYALTY_USED, OF_ACTIVATED_ONCE, OF_DEATHTOUCHED, OF_EXILE_IF_DIES, OF_PREVENT_COMBAT_DAMAGE, EF_EXILED_UNTIL, EF_ADD_TYPES, EF_ANIMATE, EF_MAY_PLAY, EF_CONTROL, EF_BECOME, EF_GRANTED_TRIGGER,
  STEP_UNTAP, STEP_UPKEEP, STEP_DRAW, STEP_MAIN1, STEP_BEGIN_COMBAT, STEP_ATTACKERS, STEP_BLOCKERS,
  STEP_FIRST_DAMAGE, STEP_DAMAGE, STEP_END_COMBAT, STEP_END, STEP_CLEANUP, OBJ_OFF, FACT_OPENING_HAND, FACT_LEYLINE_ASKED,
  Effect, pending, opponent, setLibAt,
} from './state';
import { rngSeed, rngBelow } from './rng';
import { emit, setLogging, isLogging, EV_GAME_START, EV_TURN, EV_STEP, EV_MULLIGAN, EV_CONTROL } from './events';
import { ask, addOpt, takeAnswer, answer } from './decision';
import { markDirty, refresh, amount, hasKw } from './chars';
import { newObject, draw, shuffle, moveTo, putOnBottom, untap, enterBattlefield, addCounters, hasOwnReplacement, discardCard } from './zones';
import { checkSBA, endGame } from './sba';
import { listActions, performAction, runCasting, beginTrigger, castNowStage } from './cast';
import { startResolve, runResolution } from './resolve';
import { triggerStep } from './triggers';
import { declareAttackers, declareBlockers, combatDamage, firstStrikeInCombat, anyAttackers, endCombat } from './combat';
import { emptyPools } from './mana';

const HAND_SIZE = 7;

// ---------- setup ----------
export function gameInit(seed: u32, turnCap: i32, actionCap: i32, logging: i32): void {
  setLogging(logging != 0);
  memory.fill(G, 0, <usize>OBJ_OFF);
  rngSeed(seed);
  const g = game();
  g.turnCap = turnCap;
  g.actionCap = actionCap;
  g.winner = NONE;
  g.nextTs = 1;
  g.sbaDirty = 1;
  g.mulPlayer = NONE;
  g.dmgLeft = -1;
  g.resIt = NONE;
  g.resTmp = NONE;
  for (let p = 0; p < 2; p++) {
    const pl = player(p);
    pl.life = 20; // 103.4
    pl.startingLife = 20;
  }
}

export function gameAddCard(p: i32, c: i32): bool {
  const pl = player(p);
  if (pl.libCount >= MAX_LIBRARY || game().objCount >= MAX_CARD_OBJECTS) return false;
  const i = newObject(c, p, S.ZONE_LIBRARY);
  if (i < 0) return false;
  setLibAt(p, pl.libCount++, i);
  return true;
}

// onThePlay: 0 or 1 chooses the starting player; -1 flips a coin with the game stream.
export function gameStart(onThePlay: i32): void {
  const g = game();
  const first = onThePlay >= 0 ? onThePlay : rngBelow(0, 2);
  g.startingPlayer = first;
  emit(EV_GAME_START, first, 0, 0);
  for (let p = 0; p < 2; p++) { shuffle(p); draw(p, HAND_SIZE); }
  for (let p = 0; p < 2; p++) player(p).cardsDrawnThisTurn = 0;
  g.phase = PH_MULLIGAN;
  g.mulPlayer = first;
  g.mulStage = 0;
}

// ---------- the loop ----------
export function advance(): void {
  const g = game();
  while (!g.over) {
    if (g.dkind != 0) {
      if (g.dcount > 1 || (g.dkind == S.DK_PRIORITY && g.stopAtPriority)) return;
      if (g.dcount == 1) answerSilently(); else g.dkind = 0;
      continue;
    }
    if (++g.actions > g.actionCap) { endGame(NONE, S.END_ACTION_CAP); return; }
    if (g.phase == PH_MULLIGAN) mulligan();
    else if (g.casting) runCasting(); // before resolution: a resolving copy effect chooses the copies' targets (707.10c)
    else if (g.resolving) runResolution();
    else if (g.castNow) castNowStage(); // spells cast while an ability resolved (Etali)
    else turnStep();
  }
}

// A decision with a single option is taken without asking anyone (and is not recorded).
function answerSilently(): void {
  const wasLogging = isLogging();
  setLogging(false);
  answer(0);
  setLogging(wasLogging);
}

// ---------- London mulligan ----------
function mulligan(): void {
  const g = game();
  const p = g.mulPlayer;
  const pl = player(p);
  if (g.mulStage == 0) { // keep or mulligan
    if (g.hasAnswer && g.akind == S.DK_MULLIGAN) {
      const again = takeAnswer() == 1;
      emit(EV_MULLIGAN, p, again ? 1 : 0, pl.mulligans);
      if (!again) { g.mulStage = 1; g.mulBottom = pl.mulligans; return; }
      pl.mulligans++;
      for (let i = 0; i < g.objCount; i++) if (obj(i).zone == S.ZONE_HAND && obj(i).owner == p) moveTo(i, S.ZONE_LIBRARY);
      shuffle(p);
      draw(p, HAND_SIZE);
      pl.cardsDrawnThisTurn = 0;
    }
    ask(S.DK_MULLIGAN, p, pl.mulligans);
    addOpt(0);
    if (pl.mulligans < HAND_SIZE) addOpt(1);
    return;
  }
  // 103.5: put one card on the bottom per mulligan taken
  if (g.hasAnswer && g.akind == S.DK_BOTTOM) { putOnBottom(takeAnswer()); g.mulBottom--; }
  if (g.mulBottom > 0) {
    ask(S.DK_BOTTOM, p, g.mulBottom);
    for (let i = 0; i < g.objCount; i++) if (obj(i).zone == S.ZONE_HAND && obj(i).owner == p) addOpt(i);
    return;
  }
  if (p == g.startingPlayer) { g.mulPlayer = opponent(p); g.mulStage = 0; return; }
  for (let i = 0; i < g.objCount; i++) if (obj(i).zone == S.ZONE_HAND) obj(i).facts |= FACT_OPENING_HAND;
  if (leylines()) return;
  g.phase = PH_PLAY;
  g.turn = 1;
  g.active = g.startingPlayer;
  g.step = STEP_UNTAP;
  g.stepStage = 0;
  emit(EV_TURN, 1, g.active, 0);
}

// 103.6-style opening-hand actions (Leyline Axe): after mulligans, the starting player first,
// each player may put such cards from their opening hand onto the battlefield.
function leylines(): bool {
  const g = game();
  if (g.hasAnswer && g.akind == S.DK_MAY) {
    const i = g.dctx;
    if (takeAnswer() == 1) { moveTo(i, S.ZONE_BATTLEFIELD); enterBattlefield(i, obj(i).owner, false, 0); }
  }
  for (let k = 0; k < 2; k++) {
    const p = k == 0 ? g.startingPlayer : opponent(g.startingPlayer);
    for (let i = 0; i < g.objCount; i++) {
      const o = obj(i);
      if (o.zone != S.ZONE_HAND || o.owner != p || (o.facts & FACT_LEYLINE_ASKED) || !(card(o.card, S.CARD_FLAGS) & S.CF_LEYLINE)) continue;
      o.facts |= FACT_LEYLINE_ASKED;
      ask(S.DK_MAY, p, i);
      addOpt(0); addOpt(1);
      return true;
    }
  }
  return false;
}

// 614.12: "As this enters, choose a color / a creature type": the controller chooses before
// anyone receives priority; Banner of Kinship then gets its counters for the chosen type.
function chooseAsEnters(): bool {
  const g = game();
  if (g.hasAnswer && (g.akind == S.DK_CHOOSE_COLOR || g.akind == S.DK_CHOOSE_TYPE)) {
    const i = g.dctx;
    obj(i).chosen = takeAnswer();
    g.choicesPending--;
    const c = obj(i).card;
    if (card(c, S.CARD_FLAGS) & S.CF_ETB_COUNTERS_NAMED) addCounters(i, S.CTR_OTHER, amount(card(c, S.CARD_ETB_COUNTERS), i, obj(i).controller, 0));
    markDirty();
    return true;
  }
  for (let i = 0; i < g.objCount; i++) {
    const o = obj(i);
    if (o.zone != S.ZONE_BATTLEFIELD || o.chosen >= 0) continue;
    const color = hasOwnReplacement(o.card, S.RP_CHOOSE_COLOR);
    if (!color && !hasOwnReplacement(o.card, S.RP_CHOOSE_TYPE)) continue;
    ask(color ? S.DK_CHOOSE_COLOR : S.DK_CHOOSE_TYPE, o.controller, i);
    if (color) for (let c = S.COLOR_W; c <= S.COLOR_G; c++) addOpt(c);
    else for (let b = 0; b < 31; b++) if ((1 << b) & S.SUB_CREATURE_TYPES) addOpt(b);
    return true;
  }
  g.choicesPending = 0; // the rest left the battlefield before choosing
  return false;
}

// ---------- steps ----------
function turnStep(): void {
  const g = game();
  if (g.stepStage == 0) beginStep();
  else if (g.stepStage == 2) turnBasedAction();
  else priorityStage();
}

function beginStep(): void {
  const g = game();
  const s = g.step;
  emit(EV_STEP, s, 0, 0);
  g.priority = g.active;
  g.passes = 0;
  g.stepStage = 1;
  if (s == STEP_UNTAP) {
    untapStep();
    nextStep();
  } else if (s == STEP_UPKEEP) {
    triggerStep(S.TRIG_UPKEEP);
  } else if (s == STEP_DRAW) {
    if (g.turn > 1) draw(g.active, 1); // 103.8a: the starting player skips their first draw
  } else if (s == STEP_BEGIN_COMBAT) {
    triggerStep(S.TRIG_BEGIN_COMBAT);
  } else if (s == STEP_ATTACKERS || s == STEP_BLOCKERS || s == STEP_DAMAGE || s == STEP_CLEANUP) {
    g.stepStage = 2;
  } else if (s == STEP_FIRST_DAMAGE) {
    if (firstStrikeInCombat()) g.stepStage = 2; else nextStep(); // 510.4
  } else if (s == STEP_END) {
    triggerStep(S.TRIG_END_STEP);
  }
}

// 502.3: the active player's permanents untap; 302.6: they are no longer "summoning sick".
function untapStep(): void {
  const g = game();
  for (let i = 0; i < g.objCount; i++) {
    const o = obj(i);
    if (o.zone != S.ZONE_BATTLEFIELD || o.controller != g.active) continue;
    o.flags &= ~OF_SICK;
    if ((o.flags & OF_TAPPED) && !hasKw(i, S.KW_DOESNT_UNTAP)) untap(i);
  }
  markDirty();
}

function turnBasedAction(): void {
  const g = game();
  const s = g.step;
  if (s == STEP_ATTACKERS) {
    if (!declareAttackers()) return;
    if (!anyAttackers()) { g.step = STEP_END_COMBAT; g.stepStage = 0; emptyPools(); return; } // 508.8
  } else if (s == STEP_BLOCKERS) {
    if (!declareBlockers()) return;
  } else if (s == STEP_FIRST_DAMAGE || s == STEP_DAMAGE) {
    if (!combatDamage(s == STEP_FIRST_DAMAGE)) return;
  } else if (s == STEP_CLEANUP) {
    cleanup();
    return;
  }
  g.stepStage = 1;
}

// 514: discard to hand size, then damage wears off and "until end of turn" effects end.
// If that causes state-based actions or triggers, players get priority and cleanup repeats.
function cleanup(): void {
  const g = game();
  const p = g.active;
  const pl = player(p);
  if (g.hasAnswer && g.akind == S.DK_DISCARD) discardCard(takeAnswer());
  refresh();
  if (!pl.noMaxHand && pl.handCount > HAND_SIZE) {
    ask(S.DK_DISCARD, p, 0);
    for (let i = 0; i < g.objCount; i++) if (obj(i).zone == S.ZONE_HAND && obj(i).owner == p) addOpt(i);
    return;
  }
  for (let i = 0; i < g.objCount; i++) {
    const o = obj(i);
    o.damage = 0;
    o.flags &= ~(OF_DEATHTOUCHED | OF_EXILE_IF_DIES | OF_PREVENT_COMBAT_DAMAGE);
  }
  let k = 0;
  for (let e = 0; e < g.effCount; e++) {
    const ef = effect(e);
    if (ef.kind == EF_CONTROL && ef.duration == S.DUR_END_OF_TURN) endControl(ef);
    if (ef.kind == 0 || (ef.duration == S.DUR_END_OF_TURN && ef.kind != EF_EXILED_UNTIL)) continue;
    if (ef.kind == EF_MAY_PLAY && ef.playUntil <= g.turn) continue; // play permissions end (514.2)
    // types and abilities lasting while their permanent stays on the battlefield (611.2a)
    if ((ef.kind == EF_ADD_TYPES || ef.kind == EF_ANIMATE || ef.kind == EF_BECOME || ef.kind == EF_GRANTED_TRIGGER) && obj(ef.obj).zseq != ef.zseq) continue;
    if (k != e) memory.copy(changetype<usize>(effect(k)), changetype<usize>(ef), offsetof<Effect>());
    k++;
  }
  g.effCount = k;
  markDirty();
  if (checkSBA() || g.pendCount > 0) { g.stepStage = 1; g.cleanupAgain = 1; return; } // 514.3a
  nextStep();
}

// 514.2: a control-changing effect ends; the permanent goes back to the player who had it.
function endControl(ef: Effect): void {
  const o = obj(ef.obj);
  if (o.zone != S.ZONE_BATTLEFIELD || o.zseq != ef.zseq) return;
  o.controller = ef.player;
  emit(EV_CONTROL, ef.obj, ef.player, 0);
}

function nextStep(): void {
  const g = game();
  emptyPools(); // 500.4
  if (g.step == STEP_END_COMBAT) endCombat();
  if (g.step == STEP_CLEANUP) {
    if (g.cleanupAgain) { g.cleanupAgain = 0; g.stepStage = 2; return; } // 514.3a: another cleanup step
    newTurn();
    return;
  }
  g.step++;
  g.stepStage = 0;
}

function newTurn(): void {
  const g = game();
  if (g.turn >= g.turnCap) { endGame(NONE, S.END_TURN_CAP); return; }
  g.turn++;
  g.turnStartTs = g.nextTs;
  g.active = opponent(g.active);
  g.step = STEP_UNTAP;
  g.stepStage = 0;
  g.creatureDiedThisTurn = 0;
  for (let p = 0; p < 2; p++) {
    const pl = player(p);
    pl.landsPlayed = 0; pl.attackedThisTurn = 0; pl.lifeGainedThisTurn = 0; pl.lifeGainEventsThisTurn = 0;
    pl.lifeLostThisTurn = 0; pl.spellsCastThisTurn = 0; pl.cardsDrawnThisTurn = 0; pl.instSorcCastThisTurn = 0;
  }
  for (let i = 0; i < g.objCount; i++) obj(i).flags &= ~(OF_LOYALTY_USED | OF_ACTIVATED_ONCE);
  emit(EV_TURN, g.turn, g.active, 0);
}

// ---------- priority (117) ----------
function priorityStage(): void {
  const g = game();
  if (g.hasAnswer && g.akind == S.DK_TRIGGER_ORDER) { beginTrigger(takeAnswer()); return; }
  if (g.hasAnswer && g.akind == S.DK_PRIORITY) {
    const code = takeAnswer();
    if (code == S.ACT_PASS) {
      g.passes++;
      if (g.passes < 2) { g.priority = opponent(g.priority); return; }
      g.passes = 0;
      if (g.stackCount == 0) { nextStep(); return; } // 117.4
      g.priority = g.active; // 117.3b
      startResolve();
      return;
    }
    g.passes = 0;
    performAction(g.priority, code); // 117.3c: the same player receives priority after
    return;
  }
  if (g.choicesPending > 0 && chooseAsEnters()) return;
  // 117.5: state-based actions and triggers happen before a player receives priority
  if (checkSBA()) return;
  if (g.pendCount > 0) { putTriggersOnStack(); return; }
  listActions(g.priority);
}

// 603.3b: the active player puts their triggers on the stack first, in the order they choose,
// then the other player.
function putTriggersOnStack(): void {
  const g = game();
  let p = g.active;
  let count = 0, only = -1;
  for (let k = 0; k < g.pendCount; k++) if (pendingController(k) == p) { count++; only = k; }
  if (count == 0) {
    p = opponent(p);
    for (let k = 0; k < g.pendCount; k++) if (pendingController(k) == p) { count++; only = k; }
  }
  if (count == 1) { beginTrigger(only); return; }
  ask(S.DK_TRIGGER_ORDER, p, 0);
  for (let k = 0; k < g.pendCount; k++) if (pendingController(k) == p) addOpt(k);
}

function pendingController(k: i32): i32 { return pending(k).controller; }


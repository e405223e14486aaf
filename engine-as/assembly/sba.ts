// State-based actions (704) and the end of the game (104).
import * as S from './ir/spec';
import { card, abil, tspec } from './ir';
import { game, player, obj, OF_DEATHTOUCHED, OF_DYING, OF_DEAD, OF_TOKEN, PH_OVER } from './state';
import { refresh, hasKw, matches } from './chars';
import { flushDying, destroy, removeFromLibrary } from './zones';
import { emit, EV_GAME_END, EV_LOSE, EV_COUNTERS, EV_ATTACH } from './events';
import { ask, addOpt, takeAnswer } from './decision';

export function endGame(winner: i32, reason: i32): void {
  const g = game();
  if (g.over) return;
  g.over = 1;
  g.phase = PH_OVER;
  g.winner = winner;
  g.endReason = reason;
  g.dkind = 0;
  emit(EV_GAME_END, winner, reason, g.turn);
}

// A table of the state is full: the game cannot go on, so it ends as a draw (see state.ts).
export function engineLimit(table: i32): void {
  endGame(-1, S.END_ENGINE_LIMIT);
  game().endDetail = table;
}

// Performs every applicable state-based action at once. Returns true if anything happened
// (the caller checks again, 704.3) or if a legend-rule choice is pending.
export function checkSBA(): bool {
  const g = game();
  if (!g.sbaDirty && !g.hasAnswer) return false; // nothing changed since the last clean check
  refresh();
  let any = false;
  // 704.5a-b: players
  let losers = 0, reason = 0;
  for (let p = 0; p < 2; p++) {
    const pl = player(p);
    // 104.3: an effect says this player can't lose (and the opponent can't win); a draw from an empty
    // library is forgotten once this check has seen it (704.5b: "since the last time")
    if (pl.cantLose) { pl.drewFromEmpty = 0; continue; }
    if (pl.life <= 0) { losers |= 1 << p; reason = S.END_LIFE; emit(EV_LOSE, p, S.END_LIFE, 0); }
    else if (pl.drewFromEmpty) { losers |= 1 << p; reason = S.END_EMPTY_LIBRARY; emit(EV_LOSE, p, S.END_EMPTY_LIBRARY, 0); }
  }
  if (losers == 3) { endGame(-1, S.END_BOTH_LOST); return true; } // 104.4a
  if (losers) { endGame(losers == 1 ? 1 : 0, reason); return true; }
  if (legendRule()) return true;
  const n = g.objCount;
  for (let i = 0; i < n; i++) {
    const o = obj(i);
    if (o.flags & OF_DEAD) continue;
    if ((o.flags & OF_TOKEN) && o.zone != S.ZONE_BATTLEFIELD && o.zone != S.ZONE_STACK) {
      // 704.5d: a token that left the battlefield ceases to exist
      if (o.zone == S.ZONE_GRAVEYARD) player(o.owner).gyCount--;
      else if (o.zone == S.ZONE_HAND) player(o.owner).handCount--;
      else if (o.zone == S.ZONE_LIBRARY) removeFromLibrary(i); // put there by Uncharted Voyage
      o.flags = OF_DEAD | OF_TOKEN; o.zone = S.ZONE_NONE; o.zseq++;
      continue;
    }
    if (o.zone != S.ZONE_BATTLEFIELD) continue;
    if (o.p1p1 > 0 && o.m1m1 > 0) { // 704.5q
      const k = o.p1p1 < o.m1m1 ? o.p1p1 : o.m1m1;
      o.p1p1 -= k; o.m1m1 -= k;
      emit(EV_COUNTERS, i, S.CTR_P1P1, -k); emit(EV_COUNTERS, i, S.CTR_M1M1, -k);
      any = true;
    }
    if (o.types & S.TYPE_CREATURE) {
      if (o.toughness <= 0) { o.flags |= OF_DYING; any = true; } // 704.5f
      else if (o.damage >= o.toughness || ((o.flags & OF_DEATHTOUCHED) && o.damage > 0)) { // 704.5g-h
        o.flags &= ~OF_DEATHTOUCHED;
        if (!hasKw(i, S.KW_INDESTRUCTIBLE)) { destroy(i); any = true; }
      }
    }
    if ((o.types & S.TYPE_PLANESWALKER) && o.loyalty <= 0) { o.flags |= OF_DYING; any = true; } // 704.5i
    if (o.sub & S.SUB_AURA) { // 704.5m
      const t = o.attachedTo;
      if (t < 0 || obj(t).zone != S.ZONE_BATTLEFIELD || !auraCanEnchant(i, t)) { o.flags |= OF_DYING; any = true; }
    } else if ((o.sub & S.SUB_EQUIPMENT) && o.attachedTo >= 0) { // 704.5n
      const t = o.attachedTo;
      if (obj(t).zone != S.ZONE_BATTLEFIELD || !(obj(t).types & S.TYPE_CREATURE) || (obj(t).kw & S.KW_PROTECTION_ALL)) {
        o.attachedTo = -1; emit(EV_ATTACH, i, -1, 0); any = true;
      }
    }
  }
  flushDying();
  if (!any) g.sbaDirty = 0;
  return any;
}

// An Aura can stay on what its "Enchant" filter allows (303.4d).
export function auraCanEnchant(aura: i32, t: i32): bool {
  if (obj(t).kw & S.KW_PROTECTION_ALL) return false; // 702.16c: it can't be enchanted
  const c = obj(aura).card;
  const start = card(c, S.CARD_ABIL_START), end = start + card(c, S.CARD_ABIL_COUNT);
  for (let a = start; a < end; a++) {
    if (abil(a, S.AB_KIND) == S.ABK_ENCHANT) {
      const f = tspec(abil(a, S.AB_TSPEC_START), S.TS_FILTER);
      return f < 0 || matches(f, t, aura, obj(aura).controller, -1);
    }
  }
  return true;
}


// 704.5j: if a player controls two or more legendary permanents with the same name, they
// choose one and the rest go to the graveyard.
function legendRule(): bool {
  const g = game();
  refresh(); // names (ST_SET_NAME) and supertypes after the layers
  const n = g.objCount;
  if (g.hasAnswer && g.akind == S.DK_CHOOSE && g.dctx == -704) {
    const keep = takeAnswer();
    const c = obj(keep).nameId, p = obj(keep).controller;
    for (let i = 0; i < n; i++) {
      const o = obj(i);
      if (i != keep && o.zone == S.ZONE_BATTLEFIELD && o.nameId == c && o.controller == p) o.flags |= OF_DYING;
    }
    flushDying();
    return true;
  }
  for (let i = 0; i < n; i++) {
    const o = obj(i);
    if (o.zone != S.ZONE_BATTLEFIELD || !(o.types & S.SUPER_LEGENDARY)) continue;
    for (let j = i + 1; j < n; j++) {
      const q = obj(j);
      if (q.zone == S.ZONE_BATTLEFIELD && q.nameId == o.nameId && q.controller == o.controller) {
        ask(S.DK_CHOOSE, o.controller, -704);
        for (let k = 0; k < n; k++) {
          const r = obj(k);
          if (r.zone == S.ZONE_BATTLEFIELD && r.nameId == o.nameId && r.controller == o.controller) addOpt(k);
        }
        return true;
      }
    }
  }
  return false;
}

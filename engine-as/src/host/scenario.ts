// Scenarios: a position set up directly (zones by card name, life, step, active player), a
// scripted list of decisions matched by label, and expectations on the result. The format is
// documented in docs/scenarios.md. Pure (no Node imports): the caller reads the file.
import * as S from '../../assembly/ir/spec.ts';
import { Game, STEPS, ZONES, type Engine } from './engine.ts';
import { KEYWORDS as CARD_KEYWORDS, SUBTYPES, SUBTYPES_HI } from '../cards/vocabulary.ts';

export interface ObjectSpec {
  card: string;
  tapped?: boolean;
  /** Summoning sick (came under its controller's control this turn). Default false. */
  sick?: boolean;
  token?: boolean;
  damage?: number;
  counters?: Partial<Record<CounterName, number>>;
  /** [player, index in that player's battlefield list] */
  attachedTo?: [number, number];
}
export type CounterName = 'p1p1' | 'm1m1' | 'loyalty' | 'stun' | 'other';
const COUNTERS: Record<CounterName, number> = { p1p1: S.CTR_P1P1, m1m1: S.CTR_M1M1, loyalty: S.CTR_LOYALTY, stun: S.CTR_STUN, other: S.CTR_OTHER };

export interface PlayerSpec {
  life?: number;
  battlefield?: (string | ObjectSpec)[];
  hand?: string[];
  /** Top of the library first. */
  library?: string[];
  graveyard?: string[];
  exile?: string[];
}

export interface ObjectExpect {
  card: string;
  player?: number;
  zone?: (typeof ZONES)[number];
  tapped?: boolean;
  power?: number;
  toughness?: number;
  damage?: number;
  counters?: Partial<Record<CounterName, number>>;
  keywords?: string[];
  /** Subtypes the engine tells apart (SUB_* bits), after layer 4; "!Knight": must not have it. */
  subtypes?: string[];
  attachedTo?: string | null;
  count?: number;
}

export interface PlayerExpect {
  life?: number;
  hand?: string[] | number;
  library?: number;
  graveyard?: string[] | number;
  exile?: string[] | number;
  /** Emblems (114). */
  command?: string[] | number;
  battlefield?: string[] | number;
}

export interface Scenario {
  name: string;
  description?: string;
  seed?: number;
  turn?: number;
  active?: 0 | 1;
  step?: (typeof STEPS)[number];
  players: [PlayerSpec, PlayerSpec];
  do?: string[];
  expect?: {
    players?: [PlayerExpect?, PlayerExpect?];
    objects?: ObjectExpect[];
    stack?: string[];
    over?: boolean;
    winner?: 0 | 1 | null;
    reason?: string;
    decision?: { kind?: string; player?: number; labels?: string[]; absent?: string[] };
  };
}

export interface ObjectView {
  id: number;
  card: string;
  owner: number;
  controller: number;
  tapped: boolean;
  token: boolean;
  power: number;
  toughness: number;
  damage: number;
  counters: Partial<Record<CounterName, number>>;
  keywords: string[];
  subtypes: string[];
  attachedTo: string | null;
}

export interface PlayerView {
  life: number;
  library: number;
  hand: string[];
  graveyard: string[];
  exile: string[];
  command: string[];
  battlefield: ObjectView[];
}

export interface StateView {
  turn: number;
  active: number;
  step: string;
  over: boolean;
  winner: number | null;
  reason: string;
  players: PlayerView[];
  stack: string[];
  decision: { kind: string; player: number; labels: string[] } | null;
}

// Keyword names as the renderer prints them, plus the granted restrictions that are sentences
// rather than keywords on cards (a Pacifism's "can't attack"). Also read by snapshot.ts.
export const KEYWORDS: [number, string][] = [
  ...CARD_KEYWORDS.map(([word, bit]): [number, string] => [bit, word]),
  [S.KW_CANT_BLOCK, "can't block"], [S.KW_UNBLOCKABLE, "can't be blocked"], [S.KW_CANT_ATTACK, "can't attack"], [S.KW_WARD, 'ward'], [S.KW_DOESNT_UNTAP, "doesn't untap"],
];

/** Each kind of counter and the object field the engine keeps its count in. Also read by snapshot.ts. */
export const COUNTER_FIELDS: [CounterName, number][] = [['p1p1', 6], ['m1m1', 7], ['loyalty', 8], ['stun', 14], ['other', 18]];

/** Sets the position up in the engine's main slot and returns the game, waiting at its first decision. */
export function setUp(engine: Engine, sc: Scenario): Game {
  const x = engine.x;
  const cardIndex = (name: string): number => {
    const c = engine.pool.byName(name);
    if (!c) throw new Error(`scenario "${sc.name}": unknown card "${name}"`);
    return c.index;
  };
  x.stateUse(engine.main);
  x.gameInit((sc.seed ?? 1) >>> 0, 100, 20000, 1);
  x.setStopAtPriority(1);
  const placed: number[][] = [[], []];
  sc.players.forEach((ps, p) => {
    x.scenarioPlayer(p, ps.life ?? 20);
    // library: listed top first; the engine's library grows upwards, so add bottom first
    for (const name of [...(ps.library ?? [])].reverse()) x.scenarioObject(p, cardIndex(name), S.ZONE_LIBRARY, 0);
    for (const name of ps.hand ?? []) x.scenarioObject(p, cardIndex(name), S.ZONE_HAND, 0);
    for (const name of ps.graveyard ?? []) x.scenarioObject(p, cardIndex(name), S.ZONE_GRAVEYARD, 0);
    for (const name of ps.exile ?? []) x.scenarioObject(p, cardIndex(name), S.ZONE_EXILE, 0);
    for (const entry of ps.battlefield ?? []) {
      const spec: ObjectSpec = typeof entry === 'string' ? { card: entry } : entry;
      const flags = (spec.tapped ? 1 : 0) | (spec.sick ? 2 : 0) | (spec.token ? 4 : 0);
      const i = x.scenarioObject(p, cardIndex(spec.card), S.ZONE_BATTLEFIELD, flags);
      for (const [k, n] of Object.entries(spec.counters ?? {})) x.scenarioCounters(i, COUNTERS[k as CounterName], n ?? 0);
      if (spec.damage) x.scenarioDamage(i, spec.damage);
      placed[p]!.push(i);
    }
  });
  sc.players.forEach((ps, p) => {
    (ps.battlefield ?? []).forEach((entry, k) => {
      if (typeof entry !== 'string' && entry.attachedTo) {
        const [q, j] = entry.attachedTo;
        const target = placed[q]?.[j];
        if (target === undefined) throw new Error(`scenario "${sc.name}": attachedTo [${q}, ${j}] names no permanent`);
        x.scenarioAttach(placed[p]![k]!, target);
      }
    });
  });
  const step = STEPS.indexOf(sc.step ?? 'main1');
  if (step < 0) throw new Error(`scenario "${sc.name}": unknown step "${sc.step}"; steps are ${STEPS.join(', ')}`);
  x.scenarioBegin(sc.active ?? 0, step, sc.turn ?? 3);
  return new Game(engine, sc.seed ?? 1);
}

// A script step: an option label, or "to <step>" (pass priority until that step or until a
// decision other than priority comes up).
function act(game: Game, label: string): void {
  const m = /^to (\w+)$/.exec(label);
  if (!m) { game.chooseLabel(label); return; }
  const step = STEPS.indexOf(m[1] as (typeof STEPS)[number]);
  if (step < 0) throw new Error(`unknown step "${m[1]}"; steps are ${STEPS.join(', ')}`);
  for (let guard = 0; guard < 200 && !game.over; guard++) {
    if (game.engine.x.gameStep() === step && game.decision().kind === 'priority') return;
    if (game.decision().kind !== 'priority') return;
    game.chooseLabel('pass');
  }
}

/** The visible state of the game in the engine's main slot. */
export function view(game: Game): StateView {
  const x = game.engine.x;
  const pool = game.engine.pool;
  const players: PlayerView[] = [0, 1].map((p) => ({
    life: x.playerField(p, 0), library: x.playerField(p, 2), hand: [], graveyard: [], exile: [], command: [], battlefield: [],
  }));
  const n = x.objCount();
  for (let i = 0; i < n; i++) {
    const zone = x.objField(i, 3);
    const name = pool.card(x.objField(i, 0)).name;
    const owner = x.objField(i, 1);
    if (zone === S.ZONE_HAND) players[owner]!.hand.push(name);
    else if (zone === S.ZONE_GRAVEYARD) players[owner]!.graveyard.push(name);
    else if (zone === S.ZONE_EXILE) players[owner]!.exile.push(name);
    else if (zone === S.ZONE_COMMAND) players[owner]!.command.push(name);
    else if (zone === S.ZONE_BATTLEFIELD) {
      const kw = x.objField(i, 12);
      const counters: Partial<Record<CounterName, number>> = {};
      for (const [k, field] of COUNTER_FIELDS) { const v = x.objField(i, field); if (v) counters[k] = v; }
      const att = x.objField(i, 9);
      players[x.objField(i, 2)]!.battlefield.push({
        id: i, card: name, owner, controller: x.objField(i, 2),
        tapped: (x.objField(i, 4) & 1) !== 0, token: (x.objField(i, 4) & 4) !== 0,
        power: x.objField(i, 10), toughness: x.objField(i, 11), damage: x.objField(i, 5), counters,
        keywords: KEYWORDS.filter(([bit]) => kw & bit).map(([, w]) => w),
        subtypes: [
          ...SUBTYPES.filter(([, bit]) => x.objField(i, 19) & bit),
          ...SUBTYPES_HI.filter(([, bit]) => x.objField(i, 20) & bit),
        ].map(([n]) => n),
        attachedTo: att >= 0 ? pool.card(x.objField(att, 0)).name : null,
      });
    }
  }
  const stack: string[] = [];
  for (let k = 0; k < x.stackCount(); k++) stack.push(pool.card(x.objField(x.stackField(k, 1), 0)).name);
  const over = game.over;
  const d = over ? null : game.decision();
  const w = x.gameWinner();
  return {
    turn: x.gameTurn(), active: x.gameActive(), step: STEPS[x.gameStep()] ?? '?', over,
    winner: over && (w === 0 || w === 1) ? w : null,
    reason: over ? (game.result([]).reason) : 'none',
    players, stack,
    decision: d ? { kind: d.kind, player: d.player, labels: d.options.map((o) => o.label) } : null,
  };
}

function sameNames(actual: string[], want: string[] | number): boolean {
  if (typeof want === 'number') return actual.length === want;
  return JSON.stringify([...actual].sort()) === JSON.stringify([...want].sort());
}

/** Runs a scenario; returns the final state and every failed expectation. */
export function runScenario(engine: Engine, sc: Scenario): { state: StateView; failures: string[] } {
  const game = setUp(engine, sc);
  for (const [k, label] of (sc.do ?? []).entries()) {
    if (game.over) throw new Error(`scenario "${sc.name}": step ${k + 1} "${label}": the game is already over`);
    try { act(game, label); } catch (e) { throw new Error(`scenario "${sc.name}": step ${k + 1}: ${(e as Error).message}`); }
  }
  const state = view(game);
  const failures: string[] = [];
  const ex = sc.expect ?? {};
  ex.players?.forEach((pe, p) => {
    if (!pe) return;
    const pv = state.players[p]!;
    const who = `player ${p + 1}`;
    if (pe.life !== undefined && pv.life !== pe.life) failures.push(`${who} life: expected ${pe.life}, got ${pv.life}`);
    if (pe.library !== undefined && pv.library !== pe.library) failures.push(`${who} library: expected ${pe.library} cards, got ${pv.library}`);
    for (const zone of ['hand', 'graveyard', 'exile', 'command'] as const) {
      const want = pe[zone];
      if (want !== undefined && !sameNames(pv[zone], want)) failures.push(`${who} ${zone}: expected ${JSON.stringify(want)}, got ${JSON.stringify(pv[zone])}`);
    }
    if (pe.battlefield !== undefined && !sameNames(pv.battlefield.map((o) => o.card), pe.battlefield)) {
      failures.push(`${who} battlefield: expected ${JSON.stringify(pe.battlefield)}, got ${JSON.stringify(pv.battlefield.map((o) => o.card))}`);
    }
  });
  for (const oe of ex.objects ?? []) {
    const all = state.players.flatMap((pv) => pv.battlefield).filter((o) => o.card === oe.card && (oe.player === undefined || o.controller === oe.player));
    if (oe.count !== undefined && all.length !== oe.count) failures.push(`${oe.card}: expected ${oe.count} on the battlefield, got ${all.length}`);
    if (oe.count === 0) continue;
    const o = all[0];
    if (!o) { failures.push(`${oe.card}${oe.player !== undefined ? ` (player ${oe.player + 1})` : ''}: not on the battlefield`); continue; }
    const check = (what: string, want: unknown, got: unknown) => {
      if (want !== undefined && JSON.stringify(want) !== JSON.stringify(got)) failures.push(`${oe.card} ${what}: expected ${JSON.stringify(want)}, got ${JSON.stringify(got)}`);
    };
    check('tapped', oe.tapped, o.tapped);
    check('power', oe.power, o.power);
    check('toughness', oe.toughness, o.toughness);
    check('damage', oe.damage, o.damage);
    check('attachedTo', oe.attachedTo, o.attachedTo);
    if (oe.counters) for (const [k, v] of Object.entries(oe.counters)) check(`${k} counters`, v, o.counters[k as CounterName] ?? 0);
    if (oe.keywords) for (const kw of oe.keywords) {
      const neg = kw.startsWith('!');
      const has = o.keywords.includes(neg ? kw.slice(1) : kw);
      if (has === neg) failures.push(`${oe.card}: expected ${neg ? 'not ' : ''}to have ${neg ? kw.slice(1) : kw} (has ${o.keywords.join(', ') || 'none'})`);
    }
    if (oe.subtypes) for (const st of oe.subtypes) {
      const neg = st.startsWith('!');
      const has = o.subtypes.includes(neg ? st.slice(1) : st);
      if (has === neg) failures.push(`${oe.card}: expected ${neg ? 'not ' : ''}to be ${neg ? st.slice(1) : st} (is ${o.subtypes.join(', ') || 'none'})`);
    }
  }
  if (ex.stack && !sameNames(state.stack, ex.stack)) failures.push(`stack: expected ${JSON.stringify(ex.stack)}, got ${JSON.stringify(state.stack)}`);
  if (ex.over !== undefined && state.over !== ex.over) failures.push(`game over: expected ${ex.over}, got ${state.over}`);
  if (ex.winner !== undefined && state.winner !== ex.winner) failures.push(`winner: expected ${ex.winner}, got ${state.winner}`);
  if (ex.reason !== undefined && state.reason !== ex.reason) failures.push(`end reason: expected "${ex.reason}", got "${state.reason}"`);
  if (ex.decision) {
    const d = state.decision;
    if (!d) failures.push('expected a pending decision, but the game is over');
    else {
      if (ex.decision.kind !== undefined && d.kind !== ex.decision.kind) failures.push(`decision kind: expected ${ex.decision.kind}, got ${d.kind}`);
      if (ex.decision.player !== undefined && d.player !== ex.decision.player) failures.push(`decision player: expected ${ex.decision.player}, got ${d.player}`);
      for (const l of ex.decision.labels ?? []) if (!d.labels.includes(l)) failures.push(`decision: expected option "${l}" among ${JSON.stringify(d.labels)}`);
      for (const l of ex.decision.absent ?? []) if (d.labels.includes(l)) failures.push(`decision: option "${l}" should not be offered`);
    }
  }
  return { state, failures };
}

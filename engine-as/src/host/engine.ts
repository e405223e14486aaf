// The TypeScript host API over the WASM engine. Pure: no Node or DOM imports, so it runs in
// Node worker threads and browser Web Workers alike; loaders (node.ts, a browser fetch) hand it
// the bytes. Only integers cross into WASM; names, labels and JSON live here.
import * as S from '../../assembly/ir/spec.ts';
import { cardNameKey, type CardInfo, type CardLookup, type DeckList } from './deck.ts';
import type { CardFacts as PrintedCard } from '../cards/render.ts';
import { COLOR_WORDS, SUBTYPES } from '../cards/vocabulary.ts';

/** One card of the pool as build/cards.json lists it (the renderer defines the shape). */
export type CardMeta = PrintedCard;

export interface PoolMeta {
  irVersion: number;
  irHash: string;
  cards: CardMeta[];
  knownUnsupported: string[];
}

/** The compiled card pool: IR bytes plus the metadata the engine never reads. */
export class CardPool implements CardLookup {
  readonly byKey = new Map<string, CardMeta>();
  readonly unsupported = new Set<string>();
  constructor(readonly meta: PoolMeta, readonly ir: Uint8Array) {
    for (const c of meta.cards) this.byKey.set(cardNameKey(c.name), c);
    for (const n of meta.knownUnsupported) this.unsupported.add(cardNameKey(n));
  }
  get irHash(): string { return this.meta.irHash; }
  card(index: number): CardMeta {
    const c = this.meta.cards[index];
    if (!c) throw new RangeError(`no card with index ${index}`);
    return c;
  }
  byName(name: string): CardMeta | undefined { return this.byKey.get(cardNameKey(name)); }
  find(name: string): CardInfo | undefined {
    const c = this.byName(name);
    if (!c) return undefined;
    return {
      index: c.index,
      name: c.name,
      basic: c.typeLine.startsWith('Basic '),
      anyNumber: /A deck can have any number of cards named/.test(c.text),
      token: c.token,
    };
  }
  names(): readonly string[] { return this.meta.cards.map((c) => c.name); }
  isKnownUnsupported(name: string): boolean { return this.unsupported.has(cardNameKey(name)); }
}

/** The raw exports of the WASM module (see assembly/index.ts). */
export interface EngineExports {
  memory: WebAssembly.Memory;
  alloc(bytes: number): number;
  loadIR(ptr: number, words: number): number;
  stateNew(): number;
  stateUse(ptr: number): void;
  stateCopy(dst: number, src: number): void;
  stateBytes(): number;
  setLogging(on: number): number;
  setStopAtPriority(on: number): void;
  eventLogInit(ptr: number, capacity: number): void;
  eventLogLength(): number;
  eventLogPtr(): number;
  gameInit(seed: number, turnCap: number, actionCap: number, logging: number): void;
  gameAddCard(p: number, card: number): number;
  gameStart(onThePlay: number): void;
  gameAdvance(): void;
  gameOver(): number;
  gameWinner(): number;
  gameEndReason(): number;
  gameEndDetail(): number;
  gameTurn(): number;
  gameStartingPlayer(): number;
  gameActive(): number;
  gameStep(): number;
  gameActions(): number;
  playerField(p: number, field: number): number;
  objCount(): number;
  objField(i: number, field: number): number;
  stackCount(): number;
  stackField(k: number, field: number): number;
  decisionKind(): number;
  decisionPlayer(): number;
  decisionCount(): number;
  decisionOption(k: number): number;
  decisionContext(): number;
  decide(k: number): number;
  agentPick(kind: number): number;
  playOut(agent0: number, agent1: number, rec: number, cap: number): number;
  replayDecisions(rec: number, count: number): number;
  stateDigest(): bigint;
  checkInvariants(): number;
  opLength(op: number): number;
  benchClone(dst: number, src: number, n: number): void;
  determinize(p: number, seed: number): void;
  rollout(first: number, agent: number, max: number): number;
  scenarioObject(p: number, card: number, zone: number, flags: number): number;
  scenarioPlayer(p: number, life: number): void;
  scenarioBegin(active: number, step: number, turn: number): void;
  scenarioCounters(i: number, kind: number, n: number): void;
  scenarioDamage(i: number, n: number): void;
  scenarioAttach(i: number, to: number): void;
}

export const END_REASONS: Record<number, string> = {
  [S.END_NONE]: 'none',
  [S.END_LIFE]: 'life',
  [S.END_EMPTY_LIBRARY]: 'empty library',
  [S.END_TURN_CAP]: 'turn cap',
  [S.END_ACTION_CAP]: 'action cap',
  [S.END_ENGINE_LIMIT]: 'engine limit',
  [S.END_BOTH_LOST]: 'both players lost',
  [S.END_CONCEDE]: 'concession',
};

/** The full state table behind an "engine limit" draw. */
export const LIMIT_TABLES: Record<number, string> = {
  [S.LIMIT_OBJECTS]: 'objects', [S.LIMIT_STACK]: 'stack', [S.LIMIT_PENDING]: 'pending triggers',
  [S.LIMIT_EFFECTS]: 'continuous effects', [S.LIMIT_LIBRARY]: 'library',
};

export const DECISION_KINDS: Record<number, string> = {
  [S.DK_MULLIGAN]: 'mulligan', [S.DK_BOTTOM]: 'bottom', [S.DK_PRIORITY]: 'priority', [S.DK_TARGET]: 'target',
  [S.DK_MODE]: 'mode', [S.DK_X]: 'x', [S.DK_ATTACK]: 'attack', [S.DK_BLOCK]: 'block', [S.DK_DAMAGE]: 'damage',
  [S.DK_TRIGGER_ORDER]: 'trigger order', [S.DK_DISCARD]: 'discard', [S.DK_SEARCH]: 'search', [S.DK_SCRY]: 'scry',
  [S.DK_MAY]: 'may', [S.DK_SACRIFICE]: 'sacrifice', [S.DK_SURVEIL]: 'surveil', [S.DK_KICKER]: 'kicker',
  [S.DK_CHOOSE]: 'choose', [S.DK_TOP_OR_BOTTOM]: 'top or bottom', [S.DK_PILE_SPLIT]: 'pile split',
  [S.DK_PILE_PICK]: 'pile pick', [S.DK_ATTACH]: 'attach', [S.DK_DIVIDE]: 'divide', [S.DK_CAST_NOW]: 'cast now',
  [S.DK_PAY_COST]: 'pay cost',
  [S.DK_CHOOSE_COLOR]: 'choose color', [S.DK_CHOOSE_TYPE]: 'choose creature type', [S.DK_TAP_COST]: 'tap', [S.DK_REMOVE_COUNTER]: 'remove counter',
};

export const ZONES = ['none', 'library', 'hand', 'battlefield', 'graveyard', 'stack', 'exile', 'command'] as const;
export const STEPS = ['untap', 'upkeep', 'draw', 'main1', 'beginCombat', 'declareAttackers', 'declareBlockers',
  'firstStrikeDamage', 'combatDamage', 'endCombat', 'main2', 'end', 'cleanup'] as const;

export interface DecisionOption { value: number; label: string }
export interface Decision { kind: string; player: number; context: number; options: DecisionOption[] }

/** An agent picks an option index for the pending decision. */
export interface Agent {
  readonly name: string;
  /** Built-in agents run inside WASM (no host round trip per decision). */
  readonly builtin?: number;
  choose(decision: Decision, game: Game): number;
}

/** Built-in agents by WASM agent code (AGENT_* in assembly/agents.ts); aggro and control are the
 * heuristic with other profiles (docs/agents.md). */
export const BUILTIN_AGENTS = {
  random: 0,
  heuristic: 1,
  aggro: 2,
  control: 3,
} as const;
export type BuiltinAgentName = keyof typeof BUILTIN_AGENTS;

export function builtinAgent(name: BuiltinAgentName): Agent {
  const kind = BUILTIN_AGENTS[name];
  return { name, builtin: kind, choose: (_d, game) => game.engine.x.agentPick(kind) };
}

export interface GameOptions {
  decks: [number[], number[]];
  seed: number;
  /** 0 or 1: who plays first; omitted: a coin flip from the game's seed. */
  onThePlay?: 0 | 1;
  turnCap?: number;
  actionCap?: number;
  log?: boolean;
}

export interface CardFacts { player: number; card: number; openingHand: boolean; drawn: boolean; cast: boolean }

export interface GameResult {
  seed: number;
  winner: 0 | 1 | null;
  reason: string;
  /** For an "engine limit" draw: the state table that was full (objects, stack, ...). */
  limit?: string;
  turns: number;
  onThePlay: number;
  digest: string;
  decisions: number[];
  cards: CardFacts[];
}

/** Why a game ended, with the full table for an engine-limit draw: "engine limit (objects)". */
export function endReason(r: GameResult): string {
  return r.limit ? `${r.reason} (${r.limit})` : r.reason;
}

export const DEFAULT_TURN_CAP = 100;
export const DEFAULT_ACTION_CAP = 20000;
const EVENT_CAPACITY = 1 << 16;
const RECORD_CAPACITY = 1 << 15;

/** One loaded engine instance: WASM memory, the card pool, a main state slot. */
export class Engine {
  readonly x: EngineExports;
  readonly main: number;
  private readonly rec: number;
  private readonly events: number;
  constructor(instance: WebAssembly.Instance, readonly pool: CardPool, readonly buildHash: string) {
    this.x = instance.exports as unknown as EngineExports;
    const ir = pool.ir;
    const ptr = this.x.alloc(ir.byteLength);
    new Uint8Array(this.x.memory.buffer, ptr, ir.byteLength).set(ir);
    const status = this.x.loadIR(ptr, ir.byteLength >> 2);
    if (status !== 0) throw new Error(status === 2 ? `card IR version mismatch (engine expects ${S.IR_VERSION})` : 'card IR is malformed');
    this.main = this.x.stateNew();
    this.rec = this.x.alloc(RECORD_CAPACITY * 4);
    this.events = this.x.alloc(EVENT_CAPACITY * 16);
    this.x.eventLogInit(this.events, EVENT_CAPACITY);
  }

  /** Starts a game in the main state slot and runs it to its first decision. */
  newGame(o: GameOptions): Game {
    const x = this.x;
    x.stateUse(this.main);
    x.gameInit(o.seed >>> 0, o.turnCap ?? DEFAULT_TURN_CAP, o.actionCap ?? DEFAULT_ACTION_CAP, o.log ? 1 : 0);
    x.eventLogInit(this.events, EVENT_CAPACITY);
    o.decks.forEach((deck, p) => {
      for (const c of deck) if (!x.gameAddCard(p, c)) throw new Error(`deck ${p + 1} is too large for the engine`);
    });
    x.gameStart(o.onThePlay ?? -1);
    x.gameAdvance();
    return new Game(this, o.seed >>> 0);
  }

  /** Plays a whole game with the given agents. */
  play(o: GameOptions, agents: [Agent, Agent]): GameResult {
    const game = this.newGame(o);
    const [a, b] = agents;
    if (a.builtin !== undefined && b.builtin !== undefined) {
      const n = this.x.playOut(a.builtin, b.builtin, this.rec, RECORD_CAPACITY);
      const decisions = n >= 0 ? Array.from(new Int32Array(this.x.memory.buffer, this.rec, n)) : [];
      return game.result(decisions);
    }
    const decisions: number[] = [];
    while (!game.over) {
      const d = game.decision();
      const k = agents[d.player]!.choose(d, game);
      decisions.push(k);
      game.choose(k);
    }
    return game.result(decisions);
  }

  /** Replays recorded decisions from the start; the result's digest must match the record's. */
  replay(o: GameOptions, decisions: number[]): Game {
    const game = this.newGame(o);
    const x = this.x;
    const n = Math.min(decisions.length, RECORD_CAPACITY);
    new Int32Array(x.memory.buffer, this.rec, n).set(decisions.slice(0, n));
    const applied = x.replayDecisions(this.rec, n);
    if (applied < 0) throw new Error(`replay decision ${-1 - applied} is not a legal option`);
    return game;
  }

  /** The raw event log of the game in the main slot: [type, a, b, c] per event. */
  eventLog(): Int32Array {
    const n = this.x.eventLogLength();
    return new Int32Array(this.x.memory.buffer.slice(this.x.eventLogPtr(), this.x.eventLogPtr() + n * 16));
  }
}

/** A game in progress in an engine's state slot. */
export class Game {
  constructor(readonly engine: Engine, readonly seed: number) {}
  get over(): boolean { return this.engine.x.gameOver() !== 0; }

  decision(): Decision {
    const x = this.engine.x;
    const kind = x.decisionKind();
    const n = x.decisionCount();
    const options: DecisionOption[] = [];
    for (let k = 0; k < n; k++) {
      const value = x.decisionOption(k);
      options.push({ value, label: this.label(kind, value) });
    }
    return { kind: DECISION_KINDS[kind] ?? String(kind), player: x.decisionPlayer(), context: x.decisionContext(), options };
  }

  choose(k: number): void {
    if (!this.engine.x.decide(k)) throw new RangeError(`option ${k} is not one of the ${this.engine.x.decisionCount()} options`);
  }

  /** Picks the option whose label matches (case-insensitive; exact, then prefix). */
  chooseLabel(text: string): void {
    const d = this.decision();
    const want = text.toLowerCase();
    let k = d.options.findIndex((o) => o.label.toLowerCase() === want);
    if (k < 0) k = d.options.findIndex((o) => o.label.toLowerCase().startsWith(want));
    if (k < 0) throw new Error(`no option "${text}" for ${d.kind} decision of player ${d.player + 1}; options: ${d.options.map((o) => `"${o.label}"`).join(', ')}`);
    this.choose(k);
  }

  digest(): string { return BigInt.asUintN(64, this.engine.x.stateDigest()).toString(16).padStart(16, '0'); }

  result(decisions: number[]): GameResult {
    const x = this.engine.x;
    const w = x.gameWinner();
    const cards: CardFacts[] = [];
    for (let i = 0; i < x.objCount(); i++) {
      const facts = x.objField(i, 13);
      if (x.objField(i, 4) & (1 << 2)) continue; // tokens are not deck cards
      cards.push({ player: x.objField(i, 1), card: x.objField(i, 0), openingHand: (facts & 1) !== 0, drawn: (facts & 2) !== 0, cast: (facts & 4) !== 0 });
    }
    return {
      seed: this.seed,
      winner: w === 0 || w === 1 ? w : null,
      reason: END_REASONS[x.gameEndReason()] ?? 'unknown',
      ...(x.gameEndReason() === S.END_ENGINE_LIMIT ? { limit: LIMIT_TABLES[x.gameEndDetail()] ?? 'unknown' } : {}),
      turns: x.gameTurn(),
      onThePlay: x.gameStartingPlayer(),
      digest: this.digest(),
      decisions,
      cards,
    };
  }

  cardName(i: number): string {
    // its name after ST_SET_NAME (Witness Protection's "named Legitimate Businessperson")
    const id = this.engine.x.objField(i, 21);
    if (id & S.NAME_GIVEN) {
      const given = (this.engine.pool.card(id & (S.NAME_GIVEN - 1)) as { givenName?: string }).givenName;
      if (given) return given;
    }
    return this.engine.pool.card(this.engine.x.objField(i, 0)).name;
  }

  private targetName(code: number): string {
    if (code >= S.PLAYER_CODE) return `player ${code - S.PLAYER_CODE + 1}`;
    return this.cardName(code);
  }

  /** A readable label for one option of a decision kind. */
  label(kind: number, v: number): string {
    switch (kind) {
      case S.DK_MULLIGAN: return v === 0 ? 'keep' : 'mulligan';
      case S.DK_MAY: case S.DK_KICKER: return v === 1 ? 'yes' : 'no';
      case S.DK_SCRY: case S.DK_TOP_OR_BOTTOM: return v === 0 ? 'top' : 'bottom';
      case S.DK_SURVEIL: return v === 0 ? 'top' : 'graveyard';
      case S.DK_X: return `X=${v}`;
      case S.DK_PILE_SPLIT: { // cards by position from the top of the library: "face down: 1, 3"
        const down = [0, 1, 2, 3, 4, 5].filter((k) => v & (1 << k)).map((k) => k + 1);
        return `face down: ${down.length ? down.join(', ') : 'none'}`;
      }
      case S.DK_PILE_PICK: return v === 0 ? 'face-down pile' : 'face-up pile';
      case S.DK_DIVIDE: return `${v} damage`;
      case S.DK_REMOVE_COUNTER: return `${['+1/+1', '-1/-1', 'loyalty', 'stun', 'named'][v >> 16]} counter from ${this.cardName(v & 0xffff)}`;
      case S.DK_MODE: return `mode ${v + 1}`;
      case S.DK_TRIGGER_ORDER: return `trigger ${v + 1}`;
      case S.DK_CHOOSE_COLOR: return COLOR_WORDS[v];
      case S.DK_CHOOSE_TYPE: return SUBTYPES.find(([, bit]) => bit === 1 << v)![0];
      case S.DK_PRIORITY: case S.DK_CAST_NOW: {
        if (v === S.ACT_PASS) return 'pass';
        const kindBits = v & S.ACT_KIND_MASK;
        const name = this.cardName(v & 0xffff);
        if (kindBits === S.ACT_PLAY_LAND) return `play ${name}`;
        if (kindBits === S.ACT_CAST) return `cast ${name}`;
        if (kindBits === S.ACT_CAST_FLASHBACK) return `flashback ${name}`;
        if (kindBits === S.ACT_CAST_FREE) return `cast ${name} without paying its mana cost`;
        if (kindBits === S.ACT_CAST_ALT) return `cast ${name} for its alternative cost`;
        if (kindBits === S.ACT_ACTIVATE_GRANTED) return `activate ${this.cardName(this.engine.x.objField(v & 0xffff, 9))} (${name})`;
        return `activate ${name} #${((v >> 16) & 0xff) + 1}`;
      }
      case S.DK_PAY_COST: return v < 0 ? 'no' : this.cardName(v);
      case S.DK_ATTACK: return v < 0 ? 'done' : `${this.cardName(v & 0xffff)} attacks ${this.targetName(v >> 16)}`;
      case S.DK_BLOCK: return v < 0 ? 'done' : `${this.cardName(v & 0xffff)} blocks ${this.cardName(v >> 16)}`;
      default: return v < 0 ? 'done' : this.targetName(v);
    }
  }
}

/** Expands a parsed deck list into the card indexes of its main deck. */
export function deckCards(deck: DeckList): number[] {
  return deck.main.flatMap((e) => Array<number>(e.count).fill(e.index));
}

/** Instantiates the engine from its WASM bytes and a pool. */
export async function createEngine(wasm: BufferSource, pool: CardPool, buildHash: string): Promise<Engine> {
  const { instance } = await WebAssembly.instantiate(wasm, {
    env: {
      abort(_msg: number, _file: number, line: number, col: number) {
        throw new Error(`engine abort at ${line}:${col}`);
      },
    },
  });
  return new Engine(instance, pool, buildHash);
}

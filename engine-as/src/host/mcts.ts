// MCTS agent (issue 4 part 2): information-set MCTS (single observer, Cowling et al. 2012) over
// determinized copies of the game. Each iteration copies the real game into a scratch state,
// resamples what the deciding player has not seen (`determinize`), walks the tree by UCB
// (both players' decisions are tree nodes; a child's statistics are from the view of the player
// who chose it), adds one node, plays a heuristic rollout inside WASM and backs the result up.
// Attack and block declarations are decomposed into one binary choice per creature. Budgeted in
// iterations, never time, and seeded from the game and the position: same seed, same game.
import * as S from '../../assembly/ir/spec.ts';
import { BUILTIN_AGENTS, type Agent, type Engine, type Game } from './engine.ts';

export interface MctsOptions {
  /** Iterations per decision (default 200). */
  iterations?: number;
  /** Decisions a rollout plays before it is cut off and scored by the board (default 300). */
  rolloutDecisions?: number;
  /** UCB1 exploration constant (default 0.7; rewards lie in [0, 1]). */
  c?: number;
  /** Built-in agent that plays the rollouts for both players (default the heuristic). */
  rolloutAgent?: number;
}

export const MCTS_DEFAULTS: Required<MctsOptions> = { iterations: 200, rolloutDecisions: 300, c: 0.7, rolloutAgent: BUILTIN_AGENTS.heuristic };

/** One scratch state per engine instance, allocated on first use (WASM memory is never freed). */
const scratchSlots = new WeakMap<Engine, number>();
function scratchOf(engine: Engine): number {
  let s = scratchSlots.get(engine);
  if (s === undefined) { s = engine.x.stateNew(); scratchSlots.set(engine, s); }
  return s;
}

/** A 32-bit integer mix (murmur3 finalizer): seeds must differ per position and iteration. */
export function mix32(a: number, b: number): number {
  let h = Math.imul(a ^ Math.imul(b, 0x9e3779b1), 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

class Node {
  visits = 0;
  /** ISMCTS: how often this edge was available when its parent was visited. */
  avail = 0;
  /** Sum of rewards for `player`, the player who chose the edge into this node. */
  total = 0;
  readonly children = new Map<number, Node>();
  /** The rollout agent's choice here, tried first (set on the first visit). */
  preferred: number | undefined;
  constructor(readonly player: number) {}
  /** The mean reward for player `who` (rewards are zero-sum: the two players' sum to 1). */
  mean(who: number): number {
    if (!this.visits) return 0.5;
    const m = this.total / this.visits;
    return who === this.player ? m : 1 - m;
  }
}

/** First-play urgency: below the root, an untried edge is worth its parent's mean less this, so
 * bad options are not all tried before good ones are deepened (the rollout agent's choice is
 * tried first). */
const FPU_REDUCTION = 0.1;

/**
 * An edge out of a decision: option index `k` (-1 for a binary "no"), the key that identifies
 * it across determinizations, and the declaration floor after it.
 */
interface Edge { k: number; key: number; floor: number }

const declares = (kind: number) => kind === S.DK_ATTACK || kind === S.DK_BLOCK;

/**
 * The edges of the pending decision. Attackers and blockers are decided one creature at a time
 * in object order (binary decomposition): among the creatures numbered `floor` or more, the
 * lowest one either is declared (one edge per attack target or blocked attacker) or is not (the
 * "no" edge). Each set of attackers is then reached by exactly one path instead of one per
 * order, and a node's statistics answer "should this creature attack?".
 */
function edges(x: Engine['x'], floor: number): Edge[] {
  const kind = x.decisionKind(), n = x.decisionCount();
  const out: Edge[] = [];
  const key = (v: number) => kind * 2 ** 32 + (v >>> 0); // the same option in any sample
  let next = Infinity;
  if (declares(kind)) for (let k = 0; k < n; k++) {
    const v = x.decisionOption(k);
    if (v >= 0 && (v & 0xffff) >= floor) next = Math.min(next, v & 0xffff);
  }
  for (let k = 0; k < n; k++) {
    const v = x.decisionOption(k);
    // past the last creature only "done" is left (the creatures passed over stay out)
    const wanted = next !== Infinity ? v >= 0 && (v & 0xffff) === next : !declares(kind) || floor === 0 || v < 0;
    if (wanted) out.push({ k, key: key(v), floor: next !== Infinity ? next + 1 : floor });
  }
  if (next !== Infinity) out.push({ k: -1, key: -1 - next, floor: next + 1 });
  else if (!out.length) for (let k = 0; k < n; k++) out.push({ k, key: key(x.decisionOption(k)), floor }); // a requirement forbids "done"
  return out;
}

/** The creature a declaration is at, kept per game and seat between the agent's calls. */
interface Declaration { turn: number; step: number; kind: number; floor: number }

export function mctsAgent(o: MctsOptions = {}): Agent {
  const opts = { ...MCTS_DEFAULTS, ...o };
  if (!(opts.iterations >= 1)) throw new RangeError(`MCTS needs at least 1 iteration per decision (got ${opts.iterations})`);
  const declarations = new WeakMap<Game, (Declaration | undefined)[]>();
  return {
    name: 'mcts',
    choose(d, game) {
      if (d.options.length <= 1) return 0;
      const x = game.engine.x;
      const seat = declarations.get(game) ?? [];
      declarations.set(game, seat);
      const kind = x.decisionKind(), turn = x.gameTurn(), step = x.gameStep();
      const open = seat[d.player];
      let floor = declares(kind) && open && open.turn === turn && open.step === step && open.kind === kind ? open.floor : 0;
      // the position's own digest (it leaves out the agents' streams) plus the game seed
      const digest = x.stateDigest();
      const base = mix32(mix32(game.seed, x.gameActions()), Number(BigInt.asUintN(32, digest ^ (digest >> 32n))));
      for (let round = 0; ; round++) {
        // a "no" answers nothing in the engine: follow the tree's "no"s, searching again from
        // the next creature when the tree has not looked there
        let node = search(game, d.player, floor, mix32(base, round), opts);
        for (;;) {
          const e = bestEdge(x, node, floor);
          if (!e) break;
          floor = e.floor;
          if (e.k >= 0) {
            seat[d.player] = declares(kind) ? { turn, step, kind, floor } : undefined;
            return e.k;
          }
          node = node.children.get(e.key)!;
        }
      }
    },
  };
}

/** The most visited edge of `node` at the real decision (ties: the better mean, then the first). */
function bestEdge(x: Engine['x'], node: Node, floor: number): Edge | undefined {
  let best: Edge | undefined, bestNode: Node | undefined;
  for (const e of edges(x, floor)) {
    const c = node.children.get(e.key);
    if (!c || c.visits === 0) continue;
    if (!bestNode || c.visits > bestNode.visits || (c.visits === bestNode.visits && c.total > bestNode.total)) { best = e; bestNode = c; }
  }
  return best;
}

/** The edge the rollout agent would take: its option, or for a declaration the "no" edge when
 * it declares some other creature or is done. */
function preferredKey(x: Engine['x'], es: Edge[], agent: number): number {
  const k = x.agentPick(agent);
  return (es.find((e) => e.k === k) ?? es.find((e) => e.k < 0) ?? es[0]!).key;
}

/** Runs the iterations from the real decision (at declaration `floor`) and returns the root. */
function search(game: Game, p: number, rootFloor: number, seed: number, o: Required<MctsOptions>): Node {
  const x = game.engine.x, main = game.engine.main, scratch = scratchOf(game.engine);
  const root = new Node(1 - p);
  const fromTurn = x.gameTurn();
  const path: Node[] = [];
  const logging = x.setLogging(0); // the event log belongs to the real game
  try {
    for (let it = 0; it < o.iterations; it++) {
      x.stateCopy(scratch, main);
      x.stateUse(scratch);
      x.determinize(p, mix32(seed, it));
      path.length = 0;
      let node = root, floor = rootFloor, prevKind = -1, prevPlayer = -1;
      // selection and expansion: UCB over the available edges until one is new
      while (!x.gameOver()) {
        const kind = x.decisionKind(), who = x.decisionPlayer();
        const count = x.decisionCount();
        if (count === 0) break;
        if (count === 1) { x.decide(0); continue; }
        if (node !== root && (kind !== prevKind || who !== prevPlayer)) floor = 0;
        const es = edges(x, floor);
        if (node.preferred === undefined) node.preferred = preferredKey(x, es, o.rolloutAgent);
        const untried = node === root ? Number.MAX_VALUE : node.mean(who) - FPU_REDUCTION; // the root tries every option
        let pick = es[0]!, bestValue = -Infinity;
        for (const e of es) {
          const c = node.children.get(e.key);
          if (c) c.avail++;
          const v = c ? c.total / c.visits + o.c * Math.sqrt(Math.log(c.avail) / c.visits)
            : e.key === node.preferred ? Infinity : untried;
          if (v > bestValue) { bestValue = v; pick = e; }
        }
        const fresh = !node.children.has(pick.key);
        let child = node.children.get(pick.key);
        if (!child) { child = new Node(who); node.children.set(pick.key, child); }
        path.push(child);
        if (pick.k >= 0) x.decide(pick.k);
        floor = pick.floor; prevKind = kind; prevPlayer = who;
        node = child;
        if (fresh) break;
      }
      if (!x.gameOver()) x.rollout(x.agentPick(o.rolloutAgent), o.rolloutAgent, o.rolloutDecisions);
      const reward = [score(game, 0, fromTurn), score(game, 1, fromTurn)];
      for (const n of path) { n.visits++; n.total += reward[n.player]!; }
    }
  } finally {
    x.stateUse(main);
    x.setLogging(logging);
  }
  return root;
}

/** The position's value for player p, read from the scratch state in use: a win is worth 1 less
 * 0.02 per turn after the search's turn (at most 10 turns), so a faster win ranks higher; a loss
 * is worth the same 0.02 per turn (a slower loss ranks higher), a draw 0.5; a cut-off rollout is
 * scored by life, board power and cards in hand, squeezed into (0.1, 0.9). */
function score(game: Game, p: number, fromTurn: number): number {
  const x = game.engine.x;
  if (x.gameOver()) {
    const w = x.gameWinner();
    const later = 0.02 * Math.min(x.gameTurn() - fromTurn, 10);
    if (w === p) return 1 - later;
    return w === 1 - p ? later : 0.5;
  }
  let edge = x.playerField(p, 0) - x.playerField(1 - p, 0) + x.playerField(p, 1) - x.playerField(1 - p, 1);
  for (let i = 0; i < x.objCount(); i++) {
    if (x.objField(i, 3) !== S.ZONE_BATTLEFIELD || !(x.objField(i, 17) & S.TYPE_CREATURE)) continue;
    edge += (x.objField(i, 2) === p ? 2 : -2) * x.objField(i, 10);
  }
  return 0.5 + 0.4 * Math.tanh(edge / 20);
}

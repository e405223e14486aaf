// The external agent protocol (version 1): a decision request carrying the deciding player's
// view of the game, and a response naming one option. Agents written elsewhere (another
// language, another process, later the agent.requests / agent.responses topics) play through
// the same host API as the built-in ones. Messages are documented in docs/agents.md.
// Pure (no Node imports), like engine.ts.
import * as S from '../../assembly/ir/spec.ts';
import { BUILTIN_AGENTS, type Agent, type Decision, type Engine, type Game } from './engine.ts';
import { view, type ObjectView } from './scenario.ts';

export const PROTOCOL_VERSION = 1;

/** One player as the deciding player may see them (rule 400.2: hand and library are hidden). */
export interface PlayerKnowledge {
  life: number;
  /** Library and hand are counted; the order of a library is never sent, not even your own. */
  library: number;
  handCount: number;
  /** Only in your own entry. */
  hand?: string[];
  graveyard: string[];
  exile: string[];
  command: string[];
  battlefield: ObjectView[];
}

export interface GameView {
  /** The player this view belongs to (the deciding player). */
  you: number;
  turn: number;
  active: number;
  step: string;
  players: [PlayerKnowledge, PlayerKnowledge];
  /** Bottom first; the last item resolves first. */
  stack: { card: string; controller: number }[];
}

export interface DecisionRequest {
  protocol: typeof PROTOCOL_VERSION;
  type: 'decision';
  /** Opaque, constant within a game; never derived from the seed (that would reveal the shuffles). */
  gameId: string;
  /** Counts this adapter's requests within the game from 0; a response may echo it. */
  seq: number;
  kind: string;
  player: number;
  /** The card the decision is about, where there is one: the card scried or surveilled, an Aura to attach. */
  subject?: { id: number; card: string };
  /** `code` is the engine's integer for the option (object ids in its low 16 bits where it names objects). */
  options: { code: number; label: string }[];
  view: GameView;
}

export interface DecisionResponse {
  protocol: typeof PROTOCOL_VERSION;
  /** Index into the request's options (not the option's code). */
  choice: number;
  gameId?: string;
  seq?: number;
}

/** A malformed or unknown response; `field` names the offending field ('' for the whole message). */
export class ProtocolError extends Error {
  constructor(readonly field: string, message: string) { super(message); this.name = 'ProtocolError'; }
}

// Decision kinds whose context is an object the deciding player knows about.
const SUBJECT_KINDS = new Set<number>([S.DK_SCRY, S.DK_SURVEIL, S.DK_TOP_OR_BOTTOM, S.DK_ATTACH]);

/** What `player` may know of the game (scenario.ts's full view, with the hidden zones removed). */
export function playerView(game: Game, player: number): GameView {
  const v = view(game);
  const x = game.engine.x;
  const players = v.players.map((pv, p): PlayerKnowledge => ({
    life: pv.life, library: pv.library, handCount: pv.hand.length,
    ...(p === player ? { hand: pv.hand } : {}),
    graveyard: pv.graveyard, exile: pv.exile, command: pv.command, battlefield: pv.battlefield,
  })) as [PlayerKnowledge, PlayerKnowledge];
  return {
    you: player, turn: v.turn, active: v.active, step: v.step, players,
    stack: v.stack.map((card, k) => ({ card, controller: x.stackField(k, 2) })),
  };
}

/** The request for the game's pending decision. */
export function decisionRequest(game: Game, gameId: string, seq: number, d: Decision = game.decision()): DecisionRequest {
  const x = game.engine.x;
  const kind = x.decisionKind();
  const ctx = x.decisionContext();
  return {
    protocol: PROTOCOL_VERSION, type: 'decision', gameId, seq, kind: d.kind, player: d.player,
    ...(SUBJECT_KINDS.has(kind) && ctx >= 0 && ctx < x.objCount() ? { subject: { id: ctx, card: game.cardName(ctx) } } : {}),
    options: d.options.map((o) => ({ code: o.value, label: o.label })),
    view: playerView(game, d.player),
  };
}

const RESPONSE_FIELDS = ['protocol', 'choice', 'gameId', 'seq'];

/** Validates a response (an object, or its JSON text) to `request`; returns the option index. */
export function parseResponse(message: unknown, request: DecisionRequest): number {
  let r = message;
  if (typeof r === 'string') {
    try { r = JSON.parse(r); } catch (e) { throw new ProtocolError('', `response is not valid JSON: ${(e as Error).message}`); }
  }
  if (typeof r !== 'object' || r === null || Array.isArray(r)) throw new ProtocolError('', `response must be a JSON object (got ${Array.isArray(r) ? 'an array' : r === null ? 'null' : typeof r})`);
  const o = r as Record<string, unknown>;
  for (const k of Object.keys(o)) {
    if (!RESPONSE_FIELDS.includes(k)) throw new ProtocolError(k, `response has an unknown field "${k}" (fields: ${RESPONSE_FIELDS.join(', ')})`);
  }
  if (o.protocol !== PROTOCOL_VERSION) throw new ProtocolError('protocol', `response field "protocol" must be ${PROTOCOL_VERSION} (got ${JSON.stringify(o.protocol)})`);
  if (o.gameId !== undefined && o.gameId !== request.gameId) throw new ProtocolError('gameId', `response field "gameId" is ${JSON.stringify(o.gameId)}, the request's is ${JSON.stringify(request.gameId)}`);
  if (o.seq !== undefined && o.seq !== request.seq) throw new ProtocolError('seq', `response field "seq" is ${JSON.stringify(o.seq)}, the request's is ${request.seq}`);
  const n = request.options.length;
  if (o.choice === undefined) throw new ProtocolError('choice', `response field "choice" is missing (an option index 0..${n - 1})`);
  if (typeof o.choice !== 'number' || !Number.isInteger(o.choice)) throw new ProtocolError('choice', `response field "choice" must be an integer option index (got ${JSON.stringify(o.choice)})`);
  if (o.choice < 0 || o.choice >= n) throw new ProtocolError('choice', `response field "choice" is ${o.choice}, but the ${request.kind} decision has options 0..${n - 1}`);
  return o.choice;
}

/** An agent outside the engine: answers a request with a response (an object or JSON text). */
export type ExternalAgent = (request: DecisionRequest) => unknown;

/**
 * Wraps an external agent as a host Agent: each decision becomes a request, each response is
 * validated. Game ids are this adapter's own count of games ("game-1", ...), so they say nothing
 * about seeds.
 */
export function protocolAgent(name: string, external: ExternalAgent): Agent {
  const games = new WeakMap<Game, { id: string; seq: number }>();
  let count = 0;
  return {
    name,
    choose(d, game) {
      let g = games.get(game);
      if (!g) games.set(game, (g = { id: `game-${++count}`, seq: 0 }));
      const request = decisionRequest(game, g.id, g.seq++, d);
      return parseResponse(external(request), request);
    },
  };
}

/**
 * The built-in heuristic behind the protocol, with both messages serialised as JSON text as a
 * remote agent would see them: its cost over plain `heuristic` is the protocol's overhead. It
 * picks from the engine's state, not from the request, so it measures; it is no model agent.
 */
export function protocolHeuristic(engine: Engine): Agent {
  return protocolAgent('protocol', (request) => {
    const wire = JSON.parse(JSON.stringify(request)) as DecisionRequest;
    return JSON.stringify({ protocol: PROTOCOL_VERSION, gameId: wire.gameId, seq: wire.seq, choice: engine.x.agentPick(BUILTIN_AGENTS.heuristic) });
  });
}

// The external agent protocol: games played through it are the games the choices make, the
// view hides what the deciding player may not know, and bad responses fail clearly.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadEngine, findDeck } from './node.ts';
import { builtinAgent, type GameOptions } from './engine.ts';
import { setUp, type PlayerSpec } from './scenario.ts';
import { decisionRequest, parseResponse, protocolAgent, protocolHeuristic, ProtocolError, type DecisionRequest } from './protocol.ts';

const engine = await loadEngine();
const [boros, golgari] = [findDeck('boros-aggro'), findDeck('golgari-midrange')];
const options = (seed: number): GameOptions => ({ decks: [boros.cards, golgari.cards], seed, onThePlay: 0 });

/** An "external" agent that sees only the request: keep, play a land, cast something, aim at the opponent, attack with all, never block. */
function greedy(req: DecisionRequest): unknown {
  const find = (f: (label: string) => boolean) => req.options.findIndex((o) => f(o.label));
  const first = (...fs: ((label: string) => boolean)[]) => fs.map(find).find((k) => k >= 0) ?? 0;
  switch (req.kind) {
    case 'mulligan': return { protocol: 1, choice: first((l) => l === 'keep') };
    case 'priority': return { protocol: 1, choice: first((l) => l.startsWith('play '), (l) => l.startsWith('cast '), (l) => l === 'pass') };
    case 'attack': return { protocol: 1, choice: first((l) => l !== 'done') };
    case 'block': return { protocol: 1, choice: first((l) => l === 'done') };
    case 'target': return { protocol: 1, choice: first((l) => l === `player ${2 - req.player}`) };
    default: return JSON.stringify({ protocol: 1, gameId: req.gameId, seq: req.seq, choice: 0 });
  }
}

test('a game played through the protocol to its end is the game its choices make', () => {
  const requests: DecisionRequest[] = [];
  const ext = protocolAgent('greedy', (req) => { requests.push(req); return greedy(req); });
  const r = engine.play(options(7), [ext, builtinAgent('heuristic')]);
  assert.equal(r.reason, 'life');
  assert.ok(requests.length > 10, `only ${requests.length} requests`);
  // the same seed gives the same game, and so do the same choices fed directly
  assert.equal(engine.play(options(7), [protocolAgent('greedy', greedy), builtinAgent('heuristic')]).digest, r.digest);
  const g = engine.newGame(options(7));
  for (const k of r.decisions) g.choose(k);
  assert.ok(g.over);
  assert.equal(g.digest(), r.digest);
  // every request is player 1's, numbered in order, and never carries player 2's hand
  requests.forEach((req, k) => {
    assert.equal(req.player, 0);
    assert.equal(req.view.you, 0);
    assert.equal(req.seq, k);
    assert.equal(req.gameId, requests[0]!.gameId);
    assert.equal(req.view.players[1].hand, undefined);
    assert.equal(req.view.players[0].hand?.length, req.view.players[0].handCount);
  });
});

test('the heuristic behind the protocol plays the same games as the built-in heuristic', () => {
  for (const seed of [1, 2, 3]) {
    const direct = engine.play(options(seed), [builtinAgent('heuristic'), builtinAgent('random')]);
    const wrapped = engine.play(options(seed), [protocolHeuristic(engine), builtinAgent('random')]);
    assert.equal(wrapped.digest, direct.digest);
    assert.deepEqual(wrapped.decisions, direct.decisions);
  }
});

// Player 1 to act in their main phase; the opponent's hand and library vary.
function requestWith(me: PlayerSpec, them: PlayerSpec): DecisionRequest {
  const game = setUp(engine, { name: 'view', players: [me, them] });
  return decisionRequest(game, 'g', 0);
}
const me: PlayerSpec = { battlefield: ['Forest', 'Forest', 'Bear Cub'], hand: ['Llanowar Elves', 'Giant Growth'], library: ['Plains', 'Island'], graveyard: ['Pacifism'] };
const them: PlayerSpec = { life: 17, battlefield: ['Plains', { card: 'Magnigoth Sentry', tapped: true }], hand: ['Pacifism', 'Plains'], library: ['Island', 'Forest', 'Bear Cub'] };

test("the view is the same whatever the opponent's hidden cards are (400.2)", () => {
  const a = requestWith(me, them);
  const b = requestWith(me, { ...them, hand: ['Giant Growth', 'Llanowar Elves'], library: ['Bear Cub', 'Island', 'Forest'] });
  assert.equal(JSON.stringify(b), JSON.stringify(a));
  assert.equal(a.kind, 'priority');
  assert.deepEqual(a.view.players[1], {
    life: 17, library: 3, handCount: 2, graveyard: [], exile: [], command: [], battlefield: a.view.players[1].battlefield,
  });
  assert.deepEqual(a.view.players[1].battlefield.map((o) => [o.card, o.tapped]), [['Plains', false], ['Magnigoth Sentry', true]]);
  assert.deepEqual(a.view.players[0].hand, ['Llanowar Elves', 'Giant Growth']);
  assert.equal(a.view.players[0].library, 2);
  assert.deepEqual(a.view.players[0].graveyard, ['Pacifism']);
  assert.ok(a.options.some((o) => o.label === 'cast Llanowar Elves'));
  // what the player does know shows: their own hand, the opponent's hand size and board
  assert.notEqual(JSON.stringify(requestWith({ ...me, hand: ['Giant Growth', 'Giant Growth'] }, them)), JSON.stringify(a));
  assert.notEqual(JSON.stringify(requestWith(me, { ...them, hand: ['Pacifism'] })), JSON.stringify(a));
  assert.notEqual(JSON.stringify(requestWith(me, { ...them, battlefield: ['Plains'] })), JSON.stringify(a));
  // no library order anywhere: the top of my own library is not named either
  assert.ok(!JSON.stringify(a).includes('Island'));
});

test('malformed or unknown responses fail with an error naming the field', () => {
  const req = requestWith(me, them);
  const fails = (response: unknown, field: string, pattern: RegExp) => {
    assert.throws(() => parseResponse(response, req), (e: unknown) => {
      assert.ok(e instanceof ProtocolError, String(e));
      assert.equal(e.field, field);
      assert.match(e.message, pattern);
      return true;
    });
  };
  fails('{"protocol": 1, "choice": ', '', /not valid JSON/);
  fails([1], '', /must be a JSON object \(got an array\)/);
  fails(3, '', /must be a JSON object \(got number\)/);
  fails({ choice: 0 }, 'protocol', /"protocol" must be 1 \(got undefined\)/);
  fails({ protocol: 2, choice: 0 }, 'protocol', /"protocol" must be 1 \(got 2\)/);
  fails({ protocol: 1 }, 'choice', /"choice" is missing/);
  fails({ protocol: 1, choice: '0' }, 'choice', /"choice" must be an integer/);
  fails({ protocol: 1, choice: 0.5 }, 'choice', /"choice" must be an integer/);
  fails({ protocol: 1, choice: req.options.length }, 'choice', new RegExp(`"choice" is ${req.options.length}, but the priority decision has options 0\\.\\.${req.options.length - 1}`));
  fails({ protocol: 1, choice: -1 }, 'choice', /"choice" is -1/);
  fails({ protocol: 1, chocie: 0 }, 'chocie', /unknown field "chocie"/);
  fails({ protocol: 1, choice: 0, gameId: 'other' }, 'gameId', /"gameId" is "other", the request's is "g"/);
  fails({ protocol: 1, choice: 0, seq: 4 }, 'seq', /"seq" is 4, the request's is 0/);
  assert.equal(parseResponse('{"protocol": 1, "choice": 1, "gameId": "g", "seq": 0}', req), 1);
  // through the adapter, a bad response stops the game with the same error
  const bad = protocolAgent('bad', () => ({ protocol: 1, choice: 999 }));
  assert.throws(() => engine.play(options(1), [bad, builtinAgent('random')]), /"choice" is 999/);
});

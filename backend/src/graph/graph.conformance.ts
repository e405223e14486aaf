// What every PatternGraph must do: registers node:test tests for a graph factory (graph.test.ts
// runs them on the embedded graph, and on Neo4j when TEST_GRAPH_URL is set). Each test opens a
// fresh, empty graph and closes it (for a server, close also deletes what the test wrote).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { wilson } from '@spellgrid/engine-as/src/host/stats.ts';
import type { Cast, PatternGame, PatternGraph } from './graph.ts';

export type OpenGraph = () => Promise<PatternGraph>;

const c = (card: string, turn: number, player: 0 | 1 = 0): Cast => ({ card, turn, player });
let n = 0;
const game = (deck: string, winner: 0 | 1 | null, casts: Cast[], seat: 0 | 1 = 0): PatternGame => ({ id: `g${n++}`, deck, seat, winner, casts });

export function graphConformance(name: string, open: OpenGraph): void {
  const withGraph = (title: string, f: (g: PatternGraph) => Promise<void>) => test(`pattern graph ${name}: ${title}`, async () => {
    const g = await open();
    try { await f(g); } finally { await g.close(); }
  });

  withGraph('an unknown deck has no games and no patterns', async (g) => {
    assert.deepEqual(await g.deck('nothing'), { games: 0, wins: 0 });
    assert.deepEqual(await g.cards('nothing'), []);
    assert.deepEqual(await g.sequences('nothing'), []);
    assert.deepEqual(await g.synergies('nothing'), []);
  });

  withGraph('sequences: ordered casts of the deck in one turn, counted once per game; other turns and the opponent\'s casts are not', async (g) => {
    assert.equal(await g.addGame(game('D', 0, [
      c('Shock', 3), c('Bear', 3), c('Shock', 3), // Shock→Bear, Shock→Shock, Bear→Shock, once each
      c('Giant', 4, 1), c('Elk', 4), // the opponent's Giant is not the deck's
      c('Lions', 5), // alone in its turn
    ])), true);
    const seqs = (await g.sequences('D', { limit: 100 })).map((s) => `${s.first}>${s.second} ${s.wins}/${s.games}`).sort();
    assert.deepEqual(seqs, ['Bear>Shock 1/1', 'Shock>Bear 1/1', 'Shock>Shock 1/1']);
    assert.deepEqual((await g.cards('D', { limit: 100 })).map((x) => x.card).sort(), ['Bear', 'Elk', 'Lions', 'Shock']);
    assert.deepEqual(await g.deck('D'), { games: 1, wins: 1 });
  });

  withGraph('the seat decides whose casts and whose wins count; draws are games without a win', async (g) => {
    await g.addGame(game('D', 1, [c('Opp', 2, 0), c('Mine', 2, 1), c('Too', 2, 1)], 1)); // a win for seat 1
    await g.addGame(game('D', null, [c('Mine', 2, 1), c('Too', 2, 1)], 1)); // a draw
    await g.addGame(game('D', 0, [c('Mine', 2, 1), c('Too', 2, 1)], 1)); // a loss
    assert.deepEqual(await g.deck('D'), { games: 3, wins: 1 });
    const [s, ...rest] = await g.sequences('D');
    assert.equal(rest.length, 0);
    assert.deepEqual(s, { first: 'Mine', second: 'Too', games: 3, wins: 1, winRate: 1 / 3, interval: wilson(1, 3) });
    assert.deepEqual((await g.cards('D')).map((x) => x.card).sort(), ['Mine', 'Too']);
  });

  withGraph('a game added twice (same id) counts once', async (g) => {
    const once = game('D', 0, [c('A', 1), c('B', 1)]);
    assert.equal(await g.addGame(once), true);
    assert.equal(await g.addGame({ ...once }), false);
    assert.deepEqual(await g.deck('D'), { games: 1, wins: 1 });
    assert.equal((await g.sequences('D'))[0]!.games, 1);
  });

  withGraph('ranking: by the low end of the Wilson interval (many games beat a lucky few), then games, then name; minGames and limit apply', async (g) => {
    // A→B: 3 of 3 won; C→D: 40 of 50 won; E→F: 1 of 2
    for (let k = 0; k < 3; k++) await g.addGame(game('D', 0, [c('A', 1), c('B', 1)]));
    for (let k = 0; k < 50; k++) await g.addGame(game('D', k < 40 ? 0 : 1, [c('C', 2), c('D', 2)]));
    for (let k = 0; k < 2; k++) await g.addGame(game('D', k < 1 ? 0 : 1, [c('E', 3), c('F', 3)]));
    const s = await g.sequences('D');
    assert.deepEqual(s.map((x) => `${x.first}>${x.second}`), ['C>D', 'A>B', 'E>F']);
    assert.deepEqual(s.map((x) => [x.wins, x.games]), [[40, 50], [3, 3], [1, 2]]);
    assert.deepEqual(s[0]!.interval, wilson(40, 50));
    assert.ok(s[1]!.winRate > s[0]!.winRate, 'A>B has the higher raw win rate yet ranks second');
    assert.deepEqual((await g.sequences('D', { minGames: 3 })).map((x) => x.first), ['C', 'A']);
    assert.deepEqual((await g.sequences('D', { limit: 1 })).map((x) => x.first), ['C']);
    assert.deepEqual((await g.cards('D', { limit: 2 })).map((x) => x.card), ['C', 'D']);
  });

  withGraph('synergies: pairs cast in the same game (any turns), with co-occurrence lift over the deck\'s games', async (g) => {
    // 4 games: A and B together twice (both won), A alone once (lost), C alone once (lost)
    await g.addGame(game('D', 0, [c('A', 1), c('B', 5)]));
    await g.addGame(game('D', 0, [c('B', 2), c('A', 3)]));
    await g.addGame(game('D', 1, [c('A', 2)]));
    await g.addGame(game('D', 1, [c('C', 2)]));
    const syn = await g.synergies('D');
    assert.equal(syn.length, 1);
    assert.deepEqual(syn[0]!.cards, ['A', 'B']);
    assert.deepEqual([syn[0]!.games, syn[0]!.wins], [2, 2]);
    // P(A,B) = 2/4, P(A) = 3/4, P(B) = 2/4: lift = 0.5 / 0.375
    assert.ok(Math.abs(syn[0]!.lift - 0.5 / 0.375) < 1e-12, `lift ${syn[0]!.lift}`);
    assert.deepEqual(await g.sequences('D'), [], 'no two casts shared a turn');
  });

  withGraph('decks are kept apart', async (g) => {
    await g.addGame(game('D1', 0, [c('A', 1), c('B', 1)]));
    await g.addGame(game('D2', 1, [c('B', 1), c('A', 1)]));
    assert.deepEqual((await g.sequences('D1')).map((x) => [x.first, x.second, x.wins]), [['A', 'B', 1]]);
    assert.deepEqual((await g.sequences('D2')).map((x) => [x.first, x.second, x.wins]), [['B', 'A', 0]]);
    assert.deepEqual(await g.deck('D2'), { games: 1, wins: 0 });
  });

  withGraph('a malformed game is refused and counts nothing', async (g) => {
    await assert.rejects(g.addGame({ id: 'x', deck: 'D', seat: 2 as 0, winner: 0, casts: [] }), RangeError);
    await assert.rejects(g.addGame({ id: 'y', deck: 'D', seat: 0, winner: 0, casts: [{ card: '', turn: 1, player: 0 }] }), RangeError);
    assert.deepEqual(await g.deck('D'), { games: 0, wins: 0 });
  });
}

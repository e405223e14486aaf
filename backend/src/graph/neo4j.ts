// The play-pattern graph on Neo4j, through neo4j-driver and Cypher. The model:
//   (:PatternDeck {id, games, wins})
//   (:PatternCard {deck, name, games, wins})           one per deck and card
//   (a:PatternCard)-[:THEN {games, wins}]->(b)          a cast then b cast within a turn
//   (a:PatternCard)-[:WITH {games, wins}]->(b)          both cast in a game (stored once, a.name < b.name)
//   (:PatternGame {id})                                  the games added (unique), so re-adding one counts nothing
// A game is added in one write transaction; the uniqueness constraint on PatternGame.id makes a
// concurrent second add of the same game fail, and it is reported as already added. Queries read
// the counts; the ranking (Wilson interval, lift) is computed in graph.ts, as for the embedded graph.
import neo4j, { type Driver, type ManagedTransaction } from 'neo4j-driver';
import { checkGame, gamePatterns, rankCards, rankSequences, rankSynergies, type PatternGraph } from './graph.ts';

export interface Neo4jGraphOptions {
  /** bolt://host:port or neo4j://host:port */
  url: string;
  user?: string;
  password?: string;
  database?: string;
  /** Prefixes every label (letters, digits, _), so tests use labels of their own. */
  prefix?: string;
}

const int = (x: unknown): number => (neo4j.isInt(x) ? (x as { toNumber(): number }).toNumber() : Number(x));

export async function neo4jPatternGraph(o: Neo4jGraphOptions): Promise<PatternGraph & { dropAll(): Promise<void> }> {
  const p = o.prefix ?? '';
  if (!/^[A-Za-z0-9_]*$/.test(p)) throw new RangeError(`label prefix ${p} may hold letters, digits and _ only`);
  const [Deck, Card, Game] = [`${p}PatternDeck`, `${p}PatternCard`, `${p}PatternGame`];
  const driver: Driver = neo4j.driver(o.url, o.user ? neo4j.auth.basic(o.user, o.password ?? '') : undefined, { connectionTimeout: 10_000 });
  const session = (mode: 'READ' | 'WRITE') => driver.session({ defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE, ...(o.database ? { database: o.database } : {}) });
  const read = async <T>(f: (tx: ManagedTransaction) => Promise<T>) => { const s = session('READ'); try { return await s.executeRead(f); } finally { await s.close(); } };
  const write = async <T>(f: (tx: ManagedTransaction) => Promise<T>) => { const s = session('WRITE'); try { return await s.executeWrite(f); } finally { await s.close(); } };
  const schema = [
    `CREATE CONSTRAINT ${p}pattern_game_id IF NOT EXISTS FOR (g:${Game}) REQUIRE g.id IS UNIQUE`,
    `CREATE CONSTRAINT ${p}pattern_deck_id IF NOT EXISTS FOR (d:${Deck}) REQUIRE d.id IS UNIQUE`,
    `CREATE INDEX ${p}pattern_card IF NOT EXISTS FOR (c:${Card}) ON (c.deck, c.name)`,
  ];
  try {
    await driver.verifyConnectivity();
    for (const q of schema) { const s = session('WRITE'); try { await s.run(q); } finally { await s.close(); } }
  } catch (e) {
    await driver.close();
    throw e;
  }

  return {
    async addGame(g) {
      checkGame(g);
      const pt = gamePatterns(g), win = neo4j.int(pt.won ? 1 : 0);
      try {
        return await write(async (tx) => {
          const seen = await tx.run(`MATCH (g:${Game} {id: $id}) RETURN count(g) AS n`, { id: g.id });
          if (int(seen.records[0]!.get('n')) > 0) return false;
          await tx.run(`CREATE (:${Game} {id: $id, deck: $deck})`, { id: g.id, deck: g.deck });
          await tx.run(`MERGE (d:${Deck} {id: $deck}) ON CREATE SET d.games = 0, d.wins = 0 SET d.games = d.games + 1, d.wins = d.wins + $win`, { deck: g.deck, win });
          await tx.run(`UNWIND $cards AS name
            MERGE (c:${Card} {deck: $deck, name: name}) ON CREATE SET c.games = 0, c.wins = 0
            SET c.games = c.games + 1, c.wins = c.wins + $win`, { deck: g.deck, cards: pt.cards, win });
          for (const [rel, pairs] of [['THEN', pt.sequences], ['WITH', pt.pairs]] as const) {
            await tx.run(`UNWIND $pairs AS pair
              MATCH (a:${Card} {deck: $deck, name: pair[0]}), (b:${Card} {deck: $deck, name: pair[1]})
              MERGE (a)-[r:${rel}]->(b) ON CREATE SET r.games = 0, r.wins = 0
              SET r.games = r.games + 1, r.wins = r.wins + $win`, { deck: g.deck, pairs, win });
          }
          return true;
        });
      } catch (e) {
        // a concurrent add of the same game lost the race on the uniqueness constraint
        if ((e as { code?: string }).code === 'Neo.ClientError.Schema.ConstraintValidationFailed') return false;
        throw e;
      }
    },
    async deck(deck) {
      const r = await read((tx) => tx.run(`MATCH (d:${Deck} {id: $deck}) RETURN d.games AS games, d.wins AS wins`, { deck }));
      const x = r.records[0];
      return x ? { games: int(x.get('games')), wins: int(x.get('wins')) } : { games: 0, wins: 0 };
    },
    async cards(deck, q) {
      const r = await read((tx) => tx.run(`MATCH (c:${Card} {deck: $deck}) WHERE c.games >= $min RETURN c.name AS card, c.games AS games, c.wins AS wins`, { deck, min: q?.minGames ?? 1 }));
      return rankCards(r.records.map((x) => ({ card: x.get('card') as string, games: int(x.get('games')), wins: int(x.get('wins')) })), q);
    },
    async sequences(deck, q) {
      const r = await read((tx) => tx.run(`MATCH (a:${Card} {deck: $deck})-[r:THEN]->(b:${Card})
        WHERE r.games >= $min RETURN a.name AS first, b.name AS second, r.games AS games, r.wins AS wins`, { deck, min: q?.minGames ?? 1 }));
      return rankSequences(r.records.map((x) => ({ first: x.get('first') as string, second: x.get('second') as string, games: int(x.get('games')), wins: int(x.get('wins')) })), q);
    },
    async synergies(deck, q) {
      const r = await read((tx) => tx.run(`MATCH (d:${Deck} {id: $deck}), (a:${Card} {deck: $deck})-[r:WITH]->(b:${Card})
        WHERE r.games >= $min
        RETURN d.games AS deckGames, a.name AS a, b.name AS b, a.games AS gamesA, b.games AS gamesB, r.games AS games, r.wins AS wins`, { deck, min: q?.minGames ?? 1 }));
      const deckGames = r.records.length ? int(r.records[0]!.get('deckGames')) : 0;
      return rankSynergies(deckGames, r.records.map((x) => ({
        cards: [x.get('a') as string, x.get('b') as string], games: int(x.get('games')), wins: int(x.get('wins')), gamesA: int(x.get('gamesA')), gamesB: int(x.get('gamesB')),
      })), q);
    },
    async dropAll() {
      for (const label of [Game, Card, Deck]) await write((tx) => tx.run(`MATCH (n:${label}) DETACH DELETE n`));
      if (p) {
        for (const name of [`${p}pattern_game_id`, `${p}pattern_deck_id`]) await write((tx) => tx.run(`DROP CONSTRAINT ${name} IF EXISTS`));
        await write((tx) => tx.run(`DROP INDEX ${p}pattern_card IF EXISTS`));
      }
    },
    close: () => driver.close(),
  };
}

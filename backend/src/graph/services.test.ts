// What npm start opens beside the database: embedded stores by default; with TEST_MONGODB_URL the
// card store on that server (the pool loaded once: a second open writes nothing), and with
// TEST_GRAPH_URL the graph on Neo4j.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import neo4j from 'neo4j-driver';
import { loadPool } from '@spellgrid/engine-as/src/host/node.ts';
import { mongoCardStore } from '../cards-store/mongo.ts';
import { openDocumentStores } from './services.ts';

test('no MONGODB_URL or GRAPH_URL: both embedded, the pool loaded into the card store; expired prices are swept', async () => {
  const logged: Record<string, unknown>[] = [];
  const docs = await openDocumentStores({ pool: loadPool(), log: (f) => logged.push(f), sweepMs: 5 });
  try {
    await docs.loaded;
    await docs.cards.putPrice({ key: 'a', usd: 1, source: 't' }, 1, Date.now() - 10);
    await docs.cards.putPrice({ key: 'b', usd: 1, source: 't' }, 1, Date.now() - 10);
    for (let k = 0; k < 200 && !logged.some((l) => l.msg === 'expired prices swept'); k++) await new Promise((r) => setTimeout(r, 10));
    assert.deepEqual(logged.find((l) => l.msg === 'expired prices swept')?.prices, 2);
    logged.splice(logged.findIndex((l) => l.msg === 'expired prices swept'), 1);
    assert.deepEqual(docs.where, { cards: 'in memory', graph: 'embedded (in memory)' });
    assert.equal((await docs.cards.pool(loadPool().irHash))!.cards.length, loadPool().meta.cards.length);
    assert.deepEqual(logged.map((l) => [l.msg, l.alreadyLoaded]), [['card pool in the card store', false]]);
  } finally { await docs.close(); }
});

const mongo = process.env.TEST_MONGODB_URL, graphUrl = process.env.TEST_GRAPH_URL;
test('MONGODB_URL and GRAPH_URL set: the card store on MongoDB/FerretDB (a second open loads nothing) and the graph on Neo4j', { skip: !mongo || !graphUrl ? 'TEST_MONGODB_URL and TEST_GRAPH_URL are needed (infra/dev/ferretdb.sh and infra/dev/neo4j.sh start, then eval their env)' : false }, async () => {
  const db = `spellgrid_services_${randomBytes(4).toString('hex')}`;
  const url = new URL(mongo!);
  url.pathname = `/${db}`;
  const open = async () => {
    const logged: Record<string, unknown>[] = [];
    const docs = await openDocumentStores({ mongodbUrl: url.href, graph: { url: graphUrl! }, pool: loadPool(), log: (f) => logged.push(f) });
    await docs.loaded;
    return { docs, logged };
  };
  try {
    const first = await open();
    assert.match(first.docs.where.cards, /^MongoDB at mongodb:\/\/127\.0\.0\.1/);
    assert.match(first.docs.where.graph, /^Neo4j at bolt:/);
    assert.deepEqual(first.logged.map((l) => [l.msg, l.alreadyLoaded]), [['card pool in the card store', false]]);
    assert.equal(await first.docs.graph.addGame({ id: `svc-${db}`, deck: `deck-${db}`, seat: 0, winner: 0, casts: [{ card: 'A', turn: 1, player: 0 }] }), true);
    assert.deepEqual(await first.docs.graph.deck(`deck-${db}`), { games: 1, wins: 1 });
    await first.docs.close();
    const second = await open();
    assert.deepEqual(second.logged.map((l) => [l.msg, l.alreadyLoaded, l.inserted]), [['card pool in the card store', true, 0]]);
    await second.docs.close();
  } finally {
    const s = await mongoCardStore({ url: url.href });
    await s.db.dropDatabase();
    await s.close();
    // only this test's nodes: its deck, and its game and card (which name the deck)
    const d = neo4j.driver(graphUrl!);
    try {
      await d.executeQuery('MATCH (n) WHERE n.id = $deck OR n.deck = $deck DETACH DELETE n', { deck: `deck-${db}` });
    } finally { await d.close(); }
  }
});

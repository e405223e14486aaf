import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadPool } from '@spellgrid/engine-as/src/host/node.ts';
import { openPredictions } from '@spellgrid/backend/src/predictions/service.ts';
import { memoryPredictionStore, type PredictionRecord } from '@spellgrid/backend/src/predictions/store.ts';
import { runnerPlay } from '@spellgrid/backend/src/run.ts';
import { runnerPool } from '../runner-pool.ts';
import { noPredictions, post, testApp } from '../test-app.ts';
import { Replay, Rounds } from '../schemas.ts';

const TWO_DECKS = { name: 'two decks', decks: [{ name: 'Boros', share: 0.5, deck: 'boros-aggro' }, { name: 'Izzet', share: 0.5, deck: 'izzet-spells' }] };

async function create(body: unknown) {
  const r = await testApp().app.request('/v1/predictions', post(body));
  return { status: r.status, body: await r.json() };
}

test('a bad prediction request is a 400 naming the field', async () => {
  const cases: [unknown, string, string | undefined][] = [
    [{}, 'bad-request', 'deck'],
    [{ deck: 'boros-aggro', list: '4 Boltwave' }, 'bad-request', 'deck'],
    [{ deck: 7 }, 'bad-request', 'deck'],
    [{ deck: 'boros-aggro', target: 0.7 }, 'bad-request', 'target'],
    [{ deck: 'boros-aggro', budget: 'lots' }, 'bad-request', 'budget'],
    [{ deck: 'boros-aggro', budget: 1e9 }, 'bad-request', 'budget'],
    [{ deck: 'boros-aggro', seed: -1 }, 'bad-request', 'seed'],
    [{ deck: 'boros-aggro', compute: 'gpus' }, 'bad-request', 'compute'],
    [{ deck: 'boros-aggro', field: 'modern' }, 'bad-request', 'field'],
    [{ deck: 'boros-aggro', field: { name: 'x', decks: [{ name: 'a', share: 0.5 }] } }, 'bad-request', 'field.decks.0.deck'],
    [{ deck: '../../package.json' }, 'bad-deck', 'deck'],
    [{ deck: 'Cats+Nobody' }, 'bad-deck', 'deck'],
    [{ deck: 'boros-aggro', field: { name: 'x', decks: [{ name: 'a', share: 0.5, deck: 'boros-aggro' }] } }, 'bad-field', 'field'],
    [{ deck: 'boros-aggro', field: { name: 'x', decks: [{ name: 'a', share: 1, deck: '/etc/passwd' }] } }, 'bad-field', 'field'],
  ];
  for (const [body, code, field] of cases) {
    const r = await create(body);
    assert.equal(r.status, 400, JSON.stringify(body));
    assert.deepEqual([r.body.error.code, r.body.error.field], [code, field], JSON.stringify(r.body));
  }
});

test('a deck list with problems is a 400 bad-deck listing them by line', async () => {
  const r = await create({ list: 'Deck\n4 Savanah Lions\n36 Mountain' });
  assert.equal(r.status, 400);
  assert.equal(r.body.error.code, 'bad-deck');
  assert.equal(r.body.error.details[0].line, 2);
  assert.deepEqual(r.body.error.details[0].suggestions, ['Savannah Lions']);
});

test('an unknown prediction is a 404, status and results alike', async () => {
  const { app } = testApp();
  for (const path of ['/v1/predictions/nope', '/v1/predictions/nope/results', '/v1/predictions/nope/replays', '/v1/predictions/nope/rounds']) {
    const r = await app.request(path);
    assert.equal(r.status, 404);
    assert.equal((await r.json()).error.code, 'not-found');
  }
});

test('an unknown replay is a 404: an id that is not one, an unknown prediction', async () => {
  const { app } = testApp();
  for (const id of ['nope', 'nope.0.0', 'a.b.c', '.1.2']) {
    const r = await app.request(`/v1/replays/${id}`);
    assert.equal(r.status, 404, id);
    assert.deepEqual([(await r.json()).error.code], ['not-found']);
  }
});

test('results and replays before a prediction is done are a 409', async () => {
  const queued = { id: 'p1', status: 'queued', progress: { games: 0, halfWidth: null, etaSeconds: null } } as PredictionRecord;
  const { app } = testApp({ predictions: { ...noPredictions, record: async (id) => (id === 'p1' ? queued : undefined) } });
  for (const path of ['/v1/predictions/p1/results', '/v1/predictions/p1/replays', '/v1/replays/p1.0.0']) {
    const r = await app.request(path);
    assert.equal(r.status, 409, path);
    assert.equal((await r.json()).error.code, 'not-done');
  }
});

test('a prediction end to end: queued, run, its results; the same request and seed give the same results', async () => {
  const pool = loadPool();
  const runner = runnerPool(1);
  const predictions = await openPredictions({
    store: memoryPredictionStore(), maxQueued: 2, log: () => {}, cardName: (c) => pool.card(c).name,
    play: async (compute) => { assert.equal(compute, 'cluster'); return runnerPlay(await runner.get()); },
  });
  const { app } = testApp({ predictions });
  try {
    const request = { deck: 'green-stompy', field: TWO_DECKS, budget: 16, target: 0.4, seed: 7 };
    const ids: string[] = [];
    for (let k = 0; k < 2; k++) {
      const r = await app.request('/v1/predictions', post(request));
      assert.equal(r.status, 202);
      const { id, status } = await r.json();
      assert.equal(status, 'queued');
      assert.equal(r.headers.get('Location'), `/v1/predictions/${id}`);
      ids.push(id);
    }
    assert.equal((await app.request(`/v1/predictions/${ids[1]}/results`)).status, 409);
    const full = await app.request('/v1/predictions', post(request));
    assert.equal(full.status, 503, 'a third prediction does not fit the queue of two');
    assert.equal(full.headers.get('Retry-After'), '60');
    assert.equal((await full.json()).error.code, 'unavailable');
    const results = [];
    for (const id of ids) {
      let s;
      do {
        await new Promise((resolve) => setTimeout(resolve, 100));
        s = await (await app.request(`/v1/predictions/${id}`)).json();
      } while (s.status === 'queued' || s.status === 'running');
      assert.equal(s.status, 'done');
      assert.ok(s.progress.games > 0 && s.progress.games <= 16);
      const r = await app.request(`/v1/predictions/${id}/results`);
      assert.equal(r.status, 200);
      results.push(await r.json());
    }
    const p = results[0];
    assert.equal(p.deck, 'Green Stompy');
    assert.equal(p.seed, 7);
    assert.deepEqual(p.matchups.map((m: { opponent: string }) => m.opponent), ['Boros', 'Izzet']);
    assert.equal(p.games, p.matchups.reduce((n: number, m: { games: number }) => n + m.games, 0));
    assert.ok(p.cards.length > 0 && p.placement.players > 0);
    assert.deepEqual(results[1], p);

    // The rounds: how the estimates narrowed, ending at the result's matchups.
    const { rounds } = Rounds.parse(await (await app.request(`/v1/predictions/${ids[0]}/rounds`)).json());
    assert.equal(rounds.at(-1)!.games, p.games);
    assert.deepEqual(rounds.at(-1)!.matchups.map((m) => m.interval), p.matchups.map((m: { interval: number[] }) => m.interval));

    // Sample replays: each re-simulates to the game the prediction counted, and narrates it.
    const listed = (await (await app.request(`/v1/predictions/${ids[0]}/replays`)).json()).replays;
    assert.ok(listed.length >= 2 && listed.length <= 4, 'a win and a loss (or draw) per matchup at most');
    for (const m of [0, 1]) assert.ok(listed.some((x: { matchup: number }) => x.matchup === m), `matchup ${m} has a replay: ${JSON.stringify(listed)} ${JSON.stringify(p.matchups)}`);
    for (const sample of listed) {
      const r = await app.request(`/v1/replays/${sample.id}`);
      assert.equal(r.status, 200);
      const replay = Replay.parse(await r.json()); // the shape the OpenAPI document promises
      assert.equal(replay.record.digest, sample.digest);
      assert.deepEqual([replay.winner, replay.turns, replay.opponent], [sample.winner, sample.turns, sample.opponent]);
      assert.equal(replay.record.decks[0]!.length, 60);
      assert.match(replay.events.at(-1)!, sample.winner === null ? /draw/ : new RegExp(`Player ${sample.winner + 1} wins on turn ${sample.turns}`));
    }
    const missing = await app.request(`/v1/replays/${ids[0]}.0.99999`);
    assert.equal(missing.status, 404, 'only the listed games are replays');

    // A game this engine build ends differently (here: a recorded digest it does not reach) is gone, not wrong.
    const real = (await predictions.record(ids[0]!))!;
    const tampered = { ...real, result: { ...real.result!, replays: real.result!.replays.map((r) => ({ ...r, digest: '0000000000000000' })) } };
    const other = testApp({ predictions: { ...noPredictions, record: async () => tampered } });
    const gone = await other.app.request(`/v1/replays/${listed[0].id}`);
    assert.equal(gone.status, 410);
    assert.match((await gone.json()).error.code, /^replay-gone$/);
  } finally {
    predictions.close();
    await runner.close();
  }
});

// The browser's share of the host: replayFrames (the replay viewer's frames) agrees with the
// engine's own replay, playBatch with the parallel runner, and the modules a browser worker
// imports reach no Node API; a snapshot's keywords are the scenario view's.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundledDeck, loadEngine } from './node.ts';
import { builtinAgent, Game } from './engine.ts';
import { describeEvents, gameOptionsOf, type ReplayRecord } from './replay.ts';
import { replayFrames, snapshot } from './snapshot.ts';
import { runScenario, type Scenario } from './scenario.ts';
import { playBatch } from './batch.ts';
import { runJobs } from './runner.ts';
import type { MatchJob } from './jobs.ts';

const engine = await loadEngine();
const [A, B] = [bundledDeck('boros-aggro')!, bundledDeck('Cats+Elves')!];

function record(seed: number): ReplayRecord {
  const r = engine.play({ decks: [A.cards, B.cards], seed, onThePlay: (seed & 1) as 0 | 1 }, [builtinAgent('heuristic'), builtinAgent('heuristic')]);
  const name = (c: number) => engine.pool.card(c).name;
  return { format: 'spellgrid-replay/1', engine: engine.buildHash, irHash: engine.pool.irHash, decks: [A.cards.map(name), B.cards.map(name)], seed, onThePlay: r.onThePlay, agents: ['heuristic', 'heuristic'], decisions: r.decisions, digest: r.digest };
}

test('replayFrames: a frame per decision, the record’s digest, the narrated log, and the final life totals of the engine', () => {
  for (const seed of [3, 8, 21]) {
    const rec = record(seed);
    const f = replayFrames(engine, rec);
    assert.equal(f.frames.length, rec.decisions.length + 1);
    assert.ok(f.matches);
    assert.equal(f.digest, rec.digest);
    // the same lines as the whole game narrated at once
    const game = engine.replay(gameOptionsOf(rec, engine.pool), rec.decisions);
    const lines = describeEvents(engine.eventLog(), gameOptionsOf(rec, engine.pool).decks, engine.pool);
    assert.deepEqual(f.lines.map((l) => l.text), lines);
    const life = [engine.x.playerField(0, 0), engine.x.playerField(1, 0)];
    assert.deepEqual(f.lines.at(-1)!.life, life);
    assert.deepEqual(f.frames.at(-1)!.players.map((p) => p.life), life);
    assert.ok(game.over && f.frames.at(-1)!.over);
    // frames never go backwards along the log, and turns are marked in order
    for (let k = 1; k < f.lines.length; k++) assert.ok(f.lines[k]!.frame >= f.lines[k - 1]!.frame);
    assert.deepEqual(f.turns.map((t) => t.turn), f.turns.map((_, k) => k + 1));
  }
});

test('replayFrames: a record whose digest is not the game’s is reported, not hidden', () => {
  const rec = { ...record(5), digest: '0000000000000000' };
  assert.equal(replayFrames(engine, rec).matches, false);
});

test('playBatch on one thread gives the parallel runner’s records', async () => {
  const job: MatchJob = { id: 'batch', decks: [A, B], agents: ['heuristic', 'random'], seed: 9, games: 6, facts: true };
  const { jobs: [ran] } = await runJobs([job], { workers: 2, batch: 2 });
  assert.deepEqual(playBatch(engine, job, 0, 6), ran!.games);
  assert.throws(() => playBatch(engine, { ...job, engine: 'another' }, 0, 1), /planned for engine another/);
  assert.throws(() => playBatch(engine, { ...job, decks: ['boros-aggro', B] }, 0, 1), /must be sent by value/);
});

test('the modules a browser worker imports reach no Node API', () => {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const src = readFileSync(file, 'utf8');
    // type-only imports are erased: only what runs counts
    for (const m of src.matchAll(/^\s*(?:import|export)(?!\s+type\b)\b[^;]*?from\s+'([^']+)'/gm)) {
      const spec = m[1]!;
      assert.ok(spec.startsWith('.'), `${file} imports "${spec}"`);
      visit(resolve(dirname(file), spec));
    }
  };
  const here = dirname(fileURLToPath(import.meta.url));
  for (const f of ['batch.ts', 'snapshot.ts', 'engine.ts', 'jobs.ts', 'replay.ts']) visit(join(here, f));
  assert.ok(seen.size > 5);
});

test('613.1f: a snapshot shows the restrictions an Aura grants as the scenario view does (Pacifism: can\'t attack, can\'t block)', () => {
  const sc = JSON.parse(readFileSync(new URL('../../scenarios/rules/613.1f-pacifism-cant-attack-or-block.json', import.meta.url), 'utf8')) as Scenario;
  const { state } = runScenario(engine, sc);
  const snap = snapshot(new Game(engine, 0));
  const nighthawk = snap.players[1].battlefield.find((o) => o.card === 'Vampire Nighthawk')!;
  assert.ok(nighthawk.keywords.includes("can't attack") && nighthawk.keywords.includes("can't block"), nighthawk.keywords.join(', '));
  for (const p of [0, 1]) {
    assert.deepEqual(snap.players[p]!.battlefield.map((o) => o.keywords), state.players[p]!.battlefield.map((o) => o.keywords), 'the same keywords as the scenario view');
  }
});

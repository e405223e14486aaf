// The `spellgrid` command line: sim, decks, cards, scenario, replay, bench, sealed, fuzz, ladder.
import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { availableParallelism, cpus, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import { loadEngine, loadPool, findDeck, bundledDecks, beginnerBoxHalves, beginnerBoxCardNames, beginnerBoxDeck, type NamedDeck } from '../host/node.ts';
import { coverage, formatCoverage } from '../cards/coverage.ts';
import { FDN_BOOSTER } from '../limited/fdn-set.ts';
import { BUILTIN_AGENTS, type Agent, type BuiltinAgentName, type Engine } from '../host/engine.ts';
import { runMatch, sig, summarizeMatch } from '../host/match.ts';
import { DEFAULT_MATCHUPS, formatLadder, runLadder } from '../host/ladder.ts';
import { checkAgent, ladderAgent, LADDER_AGENTS } from '../host/batch.ts';
import { openRunner, runJobs, type RunResult } from '../host/runner.ts';
import { batchDigest, type MatchJob } from '../host/jobs.ts';
import { mctsAgent } from '../host/mcts.ts';
import { runScenario, type Scenario } from '../host/scenario.ts';
import { describeEvents, gameOptionsOf, type ReplayRecord } from '../host/replay.ts';
import { sealedPool } from '../limited/booster.ts';
import { buildDeck, deckList, sealedDeck, SPELLS } from '../limited/builder.ts';
import { fuzzSealed } from '../limited/fuzz.ts';

const USAGE = `spellgrid — Magic: The Gathering AI simulation

  spellgrid sim --deck A --deck B [--games N] [--seed S] [--agents heuristic,heuristic] [--workers W] [--json]
                                        A, B: a deck file, a bundled deck, or two Beginner Box
                                        half-decks joined by "+" (Cats+Elves); agents as in ladder
  spellgrid sim --bundled [...]          play the first two bundled decks
  spellgrid decks                       list the bundled decks and Beginner Box half-decks
  spellgrid cards [--text] [--json] [NAME...]   list the card pool (--text: rules text from the IR)
  spellgrid cards --coverage FDN [--json]       implemented / partial / missing cards of the set
  spellgrid scenario FILE.json          run a scenario, print the final state as JSON
  spellgrid replay --deck A --deck B [--seed S] [--agents a,b] [--save rec.json]
  spellgrid replay --load rec.json      print a game's event log as readable text
  spellgrid bench [--write FILE]        measure games per second, turns and clone time
  spellgrid sealed [--seed S] [--json]  open six Foundations Play Boosters, build a deck from them
  spellgrid ladder [--agents a,b,...] [--matchups N | --decks A:B,C:D] [--games G] [--seed S] [--workers W] [--json]
                                        every pair of agents (${LADDER_AGENTS.join(', ')}, mcts:ITERATIONS) over
                                        N matchups of real decks, G games per pairing, seats swapped on the
                                        same seeds; W worker threads (default: one per core)
  spellgrid fuzz --sealed [--games N] [--agent random|heuristic] [--seed S] [--json]
                                        play games between fresh sealed decks, checking invariants`;

/** A mistake in how a command was called: printed with the usage. */
export class UsageError extends Error {}

/** A command another package adds (the backend's predict and limited): usage lines and the command. */
export interface Command { usage: string; run(args: string[]): Promise<number> }

// Agent specs as the ladder reads them (random, heuristic, protocol, mcts, mcts:N), checked here.
export function agentSpecs(spec: string): string[] {
  const names = spec.split(',').map((s) => s.trim());
  try { names.forEach(checkAgent); } catch (e) { throw new UsageError((e as Error).message); }
  return names;
}

// Two agents by spec, for the commands that play one game at a time (replay, bench).
function agentsOf(spec: string, engine: Engine): [Agent, Agent] {
  const names = agentSpecs(spec);
  if (names.length !== 2) throw new UsageError(`--agents needs two names separated by a comma, e.g. heuristic,random (got "${spec}")`);
  return names.map((n) => ladderAgent(n, engine)) as [Agent, Agent];
}

function decksOf(files: string[] | undefined, bundled: boolean | undefined): [NamedDeck, NamedDeck] {
  if (bundled || !files?.length) {
    const b = bundledDecks();
    return [b[0]!, b[1]!];
  }
  if (files.length !== 2) throw new UsageError(`give exactly two --deck options (got ${files.length})`);
  return [findDeck(files[0]!), findDeck(files[1]!)];
}

export function intOption(v: string | undefined, name: string, dflt: number, min: number): number {
  if (v === undefined) return dflt;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min) throw new UsageError(`--${name} must be an integer ≥ ${min} (got "${v}")`);
  return n;
}

function pct(x: number): string { return `${(100 * x).toFixed(1)}%`; }

async function sim(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: {
    deck: { type: 'string', multiple: true }, bundled: { type: 'boolean' }, games: { type: 'string' },
    seed: { type: 'string' }, agents: { type: 'string' }, workers: { type: 'string' }, json: { type: 'boolean' },
  } });
  const decks = decksOf(values.deck, values.bundled);
  const agents = agentSpecs(values.agents ?? 'heuristic,heuristic');
  if (agents.length !== 2) throw new UsageError(`--agents needs two names separated by a comma, e.g. heuristic,random (got "${values.agents}")`);
  const games = intOption(values.games, 'games', 200, 1);
  const seed = intOption(values.seed, 'seed', 1, 0);
  const workers = intOption(values.workers, 'workers', availableParallelism(), 1);
  const pair: [string, string] = [agents[0]!, agents[1]!];
  const run = await runJobs([{ id: 'sim', decks, agents: pair, seed, games }], { workers });
  const s = summarizeMatch(run.jobs[0]!.games, {
    decks: [decks[0].name, decks[1].name], agents: pair, seed, seconds: run.seconds, coreSeconds: run.workerSeconds, engine: run.engine, irHash: run.irHash,
  });
  if (values.json) { console.log(JSON.stringify(s, null, 2)); return; }
  console.log(`${s.decks[0]} vs ${s.decks[1]} — ${s.games} games, agents ${s.agents.join(' vs ')}, seeds ${seed}…${seed + Math.ceil(games / 2) - 1} (paired, seats swapped)`);
  console.log(`  ${s.decks[0]} wins ${s.wins[0]}, ${s.decks[1]} wins ${s.wins[1]}, draws ${s.draws}${s.draws ? ` (${Object.entries(s.drawReasons).map(([r, n]) => `${r}: ${n}`).join(', ')})` : ''}`);
  console.log(`  ${s.decks[0]} win rate ${pct(s.winRate)}  (95% interval ${pct(s.ci95[0])} – ${pct(s.ci95[1])})`);
  console.log(`  mean turns ${s.meanTurns.toFixed(1)}, ${sig(s.gamesPerSecond)} games/s wall clock on ${run.workers} worker${run.workers === 1 ? '' : 's'} (start-up included), ${sig(s.gamesPerCoreSecond)} games/s per core`);
}

async function cards(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args, allowPositionals: true,
    options: { json: { type: 'boolean' }, text: { type: 'boolean' }, coverage: { type: 'string' } },
  });
  const pool = loadPool();
  if (values.coverage !== undefined) {
    if (values.coverage.toUpperCase() !== 'FDN') throw new UsageError(`--coverage knows the set FDN (got "${values.coverage}")`);
    const set = [
      ...FDN_BOOSTER.map((c) => ({ name: c.name, source: `#${c.number}` })),
      ...beginnerBoxCardNames().map((c) => ({ name: c.name, source: `Beginner Box ${c.deck}` })),
    ];
    const report = coverage('FDN', set, pool.meta.cards, new Map(pool.meta.knownUnsupported.map((n) => [n, 'not implemented yet'])));
    console.log(values.json ? JSON.stringify(report, null, 2) : formatCoverage(report));
    return;
  }
  const wanted = positionals.map((n) => {
    const c = pool.byName(n);
    if (!c || c.token) throw new Error(pool.isKnownUnsupported(n) ? `"${n}" is not implemented yet` : `unknown card "${n}"`);
    return c;
  });
  const list = wanted.length ? wanted : pool.meta.cards.filter((c) => !c.token);
  if (values.json) { console.log(JSON.stringify(list, null, 2)); return; }
  for (const c of list) {
    const pt = c.power !== null ? ` ${c.power}/${c.toughness}` : c.loyalty !== null ? ` [${c.loyalty}]` : '';
    const partial = c.partial ? `  (partial: ${c.partial})` : '';
    if (!values.text) { console.log(`${c.name} ${c.manaCost} — ${c.typeLine}${pt}${partial}`); continue; }
    console.log(`${c.name} ${c.manaCost}\n  ${c.typeLine}${pt}\n  ${c.text.replace(/\n/g, '\n  ')}${partial ? `\n ${partial}` : ''}\n`);
  }
  if (!wanted.length) console.log(`${list.length} cards (plus ${pool.meta.cards.length - list.length} tokens); card IR ${pool.irHash.slice(0, 16)}`);
}

async function decks(): Promise<void> {
  console.log('Bundled constructed decks (--deck NAME):');
  for (const d of bundledDecks()) console.log(`  ${basename(d.file, '.txt').padEnd(20)} ${d.name} (${d.cards.length} cards)`);
  console.log('\nFoundations Beginner Box half-decks (20 cards; join two with "+", e.g. --deck Cats+Elves):');
  console.log(`  ${beginnerBoxHalves().map((d) => d.name).join(', ')}`);
}

async function scenario(args: string[]): Promise<number> {
  const file = args[0];
  if (!file) throw new UsageError('scenario needs a file: spellgrid scenario FILE.json');
  let sc: Scenario;
  try { sc = JSON.parse(readFileSync(file, 'utf8')) as Scenario; } catch (e) { throw new Error(`cannot read scenario ${file}: ${(e as Error).message}`); }
  const engine = await loadEngine('debug');
  const { state, failures } = runScenario(engine, sc);
  console.log(JSON.stringify(state, null, 2));
  for (const f of failures) console.error(`expectation failed: ${f}`);
  return failures.length ? 1 : 0;
}

async function replay(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: {
    deck: { type: 'string', multiple: true }, bundled: { type: 'boolean' }, seed: { type: 'string' },
    agents: { type: 'string' }, save: { type: 'string' }, load: { type: 'string' }, play: { type: 'string' },
  } });
  const engine = await loadEngine();
  let rec: ReplayRecord;
  if (values.load) {
    try { rec = JSON.parse(readFileSync(values.load, 'utf8')) as ReplayRecord; } catch (e) { throw new Error(`cannot read replay ${values.load}: ${(e as Error).message}`); }
    if (rec.irHash !== engine.pool.irHash) throw new Error(`replay was made with card IR ${rec.irHash.slice(0, 16)}, this engine has ${engine.pool.irHash.slice(0, 16)}`);
  } else {
    const decks = decksOf(values.deck, values.bundled);
    const agents = agentsOf(values.agents ?? 'heuristic,heuristic', engine);
    const seed = intOption(values.seed, 'seed', 1, 0);
    const onThePlay = intOption(values.play, 'play', 0, 0) as 0 | 1;
    const r = engine.play({ decks: [decks[0].cards, decks[1].cards], seed, onThePlay }, agents);
    rec = {
      format: 'spellgrid-replay/1', engine: engine.buildHash, irHash: engine.pool.irHash,
      decks: decks.map((d) => d.cards.map((c) => engine.pool.card(c).name)), seed, onThePlay,
      agents: agents.map((a) => a.name), decisions: r.decisions, digest: r.digest,
    };
    if (values.save) writeFileSync(values.save, JSON.stringify(rec) + '\n');
  }
  const o = gameOptionsOf(rec, engine.pool);
  const game = engine.replay(o, rec.decisions);
  for (const line of describeEvents(engine.eventLog(), o.decks, engine.pool)) console.log(line);
  if (game.digest() !== rec.digest) throw new Error(`replay diverged: digest ${game.digest()}, record says ${rec.digest}`);
}

async function bench(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { write: { type: 'string' }, games: { type: 'string' } } });
  const games = intOption(values.games, 'games', 2000, 10);
  const engine = await loadEngine();
  const decks = decksOf(undefined, true);
  runMatch(engine, decks, agentsOf('heuristic,heuristic', engine), 100, 999); // warm-up
  const rnd = runMatch(engine, decks, agentsOf('random,random', engine), games, 1).summary;
  const heu = runMatch(engine, decks, agentsOf('heuristic,heuristic', engine), games, 1).summary;
  // Limited decks: 50 sealed pairs (pools from seeds 1..100) and the 45 Beginner Box pairings.
  const sealedDecks = Array.from({ length: 100 }, (_, k): NamedDeck => {
    const d = sealedDeck(k + 1, engine.pool);
    return { name: `sealed ${k + 1}`, file: '', cards: d.cards };
  });
  const limitedRate = (pairs: [NamedDeck, NamedDeck][]) => {
    const per = Math.max(2, Math.round(games / pairs.length / 2) * 2);
    const s = pairs.map((p, k) => runMatch(engine, p, agentsOf('heuristic,heuristic', engine), per, 1 + k * per).summary);
    const n = s.reduce((t, m) => t + m.games, 0);
    return { games: n, perSecond: n / s.reduce((t, m) => t + m.games / m.gamesPerSecond, 0), turns: s.reduce((t, m) => t + m.meanTurns * m.games, 0) / n };
  };
  const sealedRun = limitedRate(Array.from({ length: 50 }, (_, k) => [sealedDecks[2 * k]!, sealedDecks[2 * k + 1]!]));
  const halves = beginnerBoxHalves();
  const boxDecks = halves.flatMap((a, i) => halves.slice(i + 1).map((b) => beginnerBoxDeck(a, b)));
  const boxRun = limitedRate(boxDecks.map((d, k) => [d, boxDecks[(k + 17) % boxDecks.length]!]));
  // clone: a mid-game state (turn 8 or later) copied with one memory.copy
  const x = engine.x;
  const g = engine.newGame({ decks: [decks[0].cards, decks[1].cards], seed: 3 });
  while (!g.over && x.gameTurn() < 8) g.choose(x.agentPick(1));
  const bytes = x.stateBytes();
  const dst = x.stateNew();
  const n = 200000;
  x.benchClone(dst, engine.main, 1000);
  const t0 = performance.now();
  x.benchClone(dst, engine.main, n);
  const cloneNs = ((performance.now() - t0) * 1e6) / n;
  // MCTS at the next decision with a choice: each iteration is a clone, a determinization and a
  // heuristic rollout of the rest of the game inside WASM
  while (!g.over && g.decision().options.length < 2) g.choose(x.agentPick(1));
  const iterations = 2000;
  const t1 = performance.now();
  if (!g.over) mctsAgent({ iterations }).choose(g.decision(), g);
  const mctsPerSecond = iterations / ((performance.now() - t1) / 1000);
  // Scaling: the same heuristic games through the runner on a pool of 1 and a pool of 2 workers,
  // both warm (started and warmed up first, start-up reported apart), at least 3 s a run. The
  // pools take turns for 3 rounds and each keeps its best, so a slow spell of the shared host
  // does not land on one pool only.
  const scaleGames = Math.ceil((heu.gamesPerSecond * 6.5) / 100) * 100;
  const scaleJob: MatchJob = { id: 'scaling', decks: [{ name: decks[0].name, cards: decks[0].cards }, { name: decks[1].name, cards: decks[1].cards }], agents: ['heuristic', 'heuristic'], seed: 1, games: scaleGames };
  const pools = [await openRunner({ workers: 1 }), await openRunner({ workers: 2 })] as const;
  const rounds: [RunResult, RunResult][] = [];
  try {
    for (const p of pools) await p.run([{ ...scaleJob, seed: 100000, games: 200 * p.workers }]);
    for (let k = 0; k < 3; k++) rounds.push([await pools[0].run([scaleJob]), await pools[1].run([scaleJob])]);
  } finally {
    await Promise.all(pools.map((p) => p.close()));
  }
  if (new Set(rounds.flat().map((r) => batchDigest(r.jobs[0]!.games))).size !== 1) throw new Error('1 and 2 workers played different games');
  const [one, two] = [0, 1].map((w) => rounds.map((r) => r[w]!).reduce((x, y) => (y.seconds < x.seconds ? y : x))) as [RunResult, RunResult];
  const rate = (r: RunResult) => (scaleGames / r.seconds).toFixed(0);
  const machine = `${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
  const date = new Date().toISOString().slice(0, 10);
  const lines = [
    `| measure (${decks[0].name} vs ${decks[1].name}, ${games} games each, one core) | value |`,
    '|---|---|',
    `| random vs random: games per second | ${rnd.gamesPerSecond.toFixed(0)} |`,
    `| random vs random: mean turns per game | ${rnd.meanTurns.toFixed(1)} |`,
    `| heuristic vs heuristic: games per second | ${heu.gamesPerSecond.toFixed(0)} |`,
    `| heuristic vs heuristic: mean turns per game | ${heu.meanTurns.toFixed(1)} |`,
    `| heuristic vs heuristic: draws (turn/action caps) | ${heu.draws} |`,
    `| heuristic vs heuristic, sealed decks (${sealedRun.games} games over 50 pairs of pools): games per second | ${sealedRun.perSecond.toFixed(0)} |`,
    `| heuristic vs heuristic, sealed decks: mean turns per game | ${sealedRun.turns.toFixed(1)} |`,
    `| heuristic vs heuristic, Beginner Box 40-card decks (${boxRun.games} games): games per second | ${boxRun.perSecond.toFixed(0)} |`,
    `| state clone (turn ${x.gameTurn()}, ${bytes} bytes copied) | ${cloneNs.toFixed(0)} ns |`,
    `| state clones per second | ${(1e9 / cloneNs).toExponential(2)} |`,
    `| MCTS iterations per second (clone, determinize, tree walk, heuristic rollout; ${iterations} at one decision) | ${mctsPerSecond.toFixed(0)} |`,
  ];
  lines.push(
    '',
    `| runner scaling (heuristic vs heuristic, the same ${scaleGames} games on each pool, warm workers, best of 3 alternating rounds) | 1 worker | 2 workers |`,
    '|---|---:|---:|',
    `| games per second, wall clock | ${rate(one)} | ${rate(two)} |`,
    `| games per second per worker (seconds spent playing, summed over the workers) | ${(scaleGames / one.workerSeconds).toFixed(0)} | ${(scaleGames / two.workerSeconds).toFixed(0)} |`,
    `| worker start-up (loading the WASM engine), not in the rates | ${sig(pools[0].startSeconds)} s | ${sig(pools[1].startSeconds)} s |`,
    `| **2 workers vs 1, wall clock** (each round: ${rounds.map(([a, b]) => `${(a.seconds / b.seconds).toFixed(2)}×`).join(', ')}) | | **${(one.seconds / two.seconds).toFixed(2)}×** |`,
  );
  console.log(`${machine}, ${date}\n`);
  console.log(lines.join('\n'));
  if (values.write) {
    const head = `# Benchmarks\n\nMeasured by \`npm run bench\` (release WASM build, single thread). Figures move with machine load: compare ratios within one run.\n`;
    let old = '';
    try { old = readFileSync(values.write, 'utf8'); } catch { old = head; }
    const section = `\n## ${date} — ${machine}\n\n${lines.join('\n')}\n`;
    writeFileSync(values.write, (old.startsWith('# Benchmarks') ? old : head) + section);
    console.log(`\nappended to ${values.write}`);
  }
}

async function sealed(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { seed: { type: 'string' }, json: { type: 'boolean' } } });
  const seed = intOption(values.seed, 'seed', 1, 0);
  const boosters = sealedPool(seed);
  const deck = buildDeck(boosters.flat().map((b) => b.card.name), loadPool());
  if (values.json) {
    console.log(JSON.stringify({
      seed,
      boosters: boosters.map((b) => b.map(({ card, slot }) => ({ slot, ...card }))),
      deck: {
        colors: deck.colors, shortBy: deck.shortBy, cards: deck.cards.length,
        spells: deck.spells.map((s) => ({ name: s.meta.name, manaValue: s.meta.manaValue, rating: s.rating })),
        lands: deck.lands, sideboard: deck.sideboard, skipped: deck.skipped, list: deckList(deck),
      },
    }, null, 2));
    return;
  }
  console.log(`Sealed pool, seed ${seed}: ${boosters.length} Foundations Play Boosters, ${boosters.flat().length} cards`);
  boosters.forEach((b, i) => {
    console.log(`\nBooster ${i + 1}`);
    for (const { card, slot } of b) console.log(`  ${slot.padEnd(9)} #${String(card.number).padEnd(4)} ${card.name} (${card.rarity})`);
  });
  console.log(`\nDeck: ${deck.colors.join('')}, ${deck.spells.length} spells and ${deck.cards.length - deck.spells.length} lands`);
  if (deck.shortBy) console.log(`  only ${deck.spells.length} of ${SPELLS} spells are playable in these colors: ${deck.shortBy} extra basic lands fill the deck`);
  for (const s of deck.spells) console.log(`  ${String(s.meta.manaValue).padStart(2)}  ${s.meta.name.padEnd(32)} ${s.meta.manaCost.padEnd(14)} rating ${s.rating.toFixed(2)}`);
  console.log(`  lands: ${deck.lands.map((l) => `${l.count} ${l.name}`).join(', ')}`);
  const list = (xs: { name: string; count: number }[]) => xs.map((c) => (c.count > 1 ? `${c.count} ${c.name}` : c.name)).join(', ');
  console.log(`\nSideboard (playable, not in the deck): ${list(deck.sideboard) || 'none'}`);
  const skippedCount = deck.skipped.reduce((n, c) => n + c.count, 0);
  console.log(`Skipped, not supported by the engine yet (${skippedCount} cards): ${list(deck.skipped) || 'none'}`);
  const partial = deck.skipped.filter((c) => c.reason !== 'not implemented');
  for (const c of partial) console.log(`  ${c.name}: ${c.reason}`);
  console.log(`\n${deckList(deck)}`);
}

async function fuzz(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: {
    sealed: { type: 'boolean' }, games: { type: 'string' }, agent: { type: 'string' }, seed: { type: 'string' }, json: { type: 'boolean' },
  } });
  if (!values.sealed) throw new UsageError('fuzz needs --sealed (sealed decks are the only fuzzing mode so far)');
  const agent = values.agent ?? 'random';
  if (!(agent in BUILTIN_AGENTS)) throw new UsageError(`unknown agent "${agent}"; agents: ${Object.keys(BUILTIN_AGENTS).join(', ')}`);
  const games = intOption(values.games, 'games', 200, 1);
  const seed = intOption(values.seed, 'seed', 1, 0);
  const r = fuzzSealed(await loadEngine('debug'), { games, agent: agent as BuiltinAgentName, seed });
  if (values.json) { console.log(JSON.stringify(r, null, 2)); return r.errors.length ? 1 : 0; }
  console.log(`sealed fuzz: ${r.games} games, agent ${r.agent} for both players, seed ${r.seed}, invariants checked after every decision (debug build)`);
  console.log(`  errors ${r.errors.length}`);
  for (const e of r.errors.slice(0, 20)) console.log(`    game ${e.game} (pool seeds ${e.poolSeeds.join(', ')}): ${e.message}`);
  console.log(`  wins ${r.wins[0]} / ${r.wins[1]} (seat 1 / seat 2), draws ${r.draws}${r.draws ? ` (${Object.entries(r.drawReasons).map(([k, n]) => `${k}: ${n}`).join(', ')})` : ''}`);
  console.log(`  mean turns ${r.meanTurns.toFixed(1)}, ${r.decisions} decisions, decks ${r.meanShortBy.toFixed(1)} spells short of ${SPELLS} on average`);
  console.log(`  ${r.gamesPerSecond.toFixed(0)} games/s (pools, deck building, games and checks, one core)`);
  return r.errors.length ? 1 : 0;
}

async function ladder(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: {
    agents: { type: 'string' }, matchups: { type: 'string' }, decks: { type: 'string', multiple: true },
    games: { type: 'string' }, seed: { type: 'string' }, workers: { type: 'string' }, json: { type: 'boolean' },
  } });
  if (values.matchups !== undefined && values.decks) throw new UsageError('give --matchups or --decks, not both');
  const specs: [string, string][] = values.decks
    ? values.decks.flatMap((v) => v.split(',')).map((m) => {
      const pair = m.split(':').map((s) => s.trim());
      if (pair.length !== 2 || !pair[0] || !pair[1]) throw new UsageError(`--decks takes matchups as DECK:DECK (got "${m}")`);
      return pair as [string, string];
    })
    : DEFAULT_MATCHUPS.slice(0, intOption(values.matchups, 'matchups', 4, 1));
  if (values.matchups !== undefined && specs.length < Number(values.matchups)) throw new UsageError(`--matchups: there are ${DEFAULT_MATCHUPS.length} default matchups; name more with --decks`);
  const names = agentSpecs(values.agents ?? 'random,heuristic');
  const games = intOption(values.games, 'games', 1000, 1);
  const seed = intOption(values.seed, 'seed', 1, 0);
  const workers = intOption(values.workers, 'workers', availableParallelism(), 1);
  const matchups = specs.map(([a, b]): [NamedDeck, NamedDeck] => [findDeck(a), findDeck(b)]);
  const r = await runLadder(names, matchups, games, seed, { workers });
  if (values.json) { console.log(JSON.stringify(r, null, 2)); return; }
  console.log(`ladder: ${names.join(', ')} on ${matchups.length} matchup${matchups.length === 1 ? '' : 's'}, ${r.gamesPerMatchup} games per pairing and matchup, seeds from ${seed} (both seat orders on each shuffle, play/draw swapped)\n`);
  console.log(formatLadder(r));
  console.log(`\n${cpus()[0]?.model ?? 'unknown CPU'} (${availableParallelism()} cores), Node ${process.version}; engine ${r.engine.slice(0, 16)}, card IR ${r.irHash.slice(0, 16)}`);
}

export async function main(argv: string[], more: Record<string, Command> = {}): Promise<number> {
  const [cmd, ...rest] = argv;
  const usage = [USAGE, ...Object.values(more).map((c) => c.usage)].join('\n');
  try {
    if (cmd !== undefined && Object.hasOwn(more, cmd)) return await more[cmd]!.run(rest);
    switch (cmd) {
      case 'sim': await sim(rest); return 0;
      case 'cards': await cards(rest); return 0;
      case 'decks': await decks(); return 0;
      case 'scenario': return await scenario(rest);
      case 'replay': await replay(rest); return 0;
      case 'bench': await bench(rest); return 0;
      case 'sealed': await sealed(rest); return 0;
      case 'fuzz': return await fuzz(rest);
      case 'ladder': await ladder(rest); return 0;
      case undefined: case 'help': case '--help': case '-h': console.log(usage); return 0;
      default: throw new UsageError(`unknown command "${cmd}"`);
    }
  } catch (e) {
    console.error(`spellgrid ${cmd ?? ''}: ${(e as Error).message}`);
    if (e instanceof UsageError) console.error(`\n${usage}`);
    return e instanceof UsageError ? 2 : 1;
  }
}

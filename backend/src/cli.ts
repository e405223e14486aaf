// The backend's `spellgrid` commands: `predict` (a deck against a field, played until the
// numbers are as precise as asked) and `limited` (per-card win rates over many sealed decks).
// They join the engine's commands through engine-as's `main` (backend/bin/spellgrid.js), so
// there is one command line with one usage text and one way of reporting errors.
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { agentSpecs, intOption, UsageError, type Command } from '@spellgrid/engine-as/src/cli/main.ts';
import { findDeck, loadPool } from '@spellgrid/engine-as/src/host/node.ts';
import { openRunner, runJobs } from '@spellgrid/engine-as/src/host/runner.ts';
import { BATCHES_PER_ROUND, runnerPlay } from './run.ts';
import { unpackFacts, type MatchJob } from '@spellgrid/engine-as/src/host/jobs.ts';
import { sealedDeck } from '@spellgrid/engine-as/src/limited/builder.ts';
import { requestErrors, withRequestDefaults } from './request.ts';
import { BUNDLED_FIELDS, loadField } from './fields.ts';
import { favoured, predict, type Favoured, type Prediction } from './predict.ts';
import type { Field } from './field.ts';
import type { Deck } from '@spellgrid/engine-as/src/host/jobs.ts';
import { poolCardStats, type CardStats, type Rate } from './cards.ts';
import type { Progress } from './controller.ts';

const pct = (x: number | null) => (x === null ? '–' : `${(100 * x).toFixed(1)}%`);
const span = (i: readonly [number, number] | null) => (i ? `${pct(i[0])}–${pct(i[1])}` : '–');
const rate = (r: Rate) => `${pct(r.winRate)} (${span(r.interval)}, ${r.games})`;

/** A one-line progress bar on a terminal's stderr: precision reached, games, ETA. */
function progress(target: number): (p: Progress) => void {
  if (!process.stderr.isTTY) return () => {};
  return (p) => {
    // the half-width shrinks as 1/√games, so (target / half-width)² is the share of games done
    const done = Math.min(1, (target / p.halfWidth) ** 2);
    const bar = '#'.repeat(Math.round(done * 30)).padEnd(30, '.');
    const eta = p.etaSeconds === null ? '' : `, about ${Math.ceil(p.etaSeconds)} s left`;
    process.stderr.write(`\r[${bar}] ${p.games} games, ±${(100 * p.halfWidth).toFixed(1)} points${eta}   `);
  };
}

function cardTable(cards: readonly CardStats[]): string[] {
  const lines = [
    '| card | games in hand | GIH win rate (95%) | not seen | IWD (95%) | opening hand | cast |',
    '|---|---:|---|---|---|---|---|',
  ];
  for (const c of cards) {
    const iwd = c.iwd.value === null ? '–' : `${c.iwd.value >= 0 ? '+' : ''}${(100 * c.iwd.value).toFixed(1)} (${c.iwd.interval ? `${(100 * c.iwd.interval[0]).toFixed(1)} to ${(100 * c.iwd.interval[1]).toFixed(1)}` : '–'})`;
    lines.push(`| ${c.name} | ${c.inHand.games} | ${pct(c.inHand.winRate)} (${span(c.inHand.interval)}) | ${rate(c.notSeen)} | ${iwd} | ${rate(c.openingHand)} | ${rate(c.cast)} |`);
  }
  return lines;
}

/** The whole prediction as text: W, placement, the matchup table, per-card statistics. */
export function formatPrediction(p: Prediction, seconds: number): string {
  const records = Object.entries(p.placement.records).sort(([a], [b]) => Number(b.split('-')[0]) - Number(a.split('-')[0]));
  const stop = { target: 'precision target reached', budget: 'game budget spent', decided: 'decided' }[p.stop];
  return [
    `${p.deck} against ${p.field}: ${p.games} games (${stop}) in ${seconds.toFixed(1)} s, agents ${p.agents.join(' vs ')}, seed ${p.seed}`,
    '',
    `Win rate against the field: ${pct(p.winRate.value)} (95% interval ${span(p.winRate.interval)})`,
    `Placement in a ${p.placement.players}-player, ${p.placement.rounds}-round Swiss event (${p.placement.events} simulated): P(top ${p.placement.top}) ${pct(p.placement.topCut)}, expected match points ${p.placement.expectedMatchPoints.toFixed(2)}`,
    `Final records: ${records.map(([r, share]) => `${r} ${pct(share)}`).join(' · ')}`,
    '',
    '| opponent | share | games | wins | losses | draws | win rate | 95% interval |',
    '|---|---:|---:|---:|---:|---:|---:|---|',
    ...p.matchups.map((m) => `| ${m.opponent} | ${pct(m.share)} | ${m.games} | ${m.wins} | ${m.losses} | ${m.draws} | ${pct(m.winRate)} | ${span(m.interval)} |`),
    '',
    'Cards (win rate when in hand, 17lands-style; IWD: improvement when drawn, in points):',
    '',
    ...cardTable(p.cards),
  ].join('\n');
}

/** A bundled field by name, or a field file. */
function readField(spec: string): Field<Deck> {
  const bundled = (BUNDLED_FIELDS as readonly string[]).includes(spec);
  let text = '';
  if (!bundled) {
    try { text = readFileSync(spec, 'utf8'); } catch (e) { throw new UsageError(`--field: not ${BUNDLED_FIELDS.join(' or ')}, and not a readable field file: ${(e as Error).message}`); }
  }
  const loaded = loadField(bundled ? (spec as 'default' | 'sealed') : { text });
  if (!loaded.ok) throw new Error(`field ${spec}:\n${loaded.errors.map((e) => `  ${e.message}`).join('\n')}`);
  return loaded.field;
}

/** One opponent as a field of one deck: W is then that matchup's win rate. */
function versusField(spec: string): Field<Deck> {
  const d = findDeck(spec);
  return { name: d.name, decks: [{ name: d.name, share: 1, deck: { name: d.name, cards: d.cards } }] };
}

function formatFavoured(f: Favoured, seconds: number): string {
  const t = f.sprt;
  const verdict = { H1: `favoured: the test accepts p ≥ ${pct(f.test.p1)}`, H0: `not favoured: the test accepts p ≤ ${pct(f.test.p0)}`, continue: 'undecided: the game budget ran out first' }[t.decision];
  const m = f.matchup;
  return [
    `Is ${f.deck} favoured against ${f.opponent}? ${verdict}`,
    `${f.games} games in ${seconds.toFixed(1)} s (SPRT, α ${f.test.alpha}, β ${f.test.beta}; log-likelihood ratio ${t.llr.toFixed(2)}, bounds ${t.lower.toFixed(2)} and ${t.upper.toFixed(2)})`,
    `Win rate so far: ${pct(m.winRate)} (95% interval ${span(m.interval)}), ${m.wins} wins, ${m.losses} losses, ${m.draws} draws`,
  ].join('\n');
}

async function predictCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: {
    deck: { type: 'string' }, field: { type: 'string' }, target: { type: 'string' }, budget: { type: 'string' },
    seed: { type: 'string' }, workers: { type: 'string' }, agents: { type: 'string' }, json: { type: 'boolean' },
    versus: { type: 'string' }, favoured: { type: 'boolean' }, players: { type: 'string' }, rounds: { type: 'string' },
  } });
  if (!values.deck) throw new UsageError('--deck is required: a deck file, a bundled deck, or two Beginner Box half-decks joined by "+"');
  if (values.versus && values.field) throw new UsageError('give --versus (one opponent) or --field, not both');
  if (values.favoured && !values.versus) throw new UsageError('--favoured asks about one opponent: name it with --versus');
  const deck = findDeck(values.deck);
  const field = values.versus ? versusField(values.versus) : readField(values.field ?? 'default');
  const workers = intOption(values.workers, 'workers', availableParallelism(), 1);
  const request = {
    target: values.target === undefined ? undefined : Number(values.target),
    budget: values.budget === undefined ? undefined : Number(values.budget),
    parallel: BATCHES_PER_ROUND,
  };
  const errors = requestErrors(request);
  if (errors.length) throw new UsageError(errors.map((e) => e.message).join('; '));
  const onProgress = progress(withRequestDefaults(request).target);
  const [a, b] = agentSpecs(values.agents ?? 'heuristic,heuristic');
  if (!a || !b) throw new UsageError('--agents needs two agents: the deck\'s and the field\'s, e.g. heuristic,heuristic');
  const pool = loadPool();
  const seed = intOption(values.seed, 'seed', 1, 0);
  const placement = { players: intOption(values.players, 'players', 32, 2), rounds: intOption(values.rounds, 'rounds', 5, 1) };
  const t0 = performance.now();
  const runner = await openRunner({ workers });
  try {
    const mine = { name: deck.name, cards: deck.cards };
    const p = values.favoured
      // small batches: the test is checked after each round, and a lopsided matchup decides in a few dozen games
      ? await favoured({ deck: mine, opponent: field.decks[0]!.deck, agents: [a, b], seed, ...request, batch: 16, onProgress }, runnerPlay(runner))
      : await predict({ deck: mine, field, agents: [a, b], seed, ...request, onProgress, placement }, runnerPlay(runner), (c) => pool.card(c).name);
    if (process.stderr.isTTY) process.stderr.write('\n');
    const seconds = (performance.now() - t0) / 1000;
    const build = { engine: runner.engine, irHash: runner.irHash };
    const text = 'sprt' in p ? formatFavoured(p, seconds) : formatPrediction(p, seconds);
    console.log(values.json ? JSON.stringify({ ...p, ...build, seconds }, null, 2)
      : `${text}\n\nengine ${build.engine.slice(0, 16)}, card IR ${build.irHash.slice(0, 16)}, ${workers} worker${workers > 1 ? 's' : ''}`);
  } finally {
    await runner.close();
  }
  return 0;
}

async function limitedCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: {
    set: { type: 'string' }, pools: { type: 'string' }, games: { type: 'string' }, seed: { type: 'string' },
    workers: { type: 'string' }, json: { type: 'boolean' },
  } });
  if ((values.set ?? 'FDN').toUpperCase() !== 'FDN') throw new UsageError(`--set: only FDN (Foundations) has a booster generator (got "${values.set}")`);
  const pools = intOption(values.pools, 'pools', 100, 2);
  if (pools % 2) throw new UsageError(`--pools must be even: the sealed decks play in pairs (got ${pools})`);
  const games = intOption(values.games, 'games', 40, 2);
  const seed = intOption(values.seed, 'seed', 1, 0);
  const pool = loadPool();
  const decks = Array.from({ length: pools }, (_, k) => sealedDeck(seed + k, pool).cards);
  const jobs: MatchJob[] = Array.from({ length: pools / 2 }, (_, k): MatchJob => ({
    id: `sealed pools ${seed + 2 * k} and ${seed + 2 * k + 1}`,
    decks: [{ name: `pool ${seed + 2 * k}`, cards: decks[2 * k]! }, { name: `pool ${seed + 2 * k + 1}`, cards: decks[2 * k + 1]! }],
    agents: ['heuristic', 'heuristic'], seed: seed + k * games, games, facts: true,
  }));
  const t0 = performance.now();
  const run = await runJobs(jobs, { workers: intOption(values.workers, 'workers', availableParallelism(), 1) });
  // each deck's games, as player 0 or 1 of its pair's games
  const played = run.jobs.flatMap((j, k) => {
    const g = j.games.map((r) => ({ winner: r.winner, cards: (r.cards ?? []).map(unpackFacts) }));
    return [{ deck: decks[2 * k]!, games: g, player: 0 }, { deck: decks[2 * k + 1]!, games: g, player: 1 }];
  });
  const cards = poolCardStats(played, (c) => pool.card(c).name);
  const seconds = (performance.now() - t0) / 1000;
  if (values.json) { console.log(JSON.stringify({ set: 'FDN', pools, gamesPerPair: games, seed, seconds, cards }, null, 2)); return 0; }
  console.log(`FDN sealed: ${pools} pools (seeds ${seed}..${seed + pools - 1}), ${games} games per pair, ${jobs.length * games} games in ${seconds.toFixed(1)} s, heuristic agents\n`);
  console.log(cardTable(cards).join('\n'));
  return 0;
}

export const COMMANDS: Record<string, Command> = {
  predict: {
    usage: `  spellgrid predict --deck D [--field default|sealed|FILE.json | --versus E [--favoured]] [--target 0.02]
                  [--budget N] [--seed S] [--agents a,b] [--players P] [--rounds R] [--workers W] [--json]
                                        D against a field (or one deck E) until its win rate is ±target (or N
                                        games): matchups, field win rate, placement in a P-player R-round Swiss
                                        event (default 32, 5), per-card statistics;
                                        --favoured: is D favoured against E? (sequential test, p 0.5 vs 0.55)`,
    run: predictCommand,
  },
  limited: {
    usage: `  spellgrid limited [--set FDN] [--pools N] [--games G] [--seed S] [--workers W] [--json]
                                        per-card win rates (GIH, IWD) over N sealed decks played in pairs`,
    run: limitedCommand,
  },
};

// Predictions end to end on the real engine: reproducible from the seed, every part present,
// bundled fields as documented, bad requests refused with clear errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findDeck, loadPool } from '@spellgrid/engine-as/src/host/node.ts';
import { runJobs } from '@spellgrid/engine-as/src/host/runner.ts';
import { beginnerBoxField, loadField, sealedField } from './fields.ts';
import { favoured, predict, type Play, type PredictionRequest } from './predict.ts';
import { main } from '@spellgrid/engine-as/src/cli/main.ts';
import { COMMANDS } from './cli.ts';

const pool = loadPool();
const name = (c: number) => pool.card(c).name;
const play: Play = async (job) => (await runJobs([job], { workers: 1 })).jobs[0]!.games;
const deck = (spec: string) => ({ name: findDeck(spec).name, cards: findDeck(spec).cards });

const request: PredictionRequest = {
  deck: deck('Cats+Elves'),
  field: { name: 'two decks', decks: [{ name: 'Goblins + Wizards', share: 0.7, deck: deck('Goblins+Wizards') }, { name: 'Vampires + Undead', share: 0.3, deck: deck('Vampires+Undead') }] },
  target: 0.1, batch: 32, seed: 9, placement: { events: 500 },
};

test('the same request and seed give the same prediction; another seed other games', async () => {
  const a = await predict(request, play, name);
  const b = await predict(request, play, name);
  assert.deepEqual(a, b);
  assert.equal(a.stop, 'target');
  assert.ok(a.winRate.halfWidth <= 0.1);
  assert.equal(a.matchups.reduce((n, m) => n + m.games, 0), a.games);
  assert.ok(a.matchups.every((m) => m.games > 0 && m.wins + m.losses + m.draws === m.games));
  // W is the share-weighted mean of the matchup win rates
  assert.ok(Math.abs(a.winRate.value - (0.7 * a.matchups[0]!.winRate! + 0.3 * a.matchups[1]!.winRate!)) < 1e-9);
  assert.ok(Math.abs(Object.values(a.placement.records).reduce((s, x) => s + x, 0) - 1) < 1e-9);
  // every card of the deck has statistics; a card in hand was seen in at most every game
  assert.deepEqual(new Set(a.cards.map((c) => c.name)), new Set(request.deck.cards.map(name)));
  assert.ok(a.cards.every((c) => c.inHand.games + c.notSeen.games === c.games && c.games <= a.games));
  const c = await predict({ ...request, seed: 5000 }, play, name); // seeds are consecutive: 10 would replay most of 9's games
  assert.notDeepEqual(c.cards, a.cards);
});

test('matchups do not share shuffles: the deck\'s opening hands differ between opponents on one seed', async () => {
  const seen: string[][] = [];
  const spy: Play = async (job) => {
    const games = await play(job);
    seen.push(games.map((g) => (g.cards ?? []).filter((n) => (n & 8) === 0 && (n & 1)).sort().join(',')));
    return games;
  };
  await predict({ ...request, target: 0.3 }, spy, name);
  assert.notDeepEqual(seen[0], seen[1]);
});

test('bundled fields: 45 Beginner Box decks with equal shares, sealed decks of 40 cards', () => {
  const box = beginnerBoxField();
  assert.equal(box.decks.length, 45);
  assert.equal(new Set(box.decks.map((d) => d.name)).size, 45);
  assert.ok(box.decks.every((d) => d.deck.cards.length === 40 && d.share === 1 / 45));
  const sealed = sealedField(4);
  assert.equal(sealed.decks.length, 4);
  assert.ok(sealed.decks.every((d) => d.deck.cards.length === 40 && d.share === 0.25));
  assert.equal(loadField('default').ok, true);
});

/** Runs the CLI and returns its exit code and what it printed to stderr. */
async function cli(args: string[]): Promise<{ code: number; err: string }> {
  const lines: string[] = [];
  const original = console.error;
  console.error = (...a: unknown[]) => { lines.push(a.join(' ')); };
  try { return { code: await main(args, COMMANDS), err: lines.join('\n') }; } finally { console.error = original; }
}

test('bad requests get clear errors: unknown card, empty field, shares, budget 0', async () => {
  const unknown = await cli(['predict', '--deck', 'no-such-deck.txt']);
  assert.equal(unknown.code, 1);
  assert.match(unknown.err, /no deck file "no-such-deck.txt"/);
  assert.match((await cli(['predict', '--deck', 'Cats+Elves', '--budget', '0'])).err, /budget must be a whole number of games, at least 2 \(got 0\)/);
  assert.match((await cli(['predict', '--deck', 'Cats+Elves', '--target', 'x'])).err, /target half-width must be a number/);
  const bad = loadField({ text: JSON.stringify({ name: 'f', decks: [
    { name: 'a', share: 0.5, deck: 'boros-aggro' },
    { name: 'b', share: 0.6, deck: '4 Lightning Blot\n36 Mountain' },
  ] }) });
  assert.equal(bad.ok, false);
  const messages = bad.ok ? [] : bad.errors.map((e) => e.message);
  assert.ok(messages.some((m) => /field deck "b": deck line 1: unknown card "Lightning Blot".*Lightning Bolt|field deck "b": deck line 1: unknown card "Lightning Blot"/.test(m)), messages.join('; '));
  assert.ok(messages.some((m) => /shares sum to 1.1, not 1/.test(m)), messages.join('; '));
  const empty = loadField({ text: '{"name": "nothing", "decks": []}' });
  assert.equal(empty.ok, false);
  assert.match(empty.ok ? '' : empty.errors[0]!.message, /empty|no decks/i);
  assert.match((await cli(['predict', '--deck', 'Cats+Elves', '--field', '/no/such/field.json'])).err, /not default or sealed, and not a readable field file/);
});

test('favoured: the sequential test decides a lopsided matchup in few games, the same way from the same seed', async () => {
  const req = { deck: deck('Goblins+Pirates'), opponent: deck('Cats+Healing'), seed: 3, batch: 16 };
  const a = await favoured(req, play);
  assert.equal(a.sprt.decision, 'H0');
  assert.equal(a.stop, 'decided');
  assert.ok(a.games <= 128, `${a.games} games`);
  assert.ok(a.sprt.llr <= a.sprt.lower);
  assert.deepEqual(await favoured(req, play), a);
});

test('limited: per-card statistics over sealed pools played in pairs', async () => {
  const lines: string[] = [];
  const original = console.log;
  console.log = (...a: unknown[]) => { lines.push(a.join(' ')); };
  let code: number;
  try { code = await main(['limited', '--pools', '4', '--games', '6', '--workers', '1', '--json'], COMMANDS); } finally { console.log = original; }
  assert.equal(code, 0);
  const r = JSON.parse(lines.join('\n')) as { pools: number; cards: { name: string; games: number }[] };
  assert.equal(r.pools, 4);
  assert.ok(r.cards.length > 20);
  // a card's decided games: at most 6 per deck holding it, 4 decks
  assert.ok(r.cards.every((c) => c.games >= 1 && c.games <= 24), JSON.stringify(r.cards.map((c) => c.games)));
  assert.match((await cli(['limited', '--pools', '3'])).err, /--pools must be even/);
  assert.match((await cli(['limited', '--set', 'DSK'])).err, /only FDN/);
});

// End to end: the real server on a loopback port, volunteers as separate Node processes that use
// only HTTP and their own keys. An honest volunteer's games converge a prediction; cheaters
// (flipped winners, made-up digests, another ticket's games) are caught and none of their games
// reach the statistics; a volunteer that vanishes with tickets has them reassigned after expiry;
// and the prediction equals the one the server's own workers play.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readConfig } from './config.ts';
import { startServer } from './start.ts';
import { spawnTs, until as untilWithin, type JsonLinesProcess } from './testing/processes.ts';

/** Every wait in this test is bounded by this; a child still running then is killed. */
const DEADLINE_MS = 90_000;
const FIELD = { name: 'two decks', decks: [{ name: 'Boros', share: 0.5, deck: 'boros-aggro' }, { name: 'Izzet', share: 0.5, deck: 'izzet-spells' }] };

type Volunteer = Omit<JsonLinesProcess, 'exited'> & { exited: Promise<void> };

function volunteer(url: string, handle: string, mode: string, ...args: string[]): Volunteer {
  const p = spawnTs('testing/volunteer.ts', ['--url', url, '--handle', handle, '--mode', mode, '--seconds', String(DEADLINE_MS / 1000), ...args]);
  return { ...p, exited: p.exited.then((code) => { if (code !== 0) throw new Error(`volunteer ${handle} exited with ${code}`); }) };
}

const summaryOf = (v: Volunteer) => v.events.find((e) => e['summary'])?.['summary'] as Record<string, number>;
const ticketsOf = (v: Volunteer) => v.events.filter((e) => e['event'] === 'ticket').map((e) => e['ticket'] as string);
const workOf = (ticket: string) => ticket.slice(0, ticket.lastIndexOf('#'));

test('volunteers over HTTP: honest games converge a prediction, cheaters are caught, abandoned tickets are reassigned', { timeout: DEADLINE_MS + 10_000 }, async () => {
  const server = await startServer(readConfig({
    PORT: '0', DATA_DIR: 'memory', WORKERS: '1', TICKET_SECONDS: '3', MAX_TICKETS: '2',
    RATE_LIMIT_BURST: '100000', RATE_LIMIT_PER_SECOND: '10000', CONTRIBUTOR_RATE_BURST: '10000', CONTRIBUTOR_RATE_PER_SECOND: '10000',
  }), () => {});
  const children: Volunteer[] = [];
  const api = async (path: string, body?: unknown) => {
    const r = await fetch(server.url + path, body === undefined ? {} : { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    return r.json();
  };
  const until = <T>(what: string, f: () => Promise<T | undefined>) => untilWithin(what, DEADLINE_MS, f);
  try {
    // 512 games are one round of 8 batches of 64: enough batches for every cheater to get one it has not had.
    const request = { deck: 'green-stompy', field: FIELD, target: 0.15, budget: 512, seed: 3 };
    const { id } = await api('/v1/predictions', { ...request, compute: 'volunteers' });
    // The ones that must not count go first, so they get batches; each stops after its one try.
    const vanisher = volunteer(server.url, 'vanisher', 'vanish');
    const cheaters = ['flip', 'digest', 'replay'].map((mode) => volunteer(server.url, `${mode}-cheat`, mode, '--batches', '1'));
    children.push(vanisher, ...cheaters);
    await Promise.all([vanisher, ...cheaters].map((v) => v.exited));
    const honest = volunteer(server.url, 'honest', 'honest');
    children.push(honest);

    const settled = (id: string) => until(`prediction ${id}`, async () => {
      const s = await api(`/v1/predictions/${id}`);
      return s.status === 'done' || s.status === 'failed' ? s : undefined;
    });
    const status = await settled(id);
    honest.child.kill('SIGTERM');
    await honest.exited;
    assert.equal(status.status, 'done');
    const result = await api(`/v1/predictions/${id}/results`);
    assert.ok(result.games > 0 && result.games === status.progress.games);
    assert.equal(result.stop, 'target');
    assert.ok(result.winRate.halfWidth <= 0.15);

    // Cheaters: refused outright (another ticket's games) or rejected by replay, nothing verified.
    assert.deepEqual(summaryOf(cheaters[0]!), { 202: 1 });
    assert.deepEqual(summaryOf(cheaters[1]!), { 202: 1 });
    assert.deepEqual(summaryOf(cheaters[2]!), { '400 bad-result': 1 });
    for (const handle of ['flip-cheat', 'digest-cheat']) {
      const c = await until(`${handle}'s verdict`, async () => { const c = await api(`/v1/contributors/${handle}`); return c.pendingGames === 0 ? c : undefined; });
      assert.deepEqual([c.verifiedGames, c.trust], [0, 0], handle);
      assert.ok(c.rejectedGames > 0, handle);
    }
    const replayer = await api('/v1/contributors/replay-cheat');
    assert.deepEqual([replayer.verifiedGames, replayer.pendingGames, replayer.rejectedGames], [0, 0, 0]);

    // The vanisher's batches were reissued to the honest volunteer, and every counted game is the honest one's.
    const abandoned = ticketsOf(vanisher);
    assert.equal(abandoned.length, 2);
    const played = new Set(ticketsOf(honest).map(workOf));
    for (const t of abandoned) assert.ok(played.has(workOf(t)), `${t} was reassigned`);
    const board = (await api('/v1/leaderboard')).contributors as { handle: string; verifiedGames: number }[];
    assert.equal(board[0]!.handle, 'honest');
    assert.equal(board[0]!.verifiedGames, result.games);
    assert.ok(board.slice(1).every((c) => c.verifiedGames === 0));

    // Only verified games count, and the engine is deterministic: the server's own workers give the same prediction.
    const cluster = await api('/v1/predictions', { ...request, compute: 'cluster' });
    assert.equal((await settled(cluster.id)).status, 'done');
    assert.deepEqual(await api(`/v1/predictions/${cluster.id}/results`), result);
  } finally {
    for (const v of children) v.child.kill('SIGKILL');
    await server.close();
  }
});

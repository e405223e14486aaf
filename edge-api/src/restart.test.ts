// Kill the server in the middle of predictions and start it again on the same data directory:
// a cluster prediction and a volunteer one (an honest volunteer process keeps playing through the
// outage) both finish, each exactly equal to the same request run without interruption, and the
// volunteer is credited each verified game once.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnTs, until as untilWithin, type JsonLinesProcess } from './testing/processes.ts';

const DEADLINE_MS = 120_000;
const until = <T>(what: string, f: () => Promise<T | undefined>) => untilWithin(what, DEADLINE_MS, f);
const FIELD = { name: 'two decks', decks: [{ name: 'Boros', share: 0.5, deck: 'boros-aggro' }, { name: 'Izzet', share: 0.5, deck: 'izzet-spells' }] };

const freePort = () => new Promise<number>((resolve) => {
  const s = createServer().listen(0, '127.0.0.1', () => { const { port } = s.address() as { port: number }; s.close(() => resolve(port)); });
});

test('a server killed mid-prediction and started again finishes its predictions with every verified game counted once', { timeout: DEADLINE_MS * 2 }, async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'spellgrid-restart-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const env = {
    PORT: String(port), DATA_DIR: dataDir, WORKERS: '1', TICKET_SECONDS: '60', MAX_TICKETS: '2',
    RATE_LIMIT_BURST: '100000', RATE_LIMIT_PER_SECOND: '10000', CONTRIBUTOR_RATE_BURST: '10000', CONTRIBUTOR_RATE_PER_SECOND: '10000',
  };
  const children: JsonLinesProcess[] = [];
  const startServer = async () => {
    const s = spawnTs('server.ts', [], env);
    children.push(s);
    await until('the server to listen', async () => (s.events.some((e) => e.msg === 'listening') ? true : undefined));
    return s;
  };
  const api = async (path: string, body?: unknown) => {
    const r = await fetch(url + path, body === undefined ? {} : { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    return r.json();
  };
  const status = (id: string) => api(`/v1/predictions/${id}`);
  const done = (id: string) => until(`prediction ${id}`, async () => {
    const s = await status(id);
    return s.status === 'done' || s.status === 'failed' ? s : undefined;
  });
  try {
    let server = await startServer();
    // Budgets far above what the targets need: each runs to its budget, several rounds of 8 batches of 64.
    const clusterRequest = { deck: 'green-stompy', field: FIELD, target: 0.001, budget: 4096, seed: 11 };
    const volunteerRequest = { deck: 'boros-aggro', field: FIELD, target: 0.001, budget: 1536, seed: 12, compute: 'volunteers' };
    const cluster = await api('/v1/predictions', clusterRequest);
    const volunteered = await api('/v1/predictions', volunteerRequest);
    const ann = spawnTs('testing/volunteer.ts', ['--url', url, '--handle', 'ann', '--seconds', String(DEADLINE_MS / 1000)]);
    children.push(ann);

    // Kill it once both predictions are under way and neither is done.
    await until('both predictions under way', async () => {
      const [c, v, a] = [await status(cluster.id), await status(volunteered.id), await api('/v1/contributors/ann')];
      return c.progress.games >= 1024 && a.verifiedGames >= 128 ? [c, v] : undefined;
    }).then(([c, v]) => {
      assert.equal(c.status, 'running', 'the cluster prediction is not done when the server is killed');
      assert.equal(v.status, 'running', 'the volunteer prediction is not done when the server is killed');
    });
    server.child.kill('SIGKILL');
    await server.exited;

    server = await startServer();
    const [c, v] = [await done(cluster.id), await done(volunteered.id)];
    assert.deepEqual([c.status, v.status], ['done', 'done']);
    ann.child.kill('SIGTERM');
    await ann.exited;
    const [clusterResult, volunteerResult] = [await api(`/v1/predictions/${cluster.id}/results`), await api(`/v1/predictions/${volunteered.id}/results`)];
    assert.deepEqual([clusterResult.games, volunteerResult.games], [4096, 1536]);

    // The same requests, uninterrupted, on the server's own workers: the same games, the same numbers.
    const again = await api('/v1/predictions', clusterRequest);
    const onCluster = await api('/v1/predictions', { ...volunteerRequest, compute: 'cluster' });
    await done(again.id);
    await done(onCluster.id);
    assert.deepEqual(await api(`/v1/predictions/${again.id}/results`), clusterResult);
    assert.deepEqual(await api(`/v1/predictions/${onCluster.id}/results`), volunteerResult);

    // Every game the volunteer prediction counted was verified once, and credited once.
    const credited = await until('verification to settle', async () => {
      const a = await api('/v1/contributors/ann');
      return a.pendingGames === 0 ? a : undefined;
    });
    assert.equal(credited.verifiedGames, 1536);
  } catch (e) {
    // What the servers and the volunteer said that was not routine, to see why.
    for (const p of children) for (const ev of p.events) if (ev.level === 'error' || ev.level === 'warn' || ev.summary || ev.msg === 'resuming prediction') console.error(JSON.stringify(ev));
    throw e;
  } finally {
    for (const p of children) p.child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  }
});

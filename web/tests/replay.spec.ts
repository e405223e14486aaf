// The replay viewer in a real browser against the real local system: a finished prediction's
// sample game is re-simulated by the browser's engine worker, stepped through turn by turn to
// the end, and the life totals it shows are the engine's final state (replayed here in Node);
// and a replay seen once plays again offline.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadEngine } from '@spellgrid/engine-as/src/host/node.ts';
import { gameOptionsOf, type ReplayRecord } from '@spellgrid/engine-as/src/host/replay.ts';
import { harness, screenshot } from './system.ts';

const h = harness();

async function json<T>(path: string, init?: RequestInit): Promise<{ status: number; body: T }> {
  const r = await fetch(h.system.url + path, init);
  return { status: r.status, body: (await r.json()) as T };
}

/** A finished prediction's first sample replay, with its record. */
async function sampleReplay(): Promise<{ id: string; record: ReplayRecord; events: string[] }> {
  const posted = await json<{ id: string }>('/v1/predictions', {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ deck: 'boros-aggro', target: 0.2, budget: 64, seed: 3 }),
  });
  assert.equal(posted.status, 202);
  for (let k = 0; k < 600; k++) {
    const s = await json<{ status: string }>(`/v1/predictions/${posted.body.id}`);
    if (s.body.status === 'done') break;
    assert.notEqual(s.body.status, 'failed');
    await new Promise((r) => setTimeout(r, 100));
  }
  const { body } = await json<{ replays: { id: string }[] }>(`/v1/predictions/${posted.body.id}/replays`);
  const id = body.replays[0]!.id;
  const replay = await json<{ record: ReplayRecord; events: string[] }>(`/v1/replays/${encodeURIComponent(id)}`);
  assert.equal(replay.status, 200);
  return { id, ...replay.body };
}

test('a sample game is re-simulated in the browser, stepped to its end, and shows the engine’s final life totals', async () => {
  const { id, record, events } = await sampleReplay();
  // the engine's final state, in Node
  const engine = await loadEngine();
  const game = engine.replay(gameOptionsOf(record, engine.pool), record.decisions);
  assert.equal(game.digest(), record.digest);
  const finalLife = [engine.x.playerField(0, 0), engine.x.playerField(1, 0)];

  const { context, page, pageErrors } = await h.open();
  await page.goto(`/replays/${encodeURIComponent(id)}`);
  await page.getByTestId('digest-ok').waitFor();
  const total = Number(await page.getByTestId('events').innerText());
  assert.equal(total, events.length, 'the browser narrates as many events as the server');
  assert.equal(await page.getByTestId('position').innerText(), '1');

  // step: one event forward and back with the keyboard, then turn by turn to the end
  await page.keyboard.press('ArrowRight');
  assert.equal(await page.getByTestId('position').innerText(), '2');
  await page.keyboard.press('ArrowLeft');
  assert.equal(await page.getByTestId('position').innerText(), '1');
  let turns = 0;
  while (Number(await page.getByTestId('position').innerText()) < total) {
    await page.getByRole('button', { name: /^Next turn/ }).click();
    turns++;
    assert.ok(turns <= 200, 'the end is reached turn by turn');
  }
  assert.ok(turns >= record.decisions.length / 1000, 'stepped through the turns');
  const shown = [Number(await page.getByTestId('life-0').innerText()), Number(await page.getByTestId('life-1').innerText())];
  assert.deepEqual(shown, finalLife, 'the life totals shown at the end are the engine’s final state');
  assert.match(await page.locator('.events li[aria-current="step"]').innerText(), /wins on turn|draw/);
  assert.equal(await page.locator('.events li[aria-current="step"]').innerText(), events.at(-1));

  // hands hidden until revealed; card text on hover
  assert.equal(await page.locator('.player ul.hand-cards').count(), 0);
  await page.keyboard.press('h');
  await page.locator('.player ul.hand-cards').first().waitFor({ state: 'attached' });
  assert.equal(await page.locator('.player ul.hand-cards').count(), 2);
  await page.locator('.card-name').first().hover();
  await page.locator('.card-name .tip').first().waitFor();
  await screenshot(page, 'replay-end');

  // at a phone's width nothing scrolls sideways
  await page.setViewportSize({ width: 375, height: 800 });
  const overflow = await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth');
  assert.ok((overflow as number) <= 0, `the replay viewer is ${overflow}px wider than a 375px screen`);
  await screenshot(page, 'replay-375px');
  assert.deepEqual(pageErrors, []);
  await context.close();
});

test('a replay seen once is viewed again offline: the app shell, the engine and the replay record come from the service worker', async () => {
  const { id, record } = await sampleReplay();
  const { context, page, pageErrors } = await h.open();
  await page.goto(`/replays/${encodeURIComponent(id)}`);
  await page.getByTestId('digest-ok').waitFor();
  await page.waitForFunction(async () => (await navigator.serviceWorker.ready).active !== null && navigator.serviceWorker.controller !== null);
  // the first visit's replay request went out before the worker controlled the page: load it once under control
  await page.reload();
  await page.getByTestId('digest-ok').waitFor();

  await context.setOffline(true);
  await page.reload();
  await page.getByTestId('digest-ok').waitFor();
  const total = Number(await page.getByTestId('events').innerText());
  await page.keyboard.press('End');
  if (Number(await page.getByTestId('position').innerText()) < total) {
    for (let turns = 0; Number(await page.getByTestId('position').innerText()) < total && turns < 200; turns++) await page.getByRole('button', { name: /^Next turn/ }).click();
  }
  const engine = await loadEngine();
  engine.replay(gameOptionsOf(record, engine.pool), record.decisions);
  const shown = [Number(await page.getByTestId('life-0').innerText()), Number(await page.getByTestId('life-1').innerText())];
  assert.deepEqual(shown, [engine.x.playerField(0, 0), engine.x.playerField(1, 0)], 'offline, the replay still ends in the engine’s final state');
  await screenshot(page, 'replay-offline');
  await context.setOffline(false);
  assert.deepEqual(pageErrors, []);
  await context.close();
});

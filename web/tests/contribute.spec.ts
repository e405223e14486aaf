// Contributing from the browser against the real local system: a volunteer prediction queues
// work, the visitor opts in, the page registers a key made in the browser, plays tickets on its
// engine workers and submits signed results, until the server has verified at least one batch;
// the leaderboard then shows the contributor.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { harness, screenshot, WAIT } from './system.ts';

const h = harness();

test('a visitor opts in, contributes until a batch is verified, and appears on the leaderboard', async () => {
  const posted = await fetch(`${h.system.url}/v1/predictions`, {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ deck: 'boros-aggro', compute: 'volunteers', target: 0.2, budget: 256, seed: 5 }),
  });
  assert.equal(posted.status, 202);

  const { context, page, pageErrors } = await h.open();
  await page.goto('/contribute');
  await page.getByRole('heading', { level: 1, name: 'Contribute' }).waitFor();
  const start = page.getByRole('button', { name: 'Start contributing' });
  assert.equal(await start.isDisabled(), true, 'nothing starts before the visitor agrees');
  assert.equal(await page.locator('[data-testid="state"]').count(), 0, 'nothing runs before opting in');
  await page.getByLabel('Handle').fill('browser-ann');
  await page.getByLabel('Workers').fill('2');
  await page.getByLabel(/I agree/).check();
  await start.click();

  await page.getByRole('button', { name: 'Pause' }).waitFor();
  // contribute until the server says a batch is verified
  const deadline = Date.now() + 4 * WAIT;
  let verified = 0;
  while (Date.now() < deadline) {
    const r = await fetch(`${h.system.url}/v1/contributors/browser-ann`);
    if (r.status === 200) verified = ((await r.json()) as { verifiedGames: number }).verifiedGames;
    if (verified > 0) break;
    const state = await page.getByTestId('state').innerText();
    assert.notEqual(state, 'error', await page.locator('.live [role="status"]').innerText());
    await new Promise((r) => setTimeout(r, 250));
  }
  assert.ok(verified > 0, 'the server verified at least one of the browser’s batches');
  await page.waitForFunction(() => Number(document.querySelector('[data-testid="verified"]')?.textContent ?? 0) > 0, undefined, { timeout: WAIT });
  assert.ok(Number(await page.getByTestId('session-games').innerText()) > 0);
  assert.match(await page.getByTestId('place').innerText(), /^#1 of/);

  // a hidden tab pauses play, and showing it again resumes
  const setHidden = (hidden: boolean) => page.evaluate(`Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => '${hidden ? 'hidden' : 'visible'}' }); document.dispatchEvent(new Event('visibilitychange'));`);
  await setHidden(true);
  await page.getByTestId('paused').getByText(/this tab is hidden/).waitFor();
  assert.equal(await page.getByTestId('state').innerText(), 'paused');
  await setHidden(false);
  await page.waitForFunction(() => document.querySelector('[data-testid="state"]')?.textContent !== 'paused', undefined, { timeout: WAIT });

  // pausing on request stops play until resumed
  await page.getByRole('button', { name: 'Pause' }).click();
  await page.getByTestId('paused').getByText(/you asked/).waitFor();
  assert.equal(await page.getByTestId('state').innerText(), 'paused');
  await screenshot(page, 'contribute');
  await page.getByRole('button', { name: 'Stop' }).click();

  await page.getByRole('link', { name: 'Leaderboard' }).first().click();
  await page.getByRole('rowheader', { name: 'browser-ann' }).waitFor();
  await screenshot(page, 'contribute-leaderboard');

  // the key persists: a new visit knows the handle
  await page.goto('/contribute');
  await page.getByText('This browser holds the key of “browser-ann”').waitFor();
  assert.deepEqual(pageErrors, []);
  await context.close();
});

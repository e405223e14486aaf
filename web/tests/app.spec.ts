// The web app in a real browser against the real local system: deck validation on the right
// line, a prediction from submission to results, the leaderboard, the about page, a phone-width
// layout and the app shell offline. Each page's screenshot is saved to web/test-results/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { appendFileSync, cpSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DIST, harness, newContext, screenshot, startSystem } from './system.ts';

const h = harness();

const VALID = `Deck
4 Savannah Lions
4 Fanatical Firebrand
4 Swiftblade Vindicator
4 Heartfire Immolator
4 Burst Lightning
10 Mountain
10 Plains
`;

async function apiPost(path: string, body: unknown): Promise<Response> {
  return fetch(h.system.url + path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

test("a deck list's problems are shown on their lines, and a suggestion fixes one", async () => {
  const { context, page, pageErrors } = await h.open();
  await page.goto('/');
  await page.getByRole('heading', { level: 1, name: 'How will your deck fare?' }).waitFor();
  await page.getByLabel('Deck list (MTG Arena or Magic Online text)').fill('Deck\n4 Savannah Lions\n4 Fanatical Firebrnd\n20 Mountain\n12 Plains\n');

  const error = page.locator('.deck-errors li[data-line="3"]');
  await error.waitFor();
  assert.match(await error.innerText(), /Line 3/);
  assert.match(await error.innerText(), /Fanatical Firebrnd/);
  assert.equal(await page.locator('.deck-errors li').count(), 1, 'one problem: the misspelt card');
  assert.equal(await page.locator('.gutter-line.has-error').count(), 1);
  assert.equal(await page.locator('.gutter-line.has-error').getAttribute('data-line'), '3', 'the gutter marks line 3');
  assert.equal(await page.getByLabel('Deck list (MTG Arena or Magic Online text)').getAttribute('aria-invalid'), 'true');
  await screenshot(page, 'home-deck-error');

  await error.getByRole('button', { name: 'Use “Fanatical Firebrand”' }).click();
  await page.getByText('40 cards, every one known to the engine').waitFor();
  assert.equal(await page.locator('.gutter-line.has-error').count(), 0);
  assert.match(await page.getByLabel('Deck list (MTG Arena or Magic Online text)').inputValue(), /^4 Fanatical Firebrand$/m);
  assert.deepEqual(pageErrors, []);
  await context.close();
});

test('a valid deck is submitted, its prediction shows progress, then its results: matchups, charts, sortable cards, sample games', async () => {
  const { context, page, pageErrors } = await h.open();
  await page.goto('/');
  await page.getByLabel('Deck list (MTG Arena or Magic Online text)').fill(VALID);
  await page.getByText('40 cards, every one known to the engine').waitFor();
  await page.getByLabel('Target ± (95% half-width)').selectOption('0.05');
  await page.getByLabel('Most games').fill('200');
  // a prediction just ahead of ours (4,000 games, a few seconds), so the page sees ours waiting:
  // cluster predictions run one at a time
  const ahead = await apiPost('/v1/predictions', { deck: 'boros-aggro', target: 0.001, budget: 4000 });
  assert.equal(ahead.status, 202);
  await page.getByRole('button', { name: 'Predict' }).click();

  await page.waitForURL(/\/predictions\/[0-9a-f-]+\?target=0\.05$/);
  const status = page.locator('[data-status]');
  await status.waitFor();
  const first = await status.getAttribute('data-status');
  assert.ok(first === 'queued' || first === 'running', `progress shown while it converges (saw ${first})`);
  assert.match(await page.getByRole('heading', { name: 'Progress' }).innerText(), /Progress/);
  await screenshot(page, 'prediction-progress');

  await page.locator('[data-status="done"]').waitFor();
  assert.equal(await page.getByTestId('games').innerText(), '200');
  await page.getByRole('heading', { name: 'Matchups' }).waitFor();
  assert.match(await page.getByTestId('field-win-rate').innerText(), /Field win rate \d+\.\d% \(95% interval \d+\.\d% – \d+\.\d%/);
  assert.equal(await page.locator('table.matchups tbody tr').count(), 45, 'one row per Beginner Box deck');
  assert.match(await page.getByTestId('top-cut').innerText(), /P\(top 8\) \d+\.\d%/);

  // the charts: each an image with a title and a description, markers and written values
  const charts = page.locator('svg.chart[role="img"]');
  assert.equal(await charts.count(), 4, 'convergence, one matchup narrowing, matchups, placement');
  for (let i = 0; i < 4; i++) {
    assert.ok((await charts.nth(i).locator('title').textContent())!.length > 10);
    assert.ok((await charts.nth(i).locator('desc').textContent())!.length > 10);
  }
  assert.ok(await charts.nth(0).locator('circle.marker').count() >= 1, 'a point per round');
  assert.equal(await charts.nth(2).locator('g.row').count(), 46, 'the whole field and 45 matchups');
  assert.ok(await charts.nth(3).locator('rect.bar').count() >= 2, 'bars for the Swiss records');
  // the narrowing chart of a chosen matchup ends at that matchup's win rate in the table
  const pick = page.getByLabel('Matchup', { exact: true });
  await pick.selectOption({ index: 3 });
  const opponent = (await pick.locator('option:checked').innerText()).replace(/^against /, '');
  assert.match(await charts.nth(1).locator('title').textContent() ?? '', new RegExp(`against ${opponent.replace(/[+]/g, '\\+')}`));
  const row = page.locator('table.matchups tbody tr', { has: page.locator('th', { hasText: new RegExp(`^${opponent.replace(/[+]/g, '\\+')}$`) }) });
  const tableRate = await row.locator('td').nth(3).innerText();
  assert.equal((await page.getByTestId('narrowing-last').textContent())!.split(' ')[0], tableRate);

  // the card table sorts by every column, both ways
  const column = async (n: number) => page.locator(`table.cards tbody tr > :nth-child(${n})`).evaluateAll((cells) => cells.map((c) => c.getAttribute('data-value') ?? c.textContent ?? ''));
  const numbers = (xs: string[]) => xs.filter((x) => x !== '').map(Number);
  const sorted = (xs: number[], desc: boolean) => xs.every((x, i) => i === 0 || (desc ? xs[i - 1]! >= x : xs[i - 1]! <= x));
  assert.ok(await page.locator('table.cards tbody tr').count() >= 5);
  for (const [key, n] of [['games', 2], ['openingHand', 3], ['inHand', 4], ['notSeen', 5], ['cast', 6], ['iwd', 7]] as const) {
    await page.locator(`button[data-sort="${key}"]`).click();
    assert.equal(await page.locator(`th:has(button[data-sort="${key}"])`).getAttribute('aria-sort'), 'descending', key);
    assert.ok(sorted(numbers(await column(n)), true), `${key} descending`);
    await page.locator(`button[data-sort="${key}"]`).click();
    assert.equal(await page.locator(`th:has(button[data-sort="${key}"])`).getAttribute('aria-sort'), 'ascending', key);
    assert.ok(sorted(numbers(await column(n)), false), `${key} ascending`);
  }
  await page.locator('button[data-sort="name"]').click();
  const names = await column(1);
  assert.deepEqual(names, [...names].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())), 'names A to Z');

  assert.equal(await page.locator('table.replays tbody tr').count(), 45, 'sample games for every matchup');
  const replay = page.locator('table.replays a').first();
  await replay.waitFor();
  assert.match((await replay.getAttribute('href'))!, /^\/replays\/[^/]+\.\d+\.\d+$/);
  await screenshot(page, 'prediction-results');

  // a sample game opens the replay viewer at its own URL
  const href = (await replay.getAttribute('href'))!;
  await replay.click();
  await page.waitForURL((u) => u.pathname === href);
  await page.locator('main h1').waitFor();
  assert.deepEqual(pageErrors, []);
  await context.close();
});

test('a bundled deck is submitted by name: two Beginner Box halves against the sealed field', async () => {
  const { context, page, pageErrors } = await h.open();
  await page.goto('/');
  await page.getByLabel('Pick a bundled deck').check();
  await page.getByLabel('Bundled deck', { exact: true }).selectOption('halves');
  await page.getByLabel('First half').selectOption('Goblins');
  await page.getByLabel('Second half').selectOption('Undead');
  await page.getByLabel('16 Foundations sealed decks').check();
  await page.getByLabel('Most games').fill('16');
  await page.getByRole('button', { name: 'Predict' }).click();
  await page.waitForURL(/\/predictions\/[0-9a-f-]+/);
  await page.locator('[data-status="done"]').waitFor();
  await page.getByRole('heading', { name: /Goblins \+ Undead against .*sealed/i }).waitFor();
  assert.equal(await page.locator('table.matchups tbody tr').count(), 16);
  assert.deepEqual(pageErrors, []);
  await context.close();
});

test('the leaderboard lists contributors; the about page explains contributing', async () => {
  const { publicKey } = generateKeyPairSync('ed25519');
  const raw = publicKey.export({ format: 'der', type: 'spki' }).subarray(-32).toString('base64');
  assert.equal((await apiPost('/v1/contributors', { handle: 'web-test-ann', publicKey: raw })).status, 201);

  const { context, page, pageErrors } = await h.open();
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Leaderboard' }).click();
  await page.waitForURL(/\/leaderboard$/);
  const row = page.locator('table.leaderboard tbody tr', { hasText: 'web-test-ann' });
  await row.waitFor();
  assert.match(await row.innerText(), /web-test-ann\s+0\s+0\s+0\.0\s+ok/);
  assert.equal(await page.title(), 'Leaderboard · Spellgrid');
  await screenshot(page, 'leaderboard');

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'About' }).click();
  await page.getByRole('heading', { name: 'What contributing does to your machine' }).waitFor();
  await page.getByRole('heading', { name: 'How results are verified' }).waitFor();
  await screenshot(page, 'about');
  assert.deepEqual(pageErrors, []);
  await context.close();
});

test('at a 375px phone width nothing scrolls sideways, and the keyboard reaches the form', async () => {
  const { context, page } = await h.open({ width: 375, height: 800 });
  for (const path of ['/', '/about', '/leaderboard']) {
    await page.goto(path);
    await page.locator('main h1').waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `${path} is ${overflow}px wider than the screen`);
  }
  await page.goto('/');
  await page.locator('main h1').waitFor();
  await screenshot(page, 'home-375px');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Skip to content', 'the skip link comes first');
  await context.close();
});

test('the service worker precaches the engine with the app, and the app shell works offline after the first visit', async () => {
  // every engine file in the build (wasm, card pool) is in the same precache manifest as the JS
  const sw = readFileSync(join(DIST, 'sw.js'), 'utf8');
  const assets = readdirSync(join(DIST, 'assets'));
  for (const f of assets.filter((f) => /\.(wasm|bin|json|js)$/.test(f))) assert.ok(sw.includes(`assets/${f}`), `${f} precached`);

  const { context, page, pageErrors } = await h.open();
  await page.goto('/');
  await page.getByRole('heading', { level: 1, name: 'How will your deck fare?' }).waitFor();
  await page.waitForFunction(async () => (await navigator.serviceWorker.ready).active !== null && navigator.serviceWorker.controller !== null);

  await context.setOffline(true);
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'How will your deck fare?' }).waitFor();
  await page.goto('/about');
  await page.getByRole('heading', { level: 1, name: 'About Spellgrid' }).waitFor();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Leaderboard' }).click();
  await page.getByRole('heading', { level: 1, name: 'Leaderboard' }).waitFor();
  await page.getByText('could not be reached').waitFor();
  await screenshot(page, 'offline-leaderboard');
  await context.setOffline(false);
  assert.deepEqual(pageErrors, []);
  await context.close();
});

test('a new build waits until the visitor accepts "update available", then the page reloads into it', async () => {
  // a copy of the build, served by a second system, so the test can publish a "new version" of it
  const dir = mkdtempSync(join(tmpdir(), 'spellgrid-web-update-'));
  cpSync(DIST, dir, { recursive: true });
  const second = await startSystem({ WEB_DIST: dir });
  const { context, page, pageErrors } = await newContext(h.browser, second.url);
  try {
    await page.goto('/');
    await page.waitForFunction(async () => (await navigator.serviceWorker.ready).active !== null && navigator.serviceWorker.controller !== null);
    assert.equal(await page.getByText('A new version of Spellgrid is available.').count(), 0);

    appendFileSync(join(dir, 'sw.js'), '\n// a new build\n');
    await page.reload();
    const prompt = page.getByRole('status').filter({ hasText: 'A new version of Spellgrid is available.' });
    await prompt.waitFor();
    assert.equal(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting !== null), true, 'the new worker waits');
    await screenshot(page, 'update-available');

    await page.evaluate(() => { (window as unknown as { beforeUpdate: boolean }).beforeUpdate = true; });
    await prompt.getByRole('button', { name: 'Reload' }).click();
    await page.waitForFunction(() => (window as unknown as { beforeUpdate?: boolean }).beforeUpdate === undefined && document.querySelector('main h1') !== null);
    await page.waitForFunction(async () => { const r = await navigator.serviceWorker.getRegistration(); return r !== undefined && r.waiting === null && r.active !== null; });
    assert.equal(await page.getByText('A new version of Spellgrid is available.').count(), 0);
    assert.deepEqual(pageErrors, []);
  } finally {
    await context.close();
    await second.close();
  }
});

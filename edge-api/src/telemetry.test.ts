// The documented metrics of a running local system move while a prediction runs: games simulated
// and batch latencies grow, the prediction shows as running with its games and precision, and
// once done it leaves the live gauges with every game counted.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readConfig } from './config.ts';
import { startServer } from './start.ts';
import { until } from './testing/processes.ts';

/** The samples of `name` in a Prometheus text page, by their label text. */
function samples(page: string, name: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const line of page.split('\n')) {
    const m = new RegExp(`^${name}(\\{[^}]*\\})? (\\S+)$`).exec(line);
    if (m) out.set(m[1] ?? '', Number(m[2]));
  }
  return out;
}

test('a scrape of /metrics sees a prediction run: games simulated, batch latency, the live prediction and its precision', { timeout: 120_000 }, async () => {
  const server = await startServer(readConfig({ PORT: '0', DATA_DIR: 'memory', WORKERS: '1', WEB_DIST: '/nonexistent' }), () => {});
  try {
    const scrape = async () => (await fetch(`${server.url}/metrics`)).text();
    const first = await scrape();
    const before = samples(first, 'spellgrid_games_simulated_total').get('{compute="cluster"}') ?? 0;
    assert.equal(samples(first, 'spellgrid_tickets_issued_total').get(''), 0, 'volunteer tickets counted from the start');
    assert.equal(samples(first, 'spellgrid_queue_lag_messages').size, 0, 'no queue lag without Kafka');
    const posted = await fetch(`${server.url}/v1/predictions`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ deck: 'Cats+Elves', target: 0.001, budget: 6144, seed: 5 }),
    });
    const { id } = (await posted.json()) as { id: string };
    // while it runs: its games and half-width are exported, and the counter has moved
    const running = await until('the prediction to show as running with games', 60_000, async () => {
      const page = await scrape();
      const g = samples(page, 'spellgrid_prediction_games').get(`{prediction="${id}"}`);
      return g !== undefined && g > 0 ? page : undefined;
    });
    assert.equal(samples(running, 'spellgrid_predictions').get('{status="running"}'), 1);
    assert.ok(samples(running, 'spellgrid_prediction_half_width').get(`{prediction="${id}"}`)! > 0);
    const mid = samples(running, 'spellgrid_games_simulated_total').get('{compute="cluster"}')!;
    assert.ok(mid > before, 'games simulated grew while it ran');
    assert.ok(samples(running, 'spellgrid_batch_duration_seconds_count').get('{compute="cluster"}')! > 0);

    await until('the prediction to finish', 100_000, async () => {
      const s = (await (await fetch(`${server.url}/v1/predictions/${id}`)).json()) as { status: string };
      return s.status === 'done' ? s : undefined;
    });
    const done = await scrape();
    assert.equal(samples(done, 'spellgrid_games_simulated_total').get('{compute="cluster"}')! - before, 6144, 'every game counted once');
    assert.equal(samples(done, 'spellgrid_prediction_games').get(`{prediction="${id}"}`), undefined, 'no longer live');
    assert.equal(samples(done, 'spellgrid_predictions').get('{status="running"}'), 0);
  } finally {
    await server.close();
  }
});

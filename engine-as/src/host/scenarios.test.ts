// Every scenario file under engine-as/scenarios runs as one test named after its "name".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { loadEngine } from './node.ts';
import { runScenario, type Scenario } from './scenario.ts';

const ROOT = fileURLToPath(new URL('../../scenarios/', import.meta.url));
const files = readdirSync(ROOT, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.json')).sort();
const engine = await loadEngine('debug');

for (const f of files) {
  const sc = JSON.parse(readFileSync(join(ROOT, f), 'utf8')) as Scenario;
  test(`${f.startsWith('cards') ? 'card' : 'rule'} ${sc.name}`, () => {
    const { failures } = runScenario(engine, sc);
    assert.deepEqual(failures, [], `${f}:\n  ${failures.join('\n  ')}`);
  });
}

test('every implemented card has a behaviour scenario named after it', () => {
  const covered = new Set(files.filter((f) => f.startsWith('cards')).map((f) => JSON.parse(readFileSync(join(ROOT, f), 'utf8')).name.split(':')[0].trim()));
  const missing = engine.pool.meta.cards.filter((c) => !c.token && !covered.has(c.name)).map((c) => c.name);
  assert.deepEqual(missing, [], `cards without a behaviour scenario: ${missing.join(', ')}`);
});

// pinoLog's lines: time, level by name, service, msg and the fields; levels below LOG_LEVEL left
// out; withLogFields' correlation ids on every line within it, through awaits, and not after.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { pinoLog, withLogFields } from './log.ts';

function collected(level: string) {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({ write(chunk: Buffer, _, done) { lines.push(JSON.parse(chunk.toString())); done(); } });
  return { lines, log: pinoLog('worker', { level, destination }) };
}

test('pinoLog: one JSON line per call with time, level name, service and msg; below the level left out', async () => {
  const { lines, log } = collected('info');
  log({ level: 'debug', msg: 'hidden' });
  log({ level: 'warn', msg: 'slow', ms: 12 });
  log({ msg: 'no level is info' });
  log({ level: 'nonsense', msg: 'an unknown level is info' });
  await new Promise((r) => setImmediate(r));
  assert.deepEqual(lines.map((l) => [l.level, l.msg, l.service]), [['warn', 'slow', 'worker'], ['info', 'no level is info', 'worker'], ['info', 'an unknown level is info', 'worker']]);
  assert.equal(lines[0]!.ms, 12);
  assert.ok(!Number.isNaN(Date.parse(String(lines[0]!.time))), 'an ISO time');
  assert.equal(lines[0]!.trace_id, undefined, 'no trace ids without tracing');
  assert.throws(() => pinoLog('api', { level: 'loud' }), /LOG_LEVEL/);
});

test('withLogFields: its fields on every line logged within it, across awaits and nested scopes', async () => {
  const { lines, log } = collected('debug');
  await withLogFields({ requestId: 'r1' }, async () => {
    await new Promise((r) => setTimeout(r, 1));
    await withLogFields({ prediction: 'p1' }, async () => log({ level: 'debug', msg: 'inner' }));
    log({ msg: 'outer' });
  });
  log({ msg: 'after' });
  await new Promise((r) => setImmediate(r));
  assert.deepEqual(lines.map((l) => [l.msg, l.requestId, l.prediction]), [['inner', 'r1', 'p1'], ['outer', 'r1', undefined], ['after', undefined, undefined]]);
});

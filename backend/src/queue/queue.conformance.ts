// One suite for every queue implementation: delivery with headers, groups sharing partitions,
// separate groups each seeing everything, a failing handler getting its message again, and a
// consumer that dies before committing leaving its message to the next member of its group.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Consumer, Delivery, Queue } from './queue.ts';
import { CORRELATION_ID, TRACEPARENT } from './trace.ts';

export interface QueueFixture { queue: Queue; cleanup(): Promise<void> }

/** Polls `cond` until it holds; fails after `ms` (a bound, never a timing assertion). */
export async function until(cond: () => boolean, ms: number, what: string): Promise<void> {
  const t0 = Date.now();
  while (!cond()) {
    if (Date.now() - t0 > ms) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const messages = (n: number, tag = 'm') => Array.from({ length: n }, (_, i) => ({ key: `k${i % 7}`, value: `${tag}${i}`, headers: { [CORRELATION_ID]: `${tag}-corr-${i}` } as Record<string, string> }));

export function queueConformance(name: string, open: () => Promise<QueueFixture>, o: { skip?: string | false; waitMs?: number } = {}): void {
  const waitMs = o.waitMs ?? 5_000;
  const t = (title: string, f: (q: Queue) => Promise<void>) => test(`${name}: ${title}`, { skip: o.skip }, async () => {
    const { queue, cleanup } = await open();
    try {
      await queue.ensureTopics();
      await queue.ensureTopics(); // idempotent
      await f(queue);
    } finally {
      await queue.close();
      await cleanup();
    }
  });

  t('delivers every message once, in order per key, with its trace context and correlation id', async (q) => {
    const sent = messages(30);
    const trace = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
    sent[0]!.headers = { [TRACEPARENT]: trace, [CORRELATION_ID]: 'corr-1' };
    await q.publish('sim.jobs', sent.slice(0, 10));
    const got: Delivery[] = [];
    const c = await q.subscribe({ topic: 'sim.jobs', group: 'g', handler: async (m) => { got.push(m); } });
    await q.publish('sim.jobs', sent.slice(10));
    await until(() => got.length >= 30, waitMs, '30 messages');
    await c.stop();
    assert.deepEqual(got.map((m) => m.value).sort(), sent.map((m) => m.value).sort());
    const first = got.find((m) => m.value === 'm0')!;
    assert.equal(first.headers[TRACEPARENT], trace);
    assert.equal(first.headers[CORRELATION_ID], 'corr-1');
    assert.equal(first.topic, 'sim.jobs');
    for (const m of got.filter((x) => x !== first)) assert.equal(m.headers[CORRELATION_ID], `m-corr-${m.value.slice(1)}`, `the correlation id of ${m.value}`);
    for (let k = 0; k < 7; k++) {
      const order = got.filter((m) => m.key === `k${k}`).map((m) => Number(m.value.slice(1)));
      assert.deepEqual(order, [...order].sort((a, b) => a - b), `key k${k} in publication order`);
    }
  });

  t('members of a group share the messages; another group gets all of them; committed messages are not delivered again', async (q) => {
    const seen = new Map<string, number>();
    const other: string[] = [];
    const handler = async (m: Delivery) => { seen.set(m.value, (seen.get(m.value) ?? 0) + 1); };
    const a = await q.subscribe({ topic: 'sim.results', group: 'shared', handler });
    const b = await q.subscribe({ topic: 'sim.results', group: 'shared', handler });
    const c = await q.subscribe({ topic: 'sim.results', group: 'other', handler: async (m) => { other.push(m.value); } });
    await q.publish('sim.results', messages(40));
    await until(() => seen.size >= 40 && other.length >= 40, waitMs, '40 messages in each group');
    await Promise.all([a.stop(), b.stop(), c.stop()]);
    assert.equal(seen.size, 40);
    assert.ok([...seen.values()].every((n) => n === 1), 'no message handled twice without a failure');
    assert.equal(new Set(other).size, 40);
    // a later member starts from the committed offsets: nothing old, only the new message
    const later: string[] = [];
    const d = await q.subscribe({ topic: 'sim.results', group: 'shared', handler: async (m) => { later.push(m.value); } });
    await q.publish('sim.results', [{ key: 'k0', value: 'new', headers: { [CORRELATION_ID]: 'c' } }]);
    await until(() => later.length >= 1, waitMs, 'the new message');
    await d.stop();
    assert.deepEqual(later, ['new']);
  });

  t('a handler that throws gets its message again', async (q) => {
    let failures = 0;
    const done: string[] = [];
    const c = await q.subscribe({
      topic: 'agent.requests', group: 'g', handler: async (m) => {
        if (m.value === 'm1' && failures < 2) { failures++; throw new Error('transient'); }
        done.push(m.value);
      },
    });
    await q.publish('agent.requests', messages(3));
    await until(() => done.length >= 3, waitMs * 2, 'three messages handled');
    await c.stop();
    assert.equal(failures, 2);
    assert.deepEqual([...done].sort(), ['m0', 'm1', 'm2']);
  });

  t('a consumer that dies after the effect but before committing: the message is delivered again to the group', async (q) => {
    const effects: string[] = [];
    let victim: Consumer | undefined;
    let killedOn: string | undefined;
    victim = await q.subscribe({
      topic: 'sim.results', group: 'agg', handler: async (m) => {
        effects.push(m.value); // the effect is stored...
        if (killedOn === undefined) { killedOn = m.value; void victim!.kill(); } // ...and the consumer dies before committing
      },
    });
    await q.publish('sim.results', [{ key: 'only', value: 'x', headers: { [CORRELATION_ID]: 'c' } }]);
    await until(() => killedOn !== undefined, waitMs, 'the first delivery');
    await victim.kill();
    const survivor = await q.subscribe({ topic: 'sim.results', group: 'agg', handler: async (m) => { effects.push(m.value); } });
    await until(() => effects.length >= 2, waitMs * 3, 're-delivery after the crash');
    await survivor.stop();
    assert.deepEqual(effects, ['x', 'x'], 'delivered again, not lost (the handler must be idempotent)');
  });
}

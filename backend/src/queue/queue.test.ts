// The queue conformance suite on the in-process queue, and on Apache Kafka when TEST_KAFKA_BROKERS
// names one (infra/dev/kafka.sh start; eval "$(infra/dev/kafka.sh env)").
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { memoryQueue } from './memory.ts';
import { deleteTopics, kafkaQueue, parseBrokers } from './kafka.ts';
import { queueConformance } from './queue.conformance.ts';
import { TOPICS, topicName } from './topics.ts';
import { TEST_KAFKA_BROKERS, withoutKafka } from './kafka-testing.ts';

queueConformance('memory', async () => ({ queue: memoryQueue({ retryMs: 10 }), cleanup: async () => {} }));

queueConformance('kafka', async () => {
  const brokers = parseBrokers(TEST_KAFKA_BROKERS!);
  const prefix = `test-${randomBytes(4).toString('hex')}`;
  return { queue: kafkaQueue({ brokers, prefix, sessionTimeoutMs: 6000 }), cleanup: () => deleteTopics(brokers, prefix) };
}, { skip: withoutKafka, waitMs: 30_000 });

test('topics: prefixed names; replay.logs compacted, every other topic expiring', () => {
  assert.equal(topicName('prod', 'sim.jobs'), 'prod.sim.jobs');
  assert.equal(topicName('', 'sim.jobs'), 'sim.jobs');
  assert.equal(TOPICS['replay.logs'].cleanupPolicy, 'compact');
  for (const [t, c] of Object.entries(TOPICS)) if (t !== 'replay.logs') assert.ok(c.cleanupPolicy === 'delete' && c.retentionMs > 0, t);
});

// The queue on Apache Kafka, through kafkajs. Producers are idempotent (acks from all in-sync
// replicas, one request in flight, broker-side deduplication of retries); consumers run in groups
// with auto-commit off and commit a message's offset only after its handler resolved, so a
// consumer that dies before that leaves the message to be delivered again.
import { Kafka, logLevel, type Admin, type Consumer as KafkaConsumer, type IHeaders, type Producer } from 'kafkajs';
import { sleep, type Consumer, type Delivery, type Queue, type SubscribeOptions } from './queue.ts';
import { TOPICS, TOPIC_NAMES, topicName, type TopicName } from './topics.ts';

export interface KafkaQueueOptions {
  /** Bootstrap brokers, e.g. ['127.0.0.1:9092'] (KAFKA_BROKERS, comma-separated). */
  brokers: string[];
  /** Namespace of topics and consumer groups (default `spellgrid`): `<prefix>.sim.jobs`. */
  prefix?: string;
  clientId?: string;
  /** Replication factor of created topics (default 1, a single broker; 3 in production). */
  replicationFactor?: number;
  /** How long the group waits for a silent consumer before handing its partitions on (default
   * 10 s; the broker's group.min.session.timeout.ms, 6 s by default, is the least it takes). */
  sessionTimeoutMs?: number;
  /** Partitions of one topic a consumer works on at once (default 4). */
  concurrency?: number;
  onError?(e: Error, m: Delivery): void;
}

/** KAFKA_BROKERS-style list: `host:port,host:port`. */
export function parseBrokers(list: string): string[] {
  return list.split(',').map((b) => b.trim()).filter((b) => b !== '');
}

const text = (v: IHeaders[string]): string | undefined => {
  const x = Array.isArray(v) ? v[0] : v;
  return x === undefined ? undefined : x.toString();
};

export function kafkaQueue(o: KafkaQueueOptions): Queue {
  const prefix = o.prefix ?? 'spellgrid';
  const kafka = new Kafka({
    clientId: o.clientId ?? 'spellgrid', brokers: o.brokers, logLevel: logLevel.NOTHING,
    retry: { initialRetryTime: 100, retries: 8 },
  });
  const name = (t: TopicName) => topicName(prefix, t);
  const byName = new Map(TOPIC_NAMES.map((t) => [name(t), t]));
  let producer: Promise<Producer> | undefined;
  const consumers = new Set<Consumer>();

  const withAdmin = async <T>(f: (a: Admin) => Promise<T>): Promise<T> => {
    const admin = kafka.admin();
    await admin.connect();
    try { return await f(admin); } finally { await admin.disconnect(); }
  };

  const getProducer = () => (producer ??= (async () => {
    const p = kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
    await p.connect();
    return p;
  })());

  return {
    system: 'kafka',
    async ensureTopics() {
      await withAdmin(async (admin) => {
        const existing = new Set(await admin.listTopics());
        const missing = TOPIC_NAMES.filter((t) => !existing.has(name(t)));
        if (missing.length === 0) return;
        await admin.createTopics({
          waitForLeaders: false, // kafkajs gives up on a topic KRaft has not yet propagated: waited for below
          topics: missing.map((t) => ({
            topic: name(t),
            numPartitions: TOPICS[t].partitions,
            replicationFactor: o.replicationFactor ?? 1,
            configEntries: [
              { name: 'cleanup.policy', value: TOPICS[t].cleanupPolicy },
              { name: 'retention.ms', value: String(TOPICS[t].retentionMs) },
            ],
          })),
        });
        // bounded wait until every new topic's partitions have leaders in the broker's metadata
        for (let attempt = 0; ; attempt++) {
          try {
            const { topics } = await admin.fetchTopicMetadata({ topics: missing.map(name) });
            if (topics.every((t) => t.partitions.length > 0 && t.partitions.every((p) => p.leader >= 0))) return;
          } catch (e) {
            if (attempt >= 100) throw e;
          }
          if (attempt >= 100) throw new Error(`topics ${missing.map(name).join(', ')} have no leaders after 10 s`);
          await sleep(100);
        }
      });
    },

    async publish(topic, messages) {
      const p = await getProducer();
      await p.send({
        topic: name(topic), acks: -1,
        messages: messages.map((m) => ({ key: m.key, value: m.value, headers: m.headers ?? {} })),
      });
    },

    async subscribe(s: SubscribeOptions): Promise<Consumer> {
      const sessionTimeout = o.sessionTimeoutMs ?? 10_000;
      const consumer: KafkaConsumer = kafka.consumer({
        groupId: `${prefix}.${s.group}`, sessionTimeout, heartbeatInterval: Math.min(1000, sessionTimeout / 5),
        rebalanceTimeout: sessionTimeout * 2, allowAutoTopicCreation: false, retry: { retries: 8 },
      });
      let dead = false;
      let joined!: () => void;
      const join = new Promise<void>((resolve) => { joined = resolve; });
      consumer.on(consumer.events.GROUP_JOIN, () => joined());
      await consumer.connect();
      await consumer.subscribe({ topic: name(s.topic), fromBeginning: s.from !== 'latest' });
      await consumer.run({
        autoCommit: false,
        eachBatchAutoResolve: false,
        partitionsConsumedConcurrently: o.concurrency ?? 4,
        // A fetched batch of one partition: its messages handled in order, each offset committed
        // after its handler resolved: at the end of the batch, before a handler that fails, and
        // whenever a second has passed since the last commit. (A commit per message would cap a
        // consumer at one OffsetCommit round trip per message: kafkajs does not overlap them, about
        // 170 messages/s on loopback.) So nothing is committed before its effect is stored.
        eachBatch: async ({ batch, heartbeat, isRunning, isStale, resolveOffset }) => {
          const { topic, partition } = batch;
          let handled: string | undefined; // next offset to commit
          let committedAt = Date.now();
          const commit = async () => {
            if (handled === undefined || dead) return;
            await consumer.commitOffsets([{ topic, partition, offset: handled }]);
            handled = undefined;
            committedAt = Date.now();
          };
          for (const message of batch.messages) {
            if (dead) throw new Error('consumer killed'); // never handled, never committed
            if (!isRunning() || isStale()) break; // stopping or rebalanced: the rest is another member's
            const headers: Record<string, string> = {};
            for (const [k, v] of Object.entries(message.headers ?? {})) {
              const t = text(v);
              if (t !== undefined) headers[k] = t;
            }
            const d: Delivery = {
              topic: byName.get(topic)!, partition, offset: Number(message.offset),
              key: message.key?.toString() ?? '', value: message.value?.toString() ?? '', headers,
            };
            // keep the session alive through a long handler (a slice of games takes seconds)
            const beat = setInterval(() => { void heartbeat().catch(() => {}); }, 1000);
            try {
              await s.handler(d);
            } catch (e) {
              clearInterval(beat);
              o.onError?.(e as Error, d);
              await commit();
              await sleep(100);
              throw e; // kafkajs fetches again from the last commit: this message is delivered again
            } finally {
              clearInterval(beat);
            }
            if (dead) throw new Error('consumer killed'); // effect done, not committed: delivered again
            handled = String(Number(message.offset) + 1);
            resolveOffset(message.offset); // after an error, kafkajs resumes after this one
            if (Date.now() - committedAt >= 1000) { await commit(); await heartbeat(); }
          }
          await commit();
        },
      });
      // bounded: a broker that never lets the consumer join fails the subscription
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`consumer group ${prefix}.${s.group} did not join within ${sessionTimeout * 6} ms`)), sessionTimeout * 6);
      });
      await Promise.race([join, timeout]).catch(async (e: Error) => { await consumer.disconnect(); throw e; }).finally(() => clearTimeout(timer));
      let stopped: Promise<void> | undefined;
      const c: Consumer = {
        stop: () => (stopped ??= (consumers.delete(c), consumer.disconnect())),
        kill: () => { dead = true; return (stopped ??= (consumers.delete(c), consumer.disconnect())); },
      };
      consumers.add(c);
      return c;
    },

    async close() {
      await Promise.all([...consumers].map((c) => c.stop()));
      if (producer) await (await producer).disconnect();
    },
  };
}

/** Deletes every topic under `prefix` (tests clean up after themselves). */
export async function deleteTopics(brokers: string[], prefix: string): Promise<void> {
  const kafka = new Kafka({ clientId: 'spellgrid-cleanup', brokers, logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  try {
    const mine = (await admin.listTopics()).filter((t) => t.startsWith(`${prefix}.`));
    if (mine.length > 0) await admin.deleteTopics({ topics: mine, timeout: 10_000 });
    const groups = (await admin.listGroups()).groups.map((g) => g.groupId).filter((g) => g.startsWith(`${prefix}.`));
    if (groups.length > 0) await admin.deleteGroups(groups).catch(() => {});
  } finally {
    await admin.disconnect();
  }
}

/**
 * Queue lag read through the admin client, on one connection kept open: the messages of `topic`
 * its consumer `group` (both unprefixed) has not committed, summed over partitions (a partition
 * with no commit lags by all it retains).
 */
export function kafkaLag(o: { brokers: string[]; prefix?: string }): { lag(topic: TopicName, group: string): Promise<number>; close(): Promise<void> } {
  const prefix = o.prefix ?? 'spellgrid';
  const admin = new Kafka({ clientId: 'spellgrid-lag', brokers: o.brokers, logLevel: logLevel.NOTHING }).admin();
  let connected: Promise<void> | undefined;
  return {
    async lag(topic, group) {
      await (connected ??= admin.connect().catch((e: Error) => { connected = undefined; throw e; }));
      const t = topicName(prefix, topic);
      const [ends, committed] = await Promise.all([admin.fetchTopicOffsets(t), admin.fetchOffsets({ groupId: `${prefix}.${group}`, topics: [t] })]);
      const at = new Map((committed[0]?.partitions ?? []).map((p) => [p.partition, Number(p.offset)]));
      return ends.reduce((n, p) => {
        const c = at.get(p.partition) ?? -1;
        return n + Number(p.high) - (c < 0 ? Number(p.low) : c);
      }, 0);
    },
    async close() {
      if (connected) await admin.disconnect();
    },
  };
}

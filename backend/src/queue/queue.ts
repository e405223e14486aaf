// The queue Spellgrid's cluster flow runs on: topics of keyed messages, consumed by groups with
// at-least-once delivery. A handler's message is committed only after the handler resolves, that
// is after its effect is stored; a consumer that dies first (crash, kill, lost session) leaves the
// message uncommitted, and the group delivers it again to whoever owns its partition next. So
// every handler must be idempotent. Implementations: in this process (memory.ts, the embedded
// default) and Apache Kafka (kafka.ts, when KAFKA_BROKERS is set).
import type { TopicName } from './topics.ts';

export interface OutgoingMessage {
  /** Messages with one key go to one partition, so they are consumed in the order published. */
  key: string;
  value: string;
  headers?: Record<string, string>;
}

export interface Delivery {
  topic: TopicName;
  partition: number;
  offset: number;
  key: string;
  value: string;
  headers: Record<string, string>;
}

export interface SubscribeOptions {
  topic: TopicName;
  /** Consumer group (namespaced by the queue's prefix): its members share the topic's partitions. */
  group: string;
  /** Where a group with no committed offsets starts: the topic's first retained message (the
   * default), or only messages published after it joined. */
  from?: 'beginning' | 'latest';
  /** Called for each message, one at a time per partition; committed once it resolves. A handler
   * that throws gets the message again after a short pause. */
  handler(m: Delivery): Promise<void>;
}

export interface Consumer {
  /** Leaves the group gracefully: the message in hand is finished and committed first. */
  stop(): Promise<void>;
  /** Dies: the message in hand is never committed (its handler's effect may have happened), so
   * the group delivers it again. For fault tests; a real crash does the same. */
  kill(): Promise<void>;
}

export interface Queue {
  /** What carries the messages (OpenTelemetry's messaging.system): `kafka`, or `memory` in this process. */
  readonly system: string;
  /** Creates the topics that are missing, with the configuration of TOPICS. */
  ensureTopics(): Promise<void>;
  /** Publishes, resolving once the messages are stored (on Kafka: acknowledged by all in-sync replicas). */
  publish(topic: TopicName, messages: OutgoingMessage[]): Promise<void>;
  /** Joins `group` on `topic`; a group with no committed offsets starts at the topic's beginning.
   * Resolves once the consumer has joined. */
  subscribe(o: SubscribeOptions): Promise<Consumer>;
  /** Stops every consumer (as `stop`) and disconnects. */
  close(): Promise<void>;
}

/** A bounded pause. */
export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

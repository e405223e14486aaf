// Spellgrid's message topics and how each is created: one table, used by every queue
// implementation (the Kafka adapter creates the topics from it; docs/operations.md documents it).
// A deployment namespaces the topics with a prefix per service group (`prod.sim.jobs`), so several
// Spellgrid installations, or a test run, can share one Kafka cluster.

export type TopicName = 'sim.jobs' | 'sim.results' | 'agent.requests' | 'agent.responses' | 'replay.logs' | 'results.aggregated';

export interface TopicConfig {
  /** Partitions: the most consumers of one group that can work on the topic at once. */
  partitions: number;
  /** `delete`: messages expire after `retentionMs`; `compact`: the latest message per key is kept. */
  cleanupPolicy: 'delete' | 'compact';
  /** How long a message is kept (−1: forever; compacted topics keep each key's latest). */
  retentionMs: number;
  /** What the topic carries, and its key. */
  carries: string;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export const TOPICS: Readonly<Record<TopicName, TopicConfig>> = {
  'sim.jobs': { partitions: 16, cleanupPolicy: 'delete', retentionMs: 7 * DAY, carries: 'slices of jobs to play (key: prediction/job/first game); cluster workers consume them in the group `workers`' },
  'sim.results': { partitions: 16, cleanupPolicy: 'delete', retentionMs: 7 * DAY, carries: "a played slice's game records (key: as its sim.jobs message); the aggregator consumes them in the group `aggregator`" },
  'agent.requests': { partitions: 8, cleanupPolicy: 'delete', retentionMs: 1 * HOUR, carries: 'decisions asked of external agents (key: game id): the agent protocol over Kafka' },
  'agent.responses': { partitions: 8, cleanupPolicy: 'delete', retentionMs: 1 * HOUR, carries: "external agents' answers (key: game id)" },
  'replay.logs': { partitions: 8, cleanupPolicy: 'compact', retentionMs: -1, carries: 'replay records (key: replay id): compacted, the latest record per replay is kept forever' },
  'results.aggregated': { partitions: 8, cleanupPolicy: 'delete', retentionMs: 30 * DAY, carries: 'a batch counted into its prediction (key: prediction id): publishers wait on it' },
};

export const TOPIC_NAMES = Object.keys(TOPICS) as TopicName[];

/** The topic's name on the broker: `<prefix>.<topic>`, or the bare name without a prefix. */
export function topicName(prefix: string, topic: TopicName): string {
  return prefix === '' ? topic : `${prefix}.${topic}`;
}

// The queue in this process: the embedded default. Topics are partitioned logs kept in memory,
// groups keep committed offsets and share partitions among their live members (reassigned, from
// the committed offsets, whenever a member joins or leaves), so its delivery semantics are
// Kafka's: at least once, in order per partition.
import { createHash } from 'node:crypto';
import { sleep, type Consumer, type Delivery, type OutgoingMessage, type Queue, type SubscribeOptions } from './queue.ts';
import { TOPICS, type TopicName } from './topics.ts';

interface Stored { key: string; value: string; headers: Record<string, string> }

interface Member { id: number; handler: SubscribeOptions['handler']; alive: boolean }

interface Group {
  topic: TopicName;
  committed: number[];
  /** Next offset to deliver per partition, and whether a delivery is in hand. */
  next: number[];
  busy: boolean[];
  members: Member[];
  /** Bumped on every reassignment: a delivery of an older generation is not committed. */
  generation: number;
}

export interface MemoryQueueOptions {
  /** Pause before a failed handler gets its message again (default 100 ms). */
  retryMs?: number;
  onError?(e: Error, m: Delivery): void;
}

/** The partition of a key (any stable hash does: only this process reads it). */
export function partitionOf(key: string, partitions: number): number {
  return createHash('sha1').update(key).digest().readUInt32BE(0) % partitions;
}

export function memoryQueue(o: MemoryQueueOptions = {}): Queue {
  const logs = new Map<TopicName, Stored[][]>();
  const groups = new Map<string, Group>();
  let ids = 0;
  let closed = false;

  const log = (topic: TopicName) => {
    let l = logs.get(topic);
    if (!l) logs.set(topic, (l = Array.from({ length: TOPICS[topic].partitions }, () => [])));
    return l;
  };

  const owner = (g: Group, partition: number): Member | undefined => {
    const live = g.members.filter((m) => m.alive);
    return live.length === 0 ? undefined : live[partition % live.length];
  };

  const rebalance = (g: Group) => {
    g.generation++;
    g.next = [...g.committed];
    g.busy = g.busy.map(() => false);
    pump(g);
  };

  const deliver = async (g: Group, p: number, m: Member) => {
    const generation = g.generation;
    const offset = g.next[p]!;
    const s = log(g.topic)[p]![offset]!;
    const d: Delivery = { topic: g.topic, partition: p, offset, key: s.key, value: s.value, headers: { ...s.headers } };
    g.busy[p] = true;
    try {
      await m.handler(d);
      if (!m.alive || g.generation !== generation) return; // died or lost the partition: not committed
      g.committed[p] = Math.max(g.committed[p]!, offset + 1);
      g.next[p] = offset + 1;
    } catch (e) {
      o.onError?.(e as Error, d);
      await sleep(o.retryMs ?? 100);
    } finally {
      if (g.generation === generation) g.busy[p] = false;
    }
    pump(g);
  };

  const pump = (g: Group) => {
    if (closed) return;
    const l = log(g.topic);
    for (let p = 0; p < l.length; p++) {
      if (g.busy[p] || g.next[p]! >= l[p]!.length) continue;
      const m = owner(g, p);
      if (m) void deliver(g, p, m);
    }
  };

  return {
    system: 'memory',
    async ensureTopics() {
      for (const t of Object.keys(TOPICS) as TopicName[]) log(t);
    },
    async publish(topic, messages: OutgoingMessage[]) {
      if (closed) throw new Error('the queue is closed');
      const l = log(topic);
      for (const m of messages) l[partitionOf(m.key, l.length)]!.push({ key: m.key, value: m.value, headers: { ...m.headers } });
      for (const g of groups.values()) if (g.topic === topic) pump(g);
    },
    async subscribe(s: SubscribeOptions): Promise<Consumer> {
      if (closed) throw new Error('the queue is closed');
      const id = `${s.group}\u0000${s.topic}`;
      let g = groups.get(id);
      const n = log(s.topic).length;
      const start = (p: number) => (s.from === 'latest' ? log(s.topic)[p]!.length : 0);
      if (!g) groups.set(id, (g = { topic: s.topic, committed: Array.from({ length: n }, (_, p) => start(p)), next: Array(n).fill(0), busy: Array(n).fill(false), members: [], generation: 0 }));
      const group = g;
      const member: Member = { id: ++ids, handler: s.handler, alive: true };
      group.members.push(member);
      rebalance(group);
      const leave = async (graceful: boolean) => {
        if (!member.alive) return;
        if (graceful) {
          // let the deliveries in hand finish and commit (bounded: a handler that never ends is abandoned)
          for (let i = 0; i < 600 && group.busy.some((b, p) => b && owner(group, p) === member); i++) await sleep(50);
        }
        member.alive = false;
        group.members = group.members.filter((m) => m !== member);
        rebalance(group);
      };
      return { stop: () => leave(true), kill: () => leave(false) };
    },
    async close() {
      for (const g of groups.values()) for (const m of g.members) m.alive = false;
      closed = true;
    },
  };
}

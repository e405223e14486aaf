// The browser contributor: registers its key, then loops: a signed ticket request, the ticket
// checked (coordinator's signature, deck hashes, and that it was planned for this page's engine
// build and card IR), its job played on W engine workers in small chunks with a CPU cap (sleep
// between chunks: a duty cycle), and the signed result posted. It pauses whenever a reason to
// pause is set (tab hidden, on battery, asked to) and honours 204/429 Retry-After.
import { resultOf, type SignedTicket } from '@spellgrid/backend/src/volunteer/wire.ts';
import type { GameRecord } from '@spellgrid/engine-as/src/host/jobs.ts';
import { startEngineWorker, type EngineWorker } from '../engine/client.ts';
import { sha256Canonical, signValue, verifyValue, type Identity } from './keys.ts';

export type PauseReason = 'hidden' | 'battery' | 'user';

export interface ContributorStatus {
  state: 'starting' | 'waiting' | 'playing' | 'paused' | 'stopped' | 'error';
  message: string;
  /** Games played and submitted by this page since it started. */
  games: number;
  batches: number;
  /** Games per second over the last few seconds of play. */
  rate: number;
  paused: PauseReason[];
  engine?: string;
}

export interface ContributorOptions {
  identity: Identity;
  workers: number;
  /** Share of the time the workers may compute, 0.1 to 1: after a chunk taking t, each sleeps t × (1/cap − 1). */
  cap: number;
  onStatus(s: ContributorStatus): void;
  /** Games per call to a worker: the pause and the CPU cap act between chunks. */
  chunk?: number;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** A request to the API; while the server is unreachable (fetch's TypeError), the same request again, every 2 s for a minute. */
async function call(method: 'GET' | 'POST', path: string, body?: unknown): Promise<{ status: number; retryAfter: number; body: any }> {
  let r: Response | undefined;
  for (let tries = 0; !r; tries++) {
    try {
      r = await fetch(path, { method, headers: body === undefined ? undefined : { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
    } catch (e) {
      if (!(e instanceof TypeError) || tries >= 30) throw new Error('The Spellgrid server could not be reached.');
      await sleep(2000);
    }
  }
  const text = await r.text();
  return { status: r.status, retryAfter: Number(r.headers.get('Retry-After') ?? 1) || 1, body: text ? JSON.parse(text) : undefined };
}

const errorOf = (r: { status: number; body: any }) => `${r.status} ${r.body?.error?.code ?? ''}: ${r.body?.error?.message ?? ''}`.trim();

/** Registers the identity's key under its handle (the same key again is accepted). Throws with the server's message. */
export async function register(id: Identity): Promise<void> {
  const r = await call('POST', '/v1/contributors', { handle: id.handle, publicKey: id.publicKey });
  if (r.status !== 201) throw new Error(r.status === 409 ? `The handle "${id.handle}" is taken by another key: choose another.` : `Registration failed: ${errorOf(r)}`);
}

export class Contributor {
  private workers: EngineWorker[] = [];
  private engine?: { engine: string; irHash: string };
  private readonly reasons = new Set<PauseReason>();
  private stopped = false;
  private readonly waiters = new Set<() => void>();
  private status: ContributorStatus = { state: 'starting', message: 'Loading the engine…', games: 0, batches: 0, rate: 0, paused: [] };
  private readonly recent: { t: number; games: number }[] = [];

  constructor(private readonly o: ContributorOptions) {}

  /** What the loop is doing; shown as "paused" while a reason to pause holds. */
  private phase: ContributorStatus['state'] = 'starting';

  private set(s: Partial<ContributorStatus>) {
    if (s.state && s.state !== 'paused') this.phase = s.state;
    const live = this.phase === 'starting' || this.phase === 'waiting' || this.phase === 'playing';
    this.status = { ...this.status, ...s, state: live && this.reasons.size ? 'paused' : this.phase, paused: [...this.reasons] };
    this.o.onStatus(this.status);
  }

  pause(reason: PauseReason, on: boolean) {
    if (on) this.reasons.add(reason); else this.reasons.delete(reason);
    this.set({ message: this.reasons.size ? `Paused (${[...this.reasons].join(', ')})` : 'Resumed' });
    if (!on) this.wakeAll();
  }

  private wakeAll() {
    for (const w of this.waiters) w();
    this.waiters.clear();
  }

  private woken() { return new Promise<void>((r) => this.waiters.add(r)); }

  /** Waits while any reason to pause holds. */
  private async unpaused() {
    while (this.reasons.size && !this.stopped) await this.woken();
  }

  private sleepOrStop(ms: number) {
    return Promise.race([sleep(ms), this.woken()]);
  }

  stop() {
    this.stopped = true;
    this.wakeAll();
    for (const w of this.workers) w.terminate();
    this.workers = [];
    this.set({ state: 'stopped', message: 'Stopped', rate: 0 });
  }

  private countGames(n: number) {
    const now = performance.now();
    this.recent.push({ t: now, games: n });
    while (this.recent.length && now - this.recent[0]!.t > 10_000) this.recent.shift();
    const span = Math.max(1, now - (this.recent[0]?.t ?? now)) / 1000;
    const games = this.recent.reduce((s, x) => s + x.games, 0);
    this.set({ rate: this.recent.length > 1 ? games / Math.max(span, 1) : 0 });
  }

  /** Plays all of a ticket's games on the workers, chunk by chunk, in order. */
  private async play(t: SignedTicket): Promise<{ records: GameRecord[]; seconds: number }> {
    const job = t.ticket.job;
    const chunk = this.o.chunk ?? 2;
    const starts: number[] = [];
    for (let g = 0; g < job.games; g += chunk) starts.push(g);
    const parts = new Map<number, GameRecord[]>();
    let seconds = 0, next = 0;
    await Promise.all(this.workers.map(async (w) => {
      while (next < starts.length && !this.stopped) {
        await this.unpaused();
        if (this.stopped) return;
        const first = starts[next++]!;
        const r = await w.api.play(job, first, Math.min(chunk, job.games - first));
        parts.set(first, r.records);
        seconds += r.seconds;
        this.countGames(r.records.length);
        if (this.o.cap < 1) await sleep(r.seconds * 1000 * (1 / this.o.cap - 1));
      }
    }));
    if (this.stopped) throw new Error('stopped');
    return { records: starts.flatMap((s) => parts.get(s)!), seconds };
  }

  /** Why this page must not play the ticket, if anything. */
  private async refusal(t: SignedTicket, coordinatorKey: string): Promise<string | undefined> {
    const { ticket } = t;
    if (!(await verifyValue(ticket, t.signature, coordinatorKey))) return `ticket ${ticket.id} is not signed by the coordinator`;
    for (const [i, d] of ticket.job.decks.entries()) {
      if ((await sha256Canonical(d.cards)) !== ticket.deckHashes[i]) return `ticket ${ticket.id}: deck ${i + 1} does not match its hash`;
    }
    if (ticket.engine !== this.engine!.engine || ticket.irHash !== this.engine!.irHash || ticket.job.engine !== ticket.engine || ticket.job.irHash !== ticket.irHash) {
      return `the server runs another engine build (${ticket.engine.slice(0, 12)}…) than this page (${this.engine!.engine.slice(0, 12)}…): reload the page to update`;
    }
    return undefined;
  }

  async run(): Promise<void> {
    const { identity: id } = this.o;
    try {
      this.workers = Array.from({ length: Math.max(1, this.o.workers) }, () => startEngineWorker());
      const infos = await Promise.all(this.workers.map((w) => w.api.init()));
      this.engine = infos[0]!;
      this.set({ engine: this.engine.engine, message: 'Engine loaded' });
      const key = await call('GET', '/v1/jobs/key');
      if (key.status !== 200) throw new Error(`could not read the coordinator's key: ${errorOf(key)}`);
      const coordinatorKey = key.body.publicKey as string;
      while (!this.stopped) {
        await this.unpaused();
        if (this.stopped) break;
        const at = Date.now();
        const request = { handle: id.handle, at };
        const r = await call('POST', '/v1/jobs/tickets', { request, signature: await signValue(request, id.keys.privateKey) });
        if (r.status === 204 || r.status === 429) {
          this.set({ state: 'waiting', message: r.status === 204 ? `No work right now; asking again in ${r.retryAfter} s` : `The server asks us to wait ${r.retryAfter} s` });
          await this.sleepOrStop(r.retryAfter * 1000);
          continue;
        }
        if (r.status !== 201) throw new Error(`ticket request refused: ${errorOf(r)}`);
        const t = r.body as SignedTicket;
        const refused = await this.refusal(t, coordinatorKey);
        if (refused) throw new Error(refused);
        this.set({ state: 'playing', message: `Playing ${t.ticket.job.games} games: ${t.ticket.job.id}` });
        const { records, seconds } = await this.play(t);
        const result = resultOf(t, records, seconds);
        const s = await call('POST', '/v1/jobs/results', { handle: id.handle, result, signature: await signValue(result, id.keys.privateKey) });
        if (s.status !== 202) throw new Error(`result refused: ${errorOf(s)}`);
        this.set({ games: this.status.games + records.length, batches: this.status.batches + 1, message: `Submitted ${records.length} games (${t.ticket.id})` });
      }
    } catch (e) {
      if (this.stopped) return;
      this.set({ state: 'error', message: (e as Error).message, rate: 0 });
      for (const w of this.workers) w.terminate();
      this.workers = [];
    }
  }
}

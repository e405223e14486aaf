// The API as the web app sees it: same-origin /v1 routes (Vite's dev server proxies them), the
// response shapes of docs/api.md, and errors as values with the API's code and message. Shapes the
// server takes straight from backend types (CardStats, PredictionRound) are imported from there.
import type { CardStats } from '@spellgrid/backend/src/cards.ts';

export interface ApiErrorBody { error: { code: string; message: string; field?: string; details?: unknown } }

export class ApiError extends Error {
  constructor(readonly status: number, readonly code: string, message: string, readonly details?: unknown) { super(message); }
}

export async function api<T>(path: string, init?: { method?: 'GET' | 'POST'; body?: unknown; signal?: AbortSignal }): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, {
      method: init?.method ?? 'GET',
      headers: init?.body === undefined ? undefined : { 'content-type': 'application/json' },
      body: init?.body === undefined ? undefined : JSON.stringify(init.body),
      signal: init?.signal,
    });
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    throw new ApiError(0, 'offline', 'The Spellgrid server could not be reached. Are you offline?');
  }
  const text = await res.text();
  const body = text ? (JSON.parse(text) as unknown) : undefined;
  if (!res.ok) {
    const e = (body as ApiErrorBody | undefined)?.error;
    throw new ApiError(res.status, e?.code ?? 'http', e?.message ?? `HTTP ${res.status}`, e?.details);
  }
  return body as T;
}

export type Interval = [low: number, high: number];

export interface DeckError { line: number; text: string; code: string; message: string; suggestion?: string; suggestions?: string[] }
export type Validation =
  | { ok: true; deck: { name: string | null; size: number; sideboard: { name: string; count: number }[]; cards: { name: string; count: number }[] } }
  | { ok: false; errors: DeckError[] };

export type Format = 'default' | 'constructed' | 'limited';

export interface PredictionRequest {
  deck?: string;
  list?: string;
  format?: Format;
  field?: 'default' | 'sealed';
  target?: number;
  budget?: number;
}

export type PredictionStatus = 'queued' | 'running' | 'done' | 'failed';
export interface PredictionState {
  id: string;
  status: PredictionStatus;
  progress?: { games: number; halfWidth: number | null; etaSeconds: number | null };
  error?: string;
}

export interface Matchup { opponent: string; share: number; games: number; wins: number; losses: number; draws: number; winRate: number | null; interval: Interval }
export interface SampleReplay { id: string; matchup: number; opponent: string; game: number; seed: number; onThePlay: number; winner: 0 | 1 | null; reason: string; turns: number; digest: string }
export interface PredictionResults {
  deck: string;
  field: string;
  agents: [string, string];
  seed: number;
  games: number;
  /** Why it stopped: the target precision was reached, the budget spent, or (a yes/no question) decided. */
  stop: string;
  winRate: { value: number; interval: Interval; halfWidth: number };
  matchups: Matchup[];
  placement: { players: number; rounds: number; top: number; events: number; records: Record<string, number>; topCut: number; expectedMatchPoints: number };
  cards: CardStats[];
}

export interface Contributor {
  handle: string;
  trust: number;
  verifiedGames: number;
  pendingGames: number;
  rejectedGames: number;
  computeSeconds: number;
  flagged?: boolean;
}

export const pct = (x: number | null | undefined, digits = 1) => (x === null || x === undefined ? '—' : `${(x * 100).toFixed(digits)}%`);
export const interval = (i: Interval | null | undefined) => (i ? `${pct(i[0])} – ${pct(i[1])}` : '—');

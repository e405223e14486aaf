// The coordinator's store in SQL (tables in ../storage/sql.ts). Records the coordinator treats as
// opaque (jobs, signed tickets and results, games) are JSONB; what is queried or counted is a
// plain column. Each operation is one statement; `transaction` runs a coordinator operation's
// statements in one database transaction.
import type { ContributorRecord, CoordinatorStore, TicketRecord, TicketState, WorkRecord } from './store.ts';
import type { MatchupTally } from './verify.ts';
import type { Row, SqlClient, SqlQueryable } from '../storage/sql.ts';

const json = (x: unknown) => (x === undefined ? null : JSON.stringify(x));
/** Optional members are absent, not undefined, as they are after a JSON round trip. */
const optional = <T extends object>(record: T): T => Object.fromEntries(Object.entries(record).filter(([, v]) => v !== null && v !== undefined)) as T;

const contributorOf = (r: Row): ContributorRecord => ({
  handle: r.handle as string, publicKey: r.public_key as string, registeredAt: Number(r.registered_at), trust: r.trust as number,
  verifiedGames: r.verified_games as number, pendingGames: r.pending_games as number, rejectedGames: r.rejected_games as number,
  computeSeconds: r.compute_seconds as number,
});
const workOf = (r: Row): WorkRecord => optional({
  id: r.id as string, job: r.job as WorkRecord['job'], state: r.state as WorkRecord['state'], order: r.ord as number,
  tickets: r.tickets as number, holders: r.holders as string[], games: r.games as WorkRecord['games'], contributor: r.contributor as string | undefined,
});
const ticketOf = (r: Row): TicketRecord => optional({
  signed: r.signed as TicketRecord['signed'], work: r.work as string, state: r.state as TicketState, result: r.result as TicketRecord['result'],
  submittedAt: r.submitted_at === null ? undefined : Number(r.submitted_at), replayed: r.replayed as number[] | undefined, mismatch: r.mismatch as string | undefined,
});
const tallyOf = (r: Row): MatchupTally => ({ contributor: r.contributor as string, matchup: r.matchup as string, wins: r.wins as number, losses: r.losses as number });

/** A ticket's expiry, as the index volunteer_tickets_due (../storage/sql.ts) has it. */
const EXPIRES_AT = "((signed->'ticket'->>'expiresAt')::bigint)";

/** The coordinator's store on a migrated database. */
export function sqlStore(db: SqlClient): CoordinatorStore {
  return on(db, (f) => db.transaction((tx) => {
    const inner: CoordinatorStore = on(tx, (g) => g(inner)); // a transaction inside joins this one
    return f(inner);
  }));
}

/** The store's operations on `db` (the database, or one transaction on it). */
function on(db: SqlQueryable, transaction: CoordinatorStore['transaction']): CoordinatorStore {
  const one = async <T>(text: string, params: unknown[], of: (r: Row) => T) => {
    const r = (await db.query(text, params)).rows[0];
    return r === undefined ? undefined : of(r);
  };
  const all = async <T>(text: string, params: unknown[], of: (r: Row) => T) => (await db.query(text, params)).rows.map(of);
  const run = async (text: string, params: unknown[]) => { await db.query(text, params); };
  return {
    contributor: (handle) => one('SELECT * FROM volunteer_contributors WHERE handle = $1', [handle], contributorOf),
    contributors: () => all('SELECT * FROM volunteer_contributors ORDER BY seq', [], contributorOf),
    putContributor: (c) => run(
      `INSERT INTO volunteer_contributors (handle, public_key, registered_at, trust, verified_games, pending_games, rejected_games, compute_seconds)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (handle) DO UPDATE SET public_key = excluded.public_key, registered_at = excluded.registered_at, trust = excluded.trust,
         verified_games = excluded.verified_games, pending_games = excluded.pending_games, rejected_games = excluded.rejected_games,
         compute_seconds = excluded.compute_seconds`,
      [c.handle, c.publicKey, c.registeredAt, c.trust, c.verifiedGames, c.pendingGames, c.rejectedGames, c.computeSeconds]),
    work: (id) => one('SELECT * FROM volunteer_work WHERE id = $1', [id], workOf),
    putWork: (w) => run(
      `INSERT INTO volunteer_work (id, job, state, ord, tickets, holders, games, contributor) VALUES ($1, $2::jsonb, $3, $4, $5, $6, $7::jsonb, $8)
       ON CONFLICT (id) DO UPDATE SET job = excluded.job, state = excluded.state, ord = excluded.ord, tickets = excluded.tickets,
         holders = excluded.holders, games = excluded.games, contributor = excluded.contributor`,
      [w.id, json(w.job), w.state, w.order, w.tickets, w.holders, json(w.games), w.contributor ?? null]),
    nextQueued: (handle) => one(`SELECT * FROM volunteer_work WHERE state = 'queued' AND $1 <> ALL (holders) ORDER BY ord LIMIT 1`, [handle], workOf),
    workCount: async () => (await db.query<{ n: number }>('SELECT count(*)::integer AS n FROM volunteer_work')).rows[0]!.n,
    ticket: (id) => one('SELECT * FROM volunteer_tickets WHERE id = $1', [id], ticketOf),
    putTicket: (t) => run(
      `INSERT INTO volunteer_tickets (id, assignee, work, state, signed, result, submitted_at, replayed, mismatch)
       VALUES ($1, $2, $3, $4, $5::jsonb, $6::jsonb, $7, $8::jsonb, $9)
       ON CONFLICT (id) DO UPDATE SET assignee = excluded.assignee, work = excluded.work, state = excluded.state, signed = excluded.signed,
         result = excluded.result, submitted_at = excluded.submitted_at, replayed = excluded.replayed, mismatch = excluded.mismatch`,
      [t.signed.ticket.id, t.signed.ticket.assignee, t.work, t.state, json(t.signed), json(t.result), t.submittedAt ?? null, json(t.replayed), t.mismatch ?? null]),
    ticketsIn: (state, assignee) => assignee === undefined
      ? all('SELECT * FROM volunteer_tickets WHERE state = $1 ORDER BY seq', [state], ticketOf)
      : all('SELECT * FROM volunteer_tickets WHERE state = $1 AND assignee = $2 ORDER BY seq', [state, assignee], ticketOf),
    issuedCount: async (assignee) => (await db.query<{ n: number }>(`SELECT count(*)::integer AS n FROM volunteer_tickets WHERE state = 'issued' AND assignee = $1`, [assignee])).rows[0]!.n,
    dueTickets: (now) => all(`SELECT * FROM volunteer_tickets WHERE state = 'issued' AND ${EXPIRES_AT} < $1 ORDER BY seq`, [now], ticketOf),
    tallies: () => all('SELECT * FROM volunteer_tallies ORDER BY seq', [], tallyOf),
    putTally: (t) => run(
      `INSERT INTO volunteer_tallies (contributor, matchup, wins, losses) VALUES ($1, $2, $3, $4)
       ON CONFLICT (contributor, matchup) DO UPDATE SET wins = excluded.wins, losses = excluded.losses`,
      [t.contributor, t.matchup, t.wins, t.losses]),
    transaction,
  };
}

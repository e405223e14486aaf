// A prediction's page (/predictions/:id, shareable): polls its status and its rounds while it is
// queued or running (the charts of the estimates narrowing grow as it plays), then shows the
// results: field win rate, matchups, placement, cards and sample replays.
import { useQuery } from '@tanstack/react-query';
import type { PredictionRound } from '@spellgrid/backend/src/predictions/store.ts';
import { api, ApiError, interval, pct, type PredictionResults, type PredictionState, type SampleReplay } from '../api.ts';
import { ConvergenceChart } from '../charts/ConvergenceChart.tsx';
import { IntervalChart } from '../charts/IntervalChart.tsx';
import { MatchupNarrowingChart } from '../charts/MatchupNarrowingChart.tsx';
import { PlacementChart } from '../charts/PlacementChart.tsx';
import { Link } from '../router.tsx';
import { CardTable } from './CardTable.tsx';

const POLL_MS = 700;

const STATUS_TEXT: Record<PredictionState['status'], string> = {
  queued: 'Queued: waiting for the predictions ahead of it.',
  running: 'Running: playing games until the target precision or the budget is reached.',
  done: 'Done.',
  failed: 'Failed.',
};

function Progress({ state }: { state: PredictionState }) {
  const p = state.progress;
  return (
    <section aria-labelledby="progress-h" className="progress">
      <h2 id="progress-h">Progress</h2>
      <p role="status" data-status={state.status}>{STATUS_TEXT[state.status]}{state.error ? ` ${state.error}` : ''}</p>
      <dl className="facts">
        <div><dt>Games played</dt><dd data-testid="games">{p ? p.games.toLocaleString() : '0'}</dd></div>
        <div><dt>Field win rate ±</dt><dd>{p?.halfWidth == null ? '—' : `±${(p.halfWidth * 100).toFixed(1)} points`}</dd></div>
        <div><dt>Time left</dt><dd>{state.status === 'done' ? 'none' : p?.etaSeconds == null ? 'estimating…' : `about ${Math.ceil(p.etaSeconds)} s`}</dd></div>
      </dl>
      {state.status === 'queued' || state.status === 'running' ? <progress aria-label="Prediction in progress" /> : null}
    </section>
  );
}

function Replays({ id }: { id: string }) {
  const q = useQuery({ queryKey: ['prediction', id, 'replays'], queryFn: () => api<{ replays: SampleReplay[] }>(`/v1/predictions/${encodeURIComponent(id)}/replays`) });
  if (q.isPending) return <p role="status">Loading sample games…</p>;
  if (q.error) return <p className="bad">{q.error.message}</p>;
  const outcome = (r: SampleReplay) => (r.winner === 0 ? 'won' : r.winner === 1 ? 'lost' : 'drew');
  // one row per matchup: its first win and its first loss or draw
  const rows = new Map<number, { opponent: string; games: SampleReplay[] }>();
  for (const r of q.data.replays) {
    const row = rows.get(r.matchup) ?? { opponent: r.opponent, games: [] };
    row.games.push(r);
    rows.set(r.matchup, row);
  }
  const cell = (r: SampleReplay | undefined) => (r
    ? <Link href={`/replays/${encodeURIComponent(r.id)}`} aria-label={`Replay: ${outcome(r)} against ${r.opponent}, game ${r.game + 1}, turn ${r.turns}`}>game {r.game + 1}: {outcome(r)} on turn {r.turns} ({r.reason})</Link>
    : <span className="muted">none</span>);
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-label="Sample games (scrolls sideways)">
      <table className="replays">
        <caption>Sample games to replay, by matchup.</caption>
        <thead><tr><th scope="col">Opponent</th><th scope="col">A win</th><th scope="col">A loss or draw</th></tr></thead>
        <tbody>
          {[...rows.values()].map((row) => (
            <tr key={row.opponent}>
              <th scope="row">{row.opponent}</th>
              <td>{cell(row.games.find((g) => g.winner === 0))}</td>
              <td>{cell(row.games.find((g) => g.winner !== 0))}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Narrowing({ rounds, target, opponents }: { rounds: PredictionRound[]; target: number | undefined; opponents: string[] | undefined }) {
  return (
    <section aria-labelledby="convergence-h">
      <h2 id="convergence-h">How the estimates narrowed</h2>
      <p className="muted">A point per round of games: the field win rate's 95% half-width, then one matchup's win rate with its interval.</p>
      <ConvergenceChart rounds={rounds} target={target} />
      {opponents ? <MatchupNarrowingChart rounds={rounds} opponents={opponents} /> : null}
    </section>
  );
}

function Results({ id, rounds, target }: { id: string; rounds: PredictionRound[]; target: number | undefined }) {
  const q = useQuery({ queryKey: ['prediction', id, 'results'], queryFn: () => api<PredictionResults>(`/v1/predictions/${encodeURIComponent(id)}/results`), staleTime: Infinity });
  if (q.isPending) return <p role="status">Loading results…</p>;
  if (q.error) return <p className="bad" role="alert">{q.error.message}</p>;
  const r = q.data;
  const w = r.winRate;
  const matchups = [...r.matchups].sort((a, b) => (b.winRate ?? -1) - (a.winRate ?? -1));
  return (
    <>
      <section aria-labelledby="summary-h">
        <h2 id="summary-h">{r.deck} against {r.field}</h2>
        <p className="headline" data-testid="field-win-rate">
          Field win rate <strong>{pct(w.value)}</strong> <span>(95% interval {interval(w.interval)}, ±{(w.halfWidth * 100).toFixed(1)} points)</span>
        </p>
        <p className="muted">{r.games.toLocaleString()} games, seed {r.seed}, {r.agents.join(' vs ')} agents; stopped because {r.stop === 'target' ? 'the target precision was reached' : r.stop === 'budget' ? 'the game budget was spent' : r.stop}.</p>
      </section>

      <Narrowing rounds={rounds} target={target} opponents={r.matchups.map((m) => m.opponent)} />

      <section aria-labelledby="matchups-h">
        <h2 id="matchups-h">Matchups</h2>
        <IntervalChart
          title={`Win rate of ${r.deck} against each deck of the field, with 95% intervals`}
          description={`Diamonds mark each matchup's win rate, the square the field-weighted win rate (${pct(w.value)}); lines are 95% intervals; the dashed line is 50%.`}
          rows={[{ label: 'Whole field', value: w.value, interval: w.interval, summary: true }, ...matchups.map((m) => ({ label: m.opponent, value: m.winRate, interval: m.interval }))]}
        />
        <div className="table-wrap" tabIndex={0} role="region" aria-label="Matchup table (scrolls sideways)">
          <table className="matchups">
            <caption>Each matchup: games played, wins, losses and draws, win rate over decided games with its 95% interval, and the opponent's share of the field.</caption>
            <thead><tr><th scope="col">Opponent</th><th scope="col">Share</th><th scope="col">Games</th><th scope="col">W–L–D</th><th scope="col">Win rate</th><th scope="col">95% interval</th></tr></thead>
            <tbody>
              {matchups.map((m) => (
                <tr key={m.opponent}>
                  <th scope="row">{m.opponent}</th>
                  <td>{pct(m.share)}</td>
                  <td>{m.games}</td>
                  <td>{m.wins}–{m.losses}–{m.draws}</td>
                  <td>{pct(m.winRate)}</td>
                  <td>{interval(m.interval)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="placement-h">
        <h2 id="placement-h">Placement in a Swiss event</h2>
        <p className="headline" data-testid="top-cut">P(top {r.placement.top}) <strong>{pct(r.placement.topCut)}</strong> <span>· expected {r.placement.expectedMatchPoints.toFixed(1)} match points over {r.placement.events.toLocaleString()} simulated events</span></p>
        <PlacementChart records={r.placement.records} topCut={r.placement.topCut} top={r.placement.top} players={r.placement.players} rounds={r.placement.rounds} />
      </section>

      <section aria-labelledby="cards-h">
        <h2 id="cards-h">Cards</h2>
        <CardTable cards={r.cards} />
      </section>

      <section aria-labelledby="replays-h">
        <h2 id="replays-h">Sample games</h2>
        <p className="muted">In each matchup, the first game the deck won and the first it lost or drew, re-simulated in your browser when you open one.</p>
        <Replays id={id} />
      </section>
    </>
  );
}

export default function PredictionPage({ id }: { id: string }) {
  const q = useQuery({
    queryKey: ['prediction', id],
    queryFn: () => api<PredictionState>(`/v1/predictions/${encodeURIComponent(id)}`),
    refetchInterval: (query) => {
      const s = query.state.data?.status;
      if (s === 'done' || s === 'failed') return false;
      const e = query.state.error;
      // a blip (offline, rate limited, a restart) slows polling down; only an unknown id ends it
      if (e) return e instanceof ApiError && e.status === 404 ? false : POLL_MS * 5;
      return POLL_MS;
    },
  });
  const running = q.data?.status === 'queued' || q.data?.status === 'running';
  const rounds = useQuery({
    queryKey: ['prediction', id, 'rounds', q.data?.status],
    queryFn: () => api<{ rounds: PredictionRound[] }>(`/v1/predictions/${encodeURIComponent(id)}/rounds`),
    enabled: q.data !== undefined,
    refetchInterval: running ? POLL_MS * 2 : false,
  });
  const roundList = rounds.data?.rounds ?? [];
  const target = (() => {
    const t = Number(new URLSearchParams(window.location.search).get('target'));
    return Number.isFinite(t) && t > 0 ? t : undefined;
  })();
  return (
    <main id="main" tabIndex={-1}>
      <h1>Prediction</h1>
      <p className="muted">Share this page: <code className="break">{window.location.href}</code></p>
      {q.isPending ? <p role="status">Loading…</p>
        : q.data === undefined ? <p className="bad" role="alert">{q.error instanceof ApiError && q.error.status === 404 ? 'There is no prediction with this id.' : q.error?.message}</p>
        : (
          <>
            {q.error ? <p className="bad" role="alert">{q.error.message} Still trying…</p> : null}
            <Progress state={q.data} />
            {running && roundList.length ? <Narrowing rounds={roundList} target={target} opponents={undefined} /> : null}
            {q.data.status === 'done' ? <Results id={id} rounds={roundList} target={target} /> : null}
          </>
        )}
    </main>
  );
}

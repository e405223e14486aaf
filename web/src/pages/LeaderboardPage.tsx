import { useQuery } from '@tanstack/react-query';
import { api, type Contributor } from '../api.ts';
import { Link } from '../router.tsx';

export default function LeaderboardPage() {
  const q = useQuery({ queryKey: ['leaderboard'], queryFn: () => api<{ contributors: Contributor[] }>('/v1/leaderboard'), refetchInterval: 15_000 });
  return (
    <main id="main" tabIndex={-1}>
      <h1>Leaderboard</h1>
      <p>Volunteers who lent their browsers to play games, by games verified by replay. <Link href="/contribute">Join them</Link>.</p>
      {q.isPending ? <p role="status">Loading…</p>
        : q.error ? <p className="bad" role="alert">{q.error.message}</p>
        : q.data.contributors.length === 0 ? <p data-testid="empty">No contributors yet: be the first.</p>
        : (
          <div className="table-wrap" tabIndex={0} role="region" aria-label="Leaderboard (scrolls sideways)">
            <table className="leaderboard">
              <caption>The first {q.data.contributors.length} contributors by verified games. Pending games are submitted but not yet checked; a flagged contributor's results are implausible against everyone else's and are all replayed.</caption>
              <thead>
                <tr><th scope="col">#</th><th scope="col">Handle</th><th scope="col">Verified games</th><th scope="col">Pending games</th><th scope="col">Compute (s)</th><th scope="col">Status</th></tr>
              </thead>
              <tbody>
                {q.data.contributors.map((c, i) => (
                  <tr key={c.handle}>
                    <td>{i + 1}</td>
                    <th scope="row">{c.handle}</th>
                    <td>{c.verifiedGames.toLocaleString()}</td>
                    <td>{c.pendingGames.toLocaleString()}</td>
                    <td>{c.computeSeconds.toFixed(1)}</td>
                    <td>{c.flagged ? <strong>⚑ flagged</strong> : 'ok'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
    </main>
  );
}

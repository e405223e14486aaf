// One matchup's win rate after each round, against the games played in it, with its 95% interval
// as a shaded band bounded by drawn lines (so it reads without colour), the 50% line dashed, and
// the latest estimate written beside its point. A select picks the matchup.
import { useId, useState } from 'react';
import type { PredictionRound } from '@spellgrid/backend/src/predictions/store.ts';

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

export function MatchupNarrowingChart({ rounds, opponents }: { rounds: PredictionRound[]; opponents: string[] }) {
  const id = useId();
  const [pick, setPick] = useState(0);
  const j = Math.min(pick, Math.max(0, opponents.length - 1));
  // a point per round in which this matchup gained games (rounds that skipped it add nothing)
  const points = rounds.map((r) => r.matchups[j]!).filter((m, k, all) => m.games > 0 && m.winRate !== null && (k === 0 || m.games !== all[k - 1]!.games));
  const width = 640, height = 260, left = 48, right = 96, top = 16, bottom = 44;
  const maxGames = Math.max(2, ...points.map((p) => p.games));
  const x = (g: number) => left + (g / maxGames) * (width - left - right);
  const y = (v: number) => top + (1 - v) * (height - top - bottom);
  const last = points.at(-1);
  const band = points.length > 1
    ? `${points.map((p) => `${x(p.games)},${y(p.interval[1])}`).join(' ')} ${[...points].reverse().map((p) => `${x(p.games)},${y(p.interval[0])}`).join(' ')}`
    : '';
  return (
    <figure className="narrowing">
      <label htmlFor={`${id}-pick`}>Matchup</label>{' '}
      <select id={`${id}-pick`} value={j} onChange={(e) => setPick(Number(e.target.value))}>
        {opponents.map((o, k) => <option key={k} value={k}>against {o}</option>)}
      </select>
      <svg className="chart" viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={`${id}-t ${id}-d`}>
        <title id={`${id}-t`}>Win rate against {opponents[j]} as games were played, with its 95% interval</title>
        <desc id={`${id}-d`}>
          {last
            ? `${points.length} estimate${points.length === 1 ? '' : 's'}; after ${points[0]!.games} games ${pct(points[0]!.winRate!)} (${pct(points[0]!.interval[0])} to ${pct(points[0]!.interval[1])}), after ${last.games} games ${pct(last.winRate!)} (${pct(last.interval[0])} to ${pct(last.interval[1])}).`
            : 'No decided games in this matchup yet.'}
        </desc>
        {[0, 0.25, 0.5, 0.75, 1].map((t) => (
          <g key={t}>
            <line x1={left} x2={width - right} y1={y(t)} y2={y(t)} className={t === 0.5 ? 'ref-line' : 'grid'} />
            <text x={left - 6} y={y(t) + 4} textAnchor="end" className="tick">{Math.round(t * 100)}%</text>
          </g>
        ))}
        <text x={left} y={height - bottom + 16} textAnchor="middle" className="tick">0</text>
        <text x={width - right} y={height - bottom + 16} textAnchor="end" className="tick">{maxGames.toLocaleString()}</text>
        <text x={(left + width - right) / 2} y={height - 6} textAnchor="middle" className="axis-label">games played in this matchup</text>
        {band ? <polygon points={band} className="band" /> : null}
        {points.length > 1 ? (
          <>
            <polyline points={points.map((p) => `${x(p.games)},${y(p.interval[1])}`).join(' ')} className="band-edge" />
            <polyline points={points.map((p) => `${x(p.games)},${y(p.interval[0])}`).join(' ')} className="band-edge" />
            <polyline points={points.map((p) => `${x(p.games)},${y(p.winRate!)}`).join(' ')} className="series" />
          </>
        ) : null}
        {points.map((p, k) => (
          <g key={k}>
            {points.length === 1 ? <line x1={x(p.games)} x2={x(p.games)} y1={y(p.interval[0])} y2={y(p.interval[1])} className="interval" /> : null}
            <circle cx={x(p.games)} cy={y(p.winRate!)} r={3.5} className="marker" />
          </g>
        ))}
        {last ? <text x={x(last.games) + 8} y={y(last.winRate!) + 4} className="value" data-testid="narrowing-last">{pct(last.winRate!)} ±{((last.interval[1] - last.interval[0]) * 50).toFixed(1)}</text> : null}
      </svg>
    </figure>
  );
}

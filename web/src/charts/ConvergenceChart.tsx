// The field win rate's 95% half-width against games played, a point per round of the prediction
// (GET /v1/predictions/:id/rounds), with the target as a dashed line. Points are circles with
// their values written on the last one; the target line is labelled.
import { useId } from 'react';
import type { PredictionRound } from '@spellgrid/backend/src/predictions/store.ts';

export function ConvergenceChart({ rounds, target }: { rounds: Pick<PredictionRound, 'games' | 'halfWidth'>[]; target?: number }) {
  const id = useId();
  const width = 640, height = 260, left = 56, right = 20, top = 20, bottom = 44;
  const maxGames = Math.max(1, ...rounds.map((s) => s.games));
  const maxHw = Math.max(target ?? 0, ...rounds.map((s) => s.halfWidth), 0.01) * 1.1;
  const x = (g: number) => left + (g / maxGames) * (width - left - right);
  const y = (h: number) => top + (1 - h / maxHw) * (height - top - bottom);
  const ticksY = [0, maxHw / 2, maxHw];
  const last = rounds.at(-1);
  return (
    <svg className="chart" viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={`${id}-t ${id}-d`}>
      <title id={`${id}-t`}>Precision of the field win rate as games were played</title>
      <desc id={`${id}-d`}>
        {rounds.length === 0 ? 'No round played yet.' : `${rounds.length} round${rounds.length === 1 ? '' : 's'}; the 95% half-width went from ±${(rounds[0]!.halfWidth * 100).toFixed(1)} points at ${rounds[0]!.games} games to ±${(last!.halfWidth * 100).toFixed(1)} points at ${last!.games} games.`}
        {target === undefined ? '' : ` Target ±${(target * 100).toFixed(1)} points.`}
      </desc>
      <line x1={left} x2={left} y1={top} y2={height - bottom} className="axis" />
      <line x1={left} x2={width - right} y1={height - bottom} y2={height - bottom} className="axis" />
      {ticksY.map((t) => (
        <text key={t} x={left - 6} y={y(t) + 4} textAnchor="end" className="tick">±{(t * 100).toFixed(1)}</text>
      ))}
      <text x={left} y={height - bottom + 16} textAnchor="middle" className="tick">0</text>
      <text x={width - right} y={height - bottom + 16} textAnchor="end" className="tick">{maxGames.toLocaleString()}</text>
      <text x={(left + width - right) / 2} y={height - 6} textAnchor="middle" className="axis-label">games played</text>
      {target === undefined ? null : (
        <g>
          <line x1={left} x2={width - right} y1={y(target)} y2={y(target)} className="ref-line" />
          <text x={width - right} y={y(target) - 4} textAnchor="end" className="tick">target ±{(target * 100).toFixed(1)}</text>
        </g>
      )}
      {rounds.length > 1 ? <polyline points={rounds.map((s) => `${x(s.games)},${y(s.halfWidth)}`).join(' ')} className="series" /> : null}
      {rounds.map((s, i) => <circle key={i} cx={x(s.games)} cy={y(s.halfWidth)} r={4} className="marker" />)}
      {last ? <text x={x(last.games) - 6} y={y(last.halfWidth) - 8} textAnchor="end" className="value">±{(last.halfWidth * 100).toFixed(1)} at {last.games.toLocaleString()}</text> : null}
    </svg>
  );
}

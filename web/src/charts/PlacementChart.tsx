// The distribution of final Swiss records as bars (hatched, each labelled with its share), most
// wins on the left, as the API orders them.
import { useId } from 'react';

export function PlacementChart({ records, topCut, top, players, rounds }: { records: Record<string, number>; topCut: number; top: number; players: number; rounds: number }) {
  const id = useId();
  const entries = Object.entries(records).sort((a, b) => Number(b[0].split('-')[0]) - Number(a[0].split('-')[0]));
  const width = 520, height = 240, left = 16, right = 16, top_ = 24, bottom = 40;
  const max = Math.max(0.01, ...entries.map(([, p]) => p));
  const slot = (width - left - right) / Math.max(1, entries.length);
  const barW = slot * 0.7;
  const y = (p: number) => top_ + (1 - p / max) * (height - top_ - bottom);
  return (
    <svg className="chart" viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={`${id}-t ${id}-d`}>
      <title id={`${id}-t`}>Final record in a {players}-player, {rounds}-round Swiss event</title>
      <desc id={`${id}-d`}>
        {entries.map(([r, p]) => `${r}: ${(p * 100).toFixed(1)}%`).join('; ')}. Chance of making the top {top}: {(topCut * 100).toFixed(1)}%.
      </desc>
      <defs>
        <pattern id={`${id}-hatch`} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <rect width="6" height="6" className="hatch-bg" />
          <line x1="0" y1="0" x2="0" y2="6" className="hatch" />
        </pattern>
      </defs>
      <line x1={left} x2={width - right} y1={height - bottom} y2={height - bottom} className="axis" />
      {entries.map(([record, p], i) => {
        const cx = left + slot * i + slot / 2;
        return (
          <g key={record}>
            <rect x={cx - barW / 2} y={y(p)} width={barW} height={height - bottom - y(p)} fill={`url(#${id}-hatch)`} className="bar" />
            <text x={cx} y={y(p) - 6} textAnchor="middle" className="value">{(p * 100).toFixed(1)}%</text>
            <text x={cx} y={height - bottom + 16} textAnchor="middle" className="tick">{record}</text>
          </g>
        );
      })}
      <text x={width / 2} y={height - 6} textAnchor="middle" className="axis-label">record (wins-losses)</text>
    </svg>
  );
}

// A forest plot: each row an estimate (a marker) with its 95% interval (a line with end caps)
// on a 0–100% axis, the 50% line dashed. Values are written beside each row, and the summary
// row uses a different marker shape, so nothing depends on colour.
import { useId } from 'react';
import type { Interval } from '../api.ts';

export interface IntervalRow { label: string; value: number | null; interval: Interval; summary?: boolean }

const pct = (x: number) => `${Math.round(x * 100)}%`;

export function IntervalChart({ title, description, rows }: { title: string; description: string; rows: IntervalRow[] }) {
  const id = useId();
  const labelW = 150, valueW = 120, plotW = 420, rowH = 22, top = 28, bottom = 10;
  const width = labelW + plotW + valueW;
  const height = top + rows.length * rowH + bottom;
  const x = (v: number) => labelW + v * plotW;
  return (
    <svg className="chart" viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={`${id}-t ${id}-d`} preserveAspectRatio="xMinYMin meet">
      <title id={`${id}-t`}>{title}</title>
      <desc id={`${id}-d`}>{description}</desc>
      {[0, 0.25, 0.5, 0.75, 1].map((t) => (
        <g key={t}>
          <line x1={x(t)} x2={x(t)} y1={top - 6} y2={height - bottom} className={t === 0.5 ? 'ref-line' : 'grid'} />
          <text x={x(t)} y={top - 10} textAnchor="middle" className="tick">{pct(t)}</text>
        </g>
      ))}
      {rows.map((r, i) => {
        const y = top + i * rowH + rowH / 2;
        const [lo, hi] = r.interval;
        return (
          <g key={i} className={r.summary ? 'row summary' : 'row'}>
            <text x={labelW - 8} y={y + 4} textAnchor="end" className="label">{r.label.length > 22 ? r.label.slice(0, 21) + '…' : r.label}</text>
            <line x1={x(lo)} x2={x(hi)} y1={y} y2={y} className="interval" />
            <line x1={x(lo)} x2={x(lo)} y1={y - 5} y2={y + 5} className="interval" />
            <line x1={x(hi)} x2={x(hi)} y1={y - 5} y2={y + 5} className="interval" />
            {r.value === null ? null : r.summary
              ? <rect x={x(r.value) - 5} y={y - 5} width={10} height={10} className="marker" />
              : <path d={`M ${x(r.value)} ${y - 6} l 6 6 l -6 6 l -6 -6 z`} className="marker" />}
            <text x={labelW + plotW + 8} y={y + 4} className="value">{r.value === null ? '—' : `${pct(r.value)} (${pct(lo)}–${pct(hi)})`}</text>
          </g>
        );
      })}
    </svg>
  );
}

// Per-card statistics, sortable by every column (click a header; again to reverse). Headers are
// buttons and carry aria-sort, so the order is announced.
import { useMemo, useState } from 'react';
import type { CardStats } from '@spellgrid/backend/src/cards.ts';
import { interval, pct } from '../api.ts';

type Key = 'name' | 'games' | 'openingHand' | 'inHand' | 'notSeen' | 'cast' | 'iwd';
const COLUMNS: { key: Key; label: string; help: string }[] = [
  { key: 'name', label: 'Card', help: 'card name' },
  { key: 'games', label: 'Games', help: 'decided games with the card in the deck' },
  { key: 'openingHand', label: 'Opening hand', help: 'win rate when in the opening hand' },
  { key: 'inHand', label: 'In hand', help: 'win rate when in hand at any point (opening hand or drawn)' },
  { key: 'notSeen', label: 'Not seen', help: 'win rate when never drawn' },
  { key: 'cast', label: 'Cast', help: 'win rate when cast' },
  { key: 'iwd', label: 'Improvement when drawn', help: 'in-hand win rate minus not-seen win rate' },
];

function sortValue(c: CardStats, k: Key): string | number {
  switch (k) {
    case 'name': return c.name.toLowerCase();
    case 'games': return c.games;
    case 'iwd': return c.iwd.value ?? -Infinity;
    default: return c[k].winRate ?? -Infinity;
  }
}

export function CardTable({ cards }: { cards: CardStats[] }) {
  const [sort, setSort] = useState<{ key: Key; desc: boolean }>({ key: 'iwd', desc: true });
  const rows = useMemo(() => {
    const r = [...cards];
    r.sort((a, b) => {
      const x = sortValue(a, sort.key), y = sortValue(b, sort.key);
      const c = x < y ? -1 : x > y ? 1 : a.name.localeCompare(b.name);
      return sort.desc ? -c : c;
    });
    return r;
  }, [cards, sort]);
  const rate = (r: CardStats['inHand']) => <>{pct(r.winRate)} <small className="muted">({r.games}; {interval(r.interval)})</small></>;
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-label="Per-card statistics (scrolls sideways)">
      <table className="cards">
        <caption>Per-card statistics: win rates of the submitted deck, each with its games and 95% interval. Sorted by {COLUMNS.find((c) => c.key === sort.key)!.label.toLowerCase()}, {sort.desc ? 'highest' : 'lowest'} first.</caption>
        <thead>
          <tr>
            {COLUMNS.map((c) => (
              <th key={c.key} scope="col" aria-sort={sort.key === c.key ? (sort.desc ? 'descending' : 'ascending') : 'none'}>
                <button type="button" title={c.help} data-sort={c.key}
                  onClick={() => setSort((s) => ({ key: c.key, desc: s.key === c.key ? !s.desc : c.key !== 'name' }))}>
                  {c.label}<span aria-hidden="true">{sort.key === c.key ? (sort.desc ? ' ▼' : ' ▲') : ' ↕'}</span>
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((c) => (
            <tr key={c.name}>
              <th scope="row">{c.name}</th>
              <td data-value={c.games}>{c.games}</td>
              <td data-value={c.openingHand.winRate ?? ''}>{rate(c.openingHand)}</td>
              <td data-value={c.inHand.winRate ?? ''}>{rate(c.inHand)}</td>
              <td data-value={c.notSeen.winRate ?? ''}>{rate(c.notSeen)}</td>
              <td data-value={c.cast.winRate ?? ''}>{rate(c.cast)}</td>
              <td data-value={c.iwd.value ?? ''}>{c.iwd.value === null ? '—' : `${c.iwd.value >= 0 ? '+' : ''}${(c.iwd.value * 100).toFixed(1)} pts`} <small className="muted">({c.iwd.interval ? `${(c.iwd.interval[0] * 100).toFixed(1)} to ${(c.iwd.interval[1] * 100).toFixed(1)}` : '—'})</small></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

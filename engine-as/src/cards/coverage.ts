// Card coverage of a set: which of its cards the pool implements fully, partly, or not at all.
// The set's card list is project data (src/limited/fdn-set.ts and the Beginner Box deck lists),
// never the reference files, so the report works on any checkout.
import type { CardFacts } from './render.ts';

export type CoverageStatus = 'done' | 'partial' | 'missing';

export interface CoverageEntry {
  name: string;
  /** Where the set lists the card: its collector number, or the product it comes from. */
  source: string;
  status: CoverageStatus;
  /** For partial and missing cards: what is not implemented. */
  reason?: string;
}

export interface CoverageReport {
  set: string;
  total: number;
  done: number;
  partial: number;
  missing: number;
  entries: CoverageEntry[];
}

export interface SetCard {
  name: string;
  source: string;
}

/**
 * Classifies each card of a set against the pool. `unsupported` maps a known-unsupported name to
 * its reason; a name neither in the pool nor in that map is reported missing with no reason given.
 */
export function coverage(
  set: string,
  cards: readonly SetCard[],
  pool: readonly CardFacts[],
  unsupported: ReadonlyMap<string, string>,
): CoverageReport {
  const byName = new Map(pool.filter((c) => !c.token).map((c) => [c.name, c]));
  const seen = new Set<string>();
  const entries: CoverageEntry[] = [];
  for (const { name, source } of cards) {
    if (seen.has(name)) continue;
    seen.add(name);
    const c = byName.get(name);
    if (!c) entries.push({ name, source, status: 'missing', reason: unsupported.get(name) ?? 'not implemented' });
    else if (c.partial) entries.push({ name, source, status: 'partial', reason: c.partial });
    else entries.push({ name, source, status: 'done' });
  }
  const n = (s: CoverageStatus) => entries.filter((e) => e.status === s).length;
  return { set, total: entries.length, done: n('done'), partial: n('partial'), missing: n('missing'), entries };
}

/** The report as text: the summary line, then every card that is not done, with its reason. */
export function formatCoverage(r: CoverageReport): string {
  const lines = [`${r.set}: ${r.done}/${r.total} done, ${r.partial} partial, ${r.missing} missing`];
  for (const status of ['partial', 'missing'] as const) {
    const list = r.entries.filter((e) => e.status === status);
    if (list.length === 0) continue;
    lines.push('', `${status}:`);
    for (const e of list) lines.push(`  ${e.name} (${e.source}): ${e.reason}`);
  }
  return lines.join('\n');
}

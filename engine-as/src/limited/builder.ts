// The automatic limited deck builder: from a pool of card names (a sealed pool), a 40-card
// deck of the best two colors: 23 spells on a sensible curve, mostly creatures, and 17 lands
// split by the colors' weight. Cards the engine does not support (not in the card pool, or
// marked partial) are skipped and listed. Deterministic: ties break on card name.
import type { CardMeta, CardPool } from '../host/engine.ts';
import { isCreature, isLand, rateCard } from './rating.ts';
import { sealedPool } from './booster.ts';

export const COLORS = ['W', 'U', 'B', 'R', 'G'] as const;
export type Color = (typeof COLORS)[number];
const BASIC: Record<Color, string> = { W: 'Plains', U: 'Island', B: 'Swamp', R: 'Mountain', G: 'Forest' };

export const DECK_SIZE = 40;
export const SPELLS = 23;
export const LANDS = DECK_SIZE - SPELLS;
/** Fewest basics of a color the deck plays at all (so its cards are castable). */
const MIN_BASICS = 3;

/**
 * The curve: spells wanted per mana value (1 or less, 2, 3, 4, 5, 6 or more); 23 in all, weighted
 * to 2–4 drops. A pick over its bucket's quota, or a noncreature past MAX_NONCREATURES, costs
 * rating points, so a much better card still gets in.
 */
const CURVE = [2, 6, 5, 4, 3, 3] as const;
const MAX_NONCREATURES = 8;
const OVER_CURVE_PENALTY = 0.8;
const NONCREATURE_PENALTY = 1.0;

export interface RatedCard { readonly meta: CardMeta; readonly rating: number }
export interface CountedName { readonly name: string; readonly count: number }
export interface SkippedCard extends CountedName { readonly reason: string }

export interface LimitedDeck {
  /** The two colors, in WUBRG order. */
  colors: [Color, Color];
  /** The chosen spells, by mana value then name. */
  spells: RatedCard[];
  /** Nonbasic lands from the pool, then basics. */
  lands: CountedName[];
  /** The main deck as engine card indexes. */
  cards: number[];
  /** Spells missing from 23 for lack of playable on-color cards; basics fill their places. */
  shortBy: number;
  /** Pool cards the engine cannot play yet. */
  skipped: SkippedCard[];
  /** Playable pool cards left out (off-color or not good enough). */
  sideboard: CountedName[];
}

/** Colors of mana a card's cost asks for, counted per symbol ({W/U} counts for both). */
function pips(c: CardMeta): Map<Color, number> {
  const m = new Map<Color, number>();
  for (const [, sym] of c.manaCost.matchAll(/\{([^}]*)\}/g)) {
    for (const col of COLORS) if (sym!.includes(col)) m.set(col, (m.get(col) ?? 0) + 1);
  }
  return m;
}

/** Colors of mana a nonbasic land can add ("{T}: Add {B} or {R}."). */
function landColors(c: CardMeta): Color[] {
  const adds = c.text.match(/Add ([^.]*)\./g)?.join(' ') ?? '';
  return COLORS.filter((col) => adds.includes(`{${col}}`));
}

/** Name order by UTF-16 code units: the same on every machine, unlike localeCompare. */
const compareNames = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Ratings by card: a card's facts never change while the pool is loaded, and regexes are slow. */
const ratings = new WeakMap<CardMeta, number>();
function ratingOf(c: CardMeta): number {
  let r = ratings.get(c);
  if (r === undefined) ratings.set(c, (r = rateCard(c)));
  return r;
}

const byRating = (a: RatedCard, b: RatedCard) => b.rating - a.rating || compareNames(a.meta.name, b.meta.name);
const bucketOf = (mv: number) => Math.min(Math.max(mv, 1), 6) - 1;

/** Up to 23 spells from candidates (best first), greedily, trading rating against the curve. */
export function pickSpells(candidates: readonly RatedCard[]): RatedCard[] {
  const left = [...candidates].sort(byRating);
  const picked: RatedCard[] = [];
  const inBucket = CURVE.map(() => 0);
  let noncreatures = 0;
  while (picked.length < SPELLS && left.length) {
    let best = 0, bestScore = -Infinity;
    left.forEach((c, i) => {
      const b = bucketOf(c.meta.manaValue);
      let score = c.rating - OVER_CURVE_PENALTY * Math.max(0, inBucket[b]! + 1 - CURVE[b]!);
      if (!isCreature(c.meta) && noncreatures >= MAX_NONCREATURES) score -= NONCREATURE_PENALTY;
      if (score > bestScore) { best = i; bestScore = score; }
    });
    const c = left.splice(best, 1)[0]!;
    picked.push(c);
    inBucket[bucketOf(c.meta.manaValue)]!++;
    if (!isCreature(c.meta)) noncreatures++;
  }
  return picked;
}

/**
 * Splits `n` basics between the two colors in proportion to their weight (colored mana symbols
 * of the spells), giving a color the spells use at least MIN_BASICS.
 */
export function splitBasics(n: number, weight: ReadonlyMap<Color, number>, [a, b]: readonly [Color, Color]): Map<Color, number> {
  const wa = weight.get(a) ?? 0, wb = weight.get(b) ?? 0;
  const floor = Math.min(MIN_BASICS, n);
  let na = wa + wb ? Math.round((n * wa) / (wa + wb)) : Math.ceil(n / 2);
  if (wa > 0) na = Math.max(na, floor);
  if (wb > 0) na = Math.min(na, n - floor);
  return new Map([[a, na], [b, n - na]]);
}

function countNames(names: readonly string[]): CountedName[] {
  const m = new Map<string, number>();
  for (const n of names) m.set(n, (m.get(n) ?? 0) + 1);
  return [...m].map(([name, count]) => ({ name, count })).sort((a, b) => compareNames(a.name, b.name));
}

/** The deck built from the sealed pool of `seed` (six FDN Play Boosters, `sealedPool`). */
export function sealedDeck(seed: number, cards: CardPool): LimitedDeck {
  return buildDeck(sealedPool(seed).flat().map((b) => b.card.name), cards);
}

/** Builds the deck. Throws when the pool has no playable spell at all. */
export function buildDeck(poolNames: readonly string[], cards: CardPool): LimitedDeck {
  const skipped = new Map<string, SkippedCard>();
  const spells: RatedCard[] = [];
  const nonbasicLands: CardMeta[] = [];
  for (const name of poolNames) {
    const meta = cards.byName(name);
    const reason = !meta || meta.token ? 'not implemented' : meta.partial ? `partial: ${meta.partial}` : null;
    if (reason) {
      const s = skipped.get(name);
      skipped.set(name, { name, reason, count: (s?.count ?? 0) + 1 });
    } else if (meta!.typeLine.startsWith('Basic ')) {
      // Basic lands are free in limited: the deck takes what it needs.
    } else if (isLand(meta!)) nonbasicLands.push(meta!);
    else spells.push({ meta: meta!, rating: ratingOf(meta!) });
  }
  if (!spells.length) throw new Error(`the pool has no spell the engine can play (${skipped.size} different cards skipped)`);

  // The best pair: the one whose best 23-card selection has the highest total rating.
  let best: { colors: [Color, Color]; picked: RatedCard[]; score: number } | undefined;
  for (let i = 0; i < COLORS.length; i++) {
    for (let j = i + 1; j < COLORS.length; j++) {
      const colors: [Color, Color] = [COLORS[i]!, COLORS[j]!];
      const fits = spells.filter((s) => s.meta.colors.every((c) => colors.includes(c as Color)));
      const picked = pickSpells(fits);
      const score = picked.reduce((s, c) => s + c.rating, 0);
      if (!best || score > best.score) best = { colors, picked, score };
    }
  }
  const { colors, picked } = best!;
  picked.sort((a, b) => a.meta.manaValue - b.meta.manaValue || compareNames(a.meta.name, b.meta.name));

  const landCount = DECK_SIZE - picked.length;
  const duals = nonbasicLands
    .filter((l) => { const lc = landColors(l); return lc.length > 0 && lc.every((c) => colors.includes(c)); })
    .sort((a, b) => compareNames(a.name, b.name))
    .slice(0, landCount);
  const weight = new Map<Color, number>();
  for (const s of picked) for (const [c, n] of pips(s.meta)) weight.set(c, (weight.get(c) ?? 0) + n);
  const basics = splitBasics(landCount - duals.length, weight, colors);
  const lands = [
    ...countNames(duals.map((d) => d.name)),
    ...colors.filter((c) => basics.get(c)! > 0).map((c) => ({ name: BASIC[c], count: basics.get(c)! })),
  ];

  const index = (name: string) => cards.byName(name)!.index;
  const inDeck = new Map<string, number>();
  for (const m of [...picked.map((p) => p.meta), ...duals]) inDeck.set(m.name, (inDeck.get(m.name) ?? 0) + 1);
  const sideboard: string[] = [];
  for (const m of [...spells.map((s) => s.meta), ...nonbasicLands]) {
    const n = inDeck.get(m.name) ?? 0;
    if (n > 0) inDeck.set(m.name, n - 1); else sideboard.push(m.name);
  }
  return {
    colors,
    spells: picked,
    lands,
    cards: [...picked.map((p) => p.meta.index), ...lands.flatMap((l) => Array<number>(l.count).fill(index(l.name)))],
    shortBy: SPELLS - picked.length,
    skipped: [...skipped.values()].sort((a, b) => compareNames(a.name, b.name)),
    sideboard: countNames(sideboard),
  };
}

/** The deck as an MTG Arena list ("Deck" then "N Name" lines), readable by `spellgrid sim`. */
export function deckList(deck: LimitedDeck): string {
  const spells = countNames(deck.spells.map((s) => s.meta.name));
  return ['Deck', ...[...spells, ...deck.lands].map((c) => `${c.count} ${c.name}`)].join('\n');
}

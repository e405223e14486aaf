// A limited rating for one card, from the facts in build/cards.json: mana value, types, P/T,
// keywords and the rendered rules text. Rough on purpose: it only has to rank a sealed pool's
// cards well enough to build a sensible deck (removal, evasion and card draw first, as limited
// players rank them). Numbers are on a 0–5 scale; 1.5 is a playable filler creature.
import type { CardMeta } from '../host/engine.ts';

/**
 * Keyword -> bonus for a creature that has it. Matched on keyword lines only (the lines without
 * a full stop, "Flying, vigilance"), so a token's "with flying" does not count for its maker.
 */
const KEYWORD_BONUS: readonly [RegExp, number][] = [
  [/\bflying\b/, 1.0], [/\bdouble strike\b/, 1.0], [/\bdeathtouch\b/, 0.6], [/\blifelink\b/, 0.4],
  [/\bfirst strike\b/, 0.4], [/\bmenace\b/, 0.4], [/\bhexproof\b/, 0.4], [/\btrample\b/, 0.3],
  [/\bhaste\b/, 0.3], [/\bward\b/, 0.3], [/\bflash\b/, 0.3], [/\bvigilance\b/, 0.2], [/\breach\b/, 0.2],
  [/\bprowess\b/, 0.2], [/\bdefender\b/, -0.5],
];

/** What a card does (on any card type) -> bonus. The first four are removal of some kind. */
const EFFECT_BONUS: readonly [RegExp, number][] = [
  [/\b(destroy|exile) (up to one )?target (creature|nonland permanent|permanent|attacking)/, 2.0],
  [/deals? ([2-9]|\d\d|x|damage equal to [^.]*) (damage )?to (target creature|any target|target attacking)/, 2.0],
  [/\bfights\b|target creature gets -[1-9]\d*\/-[1-9]|enchanted creature can't attack or block/, 1.8],
  [/deals? 1 damage to (target creature|any target)/, 0.5],
  [/destroy all creatures|damage to each creature/, 1.0],
  [/\bdraw (two|three|x) cards\b/, 1.0],
  [/\bdraws? (a|one) card\b/, 0.6],
  [/\bcounter target\b/, 0.8],
  [/return target [^.]* to its owner's hand/, 0.7],
  [/creatures you control get \+/, 0.6],
  [/equipped creature gets \+/, 0.5],
  [/target creature (you control )?gets \+\d+\/\+\d+/, 0.4],
  [/\btap target\b|stun counter/, 0.4],
  [/each opponent discards|target opponent discards/, 0.3],
  [/search your library for [^.]*basic land/, 0.3],
  [/\badd \{/, 0.3],
  [/(each|target) opponent loses \d+ life/, 0.2],
  [/\bcan't be blocked\b/, 0.8],
];

const PENALTY: readonly [RegExp, number][] = [
  [/\benters tapped\b/, -0.2],
  [/as an additional cost to cast this spell, sacrifice a creature/, -0.6],
  [/as an additional cost to cast this spell, discard a card/, -0.3],
];

const TOKEN_COUNT: Record<string, number> = { a: 1, an: 1, one: 1, two: 2, three: 3, x: 2 };

/** Creature tokens made: each worth about a creature with their stats and no card spent. */
function tokenBonus(text: string): number {
  let sum = 0;
  for (const m of text.matchAll(/\bcreate (a|an|one|two|three|x) (\d+)\/(\d+) [^.]*?creature tokens?( with flying)?/g)) {
    const each = 0.4 + 0.25 * (Number(m[2]) + Number(m[3])) + (m[4] ? 0.5 : 0);
    sum += (TOKEN_COUNT[m[1]!] ?? 1) * each;
  }
  return sum;
}

const bonus = (text: string, table: readonly [RegExp, number][]) =>
  table.reduce((sum, [re, b]) => sum + (re.test(text) ? b : 0), 0);

export function isCreature(c: CardMeta): boolean { return /\bCreature\b/.test(c.typeLine); }
export function isLand(c: CardMeta): boolean { return /\bLand\b/.test(c.typeLine); }

/** The card's limited rating (higher is better). Lands are not rated: they are picked apart. */
export function rateCard(c: CardMeta): number {
  const text = c.text.replace(/\([^)]*\)/g, '').toLowerCase();
  let r: number;
  if (isCreature(c)) {
    // Stats against the mana paid: about 1.5 power+toughness per mana, plus 1.5, is par.
    const stat = (v: number | '*' | null) => (typeof v === 'number' ? v : c.manaValue);
    const surplus = stat(c.power) + stat(c.toughness) - (1.5 * c.manaValue + 1.5);
    const keywordLines = text.split('\n').filter((l) => !l.endsWith('.')).join('\n');
    r = Math.min(4, Math.max(0.5, 2 + 0.3 * surplus)) + bonus(keywordLines, KEYWORD_BONUS);
    if (c.power === 0 && !/enters with/.test(text)) r -= 1; // deals no damage: a wall at best
  } else if (/\bPlaneswalker\b/.test(c.typeLine)) {
    return 3.5; // a repeatable source of value; its text (ultimates included) would overrate it
  } else {
    r = /\b(Instant|Sorcery)\b/.test(c.typeLine) ? 0.8 : 0.6;
    if (/\bflash\b/.test(text)) r += 0.2;
  }
  r += bonus(text, EFFECT_BONUS) + tokenBonus(text) + bonus(text, PENALTY);
  if (c.manaValue >= 7) r -= 0.5; // hard to cast in a 17-land deck
  return Math.round(r * 100) / 100;
}

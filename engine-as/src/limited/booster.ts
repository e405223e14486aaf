// Foundations Play Boosters and sealed pools, after the published Play Booster collation
// (docs/limited.md gives the sources and what is approximated). Deterministic: a pool depends
// only on its seed.
import { FDN_BOOSTER, type Rarity, type SetCard } from './fdn-set.ts';
import { Rng } from './rng.ts';

/** The print sheets a booster draws from. */
interface Sheets {
  common: SetCard[];
  uncommon: SetCard[];
  rare: SetCard[];
  mythic: SetCard[];
  basic: SetCard[];
  gainLand: SetCard[];
}

function sheetsOf(set: readonly SetCard[]): Sheets {
  const of = (r: Rarity) => set.filter((c) => c.rarity === r && !c.landSlot);
  const land = set.filter((c) => c.landSlot);
  return {
    common: of('common'), uncommon: of('uncommon'), rare: of('rare'), mythic: of('mythic'),
    basic: land.filter((c) => c.number >= 272), gainLand: land.filter((c) => c.number < 272),
  };
}

const FDN_SHEETS = sheetsOf(FDN_BOOSTER);

/** Cards per slot kind in one Play Booster (14 playable cards; the art/token card is left out). */
export const COLLATION = {
  commons: 7, // six commons plus the "common or The List" slot, which is modelled as a common
  uncommons: 3,
  rareOrMythic: 1,
  land: 1,
  wildcards: 2, // one non-foil and one foil wildcard; foiling does not matter in play
} as const;

/** The rare slot is a mythic one time in eight. */
export const MYTHIC_ODDS = [1, 8] as const;
/** The land slot: a basic land or a common gain land, even odds (an approximation). */
export const GAIN_LAND_ODDS = [1, 2] as const;
/** Wildcard rarity weights, common : uncommon : rare : mythic (an approximation). */
export const WILDCARD_WEIGHTS = [22, 12, 5, 1] as const;
const WILDCARD_RARITIES: readonly Rarity[] = ['common', 'uncommon', 'rare', 'mythic'];

export type Slot = 'common' | 'uncommon' | 'rare' | 'land' | 'wildcard';
export interface BoosterCard { readonly card: SetCard; readonly slot: Slot }
export type Booster = BoosterCard[];

/** `n` different cards of a sheet. */
function distinct(rng: Rng, sheet: readonly SetCard[], n: number): SetCard[] {
  const left = [...sheet];
  const out: SetCard[] = [];
  for (let i = 0; i < n && left.length; i++) out.push(left.splice(rng.below(left.length), 1)[0]!);
  return out;
}

const one = (rng: Rng, sheet: readonly SetCard[]) => sheet[rng.below(sheet.length)]!;
const chance = (rng: Rng, [k, n]: readonly [number, number]) => rng.below(n) < k;

/** One Play Booster, drawn from `rng`. */
export function playBooster(rng: Rng, sheets: Sheets = FDN_SHEETS): Booster {
  const pack: Booster = [];
  const put = (slot: Slot, cards: SetCard[]) => { for (const card of cards) pack.push({ card, slot }); };
  put('common', distinct(rng, sheets.common, COLLATION.commons));
  put('uncommon', distinct(rng, sheets.uncommon, COLLATION.uncommons));
  put('rare', [one(rng, chance(rng, MYTHIC_ODDS) ? sheets.mythic : sheets.rare)]);
  put('land', [one(rng, chance(rng, GAIN_LAND_ODDS) ? sheets.gainLand : sheets.basic)]);
  for (let i = 0; i < COLLATION.wildcards; i++) {
    put('wildcard', [one(rng, sheets[WILDCARD_RARITIES[rng.weighted(WILDCARD_WEIGHTS)]!])]);
  }
  return pack;
}

export const SEALED_BOOSTERS = 6;

/** A sealed pool: six Play Boosters from one seed. */
export function sealedPool(seed: number): Booster[] {
  const rng = new Rng(seed);
  return Array.from({ length: SEALED_BOOSTERS }, () => playBooster(rng));
}

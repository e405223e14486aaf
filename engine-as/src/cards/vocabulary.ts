// Words of the game shared by the DSL (text -> IR bits) and the renderer (IR bits -> text).
// One table per concept so both directions stay in step.
import * as S from '../../assembly/ir/spec.ts';

/** Colors in WUBRG order; index = COLOR_* constant. */
export const COLOR_LETTERS = ['W', 'U', 'B', 'R', 'G'] as const;
export const COLOR_WORDS = ['white', 'blue', 'black', 'red', 'green'];

export const CARD_TYPES: ReadonlyArray<[string, number]> = [
  ['Land', S.TYPE_LAND],
  ['Creature', S.TYPE_CREATURE],
  ['Artifact', S.TYPE_ARTIFACT],
  ['Enchantment', S.TYPE_ENCHANTMENT],
  ['Planeswalker', S.TYPE_PLANESWALKER],
  ['Instant', S.TYPE_INSTANT],
  ['Sorcery', S.TYPE_SORCERY],
  ['Battle', S.TYPE_BATTLE],
  ['Kindred', S.TYPE_KINDRED],
];

export const SUPERTYPES: ReadonlyArray<[string, number]> = [
  ['Legendary', S.SUPER_LEGENDARY],
  ['Basic', S.SUPER_BASIC],
  ['Snow', S.SUPER_SNOW],
];

/** Subtypes the IR can tell apart: [name, SUB_* bit (LO word), plural]. */
export const SUBTYPES: ReadonlyArray<[string, number, string]> = [
  ['Plains', S.SUB_PLAINS, 'Plains'],
  ['Island', S.SUB_ISLAND, 'Islands'],
  ['Swamp', S.SUB_SWAMP, 'Swamps'],
  ['Mountain', S.SUB_MOUNTAIN, 'Mountains'],
  ['Forest', S.SUB_FOREST, 'Forests'],
  ['Aura', S.SUB_AURA, 'Auras'],
  ['Equipment', S.SUB_EQUIPMENT, 'Equipment'],
  ['Food', S.SUB_FOOD, 'Foods'],
  ['Treasure', S.SUB_TREASURE, 'Treasures'],
  ['Elf', S.SUB_ELF, 'Elves'],
  ['Goblin', S.SUB_GOBLIN, 'Goblins'],
  ['Cat', S.SUB_CAT, 'Cats'],
  ['Angel', S.SUB_ANGEL, 'Angels'],
  ['Zombie', S.SUB_ZOMBIE, 'Zombies'],
  ['Vampire', S.SUB_VAMPIRE, 'Vampires'],
  ['Wall', S.SUB_WALL, 'Walls'],
  ['Dragon', S.SUB_DRAGON, 'Dragons'],
  ['Wizard', S.SUB_WIZARD, 'Wizards'],
  ['Pirate', S.SUB_PIRATE, 'Pirates'],
  ['Knight', S.SUB_KNIGHT, 'Knights'],
  ['Soldier', S.SUB_SOLDIER, 'Soldiers'],
  ['Human', S.SUB_HUMAN, 'Humans'],
  ['Warrior', S.SUB_WARRIOR, 'Warriors'],
  ['Rat', S.SUB_RAT, 'Rats'],
  ['Hydra', S.SUB_HYDRA, 'Hydras'],
  ['Demon', S.SUB_DEMON, 'Demons'],
  ['Bear', S.SUB_BEAR, 'Bears'],
  ['Spirit', S.SUB_SPIRIT, 'Spirits'],
  ['Dinosaur', S.SUB_DINOSAUR, 'Dinosaurs'],
  ['Beast', S.SUB_BEAST, 'Beasts'],
  ['Insect', S.SUB_INSECT, 'Insects'],
];

/** Subtypes of the second word (CARD_SUBTYPES_HI, F_SUB_HI_ANY): [name, SUB_HI_* bit, plural]. */
export const SUBTYPES_HI: ReadonlyArray<[string, number, string]> = [
  ['Skeleton', S.SUB_HI_SKELETON, 'Skeletons'],
  ['Nightmare', S.SUB_HI_NIGHTMARE, 'Nightmares'],
  ['Gate', S.SUB_HI_GATE, 'Gates'],
  ['Kithkin', S.SUB_HI_KITHKIN, 'Kithkin'],
  ['Faerie', S.SUB_HI_FAERIE, 'Faeries'],
  ['Scout', S.SUB_HI_SCOUT, 'Scouts'],
  ['Detective', S.SUB_HI_DETECTIVE, 'Detectives'],
  ['Werewolf', S.SUB_HI_WEREWOLF, 'Werewolves'],
  ['Rogue', S.SUB_HI_ROGUE, 'Rogues'],
  ['Citizen', S.SUB_HI_CITIZEN, 'Citizens'],
];

/**
 * Keywords in the order the renderer prints them. A bitmask has no order, so this one order
 * is chosen to match the printed cards of Foundations (e.g. "Flying, deathtouch, lifelink",
 * "Reach, deathtouch", "Double strike, vigilance, trample", Sire of Seven Deaths' "First strike,
 * vigilance, menace, trample, reach, lifelink"); a script over cards.json found no FDN card against it.
 */
export const KEYWORDS: ReadonlyArray<[string, number]> = [
  ['flash', S.KW_FLASH],
  ['defender', S.KW_DEFENDER],
  ['flying', S.KW_FLYING],
  ['first strike', S.KW_FIRST_STRIKE],
  ['double strike', S.KW_DOUBLE_STRIKE],
  ['vigilance', S.KW_VIGILANCE],
  ['menace', S.KW_MENACE],
  ['trample', S.KW_TRAMPLE],
  ['reach', S.KW_REACH],
  ['deathtouch', S.KW_DEATHTOUCH],
  ['lifelink', S.KW_LIFELINK],
  ['hexproof', S.KW_HEXPROOF],
  ['hexproof from instants', S.KW_HEXPROOF_FROM_INSTANTS],
  ['indestructible', S.KW_INDESTRUCTIBLE],
  ['haste', S.KW_HASTE],
  ['prowess', S.KW_PROWESS],
  ['protection from everything', S.KW_PROTECTION_ALL],
];

/** Counter kinds by name, as written on cards. */
export const COUNTERS: ReadonlyArray<[string, number]> = [
  ['+1/+1', S.CTR_P1P1],
  ['-1/-1', S.CTR_M1M1],
  ['loyalty', S.CTR_LOYALTY],
  ['stun', S.CTR_STUN],
  // named counters, each CTR_OTHER with its name's index above CTR_NAME_SHIFT (the engine keeps them all in Obj.other)
  ['soul', S.CTR_OTHER | (1 << S.CTR_NAME_SHIFT)],
  ['bait', S.CTR_OTHER | (2 << S.CTR_NAME_SHIFT)],
  ['fellowship', S.CTR_OTHER | (3 << S.CTR_NAME_SHIFT)],
  ['revival', S.CTR_OTHER | (4 << S.CTR_NAME_SHIFT)], // black
  ['incubation', S.CTR_OTHER | (5 << S.CTR_NAME_SHIFT)], // blue
  ['stash', S.CTR_OTHER | (12 << S.CTR_NAME_SHIFT)], // Tinybones
];

export const NUMBER_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen'];

/**
 * Printed order of a set of colors (COLOR_* indexes in WUBRG order). Two colors follow the
 * color wheel as Oracle prints them: allies WU UB BR RG GW, enemies WB UR BG RW GU ("{G}{W}",
 * "{R} or {W}"); other sets keep WUBRG order.
 */
export function colorOrder(colors: number[]): number[] {
  if (colors.length === 3) {
    // three colors (Muldrotha): a shard runs along the wheel (c, c+1, c+2: "{W}{U}{B}"), a wedge
    // skips one each time (c, c+2, c+4: "{B}{G}{U}")
    for (const step of [1, 2]) {
      for (const c of colors) {
        const order = [c, (c + step) % 5, (c + 2 * step) % 5];
        if (order.every((k) => colors.includes(k))) return order;
      }
    }
    return colors;
  }
  if (colors.length !== 2) return colors;
  const [a, b] = colors;
  return b - a <= 2 ? [a, b] : [b, a];
}

/** Mana symbol text of a packed cost: "{X}{2}{W}{W}"; "" when the words say nothing. */
export function manaSymbols(a: number, b: number): string {
  let s = '{X}'.repeat((a >> S.MANA_X_SHIFT) & 0xf);
  const generic = a & S.MANA_GENERIC_MASK;
  if (generic > 0) s += `{${generic}}`;
  const count = (c: number) => (b >> (4 * c)) & 0xf;
  const colors = [S.COLOR_W, S.COLOR_U, S.COLOR_B, S.COLOR_R, S.COLOR_G].filter((c) => count(c) > 0);
  for (const c of colorOrder(colors)) s += `{${COLOR_LETTERS[c]}}`.repeat(count(c));
  return s + '{C}'.repeat(count(S.COLOR_C));
}

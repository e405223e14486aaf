// The card DSL: definitions that read like the printed card, compiled to the IR by compile.ts.
//
//   card('Giant Growth').cost('{G}').typeLine('Instant')
//     .spell(pump(target(is('creature')), 3, 3))
//
// Targets are values: the first appearance of a Target in an ability's effects makes it that
// ability's next target spec. Everything here is plain data; nothing is encoded until compile.
import * as S from '../../assembly/ir/spec.ts';
import { CARD_TYPES, COUNTERS, KEYWORDS, NUMBER_WORDS, SUBTYPES, SUBTYPES_HI, SUPERTYPES, COLOR_LETTERS } from './vocabulary.ts';

// ---------------------------------------------------------------- mana

/** A parsed mana cost: [wordA, wordB] per spec.ts plus its mana value. */
export interface Mana {
  readonly a: number;
  readonly b: number;
  readonly value: number;
}

const MANA_LETTERS = [...COLOR_LETTERS, 'C'];

export function mana(text: string): Mana {
  let generic = 0;
  let xs = 0;
  let b = 0;
  let value = 0;
  const rest = text.replace(/\{([^}]+)\}/g, (_m, sym: string) => {
    if (/^\d+$/.test(sym)) {
      generic += Number(sym);
      value += Number(sym);
    } else if (sym === 'X') {
      xs += 1;
    } else {
      const c = MANA_LETTERS.indexOf(sym);
      if (c < 0) throw new Error(`unsupported mana symbol {${sym}} in "${text}"`);
      b += 1 << (4 * c);
      value += 1;
    }
    return '';
  });
  if (rest !== '' || generic > S.MANA_GENERIC_MASK || xs > 0xf) throw new Error(`bad mana cost "${text}"`);
  return { a: generic | (xs << S.MANA_X_SHIFT), b, value };
}

/** Color bitmask of the colored symbols of a cost. */
export function colorsOfMana(m: Mana): number {
  let bits = 0;
  for (let c = S.COLOR_W; c <= S.COLOR_G; c++) if ((m.b >> (4 * c)) & 0xf) bits |= 1 << c;
  return bits;
}

export function colorBits(letters: string): number {
  let bits = 0;
  for (const l of letters) {
    const c = COLOR_LETTERS.indexOf(l as (typeof COLOR_LETTERS)[number]);
    if (c < 0) throw new Error(`unknown color letter ${l}`);
    bits |= 1 << c;
  }
  return bits;
}

// ---------------------------------------------------------------- type line

export interface TypeLine {
  readonly printed: string;
  readonly types: number; // TYPE_* | SUPER_*
  readonly subtypes: number; // SUB_* (LO word); other subtypes are kept in `printed` only
  readonly subtypesHi: number; // SUB_HI_* (HI word)
  readonly token: boolean; // a token or an emblem: never in a deck
  readonly emblem: boolean;
}

export function parseTypeLine(printed: string): TypeLine {
  const [left, right = ''] = printed.split(' — ');
  let types = 0;
  let token = false;
  let emblem = false;
  for (const word of left.split(' ')) {
    const bit = [...CARD_TYPES, ...SUPERTYPES].find(([name]) => name === word)?.[1];
    if (bit !== undefined) types |= bit;
    else if (word === 'Token') token = true;
    else if (word === 'Emblem') token = emblem = true;
    else throw new Error(`unknown card type "${word}" in "${printed}"`);
  }
  let subtypes = 0;
  let subtypesHi = 0;
  for (const word of right.split(' ').filter(Boolean)) {
    subtypes |= SUBTYPES.find(([name]) => name === word)?.[1] ?? 0;
    subtypesHi |= SUBTYPES_HI.find(([name]) => name === word)?.[1] ?? 0;
  }
  return { printed, types, subtypes, subtypesHi, token, emblem };
}

/** The SUB_* bit of a subtype, in its word: LO (SUB_*) or HI (SUB_HI_*). */
function subtypeBit(name: string): { hi: boolean; bit: number } {
  const lo = SUBTYPES.find(([n]) => n === name)?.[1];
  if (lo !== undefined) return { hi: false, bit: lo };
  const hi = SUBTYPES_HI.find(([n]) => n === name)?.[1];
  if (hi === undefined) throw new Error(`subtype ${name} has no SUB_* bit in spec.ts`);
  return { hi: true, bit: hi };
}

/** The SUB_* (LO) and SUB_HI_* bits of subtype names. */
function subtypeBits(names: string[]): { lo: number; hi: number } {
  let lo = 0, hi = 0;
  for (const n of names) {
    const b = subtypeBit(n);
    if (b.hi) hi |= b.bit; else lo |= b.bit;
  }
  return { lo, hi };
}

function typeBits(words: string[]): number {
  let bits = 0;
  for (const w of words) {
    if (w === 'permanent') bits |= S.TYPE_PERMANENT_MASK;
    else {
      const bit = CARD_TYPES.find(([n]) => n.toLowerCase() === w)?.[1];
      if (bit === undefined) throw new Error(`unknown card type ${w}`);
      bits |= bit;
    }
  }
  return bits;
}

export type Keyword = (typeof KEYWORDS)[number][0] | "can't attack" | "can't block" | "can't be blocked" | "doesn't untap" | 'must be blocked';

/** Restrictions that the IR keeps among the keyword bits ("can't attack or block"). */
const RESTRICTIONS: Record<string, number> = {
  "can't attack": S.KW_CANT_ATTACK,
  "can't block": S.KW_CANT_BLOCK,
  "can't be blocked": S.KW_UNBLOCKABLE,
  "doesn't untap": S.KW_DOESNT_UNTAP,
  'must be blocked': S.KW_MUST_BE_BLOCKED, // "must be blocked if able" (509.1c)
};

export function keywordBits(words: readonly Keyword[]): number {
  let bits = 0;
  for (const w of words) {
    const bit = KEYWORDS.find(([n]) => n === w)?.[1] ?? RESTRICTIONS[w];
    if (bit === undefined) throw new Error(`unknown keyword ${w}`);
    bits |= bit;
  }
  return bits;
}

export type CounterName = (typeof COUNTERS)[number][0];

function counterKind(name: CounterName): number {
  const kind = COUNTERS.find(([n]) => n === name)?.[1];
  if (kind === undefined) throw new Error(`unknown counter ${name}`);
  return kind;
}

// ---------------------------------------------------------------- filters

/** The words of a filter record (F_* in spec.ts). */
export interface FilterWords {
  typesAny: number;
  typesNot: number;
  subAny: number;
  subNot: number;
  subHiAny: number;
  colorsAny: number;
  controller: number;
  kwAll: number;
  kwNot: number;
  flags: number;
  mvMax: number;
  powerMin: number;
  powerMax: number;
  zone: number;
  players: number;
  kwTypes: number;
  name: string | null; // "named X"
}

const NO_FILTER: FilterWords = {
  typesAny: 0, typesNot: 0, subAny: 0, subNot: 0, subHiAny: 0, colorsAny: 0, controller: S.CTRL_ANY,
  kwAll: 0, kwNot: 0, flags: 0, mvMax: -1, powerMin: -1000, powerMax: 1000,
  zone: S.ZONE_BATTLEFIELD, players: S.PF_NONE, kwTypes: 0, name: null,
};

/** An immutable object filter; each method returns a narrowed copy. */
export class Filter {
  constructor(readonly w: FilterWords) {}
  private with(p: Partial<FilterWords>): Filter {
    return new Filter({ ...this.w, ...p });
  }
  private flag(f: number): Filter {
    return this.with({ flags: this.w.flags | f });
  }
  youControl(): Filter { return this.with({ controller: S.CTRL_YOU }); }
  oppControls(): Filter { return this.with({ controller: S.CTRL_OPP }); }
  /** "you don't control" */
  notYours(): Filter { return this.with({ controller: S.CTRL_NOT_YOU }); }
  other(): Filter { return this.flag(S.FF_OTHER); }
  non(...types: string[]): Filter { return this.with({ typesNot: this.w.typesNot | typeBits(types) }); }
  /** Has any of the subtypes given by successive calls: sub('Skeleton').sub('Zombie'). */
  sub(name: string): Filter {
    const { hi, bit } = subtypeBit(name);
    return hi ? this.with({ subHiAny: this.w.subHiAny | bit }) : this.with({ subAny: this.w.subAny | bit });
  }
  without(...kw: Keyword[]): Filter { return this.with({ kwNot: this.w.kwNot | keywordBits(kw) }); }
  attackingOrBlocking(): Filter { return this.flag(S.FF_ATTACKING_OR_BLOCKING); }
  attacking(): Filter { return this.flag(S.FF_ATTACKING); }
  tapped(): Filter { return this.flag(S.FF_TAPPED); }
  untapped(): Filter { return this.flag(S.FF_UNTAPPED); }
  nontoken(): Filter { return this.flag(S.FF_NONTOKEN); }
  /** "non-Bear": has none of the subtypes given by successive calls (LO word only: F_SUB_NOT). */
  notSub(name: string): Filter {
    const { hi, bit } = subtypeBit(name);
    if (hi) throw new Error(`notSub('${name}'): filters cannot exclude a SUB_HI_* subtype`);
    return this.with({ subNot: this.w.subNot | bit });
  }
  /** "with power N or greater" */
  powerAtLeast(n: number): Filter { return this.with({ powerMin: n }); }
  /** "with power n or less" */
  powerAtMost(n: number): Filter { return this.with({ powerMax: n }); }
  /** The power bounds restrict only the creatures among the types ("artifact, or creature with power 4 or greater"). */
  powerOnlyForCreatures(): Filter { return this.flag(S.FF_POWER_ONLY_CREATURES); }
  /** "with a +1/+1 counter on it" */
  withP1P1(): Filter { return this.flag(S.FF_HAS_P1P1); }
  /** "with mana value n or less" */
  mvAtMost(n: number): Filter { return this.with({ mvMax: n }); }
  /** "that was put there this turn" (a card that changed zones this turn) */
  putThereThisTurn(): Filter { return this.flag(S.FF_THIS_TURN); }
  /** "other" than the object the effect just affected ("it": the token just created) */
  otherThanIt(): Filter { return this.flag(S.FF_NOT_IT); }
  /** A token. */
  token(): Filter { return this.flag(S.FF_TOKEN); }
  /** "with mana value n" */
  manaValue(n: number): Filter { return this.with({ mvMax: n, flags: this.w.flags | S.FF_MV_EXACT }); }
  /** "with mana value less than or equal to the number of lands you control" */
  mvAtMostLands(): Filter { return this.flag(S.FF_MV_MAX_LANDS); }
  /** "with mana value less than or equal to <this creature>'s power" (last known power once it left). */
  mvAtMostSourcePower(): Filter { return this.flag(S.FF_MV_MAX_SOURCE_POWER); }
  /**
   * "<types> with <keyword>": the keyword is required of objects of `types` only (all if none);
   * "artifact, enchantment, or creature with flying" admits an artifact creature without flying.
   */
  having(kw: Keyword, ...types: string[]): Filter {
    return this.with({ kwAll: this.w.kwAll | keywordBits([kw]), kwTypes: this.w.kwTypes | typeBits(types) });
  }
  /** "named X" */
  named(name: string): Filter { return this.with({ name }); }
  /** "of the chosen color" (the source's "as this enters, choose a color"). */
  ofChosenColor(): Filter { return this.flag(S.FF_CHOSEN_COLOR); }
  /** "of the chosen type" (the source's "as this enters, choose a creature type"). */
  ofChosenType(): Filter { return this.flag(S.FF_CHOSEN_TYPE); }
  /** A card in any graveyard. */
  inAGraveyard(): Filter { return this.with({ zone: S.ZONE_GRAVEYARD }); }
  /** "attached to that creature": attached to the ability's first chosen target. */
  attachedToFirstTarget(): Filter { return this.flag(S.FF_ATTACHED_TO_FIRST_TARGET); }
  /** "<types> or <subtype>": "noncreature or Dragon spell" = is().non('creature').orSub('Dragon').spell(). */
  orSub(name: string): Filter {
    const { hi, bit } = subtypeBit(name);
    const flags = this.w.flags | S.FF_TYPES_OR_SUB;
    return hi ? this.with({ subHiAny: this.w.subHiAny | bit, flags }) : this.with({ subAny: this.w.subAny | bit, flags });
  }
  /** A spell on the stack. */
  spell(): Filter { return this.with({ flags: this.w.flags | S.FF_SPELL, zone: S.ZONE_STACK }); }
  /** A card in your graveyard. */
  inYourGraveyard(): Filter { return this.with({ flags: this.w.flags | S.FF_OWNED, zone: S.ZONE_GRAVEYARD }); }
  /** A card in your library (search). */
  inLibrary(): Filter { return this.with({ zone: S.ZONE_LIBRARY }); }
  /** A card in a hand. */
  inHand(): Filter { return this.with({ zone: S.ZONE_HAND }); }
  /** A card in exile. */
  inExile(): Filter { return this.with({ zone: S.ZONE_EXILE }); }
}

/** Objects having any of these card types: is('creature', 'planeswalker'); is() = any object. */
export function is(...types: string[]): Filter {
  return new Filter({ ...NO_FILTER, typesAny: typeBits(types) });
}

/** Objects of a subtype, whatever their card type ("Goblins you control"). */
export function subtype(name: string): Filter {
  return is().sub(name);
}

/** A basic land card in your library. Only lands are basic, so SUPER_BASIC alone says "basic land". */
export function basicLandCard(): Filter {
  return new Filter({ ...NO_FILTER, typesAny: S.SUPER_BASIC, zone: S.ZONE_LIBRARY });
}

/** The source object itself ("this creature gets +1/+1"). */
export function itself(): Filter {
  return new Filter({ ...NO_FILTER, flags: S.FF_SELF });
}

/** "Enchanted creature" / "equipped creature". */
export function attachedCreature(): Filter {
  return new Filter({ ...NO_FILTER, typesAny: S.TYPE_CREATURE, flags: S.FF_ATTACHED_TO_SOURCE });
}

/** "Enchanted permanent", whatever its types. */
export function attachedPermanent(): Filter {
  return new Filter({ ...NO_FILTER, flags: S.FF_ATTACHED_TO_SOURCE });
}

/** "Enchanted land". */
export function attachedLand(): Filter {
  return new Filter({ ...NO_FILTER, typesAny: S.TYPE_LAND, flags: S.FF_ATTACHED_TO_SOURCE });
}

/** "any target": a creature, planeswalker, battle or player (115.4). */
export function anyTarget(): Filter {
  return new Filter({
    ...NO_FILTER,
    typesAny: S.TYPE_CREATURE | S.TYPE_PLANESWALKER | S.TYPE_BATTLE,
    players: S.PF_ANY,
  });
}

// ---------------------------------------------------------------- targets and references

/** A target spec. Referring to a Target with max > 1 applies the instruction to each chosen one. */
export class Target {
  constructor(
    readonly filter: Filter | null,
    readonly players: number,
    readonly min: number,
    readonly max: number,
    readonly flags: number,
  ) {}
}

export function target(f: Filter): Target {
  return new Target(f, f.w.players, 1, 1, 0);
}
/** "up to N target ..." */
export function upTo(n: number, f: Filter): Target {
  return new Target(f, f.w.players, 0, n, 0);
}
/** "two target creatures controlled by different players" */
export function targetsControlledByDifferentPlayers(n: number, f: Filter): Target {
  return new Target(f, f.w.players, n, n, S.TSF_DIFFERENT_CONTROLLERS);
}
/** "each of up to N other targets": up to N, each different from the ability's earlier targets. */
export function upToOther(n: number, f: Filter): Target {
  return new Target(f, f.w.players, 0, n, S.TSF_DISTINCT_FROM_PREV);
}
/** "up to N target cards from a single graveyard" */
export function upToFromOneGraveyard(n: number, f: Filter): Target {
  return new Target(f, f.w.players, 0, n, S.TSF_SAME_OWNER);
}
/** Names a target once for a definition that refers to it more than once ("... on it"). */
export function withTarget<T>(t: Target, define: (t: Target) => T): T {
  return define(t);
}
/** "one, two, or three target ...": between 1 and `max` targets. */
export function oneTo(max: number, f: Filter): Target {
  return new Target(f, f.w.players, 1, max, 0);
}
export function targetOpponent(): Target {
  return new Target(null, S.PF_OPP, 1, 1, 0);
}
export function targetPlayer(): Target {
  return new Target(null, S.PF_ANY, 1, 1, 0);
}
/** "target <f>. If this spell was kicked, instead any number of target <f>" (up to 8: MAX_TARGETS in assembly/state.ts). */
export function oneOrAnyNumberIfKicked(f: Filter): Target {
  return new Target(f, f.w.players, 0, 8, S.TSF_ONE_UNLESS_KICKED);
}

/** A reference that is not a target: a fixed REF_* code. */
export class FixedRef {
  constructor(readonly code: number) {}
}
/** "its controller" of a target. */
export class ControllerOf {
  constructor(readonly target: Target) {}
}
export type Ref = Target | FixedRef | ControllerOf;

export const self = new FixedRef(S.REF_SELF);
export const you = new FixedRef(S.REF_YOU);
export const eachOpponent = new FixedRef(S.REF_OPP);
export const eachPlayer = new FixedRef(S.REF_EACH_PLAYER);
export const it = new FixedRef(S.REF_IT);
/** "that creature": the object of the triggering event. */
export const eventObject = new FixedRef(S.REF_EVENT_OBJ);
export const attached = new FixedRef(S.REF_ATTACHED);
/** "that player": the player of the triggering event. */
export const thatPlayer = new FixedRef(S.REF_EVENT_PLAYER);
/** In an ability a permanent grants: that permanent, called by its name ("put a bait counter on Fishing Pole"). */
export const grantor = new FixedRef(S.REF_GRANTOR);
export function controllerOf(t: Target): ControllerOf {
  return new ControllerOf(t);
}

// ---------------------------------------------------------------- amounts

export class Amount {
  constructor(
    readonly tag: number,
    readonly param: number | Filter | FixedRef | Target = 0,
  ) {}
}
export type Amt = number | Amount;

export const X = new Amount(S.AMT_X);
export const lifeLostThisWay = new Amount(S.AMT_LAST);
/** "the amount of excess damage dealt to that creature this way" (120.4a), after a damage instruction */
export const excessDamage = new Amount(S.AMT_LAST);
/** "the total power of <filter>" */
export function totalPower(f: Filter): Amount {
  return new Amount(S.AMT_TOTAL_POWER, f);
}
export const yourLife = new Amount(S.AMT_YOUR_LIFE);
/** "for each land you control" */
export const landsYouControl = new Amount(S.AMT_LANDS_YOU_CONTROL);
/** "that much", "that many": the amount of the triggering event (damage dealt, life lost, cards drawn). */
export const thatMuch = new Amount(S.AMT_EVENT_AMOUNT);
/** "the number of <filter>" */
export function count(f: Filter): Amount {
  return new Amount(S.AMT_COUNT, f);
}
/** "{1} less if you control a <filter>": 1 or 0 */
export function ifYouControl(f: Filter): Amount {
  return new Amount(S.AMT_IF_CONTROL, f);
}
/** "for each different mana value among <filter>" */
export function differentManaValues(f: Filter): Amount {
  return new Amount(S.AMT_DISTINCT_MV, f);
}
/** "the life you gained this turn" */
export const lifeGainedThisTurn = new Amount(S.AMT_LIFE_GAINED);
/** "for each <card in your graveyard>" */
export function countInGraveyard(f: Filter): Amount {
  return new Amount(S.AMT_GY_FILTER_COUNT, f);
}
/**
 * "the number of <kind> counters on this <permanent>", `fewer` less ("one fewer"); once it left
 * the battlefield, the counters it had there (last known information).
 */
export function countersOnSelf(kind: CounterName, fewer = 0): Amount {
  return new Amount(S.AMT_COUNTERS_SELF, counterKind(kind) | (fewer << S.AMT_COUNTERS_FEWER_SHIFT));
}
/** "equal to its power", "target creature's power" */
export function powerOf(r: FixedRef | Target): Amount {
  return new Amount(S.AMT_POWER, r);
}
/** "the number of cards in <who>'s graveyard": `you`, `eachOpponent` ("your opponents' graveyards") or `eachPlayer` */
export function cardsInGraveyardOf(who: FixedRef): Amount {
  return new Amount(S.AMT_GY_COUNT, who);
}

// ---------------------------------------------------------------- instructions

/** One operand of an instruction; compile.ts encodes each kind into one word. */
export type Operand =
  | { amount: Amt }
  | { ref: Ref }
  | { filter: Filter | null }
  | { word: number }
  | { token: CardDef }
  | { ability: AbilityDef } // a nested ability (ABK_NESTED), encoded as its ability index
  | { givenName: string } // a name this card's text gives (ST_SET_NAME), encoded as NAME_GIVEN | this card's index
  | { body: Instr[] }; // the skipped block of OP_IF / OP_MAY (encoded as its length, then inlined)

export interface Instr {
  readonly op: number;
  readonly args: readonly Operand[];
}

const ins = (op: number, ...args: Operand[]): Instr => ({ op, args });
const amt = (a: Amt): Operand => ({ amount: a });
const ref = (r: Ref): Operand => ({ ref: r });
const flt = (f: Filter | null): Operand => ({ filter: f });
const word = (w: number): Operand => ({ word: w });

export const damage = (n: Amt, to: Ref) => ins(S.OP_DAMAGE, amt(n), ref(to));
/** "N damage divided as you choose among any number of <targets>" (601.2d: at least 1 each, so at most N targets). */
export const damageDivided = (n: number, f: Filter) =>
  ins(S.OP_DAMAGE, amt(new Amount(S.AMT_DIVIDED, n)), ref(new Target(f, f.w.players, 0, n, S.TSF_DIVIDED)));
/** Damage to each object matching `f` (null: none) and each player in `players` (PF_*). */
export const damageEach = (n: Amt, f: Filter | null, players = S.PF_NONE) =>
  ins(S.OP_DAMAGE_EACH, amt(n), flt(f), word(players));
export const gainLife = (n: Amt, who: Ref = you) => ins(S.OP_GAIN_LIFE, amt(n), ref(who));
export const loseLife = (n: Amt, who: Ref) => ins(S.OP_LOSE_LIFE, amt(n), ref(who));
export const draw = (n: Amt = 1, who: Ref = you) => ins(S.OP_DRAW, amt(n), ref(who));
export const discard = (n: Amt, who: Ref) => ins(S.OP_DISCARD, amt(n), ref(who));
export const destroy = (r: Ref) => ins(S.OP_DESTROY, ref(r));
export const destroyAll = (f: Filter) => ins(S.OP_DESTROY_ALL, flt(f));
/** "<r>'s owner puts it on their choice of the top or bottom of their library" */
export const ownerPutsOnTopOrBottom = (r: Ref) => ins(S.OP_OWNER_TOP_OR_BOTTOM, ref(r));
/** "return a <filter card from your graveyard> to your hand" (chosen on resolution, not targeted) */
export const returnChosenCard = (f: Filter) => ins(S.OP_CHOOSE_RETURN, flt(f), word(S.ZONE_HAND));
/** "When you do, ...": triggers this card's whenYouDo() abilities (603.12). */
export const reflexive = () => ins(S.OP_REFLEXIVE);
/** "<r> gains flashback until end of turn. The flashback cost is equal to that card's mana cost." */
export const grantFlashback = (r: Ref) => ins(S.OP_GRANT_FLASHBACK, ref(r));
/** "look at the top n cards of your library and separate them into a face-down pile and a face-up pile. ..." */
export const piles = (n: Amt) => ins(S.OP_PILES, amt(n));
/** "Return all <filter> to their owner's hand." */
/** "exile all <filter>" */
export const exileAll = (f: Filter) => ins(S.OP_EXILE_ALL, flt(f));
export const bounceAll = (f: Filter) => ins(S.OP_BOUNCE_ALL, flt(f));
export const exile = (r: Ref) => ins(S.OP_EXILE, ref(r));
/** "exile it from their graveyard with a <kind> counter on it" ("it" is then the exiled card) */
export const exileWithCounter = (r: Ref, kind: CounterName) => ins(S.OP_EXILE_WITH_COUNTER, ref(r), word(counterKind(kind)));
export const bounce = (r: Ref) => ins(S.OP_BOUNCE, ref(r));
export const tap = (r: Ref) => ins(S.OP_TAP, ref(r));
export const untap = (r: Ref) => ins(S.OP_UNTAP, ref(r));
export const pump = (r: Ref, p: Amt, t: Amt) => ins(S.OP_PUMP, ref(r), amt(p), amt(t));
export const pumpAll = (f: Filter, p: Amt, t: Amt) => ins(S.OP_PUMP_ALL, flt(f), amt(p), amt(t));
export const grant = (r: Ref, ...kw: Keyword[]) => ins(S.OP_GRANT, ref(r), word(keywordBits(kw)));
export const grantAll = (f: Filter, ...kw: Keyword[]) => ins(S.OP_GRANT_ALL, flt(f), word(keywordBits(kw)));
export const putCounters = (n: Amt, kind: CounterName, on: Ref) =>
  ins(S.OP_COUNTERS, ref(on), word(counterKind(kind)), amt(n));
/** "Distribute N counters among <targets>" (601.2d): with `n` counters among two targets, the first chosen gets the larger share. */
export const distributeCounters = (n: Amt, kind: CounterName, among: Target) =>
  ins(S.OP_DISTRIBUTE_COUNTERS, ref(among), word(counterKind(kind)), amt(n));
export const doubleCounters = (kind: CounterName, on: Ref) =>
  ins(S.OP_DOUBLE_COUNTERS, ref(on), word(counterKind(kind)));
/** "double the number of each kind of counter on <r>" */
export const doubleEachKindOfCounter = (on: Ref) => ins(S.OP_DOUBLE_COUNTERS, ref(on), word(S.CTR_EACH_KIND));
export const createToken = (token: CardDef, n: Amt = 1, who: Ref = you, opts: { tapped?: boolean } = {}) =>
  ins(S.OP_TOKEN, { token }, amt(n), ref(who), word(opts.tapped ? S.TOKF_TAPPED : 0));
export const counterSpell = (r: Ref) => ins(S.OP_COUNTER_SPELL, ref(r));
/** "create a token that's a copy of <r>" (707.2); `except`: TOKF_* exceptions (707.9), e.g. TOKF_HASTE_SAC_END. */
export const copyToken = (of: Ref, except = 0, n: Amt = 1, who: Ref = you) =>
  ins(S.OP_COPY_TOKEN, ref(of), amt(n), ref(who), word(except));
export const scry = (n: Amt) => ins(S.OP_SCRY, amt(n));
export const surveil = (n: Amt) => ins(S.OP_SURVEIL, amt(n));
/** Search your library for `n` cards matching `f`, put them into `to`, then shuffle. */
export const search = (
  f: Filter,
  opts: { count?: number; upTo?: boolean; to: 'hand' | 'battlefield' | 'top'; tapped?: boolean },
) =>
  ins(
    S.OP_SEARCH,
    flt(f),
    word(opts.count ?? 1),
    word(opts.to === 'hand' ? S.ZONE_HAND : opts.to === 'top' ? S.ZONE_LIBRARY : S.ZONE_BATTLEFIELD),
    word((opts.upTo ? S.SRCH_OPTIONAL : 0) | (opts.tapped ? S.SRCH_TAPPED : 0) | (opts.to === 'top' ? S.SRCH_TOP : 0)),
  );
/** "draw N, then discard M" */
export const loot = (drawN = 1, discardN = 1) => ins(S.OP_LOOT, amt(drawN), amt(discardN));
export interface ReturnOpts {
  tapped?: boolean;
  /** "under your control" */
  yours?: boolean;
  /** says "under its owner's control" (where it goes anyway) */
  owners?: boolean;
}
const retFlags = (o: ReturnOpts) =>
  (o.tapped ? S.RET_TAPPED : 0) | (o.yours ? S.RET_UNDER_YOUR_CONTROL : 0) | (o.owners ? S.RET_UNDER_OWNER : 0);
export const returnToBattlefield = (r: Ref, opts: ReturnOpts = {}) =>
  ins(S.OP_RETURN, ref(r), word(S.ZONE_BATTLEFIELD), word(retFlags(opts)));
/** "return <card> to your hand" (its owner's hand) */
export const returnToHand = (r: Ref) => ins(S.OP_RETURN, ref(r), word(S.ZONE_HAND), word(0));
/** "return it to the battlefield with N <kind> counters on it" (614.1c: it enters with them) */
export const returnWithCounters = (r: Ref, n: Amt, kind: CounterName, opts: ReturnOpts = {}) =>
  ins(S.OP_RETURN_COUNTERS, ref(r), word(retFlags(opts)), word(counterKind(kind)), amt(n));
/** "put all <graveyard cards> onto the battlefield [under your control]" */
export const returnAllToBattlefield = (f: Filter, opts: ReturnOpts = {}) =>
  ins(S.OP_RETURN_ALL, flt(f), word(S.ZONE_BATTLEFIELD | (retFlags(opts) << 8)));
export const mill = (n: Amt, who: Ref = you) => ins(S.OP_MILL, amt(n), ref(who));
/** "look at the top N cards of your library. You may put one of those cards back on top of your library. Put the rest into your graveyard." */
export const lookKeepOneOnTop = (n: number) => ins(S.OP_LOOK_TOP_KEEP, amt(n), flt(is().inLibrary()));
/** "<who> sacrifices N <filter> of their choice" */
export const eachSacrifices = (n: Amt, f: Filter, who: Ref) => ins(S.OP_SACRIFICE, flt(f), amt(n), ref(who));
/** "<who> reveals their hand. You choose a <filter> card from it. That player discards that card." */
export const chooseDiscard = (who: Ref, f: Filter) => ins(S.OP_CHOOSE_DISCARD, ref(who), flt(f.inHand()));
/** "<who> chooses a permanent they control of each permanent type and sacrifices the rest" */
export const keepOneOfEachType = (who: Ref) => ins(S.OP_KEEP_ONE_OF_EACH_TYPE, ref(who));
/** "<body> unless <who> <cost>" (cost: a discard and/or a sacrifice, or life) */
export const unless = (who: Ref, c: Cost, ...body: Instr[]) =>
  ins(S.OP_UNLESS_DISCARD, ref(who), word(c.flags), c.param instanceof Filter ? flt(c.param) : word(c.param), { body });
/** "<who> may <cost>. If they do, <body>" */
export const ifYouDo = (who: Ref, c: Cost, ...body: Instr[]) =>
  ins(S.OP_IF_YOU_DO, ref(who), word(c.flags), c.param instanceof Filter ? flt(c.param) : word(c.param), { body });
/** "<r> gains \"<triggered ability>\" until end of turn" (613.1f) */
export const grantTrigger = (r: Ref, t: Trigger, ...effects: (Instr | Instr[])[]) =>
  ins(S.OP_GRANT_TRIGGER, ref(r), { ability: ability(S.ABK_NESTED, effects.flat(), { trigger: t }) });
/** A delayed triggered ability (603.7) about `about`, which its effects call eventObject ("it"). */
export const delayed = (t: Trigger, about: Ref, ...effects: (Instr | Instr[])[]) =>
  ins(S.OP_CREATE_DELAYED, { ability: ability(S.ABK_NESTED, effects.flat(), { trigger: t }) }, ref(about));
export const fight = (a: Ref, b: Ref) => ins(S.OP_FIGHT, ref(a), ref(b));
/** `a` deals damage equal to its power to `b`. */
export const bite = (a: Ref, b: Ref) => ins(S.OP_BITE, ref(a), ref(b));
/** One mana of any of `colors` ('RG'; 'C' is colorless), `n` times. */
export const addMana = (colors: string, n: Amt = 1) =>
  ins(S.OP_ADD_MANA, word(colors === 'C' ? 1 << S.COLOR_C : colorBits(colors)), amt(n));
/** "Add {R}. If that mana is spent on a Dragon creature spell, it gains haste until end of turn." */
export const addManaHasteForDragon = (colors: string) => ins(S.OP_ADD_MANA, word(colorBits(colors) | S.MANA_HASTE_DRAGON), amt(1));
/** "Add one mana of the chosen color." */
export const addChosenColor = () => ins(S.OP_ADD_MANA, word(S.MANA_OF_CHOSEN_COLOR), amt(1));
/** "Add one mana of any color. Spend this mana only to cast a creature spell of the chosen type or
 *  activate an ability of a creature source of the chosen type." */
export const addAnyColorForChosenType = () =>
  ins(S.OP_ADD_MANA, word(colorBits('WUBRG') | S.MANA_SPEND_CHOSEN_TYPE), amt(1));
export const attach = (r: Ref) => ins(S.OP_ATTACH, ref(r));
/** "Gain control of <r> until end of turn" */
export const gainControlUntilEndOfTurn = (r: Ref) => ins(S.OP_GAIN_CONTROL, ref(r), word(S.DUR_END_OF_TURN));
export const exileInsteadOfDying = (r: Ref) => ins(S.OP_EXILE_INSTEAD_OF_DYING, ref(r));
export const exileUntilSourceLeaves = (r: Ref) => ins(S.OP_EXILE_UNTIL_LEAVES, ref(r));
/** "End the turn." (723) */
export const endTheTurn = () => ins(S.OP_END_TURN);
/** "Exile the top N cards of your library" ("of each player's library": who = eachPlayer). "it" is the last one. */
export const exileTop = (n: Amt = 1, who: Ref = you) => ins(S.OP_EXILE_TOP, amt(n), ref(who));
/** "Choose one of them": one of the cards the last exileTop exiled becomes "it" ("that card"). */
export const chooseExiled = () => ins(S.OP_CHOOSE_EXILED);
/** "those cards": each card the last exileTop exiled (for mayPlay). */
export const exiledCards = new FixedRef(S.REF_EXILED);
/**
 * "You may play that card this turn": a permission to play (or only cast) a card from the zone it
 * is in, for the ability's controller, until the end of this turn or of their next turn.
 */
export const mayPlay = (
  r: Ref,
  opts: { untilNextTurn?: boolean; free?: boolean; anyMana?: boolean; castOnly?: boolean; now?: boolean } = {},
) =>
  ins(
    S.OP_MAY_PLAY,
    ref(r),
    word(
      (opts.untilNextTurn ? S.PLAY_NEXT_TURN : 0) | (opts.free ? S.PLAY_FREE : 0)
        | (opts.anyMana ? S.PLAY_ANY_MANA : 0) | (opts.castOnly ? S.PLAY_CAST_ONLY : 0) | (opts.now ? S.PLAY_NOW : 0),
    ),
  );
/** Look at the top `n` cards; you may reveal one matching `f` and put it into `to`; the rest go to the bottom in a random order. */
export const lookAtTop = (n: Amt, f: Filter, to: 'hand' | 'battlefield') =>
  ins(S.OP_LOOK_TOP_TAKE, amt(n), flt(f), word(to === 'hand' ? S.ZONE_HAND : S.ZONE_BATTLEFIELD));
/** Reveal cards from the top until one matching `f`; it goes into `to`, the rest on the bottom in a random order. */
export const revealUntil = (f: Filter, to: 'hand' | 'battlefield') =>
  ins(S.OP_REVEAL_UNTIL, flt(f), word(to === 'hand' ? S.ZONE_HAND : S.ZONE_BATTLEFIELD));
/** Reveal the top `n`; put any number matching `f` with mana value <= `mv` onto the battlefield, the rest into the graveyard. */
export const revealPut = (n: Amt, f: Filter, mv: Amt) => ins(S.OP_REVEAL_PUT, amt(n), flt(f), amt(mv));
/** "<who> reveals cards from the top of their library until they reveal a <f> card, then puts those cards into their graveyard" */
export const revealUntilIntoGraveyard = (who: Ref, f: Filter) => ins(S.OP_REVEAL_UNTIL_MILL, ref(who), flt(f));
/** "You get an emblem with ..." (114): `e` is an emblem definition (`emblem(...)`). */
export const getEmblem = (e: CardDef) => ins(S.OP_EMBLEM, { token: e }, ref(you));
/** "exile <player>'s graveyard" */
export const exileGraveyard = (who: Ref) => ins(S.OP_EXILE_GRAVEYARD, ref(who));
/** "Prevent all combat damage that would be dealt to it this turn." */
export const preventCombatDamage = (r: Ref) => ins(S.OP_PREVENT_COMBAT_DAMAGE, ref(r));
/**
 * Return a card to the battlefield under its owner's control with `counters` +1/+1 counters; it has
 * `kw` and is a `subtypes` in addition to its other types ("It has flying and is an Angel ...").
 */
export const returnTransformed = (r: Ref, counters: number, kw: Keyword[], subtypes: string[]) => {
  const { lo, hi } = subtypeBits(subtypes);
  if (hi) throw new Error('returnTransformed: OP_RETURN_TRANSFORMED adds SUB_* (LO) subtypes only');
  return ins(S.OP_RETURN_TRANSFORMED, ref(r), amt(counters), word(keywordBits(kw)), word(lo));
};
/** One mana of `colors`, spendable only on spells whose card has the types and subtypes of `spells`. */
export const addRestrictedMana = (colors: string, spells: Filter) =>
  ins(S.OP_ADD_MANA_RESTRICTED, word(colorBits(colors)), amt(1), flt(spells));
/** "<r> becomes a <subtypes> in addition to its other types" (no duration: while it stays on the battlefield) */
export const becomes = (r: Ref, ...subtypes: string[]) => {
  const { lo, hi } = subtypeBits(subtypes);
  return ins(S.OP_ADD_SUBTYPES, ref(r), word(lo), word(hi));
};
/**
 * "<r> becomes a [p/t] <subtypes> [and gains <keywords>]": its creature types are replaced by these
 * (205.1a), its base P/T set (layer 7b), the keywords added; no duration: while it stays on the battlefield.
 */
export const becomeSubtypes = (r: Ref, subtypes: string[], opts: { pt?: [number, number]; kw?: Keyword[] } = {}) => {
  const { lo, hi } = subtypeBits(subtypes);
  return ins(S.OP_BECOME, ref(r), word(lo), word(hi), word(opts.pt ? opts.pt[0] : S.PT_STAR),
    word(opts.pt ? opts.pt[1] : S.PT_STAR), word(keywordBits(opts.kw ?? [])));
};
/** "<r> gains \"<triggered ability>\"" with no duration (613.1f): for as long as it stays on the battlefield */
export const grantTriggerPermanently = (r: Ref, t: Trigger, ...effects: (Instr | Instr[])[]) =>
  ins(S.OP_GRANT_TRIGGER_DUR, ref(r), { ability: ability(S.ABK_NESTED, effects.flat(), { trigger: t }) }, word(S.DUR_PERMANENT));
/** "<r> becomes a p/t creature with <keywords> and all creature types. It's still a land." (no duration: it lasts) */
export const becomeCreature = (r: Ref, p: number, t: number, ...kw: Keyword[]) =>
  ins(S.OP_ANIMATE, ref(r), amt(p), amt(t), word(keywordBits(kw)));
/** "copy <spell> <n> times. You may choose new targets for the copies." */
export const copySpell = (r: Ref, n: Amt) => ins(S.OP_COPY_SPELL, ref(r), amt(n));
/** "remove a <name> counter from this; if you do, <body>" */
export const removeCounterThen = (name: CounterName, ...body: Instr[]): Instr =>
  ins(S.OP_REMOVE_COUNTER, word(counterKind(name)), { body });

/** "if <condition>, <body>" inside an effect. */
export const ifThen = (c: Condition, ...body: Instr[]): Instr =>
  ins(S.OP_IF, word(c.code), c.param instanceof Filter ? flt(c.param) : word(c.param), { body });

/** "you may <body>" (the controller chooses as it resolves). */
export const may = (...body: Instr[]): Instr => ins(S.OP_MAY, { body });
/** "you may pay <cost>. If you do, <body>" */
export const ifYouPay = (cost: string, ...body: Instr[]): Instr => {
  const m = mana(cost);
  return ins(S.OP_IF_PAY, word(m.a), word(m.b), { body });
};

/** Kicker: `otherwise` when not kicked, then `kicked` when kicked ("... instead"). */
export function ifKicked(kicked: Instr, otherwise: Instr): Instr[] {
  return [ifThen(not(wasKicked), otherwise), ifThen(wasKicked, kicked)];
}

// ---------------------------------------------------------------- static and replacement descriptors

/** "<filter> get +p/+t" */
export const stPT = (f: Filter, p: Amt, t: Amt) => ins(S.ST_PT, flt(f), amt(p), amt(t));
/** "<filter> is ... named <name>" (a name that is no card's, given by this card's text: Witness Protection) */
export const stSetName = (f: Filter, name: string) => ins(S.ST_SET_NAME, flt(f), { givenName: name });
/** "<filter> has <keywords>" */
export const stKeywords = (f: Filter, ...kw: Keyword[]) => ins(S.ST_KW, flt(f), word(keywordBits(kw)));
/** "<filter> has '{T}: Add <n> mana of any one of <colors>.'" */
export const stGrantMana = (f: Filter, colors: string, n: Amt) => ins(S.ST_GRANT_MANA, flt(f), word(colorBits(colors)), amt(n));
/** "You may play N additional lands on each of your turns." */
export const stExtraLands = (n: number) => ins(S.ST_EXTRA_LAND, word(n));
/** "You may pay <mana> rather than pay this spell's mana cost" (118.9); its condition goes on the static ability */
export const stAltCost = (cost: string) => {
  const m = mana(cost);
  return ins(S.ST_ALT_COST, word(m.a), word(m.b));
};
/** "<filter> is a <subtypes> in addition to its other types" (layer 4) */
export const stAddSubtypes = (f: Filter, ...subtypes: string[]) => {
  const { lo, hi } = subtypeBits(subtypes);
  return ins(S.ST_ADD_SUBTYPES, flt(f), word(lo), word(hi));
};
/** "You can't lose the game and your opponents can't win the game." */
export const stCantLose = () => ins(S.ST_CANT_LOSE);
/** "You have hexproof." */
export const stPlayerHexproof = () => ins(S.ST_PLAYER_HEXPROOF);
/**
 * "<filter> enters with an additional +1/+1 counter on it for each ..." (`n` counts from the entering
 * permanent), or with `itself()`: "this enters with N <kind> counters on it" (614.1c); a condition
 * ("if you cast it") goes on the static ability.
 */
export const stEntersWithCounters = (f: Filter, n: Amt, kind: CounterName = '+1/+1') =>
  ins(S.ST_ETB_COUNTERS, flt(f), word(counterKind(kind)), amt(n));
/** "<spells you cast> cost {n} less to cast" */
export const stCostReduce = (spells: Filter, n: Amt) => ins(S.ST_COST_REDUCE, flt(spells), amt(n));
/** "<filter> loses all abilities" (layer 6) */
export const stLoseAllAbilities = (f: Filter) => ins(S.ST_LOSE_ALL_ABILITIES, flt(f));
/** "<filter> is a <colors> <type line>" (layers 4-5): stSetTypes(f, 'Creature — Skeleton', 'B'); '' = colorless. */
export const stSetTypes = (f: Filter, typeLine: string, colors: string) => {
  const t = parseTypeLine(typeLine);
  return ins(S.ST_SET_TYPES, flt(f), word(t.types), word(t.subtypes), word(t.subtypesHi), word(colorBits(colors)));
};
/** "<filter> has base power and toughness p/t" (layer 7b) */
export const stSetBasePT = (f: Filter, p: Amt, t: Amt) => ins(S.ST_SET_BASE_PT, flt(f), amt(p), amt(t));
/** '<filter> has "{T}: Add {C}."' (layer 6) */
export const stTapForC = (f: Filter) => ins(S.ST_TAP_FOR_C, flt(f));
/** "You may cast spells as though they had flash." */
export const stCastAsFlash = () => ins(S.ST_CAST_AS_FLASH);
/** "You may cast spells from your hand without paying their mana costs." */
export const stCastFreeFromHand = () => ins(S.ST_CAST_FREE_FROM_HAND);
/** "During your turn, you may play cards you don't own with stash counters on them from exile, and mana of any type can be spent to cast those spells." */
export const stPlayStashed = () => ins(S.ST_PLAY_STASHED);
/** "During each of your turns, you may play a land and cast a permanent spell of each permanent type from your graveyard." */
export const stPlayFromGraveyardByType = () => ins(S.ST_PLAY_GY_BY_TYPE);
/** "You may cast this card from your graveyard by removing n counters from among creatures you control in addition to paying its other costs." (use with staticFromGraveyard) */
export const stCastFromGraveyardRemovingCounters = (n: number) => ins(S.ST_GY_CAST_REMOVE_COUNTERS, word(n));
/** "You have no maximum hand size." */
export const stNoMaxHandSize = () => ins(S.ST_NO_MAX_HAND);
/** "<this>'s power and toughness are each equal to <p>/<t>" (characteristic-defining, 604.3; print the P/T as PT_STAR) */
export const stCdaPT = (p: Amt, t: Amt) => ins(S.ST_CDA_PT, amt(p), amt(t));

// ---------------------------------------------------------------- conditions and triggers

export class Condition {
  constructor(
    readonly code: number,
    readonly param: number | Filter = 0,
  ) {}
}
export const raid = new Condition(S.COND_RAID);
export const morbid = new Condition(S.COND_MORBID);
export const yourTurn = new Condition(S.COND_YOUR_TURN);
export const wasKicked = new Condition(S.COND_KICKED);
/** "If you do, ..." after an optional action (a discard). */
export const youDid = new Condition(S.COND_YOU_DID);
/** "if target player has exactly n life": the ability's first target. */
export const targetPlayerHasLife = (n: number) => new Condition(S.COND_TARGET_LIFE, n);
export const youCastIt = new Condition(S.COND_WAS_CAST);
/** "if there are N or more creatures on the battlefield" */
export const creaturesOnBattlefield = (n: number) => new Condition(S.COND_CREATURES_AT_LEAST, n);
export const opponentLostLifeThisTurn = new Condition(S.COND_OPP_LOST_LIFE);
/** "if it had a <kind> counter on it" */
export const hadCounter = (kind: CounterName) => new Condition(S.COND_HAD_COUNTERS, counterKind(kind));
/** "if at least one <filter> was exiled this way" */
export const exiledThisWay = (f: Filter) => new Condition(S.COND_EXILED_THIS_WAY, f);
/** "if it's a <filter> card": the object the program last affected. */
export const itIs = (f: Filter) => new Condition(S.COND_IT_MATCHES, f);
/** "if it was a <type> card": the object the previous instruction affected. */
export const itWas = (...types: string[]) => new Condition(S.COND_IT_TYPE, typeBits(types));
/** "if you control a <f>" / "if you control n or more <f>" (the filter is narrowed to permanents you control) */
export const youControl = (f: Filter, n = 1) => new Condition(S.COND_CONTROL | (n > 1 ? n << S.COND_COUNT_SHIFT : 0), f.youControl());
/** "you have n or more life" */
export const lifeAtLeast = (n: number) => new Condition(S.COND_LIFE_AT_LEAST, n);
/** "this creature has n or more +1/+1 counters on it" */
export const selfCountersAtLeast = (n: number) => new Condition(S.COND_SELF_P1P1_AT_LEAST, n);
/** "if <this permanent> is a <f>" (now, as the ability resolves): "If Kellan is a Scout" */
export const selfIs = (f: Filter) => new Condition(S.COND_SELF_MATCHES, f);
/** "if that creature is a <f>": the first target */
export const targetIs = (f: Filter) => new Condition(S.COND_TARGET_MATCHES, f);
/** Trigger-event conditions (Trigger.when): "with n or more creatures", "for the first time each turn". */
export const attackersAtLeast = (n: number) => new Condition(S.COND_ATTACKERS_AT_LEAST, n);
export const firstLifeGainThisTurn = new Condition(S.COND_FIRST_LIFE_GAIN);
export const firstLifeGainOnYourTurn = new Condition(S.COND_FIRST_LIFE_GAIN, 1);
export const not = (c: Condition) => new Condition(c.code ^ S.COND_NOT, c.param);
/** Threshold: "seven or more cards in your graveyard". */
export const threshold = (n: number) => new Condition(S.COND_GY_COUNT, n);
/** "your life total is at least n greater than your starting life total" (1: "greater than"). */
export const lifeAboveStart = (n: number) => new Condition(S.COND_LIFE_ABOVE_START, n);
/** "if it was a <subtype>" about the source: as it is, or as it last existed on the battlefield (603.10a); not(...) for "wasn't" */
export const itWasSubtype = (...subtypes: string[]) => {
  const { lo, hi } = subtypeBits(subtypes);
  if (hi) throw new Error('itWasSubtype: COND_SELF_WAS_SUB reads SUB_* (LO) subtypes only');
  return new Condition(S.COND_SELF_WAS_SUB, lo);
};

export class Trigger {
  constructor(
    readonly event: number,
    readonly filter: Filter | null = null,
    readonly condition: Condition | null = null,
  ) {}
  /** Intervening "if" clause (603.4). */
  if(c: Condition): Trigger {
    return new Trigger(this.event, this.filter, c);
  }
  /**
   * A condition that is part of the trigger event (603.2), not checked again on resolution: "whenever
   * ... while <condition>", "for the first time each turn", "with three or more creatures".
   */
  when(c: Condition): Trigger {
    return new Trigger(this.event, this.filter, new Condition(c.code | S.COND_EVENT, c.param));
  }
}
export const whenEnters = () => new Trigger(S.TRIG_ETB_SELF);
export const whenDies = () => new Trigger(S.TRIG_DIES_SELF);
export const wheneverAttacks = () => new Trigger(S.TRIG_ATTACKS_SELF);
/** "Whenever you attack": one or more creatures you control attack (once per combat, 508.3a); with
 * .when(attackersAtLeast(n)): "whenever you attack with n or more creatures" */
export const wheneverYouAttack = () => new Trigger(S.TRIG_ATTACKS_ANY);
export const atBeginningOfCombat = () => new Trigger(S.TRIG_BEGIN_COMBAT);
export const atEachEndStep = () => new Trigger(S.TRIG_EACH_END_STEP);
export const wheneverYouGainLife = () => new Trigger(S.TRIG_GAIN_LIFE);
export const landfall = () => new Trigger(S.TRIG_LANDFALL);
export const atYourUpkeep = () => new Trigger(S.TRIG_UPKEEP);
export const atYourEndStep = () => new Trigger(S.TRIG_END_STEP);
export const wheneverYouCast = (f: Filter) => new Trigger(S.TRIG_CAST, f);
export const wheneverEnters = (f: Filter) => new Trigger(S.TRIG_ETB, f);
export const wheneverDies = (f: Filter) => new Trigger(S.TRIG_DIES, f);
export const wheneverYouDraw = () => new Trigger(S.TRIG_DRAW);
/** The reflexive trigger of reflexive() (603.12) */
export const whenYouDo = () => new Trigger(S.TRIG_REFLEXIVE);
export const wheneverACreatureYouControlDealsCombatDamageToAPlayer = () => new Trigger(S.TRIG_CREATURE_COMBAT_DAMAGE_PLAYER);
export const wheneverYouDrawYourSecondCard = () => new Trigger(S.TRIG_DRAW_SECOND);
export const wheneverEquippedDealsCombatDamageToPlayer = () => new Trigger(S.TRIG_EQUIPPED_COMBAT_DAMAGE_PLAYER);
export const wheneverDealsCombatDamageToPlayer = () => new Trigger(S.TRIG_COMBAT_DAMAGE_PLAYER_SELF);
/** "Whenever <filter> deals combat damage" (once per damage step, with the total it dealt). */
export const wheneverDealsCombatDamage = (f: Filter) => new Trigger(S.TRIG_COMBAT_DAMAGE_DEALT, f);
/** "Whenever one or more +1/+1 counters are put on <filter>" */
export const wheneverP1P1CountersPutOn = (f: Filter) => new Trigger(S.TRIG_P1P1_PUT, f);
/** "Whenever you put one or more +1/+1 counters on <filter>" (122.6a: you are the one putting them) */
export const wheneverYouPutP1P1CountersOn = (f: Filter) => new Trigger(S.TRIG_YOU_PUT_P1P1, f);
export const wheneverOpponentCasts = (f: Filter) => new Trigger(S.TRIG_OPP_CAST, f);
/** "Whenever a player casts <filter>" (any player, the controller included) */
export const wheneverAPlayerCasts = (f: Filter) => new Trigger(S.TRIG_ANY_CAST, f);
export const wheneverOpponentLosesLife = () => new Trigger(S.TRIG_OPP_LOSES_LIFE);
/** "at the beginning of the next end step" (a delayed trigger's event) */
export const atNextEndStep = () => new Trigger(S.TRIG_EACH_END_STEP);
export const whenEntersOrAttacks = () => new Trigger(S.TRIG_ETB_OR_ATTACKS_SELF);
export const wheneverSourceDealsNoncombatDamageToOpponent = () => new Trigger(S.TRIG_NONCOMBAT_DAMAGE_OPP);
export const wheneverOpponentDraws = () => new Trigger(S.TRIG_OPP_DRAW);
/** "Whenever an opponent discards a card" (eventObject: the discarded card, in their graveyard) */
export const wheneverOpponentDiscards = () => new Trigger(S.TRIG_OPP_DISCARDS);
export const wheneverEquippedUntaps = () => new Trigger(S.TRIG_EQUIPPED_UNTAPS);

// ---------------------------------------------------------------- costs

export interface Cost {
  mana: Mana | null;
  flags: number; // COST_*
  param: number | Filter; // discard count, life, or the sacrifice filter (or the filter of permanents to tap)
  count?: number; // how many permanents to tap (COST_TAP_PERMANENTS)
}

/** Parses a printed activation cost: "{2}, {T}, Sacrifice this token", "Discard a card", "Pay 2 life". */
export function parseCost(text: string): Cost {
  const cost: Cost = { mana: null, flags: 0, param: 0 };
  for (const part of text.split(', ')) {
    let m: RegExpMatchArray | null;
    if (part === '{T}') cost.flags |= S.COST_TAP;
    else if (/^Sacrifice this \w+$/.test(part)) cost.flags |= S.COST_SAC_SELF;
    else if (part === 'Discard a card') (cost.flags |= S.COST_DISCARD), (cost.param = 1);
    else if (part === 'Sacrifice another creature') (cost.flags |= S.COST_SAC_FILTER), (cost.param = is('creature').youControl().other());
    else if (part === 'Exile this card from your graveyard') cost.flags |= S.COST_EXILE_SELF_FROM_GY;
    else if (part === 'Sacrifice a creature') (cost.flags |= S.COST_SAC_FILTER), (cost.param = is('creature').youControl());
    else if ((m = part.match(/^Tap (\w+) untapped (\w+) you control$/))) {
      cost.flags |= S.COST_TAP_PERMANENTS; // "Tap ten untapped Elves you control"
      cost.param = subtype(SUBTYPES.find(([, , plural]) => plural === m![2])![0]).untapped().youControl();
      cost.count = NUMBER_WORDS.indexOf(m[1]);
    } else if (/^Tap [A-Z]/.test(part)) (cost.flags |= S.COST_TAP_PERMANENTS), (cost.param = itself()), (cost.count = 1); // "Tap Fishing Pole"
    else if ((m = part.match(/^Pay (\d+) life$/))) (cost.flags |= S.COST_PAY_LIFE), (cost.param = Number(m[1]));
    else if ((m = part.match(/^Remove (\w+) (\S+) counters? from this \w+$/)) && NUMBER_WORDS.includes(m[1])) {
      cost.flags |= S.COST_REMOVE_COUNTERS;
      cost.param = NUMBER_WORDS.indexOf(m[1]) | (counterKind(m[2] as CounterName) << 8);
    }
    else if (/^(\{[^}]+\})+$/.test(part)) cost.mana = mana(part);
    else throw new Error(`unsupported cost "${part}" in "${text}"`);
  }
  return cost;
}

/** Additional cost "sacrifice a <filter>". */
export const sacrifice = (f: Filter): Cost => ({ mana: null, flags: S.COST_SAC_FILTER, param: f });
/** "discard a card or sacrifice a <filter>" (for unless / if you do). */
export const discardOrSacrifice = (f: Filter): Cost => ({ mana: null, flags: S.COST_DISCARD | S.COST_SAC_FILTER, param: f });
/** "pay N life" (for if you do). */
export const payLife = (n: number): Cost => ({ mana: null, flags: S.COST_PAY_LIFE, param: n });
/** Additional cost "discard N cards". */
export const discardCards = (n: number): Cost => ({ mana: null, flags: S.COST_DISCARD, param: n });

// ---------------------------------------------------------------- abilities and cards

export interface AbilityDef {
  kind: number; // ABK_*
  cost: Cost | null;
  timing: number; // TIMING_*
  loyalty: number; // ABK_LOYALTY: signed loyalty change
  trigger: Trigger | null;
  condition: Condition | null; // static "as long as"/"during"
  effects: Instr[]; // effect program, or static / replacement descriptors
  targets: Target[]; // explicit specs (ABK_ENCHANT); others are collected from `effects`
  modes: AbilityDef[]; // ABK_MODE abilities of a modal ability
  modePick: number;
  zone: number | null; // ZONE_* the ability works from, when not the usual one
}

function ability(kind: number, effects: Instr[], extra: Partial<AbilityDef> = {}): AbilityDef {
  return {
    kind, cost: null, timing: 0, loyalty: 0, trigger: null, condition: null,
    effects, targets: [], modes: [], modePick: 0, zone: null, ...extra,
  };
}

/** One mode of a modal spell or ability. */
export function mode(...effects: (Instr | Instr[])[]): AbilityDef {
  return ability(S.ABK_MODE, effects.flat());
}

export class CardDef {
  manaCost: Mana | null = null;
  type: TypeLine = parseTypeLine('Creature');
  colorIndicator: number | null = null;
  power: number | null = null;
  toughness: number | null = null;
  startingLoyalty: number | null = null;
  keywordMask = 0;
  flags = 0;
  wardCost = 0;
  etbCounters: Amt = 0;
  kickerCost: Mana | null = null;
  flashbackCost: Mana | null = null;
  addCost: Cost | null = null;
  costReduction: Amt = 0;
  /** What the definition leaves out of the printed text (null: nothing). */
  partialReason: string | null = null;
  readonly abilities: AbilityDef[] = [];

  constructor(readonly name: string) {}

  get isToken(): boolean {
    return this.type.token;
  }
  /** Color bitmask: the color indicator if any, else the colors of the mana cost. */
  get colors(): number {
    return this.colorIndicator ?? (this.manaCost ? colorsOfMana(this.manaCost) : 0);
  }

  /** Marks the card as partly implemented; coverage reports list it with this reason. */
  partial(reason: string): this {
    this.partialReason = reason;
    return this;
  }
  cost(text: string): this {
    this.manaCost = mana(text);
    return this;
  }
  typeLine(printed: string): this {
    this.type = parseTypeLine(printed);
    if (this.type.token) this.flags |= S.CF_TOKEN;
    if (this.type.emblem) this.flags |= S.CF_EMBLEM;
    return this;
  }
  /** Color indicator (tokens): 'W', 'BG'. */
  color(letters: string): this {
    this.colorIndicator = colorBits(letters);
    return this;
  }
  pt(power: number, toughness: number): this {
    this.power = power;
    this.toughness = toughness;
    return this;
  }
  loyalty(n: number): this {
    this.startingLoyalty = n;
    return this;
  }
  keywords(...kw: Keyword[]): this {
    this.keywordMask |= keywordBits(kw);
    return this;
  }
  /** "Ward—Pay n life." */
  wardLife(n: number): this {
    this.wardCost = S.WARD_LIFE | n;
    this.keywordMask |= S.KW_WARD;
    return this;
  }
  /** "This spell can't be countered." */
  cantBeCountered(): this {
    this.flags |= S.CF_CANT_BE_COUNTERED;
    return this;
  }
  /** "If this card is in your opening hand, you may begin the game with it on the battlefield." */
  leyline(): this {
    this.flags |= S.CF_LEYLINE;
    return this;
  }
  /** "As this enters, choose a color." */
  chooseColorAsEnters(): this {
    return this.replacement(S.RP_CHOOSE_COLOR);
  }
  /** "As this enters, choose a creature type." */
  chooseTypeAsEnters(): this {
    return this.replacement(S.RP_CHOOSE_TYPE);
  }
  /** "enters with a <name> counter on it for each ..." (counted once the "as enters" choice is made). */
  entersWithNamedCounters(n: Amt): this {
    this.etbCounters = n;
    this.flags |= S.CF_ETB_COUNTERS_NAMED;
    return this;
  }
  /** "Ward {n}" */
  ward(n: number): this {
    this.wardCost = S.WARD_MANA | n;
    this.keywordMask |= S.KW_WARD;
    return this;
  }
  kicker(cost: string): this {
    this.kickerCost = mana(cost);
    return this;
  }
  flashback(cost: string): this {
    this.flashbackCost = mana(cost);
    this.flags |= S.CF_FLASHBACK;
    return this;
  }
  additionalCost(c: Cost): this {
    this.addCost = c;
    return this;
  }
  /** "As an additional cost to cast this spell, <cost> or pay <mana>." (the mana goes in the kicker words) */
  additionalCostOrMana(c: Cost, alternative: string): this {
    this.addCost = c;
    this.kickerCost = mana(alternative);
    this.flags |= S.CF_ADD_COST_OR_MANA;
    return this;
  }
  /** "This spell costs {n} less to cast" (amount expression). */
  costsLess(n: Amt): this {
    this.costReduction = n;
    return this;
  }
  /** "This spell costs {n} less to cast if it targets a tapped creature." */
  costsLessIfTargetsTapped(n: number): this {
    this.costReduction = n;
    this.flags |= S.CF_COST_REDUCE_IF_TARGET_TAPPED;
    return this;
  }
  entersTapped(): this {
    this.flags |= S.CF_ENTERS_TAPPED;
    return this;
  }
  /** "enters with N +1/+1 counters on it"; `onlyIf` raid: "... if you attacked this turn". */
  entersWithCounters(n: Amt, onlyIf: Condition | null = null): this {
    this.etbCounters = n;
    if (onlyIf === raid) this.flags |= S.CF_ETB_COUNTERS_IF_RAID;
    else if (onlyIf !== null) throw new Error('only raid can condition entering counters');
    return this;
  }
  /** "If this creature was kicked, it enters with N +1/+1 counters on it." */
  entersWithCountersIfKicked(n: Amt): this {
    this.flags |= S.CF_ETB_COUNTERS_IF_KICKED;
    return this.entersWithCounters(n);
  }
  attacksEachCombat(): this {
    this.flags |= S.CF_ATTACKS_EACH_COMBAT;
    return this;
  }
  /** "This creature can't block." (kept among the keyword bits, like a granted "can't block") */
  cantBlock(): this {
    this.keywordMask |= S.KW_CANT_BLOCK;
    return this;
  }
  /** "A deck can have any number of cards named <this>." */
  anyNumberInDeck(): this {
    this.flags |= S.CF_ANY_NUMBER_IN_DECK;
    return this;
  }
  cantBeBlockedByWalls(): this {
    this.flags |= S.CF_CANT_BE_BLOCKED_BY_WALLS;
    return this;
  }

  /** The effect of an instant or sorcery. */
  spell(...effects: (Instr | Instr[])[]): this {
    this.abilities.push(ability(S.ABK_SPELL, effects.flat()));
    return this;
  }
  /** "Choose <pick> —" followed by the modes. */
  modal(pick: number, ...modes: AbilityDef[]): this {
    this.abilities.push(ability(S.ABK_SPELL, [], { modes, modePick: pick }));
    return this;
  }
  activated(cost: string, ...effects: (Instr | Instr[])[]): this {
    this.abilities.push(ability(S.ABK_ACTIVATED, effects.flat(), { cost: parseCost(cost) }));
    return this;
  }
  /** "... Activate only once." */
  activatedOnce(cost: string, ...effects: (Instr | Instr[])[]): this {
    this.activated(cost, ...effects);
    this.abilities[this.abilities.length - 1].timing = S.TIMING_ONCE;
    return this;
  }
  /** "... Activate only as a sorcery." */
  activatedAsSorcery(cost: string, ...effects: (Instr | Instr[])[]): this {
    this.activated(cost, ...effects);
    this.abilities[this.abilities.length - 1].timing = S.TIMING_SORCERY;
    return this;
  }
  /** An activated ability that works while this card is in your graveyard (602.2). */
  activatedFromGraveyard(cost: string, ...effects: (Instr | Instr[])[]): this {
    this.abilities.push(ability(S.ABK_ACTIVATED, effects.flat(), { cost: parseCost(cost), zone: S.ZONE_GRAVEYARD }));
    return this;
  }
  /** "... Activate only as a sorcery." */
  activatedFromGraveyardAsSorcery(cost: string, ...effects: (Instr | Instr[])[]): this {
    this.activatedFromGraveyard(cost, ...effects);
    this.abilities[this.abilities.length - 1].timing = S.TIMING_SORCERY;
    return this;
  }
  /** A mana ability (605): resolves immediately; its effect is addMana(...). */
  manaAbility(cost: string, add: Instr): this {
    this.abilities.push(ability(S.ABK_MANA, [add], { cost: parseCost(cost) }));
    return this;
  }
  triggered(trigger: Trigger, ...effects: (Instr | Instr[])[]): this {
    this.abilities.push(ability(S.ABK_TRIGGERED, effects.flat(), { trigger }));
    return this;
  }
  /** A triggered ability that works while this card is in your graveyard. */
  triggeredFromGraveyard(trigger: Trigger, ...effects: (Instr | Instr[])[]): this {
    this.abilities.push(ability(S.ABK_TRIGGERED, effects.flat(), { trigger, zone: S.ZONE_GRAVEYARD }));
    return this;
  }
  /** A triggered ability that "triggers only once each turn" (603.2h). */
  triggeredOnceEachTurn(trigger: Trigger, ...effects: (Instr | Instr[])[]): this {
    this.abilities.push(ability(S.ABK_TRIGGERED, effects.flat(), { trigger, timing: S.TIMING_ONCE_PER_TURN }));
    return this;
  }
  /** 'Equipped creature has "<cost>: <effects>."' */
  equippedHas(cost: string, ...effects: (Instr | Instr[])[]): this {
    const index = this.abilities.reduce((n, ab) => n + 1 + ab.modes.length, 0); // index within the compiled card
    this.abilities.push(ability(S.ABK_GRANTED, effects.flat(), { cost: parseCost(cost) }));
    this.abilities.push(ability(S.ABK_STATIC, [ins(S.ST_GRANT_ABILITY, word(index))]));
    return this;
  }
  /** A triggered ability whose effect is "choose <pick> —" followed by the modes. */
  triggeredModal(trigger: Trigger, pick: number, ...modes: AbilityDef[]): this {
    this.abilities.push(ability(S.ABK_TRIGGERED, [], { trigger, modes, modePick: pick }));
    return this;
  }
  static(...descriptors: Instr[]): this {
    this.abilities.push(ability(S.ABK_STATIC, descriptors));
    return this;
  }
  /** A static ability that works while this card is in your graveyard (ST_GY_CAST_REMOVE_COUNTERS). */
  staticFromGraveyard(...descriptors: Instr[]): this {
    this.abilities.push(ability(S.ABK_STATIC, descriptors, { zone: S.ZONE_GRAVEYARD }));
    return this;
  }
  /** A static ability that applies only while `c` holds ("During your turn, ..."). */
  staticWhile(c: Condition, ...descriptors: Instr[]): this {
    this.abilities.push(ability(S.ABK_STATIC, descriptors, { condition: c }));
    return this;
  }
  /** A replacement effect (RP_* descriptor). */
  replacement(rp: number): this {
    this.abilities.push(ability(S.ABK_REPLACEMENT, [ins(rp)]));
    return this;
  }
  /** "Enchant <filter>" (Aura). */
  enchant(f: Filter): this {
    this.abilities.push(ability(S.ABK_ENCHANT, [], { targets: [target(f)] }));
    return this;
  }
  /** "Equip {n}": sorcery-speed attach to target creature you control. */
  equip(cost: string): this {
    const t = target(is('creature').youControl());
    this.abilities.push(ability(S.ABK_ACTIVATED, [attach(t)], { cost: parseCost(cost), timing: S.TIMING_EQUIP }));
    return this;
  }
  /** Planeswalker loyalty ability: "+1: ...", "−3: ...". */
  loyaltyAbility(change: number, ...effects: (Instr | Instr[])[]): this {
    this.abilities.push(ability(S.ABK_LOYALTY, effects.flat(), { loyalty: change }));
    return this;
  }
}

export function card(name: string): CardDef {
  return new CardDef(name);
}

/** An emblem definition (114): its abilities work from the command zone. Name it after its source: emblem('Vivien Reid'). */
export function emblem(source: string): CardDef {
  return new CardDef(`${source} Emblem`).typeLine(`Emblem — ${source.split(/[ ,]/)[0]}`);
}

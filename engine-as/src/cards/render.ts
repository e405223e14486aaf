// Renders compiled IR back into Oracle-style rules text (no reminder text), and reads a card's
// printed facts out of the IR. It reads only the IR words plus the host tables (names and
// printed type lines), so it checks what the compiler produced, not what the DSL meant.
import * as S from '../../assembly/ir/spec.ts';
import { CARD_TYPES, COLOR_LETTERS, COLOR_WORDS, COUNTERS, KEYWORDS, NUMBER_WORDS, SUBTYPES, SUBTYPES_HI, colorOrder, manaSymbols } from './vocabulary.ts';

export interface HostTables {
  readonly names: readonly string[];
  readonly typeLines: readonly string[];
  readonly partial?: readonly (string | null)[];
  readonly givenNames?: readonly (string | null)[];
}

/** A card's printed facts as cards.json lists them. */
export interface CardFacts {
  index: number;
  name: string;
  manaCost: string;
  manaValue: number;
  colors: string[];
  typeLine: string;
  power: number | '*' | null;
  toughness: number | '*' | null;
  loyalty: number | null;
  text: string;
  token: boolean;
  /** Set when the card is only partly implemented: what is missing. */
  partial?: string;
  /** The name this card's text gives to other objects (ST_SET_NAME): the host's label for name id NAME_GIVEN | index. */
  givenName?: string;
}

// ------------------------------------------------------------------ reading the IR

/**
 * Operand shapes, one letter per operand word: a = amount, r = ref, f = filter index (-1 none),
 * t = token card index, w = plain word, s = length of the skipped body that follows (OP_IF, OP_MAY),
 * b = index of a nested ability (ABK_NESTED).
 */
export const OP_SHAPES: Record<number, string> = {
  [S.OP_DAMAGE]: 'ar', [S.OP_DAMAGE_EACH]: 'afw', [S.OP_GAIN_LIFE]: 'ar', [S.OP_LOSE_LIFE]: 'ar',
  [S.OP_DRAW]: 'ar', [S.OP_DISCARD]: 'ar', [S.OP_DESTROY]: 'r', [S.OP_DESTROY_ALL]: 'f', [S.OP_EXILE]: 'r',
  [S.OP_BOUNCE]: 'r', [S.OP_TAP]: 'r', [S.OP_UNTAP]: 'r', [S.OP_PUMP]: 'raa', [S.OP_PUMP_ALL]: 'faa',
  [S.OP_GRANT]: 'rw', [S.OP_GRANT_ALL]: 'fw', [S.OP_COUNTERS]: 'rwa', [S.OP_COUNTERS_ALL]: 'fwa',
  [S.OP_TOKEN]: 'tarw', [S.OP_COUNTER_SPELL]: 'r', [S.OP_SEARCH]: 'fwww', [S.OP_SCRY]: 'a',
  [S.OP_SURVEIL]: 'a', [S.OP_MILL]: 'ar', [S.OP_RETURN]: 'rww', [S.OP_FIGHT]: 'rr', [S.OP_BITE]: 'rr',
  [S.OP_MAY]: 's', [S.OP_IF]: 'wws', [S.OP_ADD_MANA]: 'wa', [S.OP_ATTACH]: 'r', [S.OP_SACRIFICE]: 'far',
  [S.OP_GAIN_CONTROL]: 'rw', [S.OP_EXILE_INSTEAD_OF_DYING]: 'r', [S.OP_DOUBLE_COUNTERS]: 'rw',
  [S.OP_EXILE_GRAVEYARD]: 'r', [S.OP_LOOT]: 'aa', [S.OP_RETURN_ALL]: 'fw', [S.OP_IF_PAY]: 'wws',
  [S.OP_EXILE_UNTIL_LEAVES]: 'r', [S.OP_LOOK_TOP_TAKE]: 'afw', [S.OP_SCRATCH_IT]: 'r',
  [S.OP_COPY_TOKEN]: 'rarw', [S.OP_END_TURN]: '', [S.OP_BOUNCE_ALL]: 'f', [S.OP_EXILE_ALL]: 'f', [S.OP_OWNER_TOP_OR_BOTTOM]: 'r',
  [S.OP_CHOOSE_RETURN]: 'fw', [S.OP_REFLEXIVE]: '', [S.OP_GRANT_FLASHBACK]: 'r', [S.OP_PILES]: 'a',
  [S.OP_EXILE_TOP]: 'ar', [S.OP_CHOOSE_EXILED]: '', [S.OP_MAY_PLAY]: 'rw',
  [S.OP_REVEAL_UNTIL]: 'fw', [S.OP_REVEAL_PUT]: 'afa', [S.OP_EMBLEM]: 'tr', [S.OP_DISTRIBUTE_COUNTERS]: 'rwa',
  [S.OP_UNLESS_DISCARD]: 'rwws', [S.OP_IF_YOU_DO]: 'rwws', [S.OP_GRANT_TRIGGER]: 'rb', [S.OP_CREATE_DELAYED]: 'br',
  [S.OP_RETURN_COUNTERS]: 'rwwa', [S.OP_CHOOSE_DISCARD]: 'rf', [S.OP_KEEP_ONE_OF_EACH_TYPE]: 'r', [S.OP_LOOK_TOP_KEEP]: 'af',
  [S.OP_PREVENT_COMBAT_DAMAGE]: 'r', [S.OP_RETURN_TRANSFORMED]: 'raww', [S.OP_ADD_MANA_RESTRICTED]: 'waf',
  [S.OP_ANIMATE]: 'raaw', [S.OP_ADD_SUBTYPES]: 'rww', [S.OP_COPY_SPELL]: 'ra', [S.OP_REMOVE_COUNTER]: 'ws',
  [S.OP_REVEAL_UNTIL_MILL]: 'rf', [S.OP_BECOME]: 'rwwwww', [S.OP_GRANT_TRIGGER_DUR]: 'rbw', [S.OP_EXILE_WITH_COUNTER]: 'rw',
};
/** Static descriptors (ST_*). */
const ST_SHAPES: Record<number, string> = {
  [S.ST_PT]: 'faa', [S.ST_KW]: 'fw', [S.ST_COST_REDUCE]: 'fa', [S.ST_EXTRA_LAND]: 'w', [S.ST_NO_MAX_HAND]: '',
  [S.ST_SET_BASE_PT]: 'faa', [S.ST_LOSE_ALL_ABILITIES]: 'f', [S.ST_PLAYER_HEXPROOF]: '', [S.ST_GRANT_MANA]: 'fwa',
  [S.ST_ETB_COUNTERS]: 'fwa', [S.ST_ALT_COST]: 'ww', [S.ST_ADD_SUBTYPES]: 'fww', [S.ST_CANT_LOSE]: '',
  [S.ST_GRANT_ABILITY]: 'w',
  [S.ST_CAST_AS_FLASH]: '', [S.ST_CAST_FREE_FROM_HAND]: '', [S.ST_SET_TYPES]: 'fwwww', [S.ST_TAP_FOR_C]: 'f',
  [S.ST_CDA_PT]: 'aa', [S.ST_SET_NAME]: 'fw', [S.ST_PLAY_STASHED]: '', [S.ST_PLAY_GY_BY_TYPE]: '', [S.ST_GY_CAST_REMOVE_COUNTERS]: 'w',
};
/** Replacement descriptors (RP_*) have no operands. */
const RP_SHAPES: Record<number, string> = {
  [S.RP_DOUBLE_TOKENS]: '', [S.RP_DOUBLE_COUNTERS]: '', [S.RP_OPP_CREATURES_ENTER_TAPPED]: '', [S.RP_DOUBLE_DAMAGE_TO_OPP]: '',
  [S.RP_PREVENT_NONCOMBAT_TO_OTHERS]: '',
  [S.RP_CHOOSE_COLOR]: '', [S.RP_CHOOSE_TYPE]: '', [S.RP_SHUFFLE_INSTEAD_OF_GRAVEYARD]: '',
};

export interface Op {
  op: number;
  args: number[];
  shape: string; // operand kinds, see OP_SHAPES
  body: Op[]; // OP_IF / OP_MAY: the block that a false condition skips
}

/** The operand shapes of an ability kind's code. */
export function opShapes(kind: number): Record<number, string> {
  return kind === S.ABK_STATIC ? ST_SHAPES : kind === S.ABK_REPLACEMENT ? RP_SHAPES : OP_SHAPES;
}

/** Decodes a program starting at `off` up to its OP_END; throws on an unknown opcode. */
export function decodeProgram(ir: Int32Array, off: number, shapes: Record<number, string>): { ops: Op[]; end: number } {
  const ops: Op[] = [];
  let pc = off;
  const read = (limit: number, into: Op[]): void => {
    while (pc < limit) {
      const op = ir[pc++];
      if (op === S.OP_END && limit === Infinity) return;
      const shape = shapes[op];
      if (shape === undefined) throw new Error(`unknown opcode ${op} at ${pc - 1}`);
      const args = Array.from(ir.subarray(pc, pc + shape.length));
      pc += shape.length;
      const o: Op = { op, args, shape, body: [] };
      if (shape.endsWith('s')) read(pc + args[shape.length - 1], o.body);
      into.push(o);
    }
    if (limit === Infinity) throw new Error('program without OP_END');
  };
  read(Infinity, ops);
  return { ops, end: pc };
}

class IrView {
  readonly cardOff: number;
  readonly abilOff: number;
  readonly filterOff: number;
  readonly tspecOff: number;
  constructor(readonly w: Int32Array) {
    this.cardOff = w[S.HDR_CARD_OFF];
    this.abilOff = w[S.HDR_ABIL_OFF];
    this.filterOff = w[S.HDR_FILTER_OFF];
    this.tspecOff = w[S.HDR_TSPEC_OFF];
  }
  card(i: number, f: number): number {
    return this.w[this.cardOff + i * S.CARD_WORDS + f];
  }
  abil(j: number, f: number): number {
    return this.w[this.abilOff + j * S.ABIL_WORDS + f];
  }
  filter(k: number): Int32Array {
    return this.w.subarray(this.filterOff + k * S.FILTER_WORDS, this.filterOff + (k + 1) * S.FILTER_WORDS);
  }
  tspec(k: number): Int32Array {
    return this.w.subarray(this.tspecOff + k * S.TSPEC_WORDS, this.tspecOff + (k + 1) * S.TSPEC_WORDS);
  }
}

// ------------------------------------------------------------------ words

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const uncap = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
const numberWord = (n: number) => NUMBER_WORDS[n] ?? String(n);

function article(phrase: string): string {
  if (phrase.startsWith('other ')) return 'another ' + phrase.slice(6);
  return (/^[aeiou8]/i.test(phrase) ? 'an ' : 'a ') + phrase;
}

/** "a", "a and b", "a, b, and c" */
function andList(items: string[], conj = 'and'): string {
  if (items.length <= 2) return items.join(` ${conj} `);
  return `${items.slice(0, -1).join(', ')}, ${conj} ${items[items.length - 1]}`;
}

const KEYWORD_BITS = KEYWORDS.reduce((m, [, b]) => m | b, 0);

function keywordNames(bits: number): string[] {
  return KEYWORDS.filter(([, b]) => bits & b).map(([n]) => n);
}

/** "has flying and haste" / "can't attack or block" for granted abilities. */
function abilityPhrases(bits: number, has: string): string[] {
  const out: string[] = [];
  const kws = keywordNames(bits);
  if (kws.length) out.push(`${has} ${andList(kws)}`);
  if (bits & S.KW_CANT_ATTACK && bits & S.KW_CANT_BLOCK) out.push("can't attack or block");
  else if (bits & S.KW_CANT_ATTACK) out.push("can't attack");
  else if (bits & S.KW_CANT_BLOCK) out.push("can't block");
  if (bits & S.KW_UNBLOCKABLE) out.push("can't be blocked");
  if (bits & S.KW_DOESNT_UNTAP) out.push("doesn't untap during its controller's untap step");
  if (bits & S.KW_MUST_BE_BLOCKED) out.push('must be blocked if able');
  return out;
}

/** "Angel", "Elf Warrior" for SUB_* bits. */
function subtypeWords(bits: number, hiBits = 0): string {
  return [...SUBTYPES.filter(([, b]) => bits & b), ...SUBTYPES_HI.filter(([, b]) => hiBits & b)].map(([n]) => n).join(' ');
}

function counterName(kind: number): string {
  return COUNTERS.find(([, k]) => k === kind)?.[0] ?? 'a';
}


/** Card type words in alphabetical order, as Oracle lists them ("artifact or enchantment", "creature or land"). */
function typeWords(bits: number): string[] {
  if ((bits & S.TYPE_PERMANENT_MASK) === S.TYPE_PERMANENT_MASK) return ['permanent'];
  return CARD_TYPES.filter(([, b]) => bits & b).map(([n]) => n.toLowerCase()).sort();
}

/** Ends a sentence with a period, unless it ends with a quoted one. */
const period = (s: string) => (s.endsWith('."') ? s : s + '.');

const pluralize = (w: string) => (w.endsWith('y') ? w.slice(0, -1) + 'ies' : w + 's');

// ------------------------------------------------------------------ rendering a card

export function renderCard(ir: Int32Array, index: number, host: HostTables): string {
  return new CardRenderer(new IrView(ir), index, host).render();
}

export function cardFacts(ir: Int32Array, index: number, host: HostTables): CardFacts {
  const v = new IrView(ir);
  const types = v.card(index, S.CARD_TYPES);
  const token = (v.card(index, S.CARD_FLAGS) & S.CF_TOKEN) !== 0;
  const pt = (f: number) => {
    if (!(types & S.TYPE_CREATURE)) return null;
    const n = v.card(index, f);
    return n === S.PT_STAR ? '*' : n;
  };
  let manaCost = manaSymbols(v.card(index, S.CARD_COST_A), v.card(index, S.CARD_COST_B));
  // Lands and tokens have no mana cost; anything else with empty cost words costs {0}.
  if (manaCost === '' && !token && !(types & S.TYPE_LAND)) manaCost = '{0}';
  const colors = v.card(index, S.CARD_COLORS);
  return {
    index,
    name: host.names[v.card(index, S.CARD_NAME_ID)],
    manaCost,
    manaValue: v.card(index, S.CARD_MANA_VALUE),
    colors: COLOR_LETTERS.filter((_, c) => colors & (1 << c)),
    typeLine: host.typeLines[index],
    power: pt(S.CARD_POWER),
    toughness: pt(S.CARD_TOUGHNESS),
    loyalty: types & S.TYPE_PLANESWALKER ? v.card(index, S.CARD_LOYALTY) : null,
    text: renderCard(ir, index, host),
    token,
    ...(host.partial?.[index] ? { partial: host.partial[index]! } : {}),
    ...(host.givenNames?.[index] ? { givenName: host.givenNames[index]! } : {}),
  };
}

/** One clause of an effect: imperative (subject null) or "<subject> <predicate>". */
interface Clause {
  subject: string | null;
  subjectKey: string; // identity of the subject, for merging "X does A and B"
  player: boolean; // the subject is a player
  pred: string;
  objKey: string; // identity of the object acted on ("tap X and put a counter on it")
  alone: boolean; // must stand in its own sentence
  then?: boolean; // joins the previous sentence with ", then" ("Mill three cards, then return ...")
}

interface Sentence {
  parts: { subject: string | null; key: string; player: boolean; preds: string[] }[];
  objKey: string;
  alone: boolean;
}

/** Marker for "each of <targets of spec s>" after merging per-slot copies of an instruction. */
const EACH_OF_SPEC = 1 << 20;

class CardRenderer {
  private readonly types: number;
  private readonly name: string;
  private readonly selfNoun: string; // "creature", "land", "token", ...
  private readonly isSpell: boolean;
  // per-ability state
  private specs: Int32Array[] = [];
  private mentioned = new Set<number>();
  private sourceSubject = '';
  private selfName = ''; // how the effect refers to the source ("it" once a self trigger named it)
  private fromGraveyard = false; // the ability works from the graveyard: "this card"
  private nestedSelf: string | null = null; // how a granted ability names the object that has it
  private readonly shortName: string; // a legendary object is called by its first name ("Alesha")

  constructor(
    private readonly v: IrView,
    private readonly ci: number,
    private readonly host: HostTables,
  ) {
    this.types = v.card(ci, S.CARD_TYPES);
    this.name = host.names[v.card(ci, S.CARD_NAME_ID)];
    this.isSpell = (this.types & (S.TYPE_INSTANT | S.TYPE_SORCERY)) !== 0;
    this.shortName = this.types & S.SUPER_LEGENDARY ? this.name.split(',')[0] : '';
    const sub = v.card(ci, S.CARD_SUBTYPES_LO);
    this.selfNoun =
      v.card(ci, S.CARD_FLAGS) & S.CF_TOKEN ? 'token'
      : this.types & S.TYPE_CREATURE ? 'creature'
      : this.types & S.TYPE_LAND ? 'land'
      : this.types & S.TYPE_PLANESWALKER ? 'planeswalker'
      : sub & S.SUB_AURA ? 'Aura'
      : sub & S.SUB_EQUIPMENT ? 'Equipment'
      : this.types & S.TYPE_ENCHANTMENT ? 'enchantment'
      : 'artifact';
  }

  /** How the card names itself: its name (spells), its short name (legendary permanents, "Arahbo"), or "this creature". */
  private get self(): string {
    if (this.nestedSelf) return this.nestedSelf;
    if (this.isSpell) return this.name;
    if (this.fromGraveyard) return 'this card';
    return this.shortName || `this ${this.selfNoun}`;
  }
  /** "Alesha's power", "this creature's power" */
  private get selfPossessive(): string {
    return `${this.self}'s`;
  }
  private card(f: number): number {
    return this.v.card(this.ci, f);
  }

  render(): string {
    const lines: string[] = [];
    const flags = this.card(S.CARD_FLAGS);
    const addCost = this.card(S.CARD_ADD_COST);
    const kicker = manaSymbols(this.card(S.CARD_KICKER_A), this.card(S.CARD_KICKER_B));
    const orMana = flags & S.CF_ADD_COST_OR_MANA ? ` or pay ${kicker}` : '';
    if (addCost) lines.push(`As an additional cost to cast this spell, ${uncap(this.costParts(addCost, this.card(S.CARD_ADD_COST_PARAM)).join(', '))}${orMana}.`);
    if (kicker && !orMana) lines.push(`Kicker ${kicker}`);
    const reduce = this.card(S.CARD_COST_REDUCE);
    const ifTapped = flags & S.CF_COST_REDUCE_IF_TARGET_TAPPED ? ` if it targets a tapped ${this.noun(this.firstSpellTargetFilter(), false)}` : '';
    if (reduce) lines.push(this.affinity(reduce) ?? `This spell costs ${this.costReduction(reduce)}${ifTapped}.`);
    if (flags & S.CF_CANT_BE_COUNTERED) lines.push("This spell can't be countered.");
    if (flags & S.CF_LEYLINE) lines.push('If this card is in your opening hand, you may begin the game with it on the battlefield.');
    const kw = this.card(S.CARD_KEYWORDS);
    if (kw & S.KW_FLASH) lines.push('Flash'); // Oracle prints flash on its own line
    const rest = keywordNames(kw & ~S.KW_FLASH);
    const ward = this.card(S.CARD_WARD);
    // "Trample, ward {4}"; a life payment ends with a period and takes its own line
    if (ward && (ward & ~0xffff) !== S.WARD_LIFE) rest.push(`ward {${ward & 0xffff}}`);
    if (rest.length) lines.push(cap(rest.join(', ')));
    if (ward && (ward & ~0xffff) === S.WARD_LIFE) lines.push(`Ward—Pay ${ward & 0xffff} life.`);
    const self = cap(this.self);
    if (flags & S.CF_ENTERS_TAPPED) lines.push(`${self} enters tapped.`);
    const etb = this.card(S.CARD_ETB_COUNTERS);
    if (etb && !(flags & S.CF_ETB_COUNTERS_NAMED)) {
      if (flags & S.CF_ETB_COUNTERS_IF_KICKED) lines.push(`If ${this.self} was kicked, it enters with ${this.counters(S.CTR_P1P1, etb)} on it.`);
      else if (flags & S.CF_ETB_COUNTERS_IF_RAID) lines.push(`Raid — ${self} enters with ${this.counters(S.CTR_P1P1, etb)} on it if ${this.condition(S.COND_RAID, 0)}.`);
      else lines.push(`${self} enters with ${this.counters(S.CTR_P1P1, etb)} on it.`);
    }
    if (flags & S.CF_ATTACKS_EACH_COMBAT) lines.push(`${self} attacks each combat if able.`);
    if (kw & S.KW_CANT_BLOCK) lines.push(`${self} can't block.`);
    if (flags & S.CF_CANT_BE_BLOCKED_BY_WALLS) lines.push(`${self} can't be blocked by Walls.`);
    if (kw & S.KW_DOESNT_UNTAP) lines.push(`${self} doesn't untap during your untap step.`);
    const start = this.card(S.CARD_ABIL_START);
    const end = start + this.card(S.CARD_ABIL_COUNT);
    for (let j = start; j < end; j++) {
      const kindJ = this.v.abil(j, S.AB_KIND);
      // nested abilities are rendered where an effect creates or grants them; granted ones in
      // quotes by the static that grants them
      if (kindJ === S.ABK_NESTED || kindJ === S.ABK_GRANTED) continue;
      const orDies = j + 1 < end && this.isDiesTwin(j);
      const text = this.renderAbility(j, orDies);
      if (orDies) j++;
      // "This land enters tapped. As it enters, choose a color."
      if (flags & S.CF_ENTERS_TAPPED && j === start && text.startsWith(`As ${this.self} enters`)) {
        lines[lines.length - 1] += ` As it enters${text.slice(`As ${this.self} enters`.length)}`;
        continue;
      }
      // "When you do, ..." continues the paragraph of the effect that triggers it (603.12)
      if (kindJ === S.ABK_TRIGGERED && this.v.abil(j, S.AB_TRIGGER) === S.TRIG_REFLEXIVE) lines[lines.length - 1] += ` ${text}`;
      else lines.push(text);
      j += this.v.abil(j, S.AB_MODES); // modes are rendered with their modal ability
    }
    if (flags & S.CF_ANY_NUMBER_IN_DECK) lines.push(`A deck can have any number of cards named ${this.name}.`);
    if (flags & S.CF_FLASHBACK) lines.push(`Flashback ${manaSymbols(this.card(S.CARD_ALT_COST_A), this.card(S.CARD_ALT_COST_B))}`);
    return lines.join('\n');
  }

  /** Is ability j "when this enters" with the same effect as the next one, "when this dies"? */
  private isDiesTwin(j: number): boolean {
    const a = (f: number) => this.v.abil(j, f), b = (f: number) => this.v.abil(j + 1, f);
    if (a(S.AB_KIND) !== S.ABK_TRIGGERED || b(S.AB_KIND) !== S.ABK_TRIGGERED) return false;
    if (a(S.AB_TRIGGER) !== S.TRIG_ETB_SELF || b(S.AB_TRIGGER) !== S.TRIG_DIES_SELF) return false;
    if (a(S.AB_CONDITION) || b(S.AB_CONDITION) || a(S.AB_TSPEC_COUNT) || b(S.AB_TSPEC_COUNT) || a(S.AB_MODES) || b(S.AB_MODES)) return false;
    const code = (k: number) => JSON.stringify(decodeProgram(this.v.w, this.v.abil(k, S.AB_CODE), OP_SHAPES).ops);
    return code(j) === code(j + 1);
  }

  /** `orDies`: ability j stands for itself and the next one, "when this enters or dies". */
  private renderAbility(j: number, orDies = false): string {
    const ab = (f: number) => this.v.abil(j, f);
    this.specs = [];
    for (let k = 0; k < ab(S.AB_TSPEC_COUNT); k++) this.specs.push(this.v.tspec(ab(S.AB_TSPEC_START) + k));
    this.mentioned = new Set();
    const costFlags = ab(S.AB_COST_FLAGS);
    this.fromGraveyard = ab(S.AB_ZONE) === S.ZONE_GRAVEYARD;
    // "it" for the source once a self trigger has named it ("When this creature enters, it deals ...");
    // after a condition it is named again ("..., if <condition>, this creature gets ...", "Whenever Ruby
    // attacks while you control ..., Ruby gets ...")
    const selfEvents = [S.TRIG_ETB_SELF, S.TRIG_DIES_SELF, S.TRIG_ATTACKS_SELF, S.TRIG_LEAVES_SELF, S.TRIG_COMBAT_DAMAGE_PLAYER_SELF, S.TRIG_ETB_OR_ATTACKS_SELF];
    const selfTrigger = ab(S.AB_KIND) === S.ABK_TRIGGERED && selfEvents.includes(ab(S.AB_TRIGGER)) && !ab(S.AB_CONDITION);
    this.selfName = selfTrigger ? 'it' : this.self;
    this.sourceSubject = costFlags & S.COST_SAC_SELF ? 'it' : this.selfName;
    const kind = ab(S.AB_KIND);
    const ops = decodeProgram(this.v.w, ab(S.AB_CODE), opShapes(kind)).ops;
    const cost = () => {
      const parts = [manaSymbols(ab(S.AB_COST_A), ab(S.AB_COST_B)), ...this.costParts(costFlags, ab(S.AB_COST_PARAM))];
      return parts.filter(Boolean).join(', ');
    };
    switch (kind) {
      case S.ABK_SPELL:
      case S.ABK_MODE:
        return ab(S.AB_MODES) === 0 ? this.effect(ops, true) : cap(this.modes(j));
      case S.ABK_GRANTED:
      case S.ABK_ACTIVATED:
        if (ab(S.AB_TIMING) & S.TIMING_EQUIP) return `Equip ${manaSymbols(ab(S.AB_COST_A), ab(S.AB_COST_B))}`;
        return `${cost()}: ${this.effect(ops, true)}${this.timing(ab(S.AB_TIMING))}`;
      case S.ABK_MANA: {
        const text = `${cost()}: ${this.addMana(ops[0])}`;
        return this.isIntrinsicMana(costFlags, ops[0]) ? `(${text})` : text;
      }
      case S.ABK_LOYALTY: {
        const n = ab(S.AB_COST_PARAM);
        return `${n > 0 ? '+' + n : n < 0 ? '\u2212' + -n : '0'}: ${this.effect(ops, true)}`;
      }
      case S.ABK_TRIGGERED:
        return this.triggered(ab(S.AB_TRIGGER), ab(S.AB_TRIGGER_FILTER), ab(S.AB_CONDITION), ab(S.AB_CONDITION_PARAM), ops, j, orDies);
      case S.ABK_STATIC:
        return this.statics(ops, ab(S.AB_CONDITION), ab(S.AB_CONDITION_PARAM));
      case S.ABK_REPLACEMENT:
        return ops.map((o) => this.replacementText(o.op)).join(' ');
      case S.ABK_ENCHANT:
        return `Enchant ${this.noun(this.specs[0][S.TS_FILTER], false)}`;
    }
    throw new Error(`ability kind ${kind} cannot be rendered`);
  }

  /** "choose one —" and the modes of modal ability j, one per line. */
  private modes(j: number): string {
    const lines = [`choose ${numberWord(this.v.abil(j, S.AB_MODE_PICK))} —`];
    for (let m = 1; m <= this.v.abil(j, S.AB_MODES); m++) lines.push(`• ${this.renderAbility(j + m)}`);
    return lines.join('\n');
  }

  /** A replacement's text; "SELF" stands for how this card calls itself. */
  private replacementText(rp: number): string {
    const text = REPLACEMENT_TEXT[rp].replace(/SELF/g, this.self);
    const etb = this.card(S.CARD_ETB_COUNTERS);
    if (rp !== S.RP_CHOOSE_TYPE || !(this.card(S.CARD_FLAGS) & S.CF_ETB_COUNTERS_NAMED) || (etb & S.AMT_TAG_MASK) !== S.AMT_COUNT) return text;
    // the counters it enters with are counted once the type is chosen (the IR does not keep the counter's name)
    return `${text} ${cap(this.self)} enters with a counter on it for each ${this.noun(etb & S.AMT_PARAM_MASK, false)}.`;
  }

  private costParts(flags: number, param: number): string[] {
    const parts: string[] = [];
    if (flags & S.COST_TAP) parts.push('{T}');
    if (flags & S.COST_SAC_SELF) parts.push(`Sacrifice this ${this.selfNoun}`);
    if (flags & S.COST_SAC_FILTER) parts.push(`Sacrifice ${article(this.noun(param, false, true))}`);
    if (flags & S.COST_DISCARD) parts.push(param === 1 ? 'Discard a card' : `Discard ${numberWord(param)} cards`);
    if (flags & S.COST_PAY_LIFE) parts.push(`Pay ${param} life`);
    if (flags & S.COST_REMOVE_COUNTERS) parts.push(`Remove ${this.counters(param >> 8, param & 0xff)} from this ${this.selfNoun}`);
    if (flags & S.COST_EXILE_SELF_FROM_GY) parts.push('Exile this card from your graveyard');
    if (flags & S.COST_TAP_PERMANENTS) {
      const f = param & 0xffff, n = param >> 16;
      parts.push(this.v.filter(f)[S.F_FLAGS] & S.FF_SELF ? `Tap ${this.name}` : `Tap ${numberWord(n)} ${this.noun(f, n > 1)}`);
    }
    return parts;
  }

  private timing(t: number): string {
    return (t & S.TIMING_SORCERY ? ' Activate only as a sorcery.' : '') + (t & S.TIMING_ONCE_PER_TURN ? ' Activate only once each turn.' : '')
      + (t & S.TIMING_ONCE ? ' Activate only once.' : '');
  }

  private costReduction(amount: number): string {
    if (amount >>> 24 === 0) return `{${amount}} less to cast`;
    if ((amount & S.AMT_TAG_MASK) === S.AMT_IF_CONTROL) return `{1} less to cast if you control ${article(this.noun(amount & S.AMT_PARAM_MASK, false, true))}`;
    if ((amount & S.AMT_TAG_MASK) === S.AMT_COUNT) return `{1} less to cast for each ${this.noun(amount & S.AMT_PARAM_MASK, false, false, false, false, true)}`;
    if ((amount & S.AMT_TAG_MASK) === S.AMT_TOTAL_POWER) return `{X} less to cast, where X is the total power of ${this.noun(amount & S.AMT_PARAM_MASK, true)}`;
    throw new Error('unrendered cost reduction');
  }

  /** The filter of the spell ability's first target spec. */
  private firstSpellTargetFilter(): number {
    const a = this.card(S.CARD_ABIL_START);
    return this.v.tspec(this.v.abil(a, S.AB_TSPEC_START))[S.TS_FILTER];
  }

  /** 702.41a: "Affinity for Cats" is a reduction of {1} for each Cat you control (a subtype, nothing else). */
  private affinity(amount: number): string | null {
    if ((amount & S.AMT_TAG_MASK) !== S.AMT_COUNT) return null;
    const f = this.v.filter(amount & S.AMT_PARAM_MASK);
    const sub = SUBTYPES.find(([, b]) => b === f[S.F_SUB_ANY]);
    const plain = f[S.F_TYPES_ANY] === 0 && f[S.F_TYPES_NOT] === 0 && f[S.F_SUB_NOT] === 0 && f[S.F_COLORS_ANY] === 0
      && f[S.F_FLAGS] === 0 && f[S.F_KW_ALL] === 0 && f[S.F_KW_NOT] === 0 && f[S.F_NAME] === -1;
    return plain && sub && f[S.F_CONTROLLER] === S.CTRL_YOU ? `Affinity for ${sub[2]}` : null;
  }

  // ---------------------------------------------------------------- mana abilities

  private addMana(o: Op): string {
    const [mask, amount, only] = o.args;
    if (o.op === S.OP_ADD_MANA_RESTRICTED) return `${this.addMana({ ...o, op: S.OP_ADD_MANA })} Spend this mana only to cast ${article(this.noun(only, false))}.`;
    const colors = [0, 1, 2, 3, 4].filter((c) => mask & (1 << c));
    const sym = (c: number) => `{${COLOR_LETTERS[c]}}`;
    if (mask & S.MANA_OF_CHOSEN_COLOR) return 'Add one mana of the chosen color.';
    if (mask & S.MANA_HASTE_DRAGON) {
      return `${this.addMana({ ...o, args: [mask & ~S.MANA_HASTE_DRAGON, amount] })} If that mana is spent on a Dragon creature spell, it gains haste until end of turn.`;
    }
    if (mask & S.MANA_SPEND_CHOSEN_TYPE) {
      return 'Add one mana of any color. Spend this mana only to cast a creature spell of the chosen type or activate an ability of a creature source of the chosen type.';
    }
    if (mask === 1 << S.COLOR_C && amount === 1) return 'Add {C}.';
    if (colors.length === 5) return amount === 1 ? 'Add one mana of any color.' : `Add ${this.countWord(amount)} mana of any one color.`;
    if (colors.length === 2) return `Add ${colorOrder(colors).map(sym).join(' or ')}.`;
    if (colors.length !== 1) throw new Error('unrendered mana ability');
    if (amount >>> 24 === 0) return `Add ${sym(colors[0]).repeat(amount)}.`;
    if ((amount & S.AMT_TAG_MASK) === S.AMT_COUNT) return `Add ${sym(colors[0])} for each ${this.noun(amount & S.AMT_PARAM_MASK, false)}.`;
    throw new Error('unrendered mana amount');
  }

  /** A basic land type's own "{T}: Add {C}." (305.6) prints as reminder text. */
  private isIntrinsicMana(costFlags: number, o: Op): boolean {
    const lands = [S.SUB_PLAINS, S.SUB_ISLAND, S.SUB_SWAMP, S.SUB_MOUNTAIN, S.SUB_FOREST];
    const sub = this.card(S.CARD_SUBTYPES_LO);
    return costFlags === S.COST_TAP && o.args[1] === 1 && lands.some((bit, c) => sub & bit && o.args[0] === 1 << c);
  }

  // ---------------------------------------------------------------- triggered and static

  private triggered(event: number, filter: number, cond: number, condParam: number, ops: Op[], j: number, orDies = false): string {
    // an ability word may label a condition inside the effect (Morbid — ... If a creature died this turn, ...)
    const inner = ops.find((o) => o.op === S.OP_IF)?.args[0] ?? 0;
    const word = event === S.TRIG_LANDFALL ? 'Landfall — ' : abilityWord(cond || inner & ~S.COND_NOT);
    let when: string;
    switch (event) {
      case S.TRIG_ETB_SELF: when = `When ${this.self} enters${orDies ? ' or dies' : ''}`; break;
      case S.TRIG_DIES_SELF: when = `When ${this.self} dies`; break;
      case S.TRIG_ATTACKS_SELF: when = `Whenever ${this.self} attacks`; break;
      case S.TRIG_ATTACKS_ANY: when = 'Whenever you attack'; break;
      case S.TRIG_BEGIN_COMBAT: when = 'At the beginning of combat on your turn'; break;
      case S.TRIG_LEAVES_SELF: when = `When ${this.self} leaves the battlefield`; break;
      case S.TRIG_GAIN_LIFE: when = 'Whenever you gain life'; break;
      case S.TRIG_DRAW: when = 'Whenever you draw a card'; break;
      case S.TRIG_DRAW_SECOND: when = 'Whenever you draw your second card each turn'; break;
      case S.TRIG_REFLEXIVE: when = 'When you do'; break;
      case S.TRIG_LANDFALL: when = 'Whenever a land you control enters'; break;
      case S.TRIG_UPKEEP: when = 'At the beginning of your upkeep'; break;
      case S.TRIG_END_STEP: when = 'At the beginning of your end step'; break;
      case S.TRIG_EACH_END_STEP: when = 'At the beginning of each end step'; break;
      case S.TRIG_CAST:
        when = `Whenever you cast ${article(this.noun(filter, false))}`;
        if (cond === (S.COND_YOUR_TURN | S.COND_NOT)) return `${when} during an opponent's turn, ${this.effect(ops, false)}`;
        break;
      case S.TRIG_CREATURE_COMBAT_DAMAGE_PLAYER: when = 'Whenever a creature you control deals combat damage to a player'; break;
      case S.TRIG_ETB: when = `Whenever ${this.selfOrAnother(filter)} enters`; break;
      case S.TRIG_DIES: when = `Whenever ${this.selfOrAnother(filter)} dies`; break;
      case S.TRIG_EQUIPPED_COMBAT_DAMAGE_PLAYER: when = 'Whenever equipped creature deals combat damage to a player'; break;
      case S.TRIG_COMBAT_DAMAGE_PLAYER_SELF: when = `Whenever ${this.self} deals combat damage to a player`; break;
      case S.TRIG_COMBAT_DAMAGE_DEALT:
        // about itself a trigger reads "When": a granted "When this creature deals combat damage, sacrifice it."
        when = this.v.filter(filter)[S.F_FLAGS] & S.FF_SELF ? `When ${this.self} deals combat damage`
          : `Whenever ${article(this.noun(filter, false))} deals combat damage${cond === S.COND_YOUR_TURN ? ' during your turn' : ''}`;
        if (cond === S.COND_YOUR_TURN) cond = 0; // "during your turn" is part of the event's wording
        break;
      case S.TRIG_YOU_PUT_P1P1: when = `Whenever you put one or more +1/+1 counters on ${this.v.filter(filter)[S.F_FLAGS] & S.FF_SELF ? this.self : article(this.noun(filter, false))}`; break;
      case S.TRIG_P1P1_PUT: when = `Whenever one or more +1/+1 counters are put on ${article(this.noun(filter, false))}`; break;
      case S.TRIG_OPP_CAST: when = `Whenever an opponent casts ${article(this.noun(filter, false))}`; break;
      case S.TRIG_ANY_CAST: when = `Whenever a player casts ${article(this.noun(filter, false))}`; break;
      case S.TRIG_OPP_LOSES_LIFE: when = 'Whenever an opponent loses life'; break;
      case S.TRIG_ETB_OR_ATTACKS_SELF: when = `Whenever ${this.self} enters or attacks`; break;
      case S.TRIG_NONCOMBAT_DAMAGE_OPP: when = 'Whenever a source you control deals noncombat damage to an opponent'; break;
      case S.TRIG_OPP_DRAW: when = 'Whenever an opponent draws a card'; break;
      case S.TRIG_OPP_DISCARDS: when = 'Whenever an opponent discards a card'; break;
      case S.TRIG_EQUIPPED_UNTAPS: when = 'Whenever equipped creature becomes untapped'; break;
      default: throw new Error(`trigger ${event} cannot be rendered`);
    }
    if (cond & S.COND_EVENT) {
      when = this.eventCondition(event, when, cond & ~S.COND_EVENT, condParam);
      cond = 0;
    }
    const intervening = cond ? ` if ${this.condition(cond, condParam)},` : '';
    let body = this.v.abil(j, S.AB_MODES) ? this.modes(j) : this.effect(ops, false);
    // after "Whenever a player casts ..." an instruction names its player: "you create ..."
    if (event === S.TRIG_ANY_CAST && /^(create|draw|gain|put) /.test(body)) body = `you ${body}`;
    const once = this.v.abil(j, S.AB_TIMING) & S.TIMING_ONCE_PER_TURN ? ' This ability triggers only once each turn.' : '';
    return `${word}${when},${intervening} ${body}${once}`;
  }

  /**
   * A trigger event narrowed by a condition (603.2): "whenever you attack with three or more creatures",
   * "whenever Ruby attacks while you control a creature with power 4 or greater".
   */
  private eventCondition(event: number, when: string, cond: number, param: number): string {
    if (event === S.TRIG_ATTACKS_ANY && cond === S.COND_ATTACKERS_AT_LEAST) return `Whenever you attack with ${numberWord(param)} or more creatures`;
    if (event === S.TRIG_GAIN_LIFE && cond === S.COND_FIRST_LIFE_GAIN) {
      return `Whenever you gain life for the first time ${param ? 'during each of your turns' : 'each turn'}`;
    }
    if ((cond & 0xffff) === S.COND_CONTROL) return `${when} while ${this.condition(cond, param)}`;
    throw new Error(`trigger ${event} with event condition ${cond} cannot be rendered`);
  }

  /** An enters or dies filter without FF_OTHER that this creature matches includes this creature itself. */
  private selfOrAnother(filter: number): string {
    const f = this.v.filter(filter);
    const sub = f[S.F_SUB_ANY], ta = f[S.F_TYPES_ANY];
    const couldBeSelf = f[S.F_CONTROLLER] !== S.CTRL_OPP && (!ta || this.types & ta) && (!sub || this.card(S.CARD_SUBTYPES_LO) & sub);
    if (this.types & S.TYPE_CREATURE && !(f[S.F_FLAGS] & S.FF_OTHER) && couldBeSelf) {
      return `${this.self} or another ${this.noun(filter, false)}`;
    }
    return article(this.noun(filter, false));
  }

  private condition(cond: number, param: number): string {
    const neg = (cond & S.COND_NOT) !== 0;
    const count = (cond >> S.COND_COUNT_SHIFT) & 0xff;
    switch (cond & 0xffff) {
      case S.COND_KICKED: return `${this.isSpell ? 'this spell' : 'it'} ${neg ? "wasn't" : 'was'} kicked`;
      case S.COND_LIFE_AT_LEAST: return `you have ${param} or more life`;
      case S.COND_SELF_P1P1_AT_LEAST: return `${this.self} has ${numberWord(param)} or more +1/+1 counters on it`;
      case S.COND_TARGET_MATCHES: return `${this.thatSpec(0)} is ${article(this.noun(param, false))}`;
      case S.COND_RAID: return neg ? "you didn't attack this turn" : 'you attacked this turn';
      case S.COND_MORBID: return neg ? 'no creatures died this turn' : 'a creature died this turn';
      case S.COND_CONTROL:
        if (count > 1) return `you control ${neg ? 'fewer than ' : ''}${numberWord(count)}${neg ? '' : ' or more'} ${this.noun(param, true, true)}`;
        return `you ${neg ? "don't control" : 'control'} ${article(this.noun(param, false, true))}`;
      case S.COND_YOUR_TURN: return neg ? "it's not your turn" : "it's your turn";
      case S.COND_GY_COUNT: return `there are ${numberWord(param)} or more cards in your graveyard`;
      case S.COND_YOU_DID: return 'you do';
      case S.COND_TARGET_LIFE: return `${this.ref(S.REF_TARGET)} has exactly ${param} life`;
      case S.COND_OPP_LOST_LIFE: return 'an opponent lost life this turn';
      case S.COND_HAD_COUNTERS: return `it had ${article(counterName(param))} counter on it`;
      case S.COND_IT_MATCHES: return `it's ${article(this.noun(param, false))}`;
      case S.COND_SELF_MATCHES: return `${this.self} is ${article(this.noun(param, false))}`;
      case S.COND_SELF_WAS_SUB: return `it ${neg ? "wasn't" : 'was'} ${article(subtypeWords(param))}`;
      case S.COND_IT_TYPE: return `it was ${article(typeWords(param).join(' or '))} card`;
      case S.COND_WAS_CAST: return 'you cast it';
      case S.COND_EXILED_THIS_WAY: return `at least one ${this.noun(param, false)} was exiled this way`;
      case S.COND_CREATURES_AT_LEAST: return `there are ${numberWord(param)} or more creatures on the battlefield`;
    }
    throw new Error(`condition ${cond} cannot be rendered`);
  }

  private statics(ops: Op[], cond: number, condParam: number): string {
    // Consecutive descriptors about the same objects share a subject:
    // "equipped creature gets +2/+0 and has first strike".
    const lines: { filter: number; preds: string[]; text: string }[] = [];
    let ownIf = false;
    const selfNamed = cond === S.COND_SELF_P1P1_AT_LEAST; // "as long as this creature has ..., it has ..."
    for (const o of ops) {
      const last = lines[lines.length - 1];
      if (o.op === S.ST_PT || o.op === S.ST_KW || o.op === S.ST_ADD_SUBTYPES) {
        const flags = this.v.filter(o.args[0])[S.F_FLAGS];
        const plural = !(flags & (S.FF_ATTACHED_TO_SOURCE | S.FF_SELF));
        const preds = o.op === S.ST_PT
          ? [`${plural ? 'get' : 'gets'} ${this.pt(o.args[1], o.args[2], true)}${this.forEachCounter(o.args[1])}`]
          : o.op === S.ST_KW ? abilityPhrases(o.args[1], plural ? 'have' : 'has')
          : [`${plural ? 'are' : 'is'} ${article(subtypeWords(o.args[1], o.args[2]))} in addition to ${plural ? 'their' : 'its'} other types`];
        const text = flags & S.FF_SELF ? (selfNamed ? 'it' : this.self) : this.noun(o.args[0], plural);
        if (last && last.filter === o.args[0]) last.preds.push(...preds);
        else lines.push({ filter: o.args[0], preds, text });
      } else if (o.op === S.ST_LOSE_ALL_ABILITIES || o.op === S.ST_SET_TYPES || o.op === S.ST_SET_BASE_PT || o.op === S.ST_TAP_FOR_C || o.op === S.ST_SET_NAME) {
        // "Enchanted creature loses all abilities and is a black creature with base power and toughness 1/1."
        const same = last && last.filter === o.args[0];
        const preds = same ? last.preds : [];
        const isA = preds.length > 0 && preds[preds.length - 1].startsWith('is a');
        if (o.op === S.ST_LOSE_ALL_ABILITIES) preds.push(isA ? 'loses all other card types and abilities' : 'loses all abilities');
        else if (o.op === S.ST_SET_TYPES) preds.push(`is ${article(this.becomes(o.args[1], o.args[2], o.args[3], o.args[4]))}`);
        else if (!isA) throw new Error(`static ${o.op} cannot be rendered without "is a"`);
        else if (o.op === S.ST_SET_NAME) {
          const id = o.args[1];
          preds[preds.length - 1] += ` named ${id & S.NAME_GIVEN ? this.host.givenNames?.[id & (S.NAME_GIVEN - 1)] : this.host.names[id]}`;
        } else preds[preds.length - 1] += o.op === S.ST_TAP_FOR_C ? ' with "{T}: Add {C}"' : ` with base power and toughness ${this.amountWord(o.args[1])}/${this.amountWord(o.args[2])}`;
        if (!same) lines.push({ filter: o.args[0], preds, text: this.noun(o.args[0], false) });
      } else if (o.op === S.ST_CAST_AS_FLASH) {
        lines.push({ filter: -1, preds: [], text: 'you may cast spells as though they had flash' });
      } else if (o.op === S.ST_PLAY_STASHED) {
        lines.push({ filter: -1, preds: [], text: "during your turn, you may play cards you don't own with stash counters on them from exile, and mana of any type can be spent to cast those spells" });
      } else if (o.op === S.ST_PLAY_GY_BY_TYPE) {
        lines.push({ filter: -1, preds: [], text: 'during each of your turns, you may play a land and cast a permanent spell of each permanent type from your graveyard' });
      } else if (o.op === S.ST_GY_CAST_REMOVE_COUNTERS) {
        lines.push({ filter: -1, preds: [], text: `you may cast this card from your graveyard by removing ${numberWord(o.args[0])} counters from among creatures you control in addition to paying its other costs` });
      } else if (o.op === S.ST_CAST_FREE_FROM_HAND) {
        lines.push({ filter: -1, preds: [], text: 'you may cast spells from your hand without paying their mana costs' });
      } else if (o.op === S.ST_EXTRA_LAND) {
        lines.push({ filter: -1, preds: [], text: `you may play ${o.args[0] === 1 ? 'an additional land' : `${numberWord(o.args[0])} additional lands`} on each of your turns` });
      } else if (o.op === S.ST_GRANT_MANA) {
        const f = this.v.filter(o.args[0]);
        const who = f[S.F_FLAGS] & S.FF_ATTACHED_TO_SOURCE ? `enchanted ${typeWords(f[S.F_TYPES_ANY]).join(' ')} has` : `${this.noun(o.args[0], true)} have`;
        lines.push({ filter: -1, preds: [], text: `${who} "{T}: ${this.addMana({ op: S.OP_ADD_MANA, args: [o.args[1], o.args[2]], shape: 'wa', body: [] })}"` });
      } else if ((o.op === S.ST_ETB_COUNTERS && this.v.filter(o.args[0])[S.F_FLAGS] & S.FF_SELF) || o.op === S.ST_ALT_COST) {
        // these descriptors word their own condition: "... if you cast it"
        const text = o.op === S.ST_ETB_COUNTERS
          ? `${this.self} enters with ${this.counters(o.args[1], o.args[2])} on it`
          : `You may pay ${manaSymbols(o.args[0], o.args[1])} rather than pay this spell's mana cost`;
        lines.push({ filter: -1, preds: [], text: text + (cond ? ` if ${this.condition(cond, condParam)}` : '') });
        ownIf = true;
      } else if (o.op === S.ST_GRANT_ABILITY) {
        const granted = this.renderAbility(this.card(S.CARD_ABIL_START) + o.args[0]);
        lines.push({ filter: -1, preds: [], text: `${this.ref(S.REF_ATTACHED)} has "${granted}"` });
      } else if (o.op === S.ST_CDA_PT) {
        const [p, t] = [this.amountMeaning(o.args[0]), this.amountMeaning(o.args[1])];
        const name = this.host.names[this.card(S.CARD_NAME_ID)]; // a characteristic-defining ability names its card (it works in every zone)
        lines.push({ filter: -1, preds: [], text: p === t ? `${name}'s power and toughness are each equal to ${p}` : `${name}'s power is equal to ${p} and its toughness is equal to ${t}` });
      } else if (o.op === S.ST_NO_MAX_HAND) {
        lines.push({ filter: -1, preds: [], text: 'you have no maximum hand size' });
      } else if (o.op === S.ST_COST_REDUCE) {
        lines.push({ filter: -1, preds: [], text: `${this.noun(o.args[0], true)} you cast cost ${this.manaAmount(o.args[1])} less to cast` });
      } else if (o.op === S.ST_PLAYER_HEXPROOF) {
        lines.push({ filter: -1, preds: [], text: 'you have hexproof' });
      } else if (o.op === S.ST_CANT_LOSE) {
        lines.push({ filter: -1, preds: [], text: "you can't lose the game and your opponents can't win the game" });
      } else if (o.op === S.ST_ETB_COUNTERS) {
        const each = this.noun(o.args[0], false);
        const n = o.args[2];
        if ((n & S.AMT_TAG_MASK) !== S.AMT_COUNT) throw new Error('unrendered entering counters');
        const already = this.noun(n & S.AMT_PARAM_MASK, false, true, true);
        lines.push({ filter: -1, preds: [], text: `each ${each} enters with an additional ${counterName(o.args[1])} counter on it for each ${already} you already control` });
      } else {
        throw new Error(`static ${o.op} cannot be rendered`);
      }
    }
    // "This creature has flying as long as it's attacking."
    const attackingSelf = (l: { filter: number }) =>
      l.filter >= 0 && (this.v.filter(l.filter)[S.F_FLAGS] & (S.FF_SELF | S.FF_ATTACKING)) === (S.FF_SELF | S.FF_ATTACKING) ? " as long as it's attacking" : '';
    const sentences = lines.map((l) => (l.preds.length ? `${l.text} ${andList(l.preds)}` : l.text) + attackingSelf(l));
    const kind = cond & ~S.COND_NOT;
    if (ownIf) return sentences.map((l) => period(cap(l))).join(' ');
    if (kind === S.COND_GY_COUNT) {
      return `Threshold — ${sentences.map((l) => `${cap(l)} as long as there are ${numberWord(condParam)} or more cards in your graveyard.`).join(' ')}`;
    }
    if (kind === S.COND_LIFE_ABOVE_START) {
      const above = condParam === 1 ? 'greater than' : `at least ${condParam} greater than`;
      return sentences.map((l) => `As long as your life total is ${above} your starting life total, ${l}.`).join(' ');
    }
    const during = cond === S.COND_YOUR_TURN ? 'During your turn, ' : cond ? `As long as ${this.condition(cond, condParam)}, ` : '';
    return sentences.map((l) => period(during ? during + l : cap(l))).join(' ');
  }

  /** " for each fellowship counter on this artifact" when a bonus counts the source's counters. */
  private forEachCounter(amount: number): string {
    if ((amount & S.AMT_TAG_MASK) !== S.AMT_COUNTERS_SELF) return '';
    return ` for each ${counterName(amount & S.AMT_COUNTERS_KIND_MASK)} counter on ${this.self}`;
  }

  /** "green and white Citizen creature", "colorless land", "black Skeleton creature" */
  private becomes(types: number, sub: number, subHi: number, colors: number): string {
    const colorWords = colorOrder([0, 1, 2, 3, 4].filter((c) => colors & (1 << c))).map((c) => COLOR_WORDS[c]);
    return [colorWords.length ? andList(colorWords) : 'colorless', subtypeWords(sub, subHi), ...typeWords(types)].filter(Boolean).join(' ');
  }

  private manaAmount(amount: number): string {
    if (amount >>> 24 !== 0) throw new Error('unrendered cost amount');
    return `{${amount}}`;
  }

  // ---------------------------------------------------------------- effects

  /** Renders a program as sentences; `capital` starts with a capital letter (not after a trigger's comma). */
  private effect(ops: Op[], capital: boolean): string {
    const out: string[] = [];
    const merged = this.mergeEachOf(ops.filter((o) => o.op !== S.OP_REFLEXIVE)); // its "When you do" ability follows
    for (let i = 0; i < merged.length; i++) {
      const a = merged[i];
      const b = merged[i + 1];
      // "X. If <cond>, it deals N damage instead." (a kicker or similar pair of branches)
      if (b && a.op === S.OP_IF && b.op === S.OP_IF && a.args[0] === (b.args[0] ^ S.COND_NOT) && a.args[0] & S.COND_NOT) {
        const [x] = a.body;
        const [y] = b.body;
        if (a.body.length === 1 && b.body.length === 1 && x.op === S.OP_DAMAGE && y.op === S.OP_DAMAGE && x.args[1] === y.args[1]) {
          out.push(...this.sentences(this.clauses([x])));
          out.push(`If ${this.condition(b.args[0], b.args[1])}, it deals ${this.damageAmount(y.args[0])} instead`);
          i++;
          continue;
        }
        if (a.body.length === 1 && b.body.length === 1 && x.op === S.OP_PUMP && y.op === S.OP_PUMP && x.args[0] === y.args[0]) {
          out.push(...this.sentences(this.clauses([x])));
          out.push(`If ${this.condition(b.args[0], b.args[1])}, ${this.that(y.args[0])} gets ${this.pt(y.args[1], y.args[2])} until end of turn instead`);
          i++;
          continue;
        }
      }
      // "X. If this spell was kicked, instead Y."
      if (b && a.op === S.OP_IF && b.op === S.OP_IF && a.args[0] === (b.args[0] ^ S.COND_NOT) && a.args[0] & S.COND_NOT && a.body.length === 1 && b.body.length === 1) {
        out.push(...this.sentences(this.clauses(a.body)));
        out.push(`If ${this.condition(b.args[0], b.args[1])}, instead ${this.sentences(this.clauses(b.body)).join('. ')}`);
        i++;
        continue;
      }
      if (a.op === S.OP_MAY || a.op === S.OP_IF_PAY) {
        out.push(...this.optional(a));
        continue;
      }
      if (a.op === S.OP_IF) {
        const cond = this.condition(a.args[0], a.args[1]); // first: it may name the target the body refers to
        const inner = this.sentences(this.clauses(a.body));
        out.push(`If ${cond}, ${inner.map((x, k) => (k ? cap(x) : x)).join('. ')}`);
        continue;
      }
      if (a.op === S.OP_UNLESS_DISCARD || a.op === S.OP_IF_YOU_DO) {
        const [who, flags, param] = a.args;
        // the cost names another object, so the body names the source again ("If you do, this creature ...")
        const selfName = this.selfName;
        this.selfName = this.self;
        const inner = this.sentences(this.clauses(a.body)).map((x, n) => (n ? cap(x) : x)).join('. ');
        this.selfName = selfName;
        const they = who === S.REF_YOU ? 'you' : 'they';
        const pay = this.payPhrase(flags, param);
        out.push(a.op === S.OP_IF_YOU_DO ? `${this.ref(who)} may ${pay}` : `${inner} unless ${they} ${pay}`);
        if (a.op === S.OP_IF_YOU_DO) out.push(`If ${they} do, ${inner}`);
        continue;
      }
      // Group consecutive plain ops so they can share sentences.
      let k = i;
      while (k < merged.length && !BLOCK_OPS.includes(merged[k].op)) k++;
      out.push(...this.sentences(this.clauses(merged.slice(i, k))));
      out.push(...merged.slice(i, k).flatMap((o) => this.ifKickedAnyNumber(o)));
      i = k - 1;
    }
    // 'X gains "<ability>" until end of turn' reads 'Until end of turn, X gains "<ability>"'
    const eot = '" until end of turn';
    const front = (x: string) => (x.endsWith(eot) ? `until end of turn, ${x.slice(0, -eot.length + 1)}` : x);
    return out.map(front).map((s, i) => period(i === 0 && !capital ? s : cap(s))).join(' ');
  }

  /** "discard a card", "sacrifice a nonland permanent or discard a card", "pay 2 life" */
  private payPhrase(flags: number, param: number): string {
    const parts: string[] = [];
    if (flags & S.COST_SAC_FILTER) parts.push(`sacrifice ${article(this.noun(param, false, true))}`);
    if (flags & S.COST_DISCARD) parts.push('discard a card');
    if (flags & S.COST_PAY_LIFE) parts.push(`pay ${param} life`);
    return parts.join(' or ');
  }

  /** The text of a nested ability (ABK_NESTED) about "this creature", as a granted or delayed trigger. */
  private nested(j: number, granted: boolean): string {
    const saved = { specs: this.specs, mentioned: this.mentioned, source: this.sourceSubject, self: this.nestedSelf };
    this.specs = [];
    this.mentioned = new Set();
    this.nestedSelf = 'this creature';
    this.sourceSubject = this.self;
    const ab = (f: number) => this.v.abil(j, f);
    const ops = decodeProgram(this.v.w, ab(S.AB_CODE), OP_SHAPES).ops;
    const text = granted
      ? this.triggered(ab(S.AB_TRIGGER), ab(S.AB_TRIGGER_FILTER), ab(S.AB_CONDITION), ab(S.AB_CONDITION_PARAM), ops, j)
      : this.effect(ops, false).slice(0, -1);
    this.specs = saved.specs;
    this.mentioned = saved.mentioned;
    this.sourceSubject = saved.source;
    this.nestedSelf = saved.self;
    return text;
  }

  /** "If this spell was kicked, instead any number of target creatures you control gain ..." (TSF_ONE_UNLESS_KICKED). */
  private ifKickedAnyNumber(o: Op): string[] {
    const s = o.args.map((a, x) => (o.shape[x] === 'r' && a >= EACH_OF_SPEC ? a - EACH_OF_SPEC : -1)).find((x) => x >= 0);
    if (s === undefined || !(this.specs[s][S.TS_FLAGS] & S.TSF_ONE_UNLESS_KICKED)) return [];
    const pred = this.clause(o, false).pred.replace(/^(\w+)s\b/, '$1');
    return [`If this spell was kicked, instead any number of target ${this.noun(this.specs[s][S.TS_FILTER], true, false, true)} ${pred}`];
  }

  /**
   * "you may pay {R}. If you do, ..."; "you may discard a card"; "you may have target creature get +2/+0 ...";
   * "you may have it fight ...": a clause with a subject other than you takes "have".
   */
  private optional(o: Op): string[] {
    const clauses = this.clauses(o.body.filter((b) => b.op !== S.OP_IF));
    if (o.op === S.OP_IF_PAY) return [`you may pay ${manaSymbols(o.args[0], o.args[1])}`, `if you do, ${this.sentences(clauses).join('. ')}`];
    const k = o.body.findIndex((b) => b.op === S.OP_IF);
    const tail = k < 0 ? [] : [this.effect(o.body.slice(k), true).slice(0, -1)]; // "If you do, draw a card"
    const head = k < 0 ? clauses : clauses.slice(0, k);
    const had = head.map((c) => (c.subject !== null && !c.player ? { ...c, subject: `have ${c.subject}`, pred: c.pred.replace(/^(\w+)s\b/, '$1') } : c));
    const [first, ...rest] = this.sentences(had);
    return [`you may ${first}`, ...rest, ...tail];
  }

  /** Collapses per-slot copies of an instruction (one per target of a multi-target spec). */
  private mergeEachOf(ops: Op[]): Op[] {
    const out: Op[] = [];
    for (let i = 0; i < ops.length; i++) {
      const o = ops[i];
      const argIdx = o.args.findIndex((a, x) => o.shape[x] === 'r' && a >= S.REF_TARGET && a < S.REF_SELF && this.specOfSlot(a).max > 1);
      if (argIdx < 0) {
        out.push({ ...o, body: this.mergeEachOf(o.body) });
        continue;
      }
      const { spec, first, max } = this.specOfSlot(o.args[argIdx]);
      const same = (p: Op | undefined, n: number) =>
        p !== undefined && p.op === o.op && p.args.every((a, x) => (x === argIdx ? a === first + n : a === o.args[x]));
      let n = 0;
      while (n < max && same(ops[i + n], n)) n++;
      if (n !== max) throw new Error('multi-target instruction without a copy per slot');
      const args = o.args.slice();
      args[argIdx] = EACH_OF_SPEC + spec;
      out.push({ ...o, args });
      i += max - 1;
    }
    return out;
  }

  private specOfSlot(slot: number): { spec: number; first: number; max: number } {
    let first = 0;
    for (let s = 0; s < this.specs.length; s++) {
      const max = this.specs[s][S.TS_MAX];
      if (slot - S.REF_TARGET < first + max) return { spec: s, first, max };
      first += max;
    }
    throw new Error(`target slot ${slot} has no target spec`);
  }

  private sentences(clauses: Clause[]): string[] {
    const out: Sentence[] = [];
    for (const c of clauses) {
      const last = out[out.length - 1];
      const lastPart = last?.parts[last.parts.length - 1];
      if (c.then && lastPart) {
        lastPart.preds[lastPart.preds.length - 1] += `, then ${c.pred}`;
        continue;
      }
      if (last && !c.alone && !last.alone) {
        // "tap target creature and put a stun counter on it"
        if (c.subject === null && lastPart.subject === null && c.objKey && c.objKey === last.objKey) {
          lastPart.preds.push(c.pred);
          continue;
        }
        // "each opponent discards a card and loses 2 life"; "gets +3/+0 and gains first strike until end of turn"
        if (c.subject !== null && lastPart.subject !== null && c.subjectKey === lastPart.key) {
          const eot = ' until end of turn';
          const prev = lastPart.preds.length - 1;
          if (c.pred.includes(eot) && lastPart.preds[prev].endsWith(eot)) lastPart.preds[prev] = lastPart.preds[prev].slice(0, -eot.length);
          // "deals 4 damage to any target and 3 damage to each of ...", "gains flying and "<ability>""
          const verb = ['deals ', 'gains '].find((w) => c.pred.startsWith(w) && lastPart.preds[prev].startsWith(w));
          lastPart.preds.push(verb ? c.pred.slice(verb.length) : c.pred);
          continue;
        }
        // "each opponent loses 1 life and you gain 1 life"
        if (c.player && lastPart.player && last.parts.length === 1 && lastPart.preds.length === 1) {
          last.parts.push({ subject: c.subject, key: c.subjectKey, player: true, preds: [c.pred] });
          continue;
        }
      }
      out.push({ parts: [{ subject: c.subject, key: c.subjectKey, player: c.player, preds: [c.pred] }], objKey: c.objKey, alone: c.alone });
    }
    return out.map((s) => s.parts.map((p) => (p.subject ? p.subject + ' ' : '') + andList(p.preds)).join(' and '));
  }

  private clauses(ops: Op[]): Clause[] {
    // "You draw" instead of "draw" when other players act in the same program (Arbiter of Woe).
    const playerSubjects = ops.some((o) => PLAYER_OPS.includes(o.op) && o.args[1] !== S.REF_YOU)
      || ops.some((o) => o.op === S.OP_GAIN_LIFE || o.op === S.OP_LOSE_LIFE);
    return ops.map((o) => this.clause(o, playerSubjects));
  }

  private clause(o: Op, playerSubjects: boolean): Clause {
    const a = o.args;
    const imperative = (pred: string, objKey = ''): Clause => ({ subject: null, subjectKey: '', player: false, pred, objKey, alone: false });
    const subj = (ref: number, pred: (third: boolean) => string, alone = false): Clause => {
      const isYou = ref === S.REF_YOU;
      const player = isYou || ref === S.REF_OPP || ref === S.REF_EACH_PLAYER || ref >= S.REF_TARGET_CONTROLLER || this.isPlayerTarget(ref);
      return { subject: this.ref(ref), subjectKey: refKey(ref), player, pred: pred(!isYou), objKey: '', alone };
    };
    const source = (pred: string): Clause => ({ subject: this.sourceSubject, subjectKey: 'source', player: false, pred, objKey: '', alone: false });
    const v = (base: string, third: boolean) => (third ? base.replace(/^(\w+)/, (w) => (w.endsWith('s') ? w + 'es' : w + 's')) : base);
    switch (o.op) {
      case S.OP_DAMAGE:
        if ((a[0] & S.AMT_TAG_MASK) === S.AMT_DIVIDED) {
          const spec = this.specs[a[1] - EACH_OF_SPEC];
          const among = `${spec[S.TS_MIN] === 0 ? 'any number of' : numberWord(spec[S.TS_MAX])} target ${this.noun(spec[S.TS_FILTER], true).replace(' and ', ' and/or ')}`;
          return source(`deals ${a[0] & S.AMT_PARAM_MASK} damage divided as you choose among ${among}`);
        }
        if ((a[0] & S.AMT_TAG_MASK) === S.AMT_COUNT) return source(`deals damage to ${this.ref(a[1])} equal to ${this.amountMeaning(a[0])}`);
        return source(`deals ${this.damageAmount(a[0])} to ${this.ref(a[1])}`);
      case S.OP_DAMAGE_EACH: {
        const to: string[] = [];
        if (a[1] >= 0) to.push(`each ${this.noun(a[1], false)}`);
        if (a[2] === S.PF_ANY) to.push('each player');
        else if (a[2] === S.PF_OPP) to.push('each opponent');
        else if (a[2] === S.PF_YOU) to.push('you');
        return source(`deals ${this.damageAmount(a[0])} to ${to.join(' and ')}`);
      }
      case S.OP_GAIN_LIFE:
        if ((a[0] & S.AMT_TAG_MASK) === S.AMT_COUNT) return subj(a[1], (t) => `${v('gain', t)} 1 life for each ${this.noun(a[0] & S.AMT_PARAM_MASK, false)}`);
        if ((a[0] & S.AMT_TAG_MASK) === S.AMT_LAST) return subj(a[1], (t) => v('gain', t) + ' life equal to the life lost this way', true);
        if ((a[0] & S.AMT_TAG_MASK) === S.AMT_COUNT) return subj(a[1], (t) => `${v('gain', t)} 1 life for each ${this.noun(a[0] & S.AMT_PARAM_MASK, false)}`);
        return subj(a[1], (t) => `${v('gain', t)} ${this.amountWord(a[0])} life`);
      case S.OP_LOSE_LIFE: {
        if ((a[0] & S.AMT_TAG_MASK) === S.AMT_COUNTERS_SELF) {
          return subj(a[1], (t) => `${v('lose', t)} life equal to the number of ${counterName(a[0] & S.AMT_COUNTERS_KIND_MASK)} counters on ${this.self}`);
        }
        const where = (a[0] & S.AMT_TAG_MASK) === S.AMT_LIFE_GAINED ? `, where X is ${this.amountMeaning(a[0])}` : '';
        return subj(a[1], (t) => `${v('lose', t)} ${this.amountWord(a[0])} life${where}`);
      }
      case S.OP_DRAW:
      case S.OP_DISCARD: {
        const verb = o.op === S.OP_DRAW ? 'draw' : 'discard';
        if ((a[0] & S.AMT_TAG_MASK) === S.AMT_DISTINCT_MV && a[1] === S.REF_YOU) {
          return imperative(`${verb} a card for each different mana value among ${this.noun(a[0] & S.AMT_PARAM_MASK, true)}`);
        }
        const what = a[0] === 1 ? 'a card' : (a[0] & S.AMT_TAG_MASK) === S.AMT_COUNT ? `a card for each ${this.noun(a[0] & S.AMT_PARAM_MASK, false)}` : `${this.countWord(a[0])} cards`;
        const thatMany = (a[0] & S.AMT_TAG_MASK) === S.AMT_EVENT_AMOUNT; // "you draw that many cards"
        if (a[1] === S.REF_YOU && !playerSubjects && !thatMany) return imperative(`${verb} ${what}`);
        return subj(a[1], (t) => `${v(verb, t)} ${what}`);
      }
      case S.OP_SURVEIL:
      case S.OP_SCRY:
        return imperative(`${o.op === S.OP_SURVEIL ? 'surveil' : 'scry'} ${this.amountWord(a[0])}`);
      case S.OP_LOOK_TOP_TAKE: {
        const dest = a[2] === S.ZONE_HAND ? 'into your hand' : 'onto the battlefield';
        return {
          ...imperative(`look at the top ${this.countWord(a[0])} cards of your library. You may reveal ${article(this.noun(a[1], false))} from among them and put it ${dest}. Put the rest on the bottom of your library in a random order`),
          alone: true,
        };
      }
      case S.OP_REVEAL_UNTIL: {
        const dest = a[1] === S.ZONE_HAND ? 'into your hand' : 'onto the battlefield';
        return imperative(`reveal cards from the top of your library until you reveal ${article(this.noun(a[0], false))}. Put that card ${dest} and the rest on the bottom of your library in a random order`);
      }
      case S.OP_REVEAL_UNTIL_MILL:
        return subj(a[0], (t) => `${v('reveal', t)} cards from the top of ${t ? 'their' : 'your'} library until ${t ? 'they reveal' : 'you reveal'} ${article(this.noun(a[1], false))}, then ${v('put', t)} those cards into ${t ? 'their' : 'your'} graveyard`);
      case S.OP_REVEAL_PUT:
        return imperative(`reveal the top ${this.countWord(a[0])} cards of your library. You may put any number of ${this.noun(a[1], true)} with mana value ${this.amountWord(a[2])} or less from among them onto the battlefield. Then put all cards revealed this way that weren't put onto the battlefield into your graveyard`);
      case S.OP_DISTRIBUTE_COUNTERS:
        this.mentioned.add(a[0]);
        return imperative(`distribute ${this.counters(a[1], a[2])} among ${this.targetPhrase(a[0] - EACH_OF_SPEC)}`);
      case S.OP_EMBLEM:
        return subj(a[1], (t) => `${v('get', t)} an emblem with "${renderCard(this.v.w, a[0], this.host)}"`);
      case S.OP_LOOT: {
        const cards = (n: number) => (n === 1 ? 'a card' : `${this.countWord(n)} cards`);
        return imperative(`draw ${cards(a[0])}, then discard ${cards(a[1])}`);
      }
      case S.OP_DESTROY:
        return imperative(`destroy ${this.ref(a[0])}`, refKey(a[0]));
      case S.OP_DESTROY_ALL:
        return imperative(`destroy all ${this.noun(a[0], true)}`);
      case S.OP_BOUNCE_ALL:
        return imperative(`return all ${this.noun(a[0], true)} to their owner's hand`);
      case S.OP_EXILE_ALL: // "Then exile all other Nightmare tokens": "other" than what the effect just made
        return imperative(`${this.v.filter(a[0])[S.F_FLAGS] & S.FF_NOT_IT ? 'then ' : ''}exile all ${this.noun(a[0], true)}`);
      case S.OP_EXILE:
        return imperative(`exile ${this.targets(a[0])}`, refKey(a[0]));
      case S.OP_EXILE_WITH_COUNTER:
        return imperative(`exile ${a[0] === S.REF_EVENT_OBJ ? 'it' : this.ref(a[0])} from their graveyard with ${this.counters(a[1], 1)} on it`, refKey(a[0]));
      case S.OP_EXILE_UNTIL_LEAVES:
        return imperative(`exile ${this.ref(a[0])} until ${this.self} leaves the battlefield`, refKey(a[0]));
      case S.OP_EXILE_INSTEAD_OF_DYING:
        return { ...imperative(`if ${this.that(a[0])} would die this turn, exile it instead`, refKey(a[0])), alone: true };
      case S.OP_BOUNCE: {
        const spec = a[0] >= EACH_OF_SPEC ? this.specs[a[0] - EACH_OF_SPEC] : null;
        if (spec && spec[S.TS_FLAGS] & S.TSF_DIFFERENT_CONTROLLERS) {
          const n = numberWord(spec[S.TS_MAX]);
          return { ...imperative(`choose ${n} target ${this.noun(spec[S.TS_FILTER], true)} controlled by different players. Return those ${this.noun(spec[S.TS_FILTER], true)} to their owners' hands`), alone: true };
        }
        return imperative(`return ${this.ref(a[0])} to its owner's hand`, refKey(a[0]));
      }
      case S.OP_OWNER_TOP_OR_BOTTOM:
        return { ...imperative(`${this.ref(a[0])}'s owner puts it on their choice of the top or bottom of their library`), alone: true };
      case S.OP_GRANT_FLASHBACK: {
        const what = this.ref(a[0]).replace(' from your graveyard', ' in your graveyard');
        return { ...imperative(`${what} gains flashback until end of turn. The flashback cost is equal to that card's mana cost`), alone: true };
      }
      case S.OP_PILES:
        return {
          ...imperative(`look at the top ${this.countWord(a[0])} cards of your library and separate them into a face-down pile and a face-up pile. `
            + 'An opponent chooses one of those piles. Put that pile into your hand and the other into your graveyard'),
          alone: true,
        };
      case S.OP_CHOOSE_RETURN:
        return { ...imperative(`return ${article(this.noun(a[0], false))} to your hand`), then: true };
      case S.OP_TAP:
      case S.OP_UNTAP:
        // "Untap that creature." after a sentence about the target
        return imperative(`${o.op === S.OP_TAP ? 'tap' : 'untap'} ${this.mentioned.has(a[0]) ? this.that(a[0]) : this.ref(a[0])}`, refKey(a[0]));
      case S.OP_PUMP: {
        if (a[1] === (S.AMT_POWER | a[0]) && a[2] === 0) return imperative(`double ${this.ref(a[0])}'s power until end of turn`, refKey(a[0]));
        const x = (a[1] & S.AMT_TAG_MASK) === S.AMT_POWER ? `, where X is ${this.possessiveOf(a[1] & S.AMT_PARAM_MASK)} power` : '';
        return subj(a[0], () => `gets ${this.pt(a[1], a[2])} until end of turn${x}`);
      }
      case S.OP_GRANT: {
        // restrictions alone last "this turn" ("can't be blocked this turn"); gained keywords "until end of turn"
        const until = a[1] & KEYWORD_BITS ? 'until end of turn' : 'this turn';
        return subj(a[0], () => `${abilityPhrases(a[1], 'gains').join(' and ')} ${until}`);
      }
      case S.OP_ATTACH:
        return imperative(`attach ${this.ref(S.REF_SELF)} to ${this.ref(a[0])}`, refKey(a[0]));
      case S.OP_MAY:
      case S.OP_IF_PAY:
        return { ...imperative(this.optional(o).map((x, k) => (k ? cap(x) : x)).join('. ')), alone: true };
      case S.OP_ADD_SUBTYPES:
        return subj(a[0], () => `becomes ${article(subtypeWords(a[1], a[2]))}`);
      case S.OP_ANIMATE: {
        const kws = keywordNames(a[3]);
        return { ...subj(a[0], () => `becomes a ${a[1]}/${a[2]} creature with ${[...kws, 'all creature types'].join(' and ')}. It's still a land`), alone: true };
      }
      case S.OP_COPY_SPELL:
        return { ...imperative(`copy it for each other instant and sorcery spell you've cast before it this turn. You may choose new targets for the copies`), alone: true };
      case S.OP_REMOVE_COUNTER:
        return { ...imperative(`remove ${article(counterName(a[0]))} counter from ${this.self}. If you do, ${this.sentences(this.clauses(o.body)).join('. ')}`), alone: true };
      case S.OP_PUMP_ALL:
      case S.OP_GRANT_ALL: {
        const pred = o.op === S.OP_PUMP_ALL ? `get ${this.pt(a[1], a[2])}` : abilityPhrases(a[1], 'gain').join(' and ');
        const where = o.op === S.OP_PUMP_ALL && (a[1] & S.AMT_TAG_MASK) === S.AMT_COUNT ? `, where X is ${this.amountMeaning(a[1])}` : '';
        return { subject: this.noun(a[0], true), subjectKey: `filter${a[0]}`, player: false, pred: `${pred} until end of turn${where}`, objKey: '', alone: false };
      }
      case S.OP_COUNTERS:
        return imperative(`put ${this.counters(a[1], a[2])} on ${this.ref(a[0])}`, refKey(a[0]));
      case S.OP_COUNTERS_ALL:
        return imperative(`put ${this.counters(a[1], a[2])} on each ${this.noun(a[0], false)}`);
      case S.OP_DOUBLE_COUNTERS: {
        const what = a[1] === S.CTR_EACH_KIND ? 'each kind of counter' : `${counterName(a[1])} counters`;
        // no "each of" after "double", unless the targets were named before ("each of those creatures")
        const on = a[0] >= EACH_OF_SPEC && !this.mentioned.has(a[0]) ? this.targetPhrase(a[0] - EACH_OF_SPEC) : this.ref(a[0]);
        return imperative(`double the number of ${what} on ${on}`, refKey(a[0]));
      }
      case S.OP_TOKEN: {
        if (a[1] === S.AMT_LAST && a[2] === S.REF_YOU) {
          return imperative(`create a number of ${this.tokens(a[0], 2).replace(/^two /, '')} equal to the amount of excess damage dealt to that ${this.noun(this.specs[0][S.TS_FILTER], false)} this way`);
        }
        if (a[1] === S.AMT_LANDS_YOU_CONTROL && a[2] === S.REF_YOU) return imperative(`for each land you control, create ${this.tokens(a[0], 1)}`);
        const what = this.tokens(a[0], a[1], (a[3] & S.TOKF_TAPPED) !== 0);
        if (a[2] === S.REF_YOU) return imperative(`create ${what}`);
        return subj(a[2], (t) => `${v('create', t)} ${what}`);
      }
      case S.OP_COUNTER_SPELL:
        return imperative(`counter ${this.ref(a[0])}`, refKey(a[0]));
      case S.OP_COPY_TOKEN: {
        if (a[2] !== S.REF_YOU) break;
        const what = a[1] === 1 ? "a token that's" : `${this.countWord(a[1])} tokens that are`;
        const except = a[3] & S.TOKF_HASTE_SAC_END ? ', except it has haste and "At the beginning of the end step, sacrifice this token."'
          : a[3] & S.TOKF_NIGHTMARE ? ", except it's a Nightmare in addition to its other types" : '';
        return { ...imperative(`create ${what} a copy of ${this.ref(a[0])}${except}`), alone: except !== '' };
      }
      case S.OP_SEARCH: {
        const [f, n, dest, flags] = a;
        const may = flags & S.SRCH_OPTIONAL && n === 1 ? 'you may ' : ''; // "you may search ... for a basic land card"
        const what = flags & S.SRCH_OPTIONAL && n > 1 ? `up to ${numberWord(n)} ${this.noun(f, true)}` : n === 1 ? article(this.noun(f, false)) : `${numberWord(n)} ${this.noun(f, true)}`;
        if (flags & S.SRCH_TOP) return imperative(`${may}search your library for ${what}, reveal it, then shuffle and put that card on top`);
        const them = n > 1 ? 'them' : may ? 'that card' : 'it';
        // a search for any card reveals nothing (701.19c: only a stated quality needs showing)
        const reveal = this.v.filter(f)[S.F_TYPES_ANY] ? `reveal ${them}, ` : '';
        const put = dest === S.ZONE_HAND ? `${reveal}put ${them} into your hand` : `put ${them} onto the battlefield${flags & S.SRCH_TAPPED ? ' tapped' : ''}`;
        return imperative(`${may}search your library for ${what}, ${put}, then shuffle`);
      }
      case S.OP_RETURN: {
        const hand = this.fromYourGraveyard(a[0]) ? 'your hand' : "its owner's hand";
        const to = a[1] === S.ZONE_BATTLEFIELD ? 'the battlefield' : a[1] === S.ZONE_HAND ? hand : 'the top of its library';
        const tail = (a[2] & S.RET_TAPPED ? ' tapped' : '') + (a[2] & S.RET_UNDER_YOUR_CONTROL ? ' under your control' : '')
          + (a[2] & S.RET_UNDER_OWNER ? " under its owner's control" : '');
        return imperative(`return ${this.targets(a[0])} to ${to}${tail}`, refKey(a[0]));
      }
      case S.OP_GAIN_CONTROL:
        return { ...imperative(`gain control of ${this.ref(a[0])} until end of turn`, refKey(a[0])), alone: true };
      case S.OP_ADD_MANA:
        return imperative(uncap(this.addMana(o).slice(0, -1)));
      case S.OP_EXILE_TOP: {
        const whose = a[1] === S.REF_YOU ? 'your' : a[1] === S.REF_EACH_PLAYER ? "each player's" : `${this.ref(a[1])}'s`;
        const what = a[0] === 1 ? 'card' : `${this.countWord(a[0])} cards`;
        return imperative(`exile the top ${what} of ${whose} library`);
      }
      case S.OP_CHOOSE_EXILED:
        return { ...imperative('choose one of them'), alone: true };
      case S.OP_MAY_PLAY: {
        const flags = a[1];
        if (a[0] === S.REF_EXILED && flags & S.PLAY_NOW) {
          return { ...imperative(`you may cast any number of spells from among those cards${flags & S.PLAY_FREE ? ' without paying their mana costs' : ''}`), alone: true };
        }
        const what = a[0] === S.REF_IT ? 'that card' : this.ref(a[0]);
        const may = `you may ${flags & S.PLAY_CAST_ONLY ? 'cast' : 'play'} ${what}${flags & S.PLAY_FREE ? ' without paying its mana cost' : ''}`;
        const anyMana = flags & S.PLAY_ANY_MANA ? ', and mana of any type can be spent to cast that spell' : '';
        const text = flags & S.PLAY_NEXT_TURN ? `until the end of your next turn, ${may}${anyMana}` : `${may} this turn${anyMana}`;
        return { ...imperative(text), alone: true };
      }
      case S.OP_RETURN_COUNTERS: {
        const tail = (a[1] & S.RET_TAPPED ? ' tapped' : '') + (a[1] & S.RET_UNDER_YOUR_CONTROL ? ' under your control' : '')
          + (a[1] & S.RET_UNDER_OWNER ? " under its owner's control" : '');
        return imperative(`return ${this.ref(a[0])} to the battlefield${tail} with ${this.counters(a[2], a[3])} on it`, refKey(a[0]));
      }
      case S.OP_RETURN_ALL: {
        // your own cards "return"; cards from all graveyards are "put onto the battlefield under your control"
        const flags = a[1] >> 8;
        if (flags & S.RET_UNDER_YOUR_CONTROL) return imperative(`put all ${this.noun(a[0], true)} onto the battlefield under your control`);
        return imperative(`return all ${this.noun(a[0], true)} to the battlefield`);
      }
      case S.OP_MILL: {
        const what = a[0] === 1 ? 'a card' : `${this.countWord(a[0])} cards`;
        if (a[1] === S.REF_YOU && !playerSubjects) return imperative(`mill ${what}`);
        return subj(a[1], (t) => `${v('mill', t)} ${what}`);
      }
      case S.OP_SACRIFICE:
        // "sacrifice it": the object with the ability (a filter of itself)
        if (this.v.filter(a[0])[S.F_FLAGS] & S.FF_SELF && a[2] === S.REF_YOU) return imperative(`sacrifice ${this.ref(S.REF_SELF)}`);
        return subj(a[2], (t) => `${v('sacrifice', t)} ${this.countWord(a[1])} ${this.noun(a[0], a[1] !== 1, true)} of their choice`);
      case S.OP_CHOOSE_DISCARD:
        return subj(a[0], () => `reveals their hand. You choose ${article(this.noun(a[1], false))} from it. That player discards that card`, true);
      case S.OP_LOOK_TOP_KEEP:
        return imperative(`look at the top ${this.countWord(a[0])} cards of your library. You may put one of those cards back on top of your library. Put the rest into your graveyard`);
      case S.OP_KEEP_ONE_OF_EACH_TYPE:
        return subj(a[0], (t) => `${v('choose', t)} a permanent they control of each permanent type and ${v('sacrifice', t)} the rest`, true);
      case S.OP_GRANT_TRIGGER:
        return subj(a[0], () => `gains "${this.nested(a[1], true)}" until end of turn`);
      case S.OP_GRANT_TRIGGER_DUR:
        return subj(a[0], () => `gains "${this.nested(a[1], true)}"${a[2] === S.DUR_END_OF_TURN ? ' until end of turn' : ''}`);
      case S.OP_BECOME: {
        const pt = a[3] === S.PT_STAR ? '' : `${a[3]}/${a[4]} `;
        const kws = keywordNames(a[5]);
        return subj(a[0], () => `becomes ${article(pt + subtypeWords(a[1], a[2]))}${kws.length ? ` and gains ${andList(kws)}` : ''}`);
      }
      case S.OP_CREATE_DELAYED:
        return { ...imperative(`${this.nested(a[0], false)} at the beginning of the next end step`), alone: true };
      case S.OP_FIGHT:
        return subj(a[0], () => `fights ${this.ref(a[1])}`);
      case S.OP_END_TURN:
        return imperative('end the turn');
      case S.OP_EXILE_GRAVEYARD:
        return imperative(`exile ${this.ref(a[0])}'s graveyard`);
      case S.OP_PREVENT_COMBAT_DAMAGE:
        return { ...imperative(`prevent all combat damage that would be dealt to ${this.ref(a[0])} this turn`, refKey(a[0])), alone: true };
      case S.OP_RETURN_TRANSFORMED: {
        const what = a[0] === S.REF_EVENT_OBJ ? 'that card' : a[0] === S.REF_SELF ? 'it' : this.ref(a[0]); // "When this creature dies, ... return it"
        const extra = [...keywordNames(a[2]).map((k) => `has ${k}`), `is ${article(subtypeWords(a[3]))} in addition to its other types`];
        const it = a[2] ? `It ${andList(extra)}` : `It's ${extra[0].slice(3)}`; // "It's a Demon in addition to its other types."
        return {
          ...imperative(`return ${what} to the battlefield under its owner's control with ${this.counters(S.CTR_P1P1, a[1])} on it. ${it}`, refKey(a[0])),
          alone: true,
        };
      }
      case S.OP_BITE:
        return subj(a[0], () => `deals damage equal to its power to ${this.ref(a[1])}`);
    }
    throw new Error(`opcode ${o.op} cannot be rendered`);
  }

  /** A target that is a card in your graveyard (its owner's hand is your hand). */
  private fromYourGraveyard(ref: number): boolean {
    const spec = ref >= EACH_OF_SPEC ? ref - EACH_OF_SPEC : ref >= S.REF_TARGET && ref < S.REF_SELF ? this.specOfSlot(ref).spec : -1;
    if (spec < 0) return false;
    const f = this.specs[spec][S.TS_FILTER];
    return f >= 0 && this.v.filter(f)[S.F_ZONE] === S.ZONE_GRAVEYARD && (this.v.filter(f)[S.F_FLAGS] & S.FF_OWNED) !== 0;
  }

  private isPlayerTarget(ref: number): boolean {
    if (ref < S.REF_TARGET || ref >= S.REF_SELF) return false;
    const spec = this.specs[this.specOfSlot(ref).spec];
    return spec[S.TS_FILTER] < 0;
  }

  // ---------------------------------------------------------------- amounts and objects

  /** Digits for life and damage: "3", "X". */
  private amountWord(amount: number): string {
    if (amount >> 24 === 0 || amount >> 24 === -1) return String(amount);
    if ((amount & S.AMT_TAG_MASK) === S.AMT_X) return 'X';
    if ((amount & S.AMT_TAG_MASK) === S.AMT_LIFE_GAINED) return 'X';
    if ((amount & S.AMT_TAG_MASK) === S.AMT_EVENT_AMOUNT) return 'that much'; // countWord says "that many"
    throw new Error(`amount ${amount} cannot be rendered here`);
  }

  /** Words for counts of things: "two cards", "X cards". */
  /** An amount of things: "two", "X", "that many" (amountWord says "that much" of life or damage). */
  private countWord(amount: number): string {
    if ((amount & S.AMT_TAG_MASK) === S.AMT_EVENT_AMOUNT) return 'that many';
    return amount >>> 24 === 0 ? numberWord(amount) : this.amountWord(amount);
  }

  /** "this creature's" / "Alesha's" for a ref. */
  private possessiveOf(r: number): string {
    return r === S.REF_SELF ? this.selfPossessive : `${this.ref(r)}'s`;
  }

  private damageAmount(amount: number): string {
    if ((amount & S.AMT_TAG_MASK) === S.AMT_POWER) {
      const whose = (amount & S.AMT_PARAM_MASK) === S.REF_SELF ? 'its' : `${this.ref(amount & S.AMT_PARAM_MASK)}'s`;
      return `damage equal to ${whose} power`;
    }
    return `${this.amountWord(amount)} damage`;
  }

  /** "+3/+3", "+X/+0"; a zero beside a negative number is "-0" ("-1/-0"). */
  /** `forEach`: a count reads "+1/+1 for each <filter>" (statics) rather than "+X/+X" with a "where X is" (effects). */
  private pt(p: number, t: number, forEach = false): string {
    if (forEach && p === t && (p & S.AMT_TAG_MASK) === S.AMT_COUNT) return `+1/+1 for each ${this.noun(p & S.AMT_PARAM_MASK, false)}`;
    const neg = (n: number) => n >> 24 === -1;
    const tag = (n: number) => (neg(n) ? 0 : n & S.AMT_TAG_MASK);
    const one = (n: number, other: number) =>
      tag(n) === S.AMT_X || tag(n) === S.AMT_POWER || tag(n) === S.AMT_COUNT ? '+X' : tag(n) === S.AMT_COUNTERS_SELF ? '+1' // "for each ..." follows
        : neg(n) || (n === 0 && neg(other)) ? `-${-n}` : `+${n}`;
    return `${one(p, t)}/${one(t, p)}`;
  }

  private counters(kind: number, amount: number): string {
    const name = counterName(kind);
    if ((amount & S.AMT_TAG_MASK) === S.AMT_EVENT_AMOUNT) return `that many ${name} counters`;
    if ((amount & S.AMT_TAG_MASK) === S.AMT_COUNTERS_SELF) return `${numberWord((amount & S.AMT_PARAM_MASK) >> S.AMT_COUNTERS_FEWER_SHIFT)} fewer ${name} counter`;
    return amount === 1 ? `${article(name)} counter` : `${this.countWord(amount)} ${name} counters`;
  }

  /** "a 1/1 white Cat creature token", "two Food tokens", "X 1/1 red Goblin creature tokens, where X is ..." */
  private tokens(index: number, amount: number, tapped = false): string {
    const v = this.v;
    const isConst = amount >>> 24 === 0;
    const one = isConst && amount === 1;
    const [left, right = ''] = this.host.typeLines[index].split(' — ');
    let desc: string;
    if (v.card(index, S.CARD_TYPES) & S.TYPE_CREATURE) {
      const colors = COLOR_WORDS.filter((_, c) => v.card(index, S.CARD_COLORS) & (1 << c));
      const kinds = left.split(' ').filter((w) => w !== 'Token' && w !== 'Legendary').map((w) => w.toLowerCase()).join(' ');
      const kws = keywordNames(v.card(index, S.CARD_KEYWORDS));
      const name = this.host.names[v.card(index, S.CARD_NAME_ID)];
      // "Serpent creature tokens named Koma's Coil"; a legendary token is named first instead ("Scion of the Deep, a legendary ...")
      const named = name !== right && !left.startsWith('Legendary') ? ` named ${name}` : '';
      desc = `${v.card(index, S.CARD_POWER)}/${v.card(index, S.CARD_TOUGHNESS)} ${colors.length ? andList(colors) : 'colorless'} ${right} ${kinds} token${one ? '' : 's'}${kws.length ? ' with ' + andList(kws) : ''}${named}`;
    } else {
      desc = `${this.host.names[v.card(index, S.CARD_NAME_ID)]} token${one ? '' : 's'}`;
    }
    if (v.card(index, S.CARD_TYPES) & S.TYPE_CREATURE && tapped) desc = `tapped ${desc}`;
    if ((amount & S.AMT_TAG_MASK) === S.AMT_GY_FILTER_COUNT) {
      return `${article(desc.replace(/tokens/, 'token'))} for each ${this.noun(amount & S.AMT_PARAM_MASK, false).replace(' from ', ' in ')}`;
    }
    if (left.startsWith('Legendary')) return `${this.host.names[v.card(index, S.CARD_NAME_ID)]}, a legendary ${desc}`;
    if (one) return article(desc);
    if (isConst) return `${numberWord(amount)} ${desc}`;
    if ((amount & S.AMT_TAG_MASK) === S.AMT_EVENT_AMOUNT) return `that many ${desc}`;
    return `X ${desc}, where X is ${this.amountMeaning(amount)}`;
  }

  /** What an amount expression means, for "where X is ...". */
  private amountMeaning(amount: number): string {
    switch (amount & S.AMT_TAG_MASK) {
      case S.AMT_YOUR_LIFE: return 'your life total';
      case S.AMT_COUNT: return `the number of ${this.noun(amount & S.AMT_PARAM_MASK, true)}`;
      case S.AMT_LANDS_YOU_CONTROL: return 'the number of lands you control';
      case S.AMT_LIFE_GAINED: return 'the amount of life you gained this turn';
      case S.AMT_GY_COUNT: {
        const r = amount & S.AMT_PARAM_MASK;
        return r === S.REF_OPP ? "the number of cards in your opponents' graveyards" : r === S.REF_EACH_PLAYER ? 'the number of cards in all graveyards' : 'the number of cards in your graveyard';
      }
    }
    throw new Error(`amount ${amount} cannot be rendered`);
  }

  /** Text for a ref word; a target named before reads "it". */
  private ref(r: number): string {
    if (r >= EACH_OF_SPEC) {
      const s = r - EACH_OF_SPEC;
      if (this.specs[s][S.TS_FLAGS] & S.TSF_ONE_UNLESS_KICKED) return `target ${this.noun(this.specs[s][S.TS_FILTER], false, false, true)}`;
      if (this.mentioned.has(r)) return `each of those ${this.noun(this.specs[s][S.TS_FILTER], true)}`;
      this.mentioned.add(r);
      return `each of ${this.targetPhrase(s)}`;
    }
    if (r >= S.REF_TARGET && r < S.REF_SELF) {
      if (this.mentioned.has(r)) return this.isPlayerTarget(r) ? 'that player' : 'it';
      this.mentioned.add(r);
      const { spec, first, max } = this.specOfSlot(r);
      // a single slot of a multi-target spec has no wording of its own (mergeEachOf joins all slots)
      if (max > 1 || r - S.REF_TARGET !== first) throw new Error(`target slot ${r} alone cannot be rendered`);
      return this.targetPhrase(spec);
    }
    if (r >= S.REF_TARGET_CONTROLLER && r < S.REF_TARGET_OWNER) return this.mentioned.has(r - S.REF_TARGET_CONTROLLER) ? 'its controller' : `the controller of ${this.ref(r - S.REF_TARGET_CONTROLLER)}`;
    if (r >= S.REF_TARGET_OWNER && r < S.REF_EVENT_PLAYER) return 'its owner';
    switch (r) {
      case S.REF_SELF: return this.nestedSelf ? 'it' : this.fromGraveyard ? 'this card from your graveyard' : this.selfName;
      case S.REF_YOU: return 'you';
      case S.REF_OPP: return 'each opponent';
      case S.REF_EACH_PLAYER: return 'each player';
      case S.REF_EVENT_OBJ: return this.nestedSelf ? 'it' : 'that creature';
      case S.REF_ATTACHED: return `${this.selfNoun === 'Aura' ? 'enchanted' : 'equipped'} creature`;
      case S.REF_IT: return 'it';
      case S.REF_EVENT_PLAYER: return 'that player';
      case S.REF_GRANTOR: return this.name;
    }
    throw new Error(`ref ${r} cannot be rendered`);
  }

  /** A ref where Oracle names all targets of a multi-target spec without "each of" ("exile up to two target cards"). */
  private targets(r: number): string {
    return r >= EACH_OF_SPEC ? this.targetPhrase(r - EACH_OF_SPEC) : this.ref(r);
  }

  /** "that creature" for a target named before. */
  private that(r: number): string {
    return this.thatSpec(this.specOfSlot(r).spec);
  }

  /** "that creature": a target named again by its card type only. */
  private thatSpec(s: number): string {
    const types = typeWords(this.v.filter(this.specs[s][S.TS_FILTER])[S.F_TYPES_ANY]);
    return `that ${types.length ? andList(types, 'or') : 'permanent'}`; // "that creature or planeswalker"
  }

  private targetPhrase(s: number): string {
    const spec = this.specs[s];
    const [filter, players, min, max, tflags] = spec;
    if (filter < 0) return players === S.PF_OPP ? 'target opponent' : players === S.PF_YOU ? 'you' : 'target player';
    const f = this.v.filter(filter);
    const any = S.TYPE_CREATURE | S.TYPE_PLANESWALKER;
    const other = f[S.F_FLAGS] & S.FF_OTHER || tflags & S.TSF_DISTINCT_FROM_PREV ? 'other ' : '';
    let noun = this.noun(filter, max > 1, false, true, true); // "up to two target creatures and/or artifacts"
    if (tflags & S.TSF_SAME_OWNER) noun = noun.replace(/from (a|all) graveyards?$/, 'from a single graveyard');
    if (f[S.F_PLAYERS] === S.PF_ANY && (f[S.F_TYPES_ANY] & any) === any) {
      if (min === 1 && max === 1) return 'any target';
      return `${min === 0 ? `up to ${numberWord(max)}` : numberWord(max)} ${other}targets`;
    }
    if (min === 1 && max === 1) return other ? `another target ${noun}` : `target ${noun}`;
    const between = Array.from({ length: max - min + 1 }, (_, k) => numberWord(min + k));
    const count = min === 0 ? `up to ${numberWord(max)}` : andList(between, 'or');
    return `${count} ${other}target ${noun}`;
  }

  /**
   * Noun phrase for a filter: "nonland permanent an opponent controls", "Elf creatures you control",
   * "creature card from your graveyard". `noController` drops "you control" (after "sacrifice",
   * "if you control"); `noOther` drops "other" (the target phrase places it before "target");
   * `each` is the "for each" form: "instant and sorcery card in your graveyard".
   */
  private noun(filter: number, plural: boolean, noController = false, noOther = false, andOr = false, each = false): string {
    const f = this.v.filter(filter);
    const flags = f[S.F_FLAGS];
    if (flags & S.FF_SELF) return this.self;
    if (flags & S.FF_ATTACHED_TO_SOURCE) {
      const what = f[S.F_TYPES_ANY] ? typeWords(f[S.F_TYPES_ANY]).join(' ') : 'permanent';
      return `${this.selfNoun === 'Aura' ? 'enchanted' : 'equipped'} ${what}`;
    }
    const pre: string[] = [];
    if ((flags & S.FF_OTHER || flags & S.FF_NOT_IT) && !noOther) pre.push('other');
    if (flags & S.FF_ATTACKING_OR_BLOCKING) pre.push('attacking or blocking');
    if (flags & S.FF_ATTACKING) pre.push('attacking');
    if (flags & S.FF_BLOCKING) pre.push('blocking');
    if (flags & S.FF_TAPPED) pre.push('tapped');
    if (flags & S.FF_UNTAPPED) pre.push('untapped');
    // negated words are a list of their own: "nontoken, non-Angel creature"
    const nons: string[] = [];
    if (flags & S.FF_NONTOKEN) nons.push('nontoken');
    for (const t of typeWords(f[S.F_TYPES_NOT])) nons.push('non' + t);
    for (const [n, b] of SUBTYPES) if (f[S.F_SUB_NOT] & b) nons.push('non-' + n);
    if (nons.length) pre.push(nons.join(', '));
    const colors = COLOR_WORDS.filter((_, c) => f[S.F_COLORS_ANY] & (1 << c));
    if (colors.length) pre.push(andList(colors, 'or'));
    const subs = [...SUBTYPES.filter(([, b]) => f[S.F_SUB_ANY] & b), ...SUBTYPES_HI.filter(([, b]) => f[S.F_SUB_HI_ANY] & b)];
    if (flags & S.FF_TYPES_OR_SUB) { // "noncreature or Dragon spell": the type words, or the subtype
      pre.push(`or ${subs.map(([n]) => n).join(' ')}`);
      subs.length = 0;
    }
    // types a keyword requirement qualifies go last: "artifact, enchantment, or creature with flying"
    let types = [...typeWords(f[S.F_TYPES_ANY] & ~f[S.F_KW_TYPES]), ...typeWords(f[S.F_TYPES_ANY] & f[S.F_KW_TYPES])];
    // "artifact, enchantment, or creature with power 4 or greater": the power words end the list
    if (flags & S.FF_POWER_ONLY_CREATURES) types = [...types.filter((t) => t !== 'creature'), 'creature'];
    if (f[S.F_TYPES_ANY] === S.SUPER_BASIC) types = ['basic land'];
    const zone = f[S.F_ZONE];
    const cardZones = [S.ZONE_GRAVEYARD, S.ZONE_LIBRARY, S.ZONE_HAND, S.ZONE_EXILE];
    const suffixNoun = flags & S.FF_SPELL ? 'spell' : cardZones.includes(zone) ? 'card' : '';
    const conj = plural || each ? (andOr ? 'and/or' : 'and') : 'or'; // "for each instant and sorcery card"
    const from = each ? 'in' : 'from';
    // types are in alphabetical order, but an "and/or" list names creatures first ("creatures and/or artifacts")
    if (plural && andOr && types.length > 1) types = [...types.filter((t) => t === 'creature'), ...types.filter((t) => t !== 'creature')];
    let head: string;
    if (suffixNoun) {
      // types are adjectives: "instant and sorcery spells", "creature card"
      head = [...subs.map(([n]) => n), andList(types, conj), plural ? pluralize(suffixNoun) : suffixNoun].filter(Boolean).join(' ');
    } else if (flags & S.FF_TOKEN) {
      // "Nightmare tokens", "creature token": types and subtypes are adjectives
      head = [...subs.map(([n]) => n), andList(types, conj), plural ? 'tokens' : 'token'].filter(Boolean).join(' ');
    } else if (types.length) {
      head = [...subs.map(([n]) => n), andList(plural ? types.map(pluralize) : types, conj)].join(' ');
    } else if (subs.length) {
      head = subs.map(([n, , pl]) => (plural ? pl : n)).join(' ');
    } else {
      head = plural ? 'permanents' : 'permanent';
    }
    const post: string[] = [];
    const kwNot = keywordNames(f[S.F_KW_NOT]);
    if (kwNot.length) post.push(`without ${andList(kwNot, 'or')}`);
    // "another creature you control with power 2 or less"
    if (!noController && f[S.F_CONTROLLER] === S.CTRL_YOU) post.push('you control');
    if (f[S.F_POWER_MIN] > -1000) post.push(`with power ${f[S.F_POWER_MIN]} or greater`);
    if (f[S.F_POWER_MAX] < 1000) post.push(`with power ${f[S.F_POWER_MAX]} or less`);
    if (flags & S.FF_MV_EXACT) post.push(`with mana value ${f[S.F_MV_MAX]}`);
    else if (f[S.F_MV_MAX] >= 0) post.push(`with mana value ${f[S.F_MV_MAX]} or less`);
    if (flags & S.FF_MV_MAX_SOURCE_POWER) post.push(`with mana value less than or equal to ${this.selfPossessive} power`);
    if (f[S.F_NAME] >= 0) post.push(`named ${this.host.names[f[S.F_NAME]]}`);
    if (flags & S.FF_HAS_P1P1) post.push(plural ? 'with +1/+1 counters on them' : 'with a +1/+1 counter on it');
    if (!noController && f[S.F_CONTROLLER] === S.CTRL_OPP) post.push(plural ? 'your opponents control' : 'an opponent controls');
    if (!noController && f[S.F_CONTROLLER] === S.CTRL_NOT_YOU) post.push("you don't control");
    const kwAll = keywordNames(f[S.F_KW_ALL]);
    if (kwAll.length) post.push(`with ${andList(kwAll)}`);
    if (flags & S.FF_MV_MAX_LANDS) post.push('with mana value less than or equal to the number of lands you control');
    if (flags & S.FF_CHOSEN_COLOR) post.push('of the chosen color');
    if (flags & S.FF_CHOSEN_TYPE) post.push('of the chosen type');
    if (zone === S.ZONE_GRAVEYARD) post.push(`${from} ${flags & S.FF_OWNED ? 'your graveyard' : flags & S.FF_OPP_OWNED ? "an opponent's graveyard" : plural ? 'all graveyards' : 'a graveyard'}`);
    if (flags & S.FF_THIS_TURN) post.push(`that ${plural ? 'were' : 'was'} put there this turn`);
    if (flags & S.FF_ATTACHED_TO_FIRST_TARGET) post.push(`attached to that ${this.noun(this.specs[0][S.TS_FILTER], false)}`);
    return [...pre, head, ...post].join(' ');
  }
}

/** Ability words (207.2c) that a condition implies. */
function abilityWord(cond: number): string {
  switch (cond) {
    case S.COND_RAID: return 'Raid — ';
    case S.COND_MORBID: return 'Morbid — ';
    case S.COND_GY_COUNT: return 'Threshold — ';
  }
  return '';
}

function refKey(r: number): string {
  return `ref${r}`;
}

/** Ops whose body is a block of their own sentences. */
/** Instructions that open a paragraph of their own in an effect (conditions and optional parts). */
const BLOCK_OPS = [S.OP_IF, S.OP_MAY, S.OP_IF_PAY, S.OP_UNLESS_DISCARD, S.OP_IF_YOU_DO];

/** Ops whose second operand is the player who acts. */
const PLAYER_OPS = [S.OP_DRAW, S.OP_DISCARD, S.OP_GAIN_LIFE, S.OP_LOSE_LIFE];

const REPLACEMENT_TEXT: Record<number, string> = {
  [S.RP_CHOOSE_COLOR]: 'As SELF enters, choose a color.',
  [S.RP_CHOOSE_TYPE]: 'As SELF enters, choose a creature type.',
  [S.RP_SHUFFLE_INSTEAD_OF_GRAVEYARD]: "If SELF would be put into a graveyard from anywhere, reveal SELF and shuffle it into its owner's library instead.",
  [S.RP_DOUBLE_TOKENS]: 'If an effect would create one or more tokens under your control, it creates twice that many of those tokens instead.',
  [S.RP_DOUBLE_COUNTERS]: 'If an effect would put one or more counters on a permanent you control, it puts twice that many of those counters on that permanent instead.',
  [S.RP_OPP_CREATURES_ENTER_TAPPED]: 'Creatures your opponents control enter tapped.',
  [S.RP_DOUBLE_DAMAGE_TO_OPP]: 'If a source you control would deal damage to an opponent or a permanent an opponent controls, it deals double that damage instead.',
  [S.RP_PREVENT_NONCOMBAT_TO_OTHERS]: 'Prevent all noncombat damage that would be dealt to other creatures you control.',
};

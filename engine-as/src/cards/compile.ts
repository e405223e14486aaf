// Compiles card definitions into the IR of spec.ts. Pure (no Node APIs), so a browser can
// compile a pool too.
//
// Card index order: real cards sorted by name (code-point order), then token definitions in
// the order they are given. CARD_NAME_ID is the card index; the host's name table is `names`.
// Within a card, abilities keep their written order; a modal ability is followed by its modes.
// Target slots: an ability's target specs are the Targets its effects mention, in order of
// first mention; spec k's first target is REF_TARGET + (sum of TS_MAX of the specs before it).
// An instruction naming a Target with TS_MAX n > 1 is emitted once per slot ("each of").
import * as S from '../../assembly/ir/spec.ts';
import { CardDef, ControllerOf, Filter, FixedRef, Target } from './dsl.ts';
import type { AbilityDef, Amt, Instr, Operand, Ref } from './dsl.ts';

export interface CompiledPool {
  /** The IR words. */
  readonly ir: Int32Array;
  /** The IR as little-endian bytes (what cards.bin holds and irHash hashes). */
  readonly bytes: Uint8Array<ArrayBuffer>;
  /** Host name table, by card index (= CARD_NAME_ID). */
  readonly names: string[];
  /** Printed type lines, by card index (the IR keeps only the subtypes rules need). */
  readonly typeLines: string[];
  /** Why a card is only partly implemented, by card index (null: complete). */
  readonly partial: (string | null)[];
  /** The name a card's text gives (ST_SET_NAME, NAME_GIVEN | card index), by card index (null: none). */
  readonly givenNames?: (string | null)[];
}

export function poolOrder(defs: readonly CardDef[]): CardDef[] {
  const cards = defs.filter((d) => !d.isToken).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (let i = 1; i < cards.length; i++) {
    if (cards[i].name === cards[i - 1].name) throw new Error(`card defined twice: ${cards[i].name}`);
  }
  return [...cards, ...defs.filter((d) => d.isToken)];
}

export function compilePool(defs: readonly CardDef[]): CompiledPool {
  const order = poolOrder(defs);
  const t = new Tables(order);
  order.forEach((def) => t.addCard(def));
  return t.finish();
}

/** sha256 hex of the IR bytes (Web Crypto: works in Node and browsers). */
export async function irHash(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', bytes));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

class Tables {
  private readonly cards: number[] = [];
  private readonly abilities: number[] = [];
  private readonly abilityCodeAt: number[] = []; // positions of AB_CODE words, relocated in finish()
  private readonly filters: number[] = [];
  private readonly filterIndex = new Map<string, number>();
  private readonly tspecs: number[] = [];
  private readonly code: number[] = [];
  private readonly cardIndex: Map<CardDef, number>;
  private readonly nestedIndex = new Map<AbilityDef, number>(); // ABK_NESTED abilities, by global ability index
  private readonly givenNames: (string | null)[] = []; // names a card's text gives (ST_SET_NAME), by card index
  private current = -1; // the card being added

  constructor(private readonly order: CardDef[]) {
    this.cardIndex = new Map(order.map((d, i) => [d, i]));
  }

  addCard(def: CardDef): void {
    this.current = this.cardIndex.get(def)!;
    const isSpell = (def.type.types & (S.TYPE_INSTANT | S.TYPE_SORCERY)) !== 0;
    if ((def.power === null) !== ((def.type.types & S.TYPE_CREATURE) === 0)) {
      throw new Error(`${def.name}: creatures and only creatures need power/toughness`);
    }
    const abilStart = this.abilities.length / S.ABIL_WORDS;
    // Nested abilities (delayed or granted triggers) follow the card's own abilities.
    const nested = nestedAbilities(def.abilities);
    const own = def.abilities.reduce((n, ab) => n + 1 + ab.modes.length, 0);
    nested.forEach((ab, k) => this.nestedIndex.set(ab, abilStart + own + k));
    for (const ab of def.abilities) {
      const zone = ab.zone ?? (def.type.emblem ? S.ZONE_COMMAND : isSpell && ab.kind === S.ABK_SPELL ? S.ZONE_STACK : S.ZONE_BATTLEFIELD);
      this.addAbility(ab, zone);
      for (const m of ab.modes) this.addAbility(m, zone);
    }
    for (const ab of nested) this.addAbility(ab, S.ZONE_BATTLEFIELD);
    const r = new Array<number>(S.CARD_WORDS).fill(0);
    r[S.CARD_NAME_ID] = this.cardIndex.get(def)!;
    r[S.CARD_COST_A] = def.manaCost?.a ?? 0;
    r[S.CARD_COST_B] = def.manaCost?.b ?? 0;
    r[S.CARD_MANA_VALUE] = def.manaCost?.value ?? 0;
    r[S.CARD_COLORS] = def.colors;
    r[S.CARD_TYPES] = def.type.types;
    r[S.CARD_SUBTYPES_LO] = def.type.subtypes;
    r[S.CARD_SUBTYPES_HI] = def.type.subtypesHi;
    r[S.CARD_POWER] = def.power ?? 0;
    r[S.CARD_TOUGHNESS] = def.toughness ?? 0;
    r[S.CARD_LOYALTY] = def.startingLoyalty ?? 0;
    r[S.CARD_KEYWORDS] = def.keywordMask;
    r[S.CARD_ABIL_START] = abilStart;
    r[S.CARD_ABIL_COUNT] = this.abilities.length / S.ABIL_WORDS - abilStart;
    r[S.CARD_FLAGS] = def.flags;
    r[S.CARD_WARD] = def.wardCost;
    r[S.CARD_ETB_COUNTERS] = this.amount(def.etbCounters, new Map());
    r[S.CARD_KICKER_A] = def.kickerCost?.a ?? 0;
    r[S.CARD_KICKER_B] = def.kickerCost?.b ?? 0;
    r[S.CARD_ALT_COST_A] = def.flashbackCost?.a ?? 0;
    r[S.CARD_ALT_COST_B] = def.flashbackCost?.b ?? 0;
    r[S.CARD_ADD_COST] = def.addCost?.flags ?? 0;
    r[S.CARD_ADD_COST_PARAM] = def.addCost ? this.param(def.addCost.param) : 0;
    r[S.CARD_COST_REDUCE] = this.amount(def.costReduction, new Map());
    this.cards.push(...r);
  }

  private addAbility(ab: AbilityDef, zone: number): void {
    const targets = ab.targets.length > 0 ? ab.targets : collectTargets(ab.effects);
    const slots = new Map<Target, number>();
    const tspecStart = this.tspecs.length / S.TSPEC_WORDS;
    let slot = 0;
    for (const tg of targets) {
      slots.set(tg, slot);
      slot += tg.max;
      this.tspecs.push(this.filter(tg.filter), tg.players, tg.min, tg.max, tg.flags);
    }
    if (slot > S.REF_SELF - S.REF_TARGET) throw new Error('more than 16 target slots');
    const codeStart = this.code.length;
    this.instrs(ab.effects, slots, this.code);
    this.code.push(S.OP_END);

    const cond = ab.trigger?.condition ?? ab.condition;
    const r = new Array<number>(S.ABIL_WORDS).fill(0);
    r[S.AB_KIND] = ab.kind;
    r[S.AB_COST_A] = ab.cost?.mana?.a ?? 0;
    r[S.AB_COST_B] = ab.cost?.mana?.b ?? 0;
    r[S.AB_COST_FLAGS] = ab.cost?.flags ?? 0;
    r[S.AB_COST_PARAM] = ab.kind === S.ABK_LOYALTY ? ab.loyalty : ab.cost ? this.param(ab.cost.param) | ((ab.cost.count ?? 0) << 16) : 0;
    r[S.AB_TIMING] = ab.timing;
    r[S.AB_TRIGGER] = ab.trigger?.event ?? 0;
    r[S.AB_TRIGGER_FILTER] = this.filter(ab.trigger?.filter ?? null);
    r[S.AB_CONDITION] = cond?.code ?? S.COND_NONE;
    r[S.AB_CONDITION_PARAM] = cond ? this.param(cond.param) : 0;
    r[S.AB_TSPEC_START] = tspecStart;
    r[S.AB_TSPEC_COUNT] = targets.length;
    r[S.AB_CODE] = codeStart;
    r[S.AB_MODES] = ab.modes.length;
    r[S.AB_MODE_PICK] = ab.modePick;
    r[S.AB_ZONE] = ab.zone ?? zone;
    this.abilityCodeAt.push(this.abilities.length + S.AB_CODE);
    this.abilities.push(...r);
  }

  private instrs(list: readonly Instr[], slots: Map<Target, number>, out: number[]): void {
    for (const instr of list) {
      const multi = instr.args.map(argTarget).find((t) => t !== null && t.max > 1);
      for (let i = 0; i < (multi?.max ?? 1); i++) {
        out.push(instr.op);
        for (const a of instr.args) this.operand(a, slots, out, multi ?? null, i);
      }
    }
  }

  private operand(a: Operand, slots: Map<Target, number>, out: number[], multi: Target | null, i: number): void {
    if ('amount' in a) out.push(this.amount(a.amount, slots));
    else if ('ref' in a) out.push(refWord(a.ref, slots, multi, i));
    else if ('filter' in a) out.push(this.filter(a.filter));
    else if ('word' in a) out.push(a.word);
    else if ('token' in a) {
      const idx = this.cardIndex.get(a.token);
      if (idx === undefined || !a.token.isToken) throw new Error(`${a.token.name} is not a token of this pool`);
      out.push(idx);
    } else if ('ability' in a) {
      out.push(this.nestedIndex.get(a.ability)!);
    } else if ('givenName' in a) {
      out.push(S.NAME_GIVEN | this.current);
      this.givenNames[this.current] = a.givenName;
    } else {
      const body: number[] = [];
      this.instrs(a.body, slots, body);
      out.push(body.length, ...body);
    }
  }

  /** Constants are signed 24-bit; expressions carry a tag in the top byte and a 16-bit param. */
  private amount(a: Amt, slots: Map<Target, number>): number {
    if (typeof a === 'number') {
      if (!Number.isInteger(a) || a <= -(1 << 24) || a >= 1 << 24) throw new Error(`amount ${a} out of range`);
      return a;
    }
    const p = a.param;
    const param = p instanceof Filter ? this.filter(p) : p instanceof FixedRef || p instanceof Target ? refWord(p, slots, null, 0) : p;
    return a.tag | (param & S.AMT_PARAM_MASK);
  }

  private param(p: number | Filter): number {
    return p instanceof Filter ? this.filter(p) : p;
  }

  /** Index of an identical filter record, adding it if new; -1 for none. */
  private filter(f: Filter | null): number {
    if (f === null) return -1;
    const w = f.w;
    const rec = new Array<number>(S.FILTER_WORDS).fill(0);
    rec[S.F_TYPES_ANY] = w.typesAny;
    rec[S.F_TYPES_NOT] = w.typesNot;
    rec[S.F_SUB_ANY] = w.subAny;
    rec[S.F_SUB_NOT] = w.subNot;
    rec[S.F_COLORS_ANY] = w.colorsAny;
    rec[S.F_CONTROLLER] = w.controller;
    rec[S.F_KW_ALL] = w.kwAll;
    rec[S.F_KW_NOT] = w.kwNot;
    rec[S.F_FLAGS] = w.flags;
    rec[S.F_MV_MAX] = w.mvMax;
    rec[S.F_POWER_MIN] = w.powerMin;
    rec[S.F_POWER_MAX] = w.powerMax;
    rec[S.F_ZONE] = w.zone;
    rec[S.F_PLAYERS] = w.players;
    rec[S.F_SUB_HI_ANY] = w.subHiAny;
    rec[S.F_KW_TYPES] = w.kwTypes;
    rec[S.F_NAME] = w.name === null ? -1 : this.cardNamed(w.name);
    const key = rec.join(',');
    let idx = this.filterIndex.get(key);
    if (idx === undefined) {
      idx = this.filters.length / S.FILTER_WORDS;
      this.filterIndex.set(key, idx);
      this.filters.push(...rec);
    }
    return idx;
  }

  /** Card index of the card named `name` ("named X" filters). */
  private cardNamed(name: string): number {
    const i = this.order.findIndex((d) => d.name === name && !d.isToken);
    if (i < 0) throw new Error(`no card named ${name} in the pool`);
    return i;
  }

  finish(): CompiledPool {
    const cardOff = S.HDR_WORDS;
    const abilOff = cardOff + this.cards.length;
    const filterOff = abilOff + this.abilities.length;
    const tspecOff = filterOff + this.filters.length;
    const codeOff = tspecOff + this.tspecs.length;
    for (const at of this.abilityCodeAt) this.abilities[at] += codeOff;
    const header = new Array<number>(S.HDR_WORDS).fill(0);
    header[S.HDR_MAGIC] = S.IR_MAGIC;
    header[S.HDR_VERSION] = S.IR_VERSION;
    header[S.HDR_CARD_COUNT] = this.cards.length / S.CARD_WORDS;
    header[S.HDR_CARD_OFF] = cardOff;
    header[S.HDR_ABIL_COUNT] = this.abilities.length / S.ABIL_WORDS;
    header[S.HDR_ABIL_OFF] = abilOff;
    header[S.HDR_FILTER_COUNT] = this.filters.length / S.FILTER_WORDS;
    header[S.HDR_FILTER_OFF] = filterOff;
    header[S.HDR_TSPEC_COUNT] = this.tspecs.length / S.TSPEC_WORDS;
    header[S.HDR_TSPEC_OFF] = tspecOff;
    header[S.HDR_CODE_OFF] = codeOff;
    header[S.HDR_CODE_LEN] = this.code.length;
    const ir = Int32Array.from([...header, ...this.cards, ...this.abilities, ...this.filters, ...this.tspecs, ...this.code]);
    const bytes = new Uint8Array(ir.length * 4);
    const view = new DataView(bytes.buffer);
    ir.forEach((w, i) => view.setInt32(i * 4, w, true));
    return {
      ir,
      bytes,
      names: this.order.map((d) => d.name),
      typeLines: this.order.map((d) => d.type.printed),
      partial: this.order.map((d) => d.partialReason),
      givenNames: this.order.map((_, i) => this.givenNames[i] ?? null),
    };
  }
}

/** The nested abilities that a card's effects mention (and theirs), in order of first mention. */
function nestedAbilities(list: readonly AbilityDef[], found: AbilityDef[] = []): AbilityDef[] {
  const visit = (instrs: readonly Instr[]): void => {
    for (const instr of instrs) {
      for (const a of instr.args) {
        if ('ability' in a && !found.includes(a.ability)) {
          found.push(a.ability);
          visit(a.ability.effects);
        }
        if ('body' in a) visit(a.body);
      }
    }
  };
  for (const ab of list) {
    visit(ab.effects);
    for (const m of ab.modes) visit(m.effects);
  }
  return found;
}

function argTarget(a: Operand): Target | null {
  if (!('ref' in a)) return null;
  return a.ref instanceof Target ? a.ref : a.ref instanceof ControllerOf ? a.ref.target : null;
}

/** Targets mentioned by a program, in order of first mention (bodies of OP_IF included). */
function collectTargets(list: readonly Instr[], found: Target[] = []): Target[] {
  for (const instr of list) {
    for (const a of instr.args) {
      const t = argTarget(a);
      if (t && !found.includes(t)) found.push(t);
      if ('body' in a) collectTargets(a.body, found);
    }
  }
  return found;
}

function refWord(r: Ref, slots: Map<Target, number>, multi: Target | null, i: number): number {
  if (r instanceof FixedRef) return r.code;
  const t = r instanceof ControllerOf ? r.target : r;
  const slot = slots.get(t);
  if (slot === undefined) throw new Error('reference to a target the ability does not have');
  const k = slot + (t === multi ? i : 0);
  return (r instanceof ControllerOf ? S.REF_TARGET_CONTROLLER : S.REF_TARGET) + k;
}

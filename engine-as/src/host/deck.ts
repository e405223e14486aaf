// Deck lists: MTGA and MTGO text exports parsed into card-pool indexes.
// Every problem comes back as a value (all of them, not just the first) with a code, the line
// it is on and a message for people; nothing here throws on bad input. No Node or DOM imports,
// so the web deck form runs the same parser as the CLI.

/** What the parser needs to know about one card of the pool. */
export interface CardInfo {
  readonly index: number;
  readonly name: string;
  /** Basic land: any number allowed (rule 100.2a). */
  readonly basic: boolean;
  /** "A deck can have any number of cards named …" printed on the card. */
  readonly anyNumber: boolean;
  /** Tokens exist only on the battlefield; no deck may list one. */
  readonly token: boolean;
}

/** The card pool as the parser sees it. */
export interface CardLookup {
  /** The card with exactly this name, as spelt in `names()`. */
  find(name: string): CardInfo | undefined;
  /** Every card name in the pool (tokens included; they are never suggested). */
  names(): readonly string[];
  /**
   * Whether the name is a real card the engine does not implement yet. Called with the name as
   * written in the list (whitespace tidied); compare with `cardNameKey` to ignore case and the like.
   */
  isKnownUnsupported(name: string): boolean;
}

export interface DeckEntry {
  index: number;
  name: string;
  count: number;
}

export interface DeckList {
  name?: string;
  main: DeckEntry[];
  sideboard: DeckEntry[];
}

export type DeckErrorCode =
  | "unknown-card"
  | "unsupported-card"
  | "bad-count"
  | "malformed-line"
  | "too-many-copies"
  | "too-few-cards"
  | "empty-deck";

export interface DeckError {
  /** 1-based line number; 0 for a problem with the whole deck. */
  line: number;
  /** The line as written ("" for a whole-deck problem). */
  text: string;
  code: DeckErrorCode;
  message: string;
  /** Close pool names for an unknown card, best first. */
  suggestions?: string[];
}

export type DeckParseResult = { ok: true; deck: DeckList } | { ok: false; errors: DeckError[] };

export interface DeckRules {
  /** Smallest legal main deck. Default 40 (limited size, rule 100.2b); constructed is 60 (100.2a). */
  minMainDeck?: number;
  /** Most copies of one card across main deck and sideboard, basics and "any number" cards
   *  excepted. Default 4 (constructed, rule 100.2a); null for no limit (limited). */
  maxCopies?: number | null;
}

/** Used for what `parseDeck`'s rules leave out: limited-sized decks, constructed copy limit. */
export const DEFAULT_RULES: Readonly<Required<DeckRules>> = { minMainDeck: 40, maxCopies: 4 };
export const CONSTRUCTED_RULES: Readonly<Required<DeckRules>> = { minMainDeck: 60, maxCopies: 4 };
export const LIMITED_RULES: Readonly<Required<DeckRules>> = { minMainDeck: 40, maxCopies: null };

/** A count above this is a typo, not a deck. */
const MAX_LINE_COUNT = 250;

const MAX_SUGGESTIONS = 3;

/**
 * The form in which two card names are compared: case, accents, "Æ", curly apostrophes,
 * spacing and the spacing around a split card's "//" do not matter.
 */
export function cardNameKey(name: string): string {
  return name
    .replace(/[\u2018\u2019\u02bc\u0060\u00b4]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[\u2010\u2011]/g, "-")
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/æ/g, "ae")
    .replace(/\s*\/\/\s*/g, " // ")
    .replace(/\s+/g, " ")
    .trim();
}

// ---- messages: every human-readable text of this module is written here ----

type BadCountReason = "zero" | "negative" | "not-whole" | "too-large";
type MalformedReason = "no-count" | "no-name";

type Problem =
  | { code: "unknown-card"; name: string; suggestions: string[]; token: boolean }
  | { code: "unsupported-card"; name: string }
  | { code: "bad-count"; count: string; reason: BadCountReason }
  | { code: "malformed-line"; reason: MalformedReason }
  | { code: "too-many-copies"; name: string; copies: number; max: number }
  | { code: "too-few-cards"; cards: number; min: number }
  | { code: "empty-deck" };

const BAD_COUNT: Record<BadCountReason, (count: string) => string> = {
  zero: () => `count is 0 — leave the line out, or give at least 1`,
  negative: (count) => `count "${count}" is negative — give at least 1`,
  "not-whole": (count) => `count "${count}" is not a whole number`,
  "too-large": (count) => `count ${count} is more than ${MAX_LINE_COUNT} — is it a typo?`,
};

function describe(p: Problem): string {
  switch (p.code) {
    case "unknown-card":
      if (p.token) return `"${p.name}" is a token, and tokens cannot be put in a deck`;
      return p.suggestions.length > 0
        ? `unknown card "${p.name}" — did you mean ${orList(p.suggestions)}?`
        : `unknown card "${p.name}"`;
    case "unsupported-card":
      return `"${p.name}" is a real card, but Spellgrid does not implement it yet`;
    case "bad-count":
      return BAD_COUNT[p.reason](p.count);
    case "malformed-line":
      return p.reason === "no-count"
        ? `expected a count and a card name, like "4 Lightning Bolt"`
        : `a count with no card name after it`;
    case "too-many-copies":
      return `${p.copies} copies of "${p.name}" (main deck and sideboard together) — at most ${p.max} are allowed (rule 100.2a)`;
    case "too-few-cards":
      return `the main deck has ${p.cards} card${p.cards === 1 ? "" : "s"} — at least ${p.min} are needed`;
    case "empty-deck":
      return `the main deck has no cards`;
  }
}

function orList(names: readonly string[]): string {
  const quoted = names.map((n) => `"${n}"`);
  return quoted.length === 1 ? quoted[0]! : `${quoted.slice(0, -1).join(", ")} or ${quoted.at(-1)!}`;
}

function deckError(line: number, text: string, p: Problem): DeckError {
  const where = line > 0 ? `deck line ${line}` : "deck";
  const error: DeckError = { line, text, code: p.code, message: `${where}: ${describe(p)}` };
  if (p.code === "unknown-card" && p.suggestions.length > 0) error.suggestions = p.suggestions;
  return error;
}

/** Renders errors for a terminal: a count, then each message with the offending line under it. */
export function formatDeckErrors(errors: readonly DeckError[]): string {
  const heading = `The deck list has ${errors.length} problem${errors.length === 1 ? "" : "s"}:`;
  const body = errors.map((e) => (e.text.trim() === "" ? `  ${e.message}` : `  ${e.message}\n      ${e.text.trim()}`));
  return [heading, ...body].join("\n");
}

// ---- the card pool, indexed by name key ----

interface PoolIndex {
  readonly byKey: ReadonlyMap<string, string>;
  /** Names that may be suggested (no tokens), with their keys. */
  readonly suggestible: readonly { key: string; name: string }[];
}

function indexPool(cards: CardLookup): PoolIndex {
  const byKey = new Map<string, string>();
  const suggestible: { key: string; name: string }[] = [];
  const names = cards.names();
  for (const name of names) {
    const key = cardNameKey(name);
    if (byKey.has(key)) continue;
    byKey.set(key, name);
    if (cards.find(name)?.token !== true) suggestible.push({ key, name });
  }
  // Arena exports double-faced and adventure cards by their first name; find them by it too,
  // unless another card has that exact name.
  for (const name of names) {
    const key = cardNameKey(name);
    const front = key.split(" // ")[0]!;
    if (front !== key && !byKey.has(front)) byKey.set(front, name);
  }
  return { byKey, suggestible };
}

function resolveName(pool: PoolIndex, key: string): string | undefined {
  return pool.byKey.get(key) ?? pool.byKey.get(key.split(" // ")[0]!);
}

// ---- did you mean ----

/** Close names, best first. */
function suggest(pool: PoolIndex, key: string): string[] {
  const maxDistance = Math.max(1, Math.floor(key.length / 4));
  const words = key.split(/[ ,\-']+/).filter((w) => w.length >= 4);
  const near: { name: string; rank: number }[] = [];
  for (const card of pool.suggestible) {
    const rank = closeness(key, words, card.key, maxDistance);
    if (rank !== undefined) near.push({ name: card.name, rank });
  }
  near.sort((a, b) => a.rank - b.rank || a.name.length - b.name.length || (a.name < b.name ? -1 : 1));
  return near.slice(0, MAX_SUGGESTIONS).map((n) => n.name);
}

/**
 * Lower is closer: the edit distance when within `maxDistance`; then a candidate that starts
 * with what was typed, give or take a typo ("Goblim" → "Goblin Guide"); then one containing
 * every word typed ("Swiftspear" → "Monastery Swiftspear"). Undefined when not close at all.
 */
function closeness(typed: string, words: readonly string[], candidate: string, maxDistance: number): number | undefined {
  const distance = editDistance(typed, candidate, maxDistance);
  if (distance <= maxDistance) return distance;
  const prefix = candidate.slice(0, typed.length);
  if (typed.length >= 4 && editDistance(typed, prefix, maxDistance) <= maxDistance) return maxDistance + 1;
  if (words.length > 0 && words.every((w) => candidate.includes(w))) return maxDistance + 2;
  return undefined;
}

/**
 * Optimal-string-alignment distance (Damerau-Levenshtein with adjacent transpositions), or
 * `limit + 1` as soon as the answer is known to exceed `limit`, which keeps large pools cheap.
 */
function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let prevPrev: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prevPrev[j - 2]! + 1);
      row.push(d);
      rowMin = Math.min(rowMin, d);
    }
    if (rowMin > limit) return limit + 1;
    prevPrev = prev;
    prev = row;
  }
  return prev[b.length]!;
}

// ---- lines ----

type Section = "main" | "sideboard" | "commander" | "companion" | "maybeboard" | "about";

const HEADERS: ReadonlyMap<string, Section> = new Map<string, Section>([
  ["deck", "main"],
  ["main", "main"],
  ["maindeck", "main"],
  ["main deck", "main"],
  ["mainboard", "main"],
  ["sideboard", "sideboard"],
  ["side", "sideboard"],
  ["commander", "commander"],
  ["companion", "companion"],
  ["maybeboard", "maybeboard"],
  ["about", "about"],
]);

/** "Sideboard", "sideboard:", "Sideboard (15)" → the section; anything else → undefined. */
function headerOf(line: string): Section | undefined {
  const m = /^([a-z ]+?)\s*(?:\(\d+\))?\s*:?$/i.exec(line);
  return m ? HEADERS.get(m[1]!.toLowerCase()) : undefined;
}

type CardLine =
  | { kind: "card"; count: number | Problem; name: string }
  | { kind: "malformed"; problem: Problem };

/** "4 Lightning Bolt", "4x Lightning Bolt (FDN) 192", "7 Mountain [FDN:*]", "1 [M10] Name". */
function parseCardLine(line: string): CardLine {
  const m = /^(\S+)(?: (.*))?$/.exec(line);
  if (!m || !/^[+-]?\.?\d/.test(m[1]!)) {
    return { kind: "malformed", problem: { code: "malformed-line", reason: "no-count" } };
  }
  const countText = m[1]!;
  const name = printingRemoved(m[2] ?? "");
  if (name === "") return { kind: "malformed", problem: { code: "malformed-line", reason: "no-name" } };
  return { kind: "card", count: countOf(countText), name };
}

function countOf(text: string): number | Problem {
  const whole = /^\+?(\d+)x?$/i.exec(text);
  if (!whole) {
    const reason = /^-\d+x?$/i.test(text) ? "negative" : "not-whole";
    return { code: "bad-count", count: text, reason };
  }
  const n = Number(whole[1]);
  if (n === 0) return { code: "bad-count", count: text, reason: "zero" };
  if (n > MAX_LINE_COUNT) return { code: "bad-count", count: String(n), reason: "too-large" };
  return n;
}

/** Drops what says which printing: set code and collector number, foil markers. */
function printingRemoved(rest: string): string {
  return rest
    .replace(/ \*[a-z]+\*$/i, "") // Moxfield foil/etched marker: *F*, *E*
    .replace(/ \([a-z0-9]{2,6}\)(?: [^ ()]+)?$/i, "") // Arena: (FDN) 192
    .replace(/ ?\[[^\]]*\]$/, "") // [FDN:*], [FDN]
    .replace(/^\[[^\]]*\] ?/, "") // Apprentice/MTGO prefix: [M10] Name
    .trim();
}

// ---- the parser ----

interface Placement {
  line: number;
  text: string;
  card: CardInfo;
  count: number;
  sideboard: boolean;
}

/**
 * Parses a deck list in MTGA or MTGO text form.
 *
 * Sections come from headers (`Deck`, `Sideboard`, `Commander`, `Companion`, `Maybeboard`,
 * `About`, also written as `// Sideboard`) or an `SB:` prefix on a line. Without any header,
 * a blank line after main-deck cards starts the sideboard (MTGO's export), unless a comment
 * labels the next group (exports that group cards under `// Creatures`, `// Spells`…).
 * Commander cards count as main deck; a companion goes to the sideboard (Arena lists it in both,
 * so it is added only once); the maybeboard is ignored.
 */
export function parseDeck(text: string, cards: CardLookup, rules: DeckRules = {}): DeckParseResult {
  const minMainDeck = rules.minMainDeck ?? DEFAULT_RULES.minMainDeck;
  const maxCopies = rules.maxCopies === undefined ? DEFAULT_RULES.maxCopies : rules.maxCopies;
  const pool = indexPool(cards);
  const errors: DeckError[] = [];
  const placements: Placement[] = [];
  const companions: Placement[] = [];

  let deckName: string | undefined;
  let section: Section = "main";
  let sawHeader = false;
  let blankAfterMain = false;
  let mainLines = 0;
  let mainCards = 0;
  let mainSizeKnown = true;

  for (const [i, raw] of text.split(/\r\n|\r|\n/).entries()) {
    const lineNo = i + 1;
    const line = raw.replace(/[\u200b\ufeff]/g, "").replace(/\s+/g, " ").trim();
    const fail = (p: Problem): void => void errors.push(deckError(lineNo, raw, p));

    if (line === "") {
      if (section === "main" && !sawHeader && mainLines > 0) blankAfterMain = true;
      continue;
    }
    const comment = /^(?:\/\/|#) ?(.*)$/.exec(line);
    const body = comment ? comment[1]! : line;
    const header = headerOf(body);
    if (header) {
      section = header;
      sawHeader = true;
      continue;
    }
    // "// NAME: Burn" (MTGO tools) or "Name Burn" (Arena's About section)
    const named = (comment ? /^name ?: ?(.+)$/i : /^name:? (.+)$/i).exec(body);
    if (named) {
      deckName ??= named[1];
      continue;
    }
    if (comment) {
      blankAfterMain = false; // a labelled group of main-deck cards, not the sideboard
      continue;
    }
    if (section === "about" || section === "maybeboard") continue;

    let target: Section = section;
    let cardText = line;
    const sb = /^sb: ?/i.exec(line);
    if (sb) {
      target = "sideboard";
      cardText = line.slice(sb[0].length);
    } else if (blankAfterMain) {
      section = target = "sideboard";
      blankAfterMain = false;
    }
    const inMain = target === "main" || target === "commander";

    const parsed = parseCardLine(cardText);
    if (parsed.kind === "malformed") {
      fail(parsed.problem);
      if (inMain) mainSizeKnown = false;
      continue;
    }
    if (inMain) mainLines++;
    if (typeof parsed.count === "number") {
      if (inMain) mainCards += parsed.count;
    } else {
      fail(parsed.count);
      if (inMain) mainSizeKnown = false;
    }

    const key = cardNameKey(parsed.name);
    const poolName = resolveName(pool, key);
    const card = poolName === undefined ? undefined : cards.find(poolName);
    if (card === undefined || card.token) {
      if (card === undefined && cards.isKnownUnsupported(parsed.name)) {
        fail({ code: "unsupported-card", name: parsed.name });
      } else {
        const suggestions = card === undefined ? suggest(pool, key) : [];
        fail({ code: "unknown-card", name: parsed.name, suggestions, token: card !== undefined });
      }
      continue;
    }
    if (typeof parsed.count !== "number") continue;
    const placement = { line: lineNo, text: raw, card, count: parsed.count, sideboard: !inMain };
    (target === "companion" ? companions : placements).push(placement);
  }

  for (const companion of companions) {
    const listed = placements.some((p) => p.sideboard && p.card.index === companion.card.index);
    if (!listed) placements.push(companion);
  }
  placements.sort((a, b) => a.line - b.line);

  if (maxCopies !== null) errors.push(...copyLimitErrors(placements, maxCopies));
  if (mainLines === 0 && mainSizeKnown) errors.push(deckError(0, "", { code: "empty-deck" }));
  else if (mainSizeKnown && mainCards < minMainDeck) {
    errors.push(deckError(0, "", { code: "too-few-cards", cards: mainCards, min: minMainDeck }));
  }

  if (errors.length > 0) {
    // Line order, with whole-deck problems last.
    const order = (e: DeckError): number => (e.line === 0 ? Infinity : e.line);
    return { ok: false, errors: errors.sort((a, b) => order(a) - order(b)) };
  }
  const deck: DeckList = { main: entries(placements, false), sideboard: entries(placements, true) };
  if (deckName !== undefined) deck.name = deckName;
  return { ok: true, deck };
}

/** One error per card over the limit, on the line that took it over, giving the final total. */
function copyLimitErrors(placements: readonly Placement[], max: number): DeckError[] {
  const totals = new Map<number, { copies: number; over?: Placement }>();
  for (const p of placements) {
    if (p.card.basic || p.card.anyNumber) continue;
    const total = totals.get(p.card.index) ?? { copies: 0 };
    total.copies += p.count;
    if (total.copies > max) total.over ??= p;
    totals.set(p.card.index, total);
  }
  return [...totals.values()].flatMap(({ copies, over }) =>
    over ? [deckError(over.line, over.text, { code: "too-many-copies", name: over.card.name, copies, max })] : [],
  );
}

/** Placements merged per card, in order of first appearance. */
function entries(placements: readonly Placement[], sideboard: boolean): DeckEntry[] {
  const byIndex = new Map<number, DeckEntry>();
  for (const p of placements) {
    if (p.sideboard !== sideboard) continue;
    const entry = byIndex.get(p.card.index);
    if (entry) entry.count += p.count;
    else byIndex.set(p.card.index, { index: p.card.index, name: p.card.name, count: p.count });
  }
  return [...byIndex.values()];
}

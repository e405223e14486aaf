import { strict as assert } from "node:assert";
import { describe, test } from "node:test";
import {
  CONSTRUCTED_RULES,
  LIMITED_RULES,
  cardNameKey,
  formatDeckErrors,
  parseDeck,
  type CardInfo,
  type CardLookup,
  type DeckError,
  type DeckList,
  type DeckRules,
} from "./deck.ts";

// A small pool standing in for the compiled card pool.
const POOL: readonly Omit<CardInfo, "index">[] = [
  { name: "Lightning Bolt", basic: false, anyNumber: false, token: false },
  { name: "Lightning Strike", basic: false, anyNumber: false, token: false },
  { name: "Monastery Swiftspear", basic: false, anyNumber: false, token: false },
  { name: "Goblin Guide", basic: false, anyNumber: false, token: false },
  { name: "Kolaghan's Command", basic: false, anyNumber: false, token: false },
  { name: "Fable of the Mirror-Breaker // Reflection of Kiki-Jiki", basic: false, anyNumber: false, token: false },
  { name: "Fire // Ice", basic: false, anyNumber: false, token: false },
  { name: "Aether Vial", basic: false, anyNumber: false, token: false },
  { name: "Lurrus of the Dreamcradle", basic: false, anyNumber: false, token: false },
  { name: "Relentless Rats", basic: false, anyNumber: true, token: false },
  { name: "Mountain", basic: true, anyNumber: false, token: false },
  { name: "Island", basic: true, anyNumber: false, token: false },
  { name: "Goblin", basic: false, anyNumber: false, token: true },
];
const UNSUPPORTED = ["Ragavan, Nimble Pilferer", "Lightning Helix"];

const cards: CardLookup = {
  find: (name) => {
    const i = POOL.findIndex((c) => c.name === name);
    return i < 0 ? undefined : { index: i, ...POOL[i]! };
  },
  names: () => POOL.map((c) => c.name),
  isKnownUnsupported: (name) => UNSUPPORTED.some((u) => cardNameKey(u) === cardNameKey(name)),
};

const index = (name: string): number => POOL.findIndex((c) => c.name === name);
const entry = (count: number, name: string) => ({ index: index(name), name, count });

function parsed(text: string, rules?: DeckRules): DeckList {
  const result = parseDeck(text, cards, rules);
  if (!result.ok) assert.fail(`expected a deck, got:\n${formatDeckErrors(result.errors)}`);
  return result.deck;
}

function failed(text: string, rules?: DeckRules): DeckError[] {
  const result = parseDeck(text, cards, rules);
  if (result.ok) assert.fail(`expected errors, got a deck: ${JSON.stringify(result.deck)}`);
  return result.errors;
}

/** Lines joined with "\n": keeps line numbers in tests easy to count. */
const lines = (...ls: string[]): string => ls.join("\n");

describe("parseDeck: formats", () => {
  test("MTGA export with About, set codes and collector numbers", () => {
    const deck = parsed(
      lines(
        "About",
        "Name Mono-Red Burn",
        "",
        "Deck",
        "4 Lightning Bolt (2XM) 141",
        "4 Monastery Swiftspear (KTK) 118",
        "4 Goblin Guide (ZEN) 126",
        "2 Fable of the Mirror-Breaker (NEO) 141",
        "26 Mountain (FDN) 279",
        "",
        "Sideboard",
        "3 Lightning Strike (FDN) 98",
        "1 Fire // Ice (MH2) 290",
      ),
    );
    assert.deepEqual(deck, {
      name: "Mono-Red Burn",
      main: [
        entry(4, "Lightning Bolt"),
        entry(4, "Monastery Swiftspear"),
        entry(4, "Goblin Guide"),
        entry(2, "Fable of the Mirror-Breaker // Reflection of Kiki-Jiki"),
        entry(26, "Mountain"),
      ],
      sideboard: [entry(3, "Lightning Strike"), entry(1, "Fire // Ice")],
    });
  });

  test("MTGO export: a blank line starts the sideboard", () => {
    const deck = parsed(
      lines("4 Lightning Bolt", "4 Goblin Guide", "32 Mountain", "", "2 Lightning Strike", "1 Aether Vial", ""),
    );
    assert.deepEqual(deck.main, [entry(4, "Lightning Bolt"), entry(4, "Goblin Guide"), entry(32, "Mountain")]);
    assert.deepEqual(deck.sideboard, [entry(2, "Lightning Strike"), entry(1, "Aether Vial")]);
    assert.equal(deck.name, undefined);
  });

  test("blank lines after an explicit Deck header do not start the sideboard", () => {
    const deck = parsed(lines("Deck", "4 Lightning Bolt", "", "36 Mountain", "", "Sideboard", "2 Lightning Strike"));
    assert.deepEqual(deck.main, [entry(4, "Lightning Bolt"), entry(36, "Mountain")]);
    assert.deepEqual(deck.sideboard, [entry(2, "Lightning Strike")]);
  });

  test("comment-labelled groups stay in the main deck; // Sideboard is a header", () => {
    const deck = parsed(
      lines(
        "// NAME: Grouped Burn",
        "// Creatures",
        "4 Goblin Guide",
        "",
        "// Spells",
        "4 Lightning Bolt",
        "",
        "# Lands",
        "32 Mountain",
        "",
        "// Sideboard",
        "2 Lightning Strike",
      ),
    );
    assert.equal(deck.name, "Grouped Burn");
    assert.deepEqual(deck.main, [entry(4, "Goblin Guide"), entry(4, "Lightning Bolt"), entry(32, "Mountain")]);
    assert.deepEqual(deck.sideboard, [entry(2, "Lightning Strike")]);
  });

  test("4x counts, [SET:*] printings, SB: prefix and sideboard headers with a colon or a count", () => {
    const deck = parsed(
      lines(
        "4x Lightning Bolt",
        "4X Goblin Guide [M11:*]",
        "32 Mountain [FDN]",
        "SB: 2 Lightning Strike",
        "SB:1 Aether Vial",
        "Sideboard (15):",
        "1 [MH2] Fire // Ice",
      ),
    );
    assert.deepEqual(deck.main, [entry(4, "Lightning Bolt"), entry(4, "Goblin Guide"), entry(32, "Mountain")]);
    assert.deepEqual(deck.sideboard, [entry(2, "Lightning Strike"), entry(1, "Aether Vial"), entry(1, "Fire // Ice")]);
  });

  test("CRLF, tabs, odd spacing, case, curly apostrophes, Æ and split-card spacing", () => {
    const deck = parsed(
      [
        "\ufeffDeck",
        "4\tlightning   BOLT",
        "  2   Kolaghan\u2019s Command  ",
        "1 fire//ice",
        "1 \u00c6ther Vial",
        "32\u00a0Mountain (FDN) 279 *F*",
      ].join("\r\n"),
    );
    assert.deepEqual(deck.main, [
      entry(4, "Lightning Bolt"),
      entry(2, "Kolaghan's Command"),
      entry(1, "Fire // Ice"),
      entry(1, "Aether Vial"),
      entry(32, "Mountain"),
    ]);
  });

  test("the same card on several lines is added up, in order of first appearance", () => {
    const deck = parsed(lines("2 Lightning Bolt", "36 Mountain", "2 Lightning Bolt"));
    assert.deepEqual(deck.main, [entry(4, "Lightning Bolt"), entry(36, "Mountain")]);
  });

  test("a companion goes to the sideboard once, even when Arena lists it twice", () => {
    const withBoth = parsed(
      lines("Companion", "1 Lurrus of the Dreamcradle", "", "Deck", "40 Mountain", "", "Sideboard", "1 Lurrus of the Dreamcradle"),
    );
    assert.deepEqual(withBoth.sideboard, [entry(1, "Lurrus of the Dreamcradle")]);
    const companionOnly = parsed(lines("Companion", "1 Lurrus of the Dreamcradle", "", "Deck", "40 Mountain"));
    assert.deepEqual(companionOnly.sideboard, [entry(1, "Lurrus of the Dreamcradle")]);
  });

  test("commander cards count as main deck; the maybeboard is ignored, even unknown cards in it", () => {
    const deck = parsed(lines("Commander", "1 Goblin Guide", "", "Deck", "39 Mountain", "", "Maybeboard", "1 Not A Card"));
    assert.deepEqual(deck.main, [entry(1, "Goblin Guide"), entry(39, "Mountain")]);
    assert.deepEqual(deck.sideboard, []);
  });
});

describe("parseDeck: card names", () => {
  test("a typo gets a did-you-mean, with line number and text", () => {
    const errors = failed(lines("36 Mountain", "4 Lightning Blot (2XM) 141"));
    assert.deepEqual(errors, [
      {
        line: 2,
        text: "4 Lightning Blot (2XM) 141",
        code: "unknown-card",
        message: 'deck line 2: unknown card "Lightning Blot" — did you mean "Lightning Bolt"?',
        suggestions: ["Lightning Bolt"],
      },
    ]);
  });

  test("suggestions come best first and at most three", () => {
    const [error] = failed(lines("36 Mountain", "4 Lightning"));
    assert.deepEqual(error!.suggestions, ["Lightning Bolt", "Lightning Strike"]);
    assert.equal(
      error!.message,
      'deck line 2: unknown card "Lightning" — did you mean "Lightning Bolt" or "Lightning Strike"?',
    );
    const [byWord] = failed(lines("36 Mountain", "4 Swiftspear"));
    assert.deepEqual(byWord!.suggestions, ["Monastery Swiftspear"]);
    const [twoTypos] = failed(lines("36 Mountain", "4 Monastary Swiftspeer"));
    assert.deepEqual(twoTypos!.suggestions, ["Monastery Swiftspear"]);
  });

  test("nothing close means no suggestions", () => {
    const [error] = failed(lines("36 Mountain", "4 Tarmogoyf"));
    assert.equal(error!.code, "unknown-card");
    assert.equal(error!.suggestions, undefined);
    assert.equal(error!.message, 'deck line 2: unknown card "Tarmogoyf"');
  });

  test("a real card the engine lacks is unsupported, not unknown", () => {
    const errors = failed(lines("36 Mountain", "4 ragavan, nimble pilferer (MH2) 138", "4 Lightning Helix"));
    assert.deepEqual(
      errors.map((e) => [e.line, e.code, e.message]),
      [
        [2, "unsupported-card", 'deck line 2: "ragavan, nimble pilferer" is a real card, but Spellgrid does not implement it yet'],
        [3, "unsupported-card", 'deck line 3: "Lightning Helix" is a real card, but Spellgrid does not implement it yet'],
      ],
    );
  });

  test("tokens cannot be listed, and are never suggested", () => {
    const [token] = failed(lines("40 Mountain", "1 Goblin"));
    assert.equal(token!.code, "unknown-card");
    assert.equal(token!.message, 'deck line 2: "Goblin" is a token, and tokens cannot be put in a deck');
    const [typo] = failed(lines("40 Mountain", "1 Goblim"));
    assert.deepEqual(typo!.suggestions, ["Goblin Guide"]);
  });
});

describe("parseDeck: counts and lines", () => {
  test("bad counts and malformed lines are all reported, each on its line", () => {
    const errors = failed(
      lines("0 Lightning Bolt", "-2 Goblin Guide", "4.5 Mountain", "300 Mountain", "Lightning Bolt", "4", "2 Lightning Blot", "40 Mountain"),
    );
    assert.deepEqual(
      errors.map((e) => [e.line, e.code, e.message]),
      [
        [1, "bad-count", "deck line 1: count is 0 — leave the line out, or give at least 1"],
        [2, "bad-count", 'deck line 2: count "-2" is negative — give at least 1'],
        [3, "bad-count", 'deck line 3: count "4.5" is not a whole number'],
        [4, "bad-count", "deck line 4: count 300 is more than 250 — is it a typo?"],
        [5, "malformed-line", 'deck line 5: expected a count and a card name, like "4 Lightning Bolt"'],
        [6, "malformed-line", "deck line 6: a count with no card name after it"],
        [7, "unknown-card", 'deck line 7: unknown card "Lightning Blot" — did you mean "Lightning Bolt"?'],
      ],
    );
  });

  test("a bad count and an unknown name on one line are both reported", () => {
    const errors = failed(lines("40 Mountain", "0 Lightning Blot"));
    assert.deepEqual(
      errors.map((e) => e.code),
      ["bad-count", "unknown-card"],
    );
  });

  test("250 is the largest count accepted", () => {
    assert.deepEqual(parsed("250 Mountain").main, [entry(250, "Mountain")]);
  });
});

describe("parseDeck: deck rules", () => {
  test("more than four copies across main deck and sideboard, reported where the limit is passed", () => {
    const errors = failed(lines("3 Lightning Bolt", "37 Mountain", "", "2 Lightning Bolt", "5 Goblin Guide"));
    assert.deepEqual(
      errors.map((e) => [e.line, e.code, e.message]),
      [
        [
          4,
          "too-many-copies",
          'deck line 4: 5 copies of "Lightning Bolt" (main deck and sideboard together) — at most 4 are allowed (rule 100.2a)',
        ],
        [
          5,
          "too-many-copies",
          'deck line 5: 5 copies of "Goblin Guide" (main deck and sideboard together) — at most 4 are allowed (rule 100.2a)',
        ],
      ],
    );
  });

  test("basic lands and any-number cards are exempt; limited decks skip the limit", () => {
    assert.deepEqual(parsed(lines("20 Relentless Rats", "20 Mountain")).main, [
      entry(20, "Relentless Rats"),
      entry(20, "Mountain"),
    ]);
    assert.deepEqual(parsed(lines("6 Goblin Guide", "34 Mountain"), LIMITED_RULES).main, [
      entry(6, "Goblin Guide"),
      entry(34, "Mountain"),
    ]);
  });

  test("the main deck needs 40 cards by default, 60 under constructed rules", () => {
    const [error] = failed(lines("4 Lightning Bolt", "35 Mountain"));
    assert.deepEqual(error, {
      line: 0,
      text: "",
      code: "too-few-cards",
      message: "deck: the main deck has 39 cards — at least 40 are needed",
    });
    assert.equal(parsed(lines("4 Lightning Bolt", "36 Mountain")).main.length, 2);
    const [constructed] = failed(lines("4 Lightning Bolt", "36 Mountain"), CONSTRUCTED_RULES);
    assert.equal(constructed!.message, "deck: the main deck has 40 cards — at least 60 are needed");
    assert.equal(parsed(lines("4 Lightning Bolt", "56 Mountain"), CONSTRUCTED_RULES).main.length, 2);
  });

  test("unknown cards still count towards the size, so a typo does not also report a short deck", () => {
    const errors = failed(lines("4 Lightning Blot", "36 Mountain"));
    assert.deepEqual(
      errors.map((e) => e.code),
      ["unknown-card"],
    );
  });

  test("an empty list, or one with only a sideboard, is an empty deck", () => {
    for (const text of ["", "\n\n", "// just a comment", lines("Sideboard", "2 Lightning Strike")]) {
      assert.deepEqual(
        failed(text).map((e) => [e.code, e.message]),
        [["empty-deck", "deck: the main deck has no cards"]],
        JSON.stringify(text),
      );
    }
  });
});

describe("parseDeck: robustness", () => {
  test("never throws on arbitrary text", () => {
    let seed = 12345;
    const next = (): number => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0);
    const alphabet = "4x0-.:/#()[]*SBsb Deck\r\n\tLightning Bolt\u2019\u00c6";
    for (let round = 0; round < 500; round++) {
      let text = "";
      const length = next() % 200;
      for (let i = 0; i < length; i++) text += alphabet[next() % alphabet.length];
      const result = parseDeck(text, cards);
      assert.equal(typeof result.ok, "boolean");
    }
  });
});

describe("formatDeckErrors", () => {
  test("lists each message with the line it is about", () => {
    const errors = failed(lines("4 Lightning Blot", "36 Mountain", "\t2  Tarmogoyf"));
    assert.equal(
      formatDeckErrors(errors),
      [
        "The deck list has 2 problems:",
        '  deck line 1: unknown card "Lightning Blot" — did you mean "Lightning Bolt"?',
        "      4 Lightning Blot",
        '  deck line 3: unknown card "Tarmogoyf"',
        "      2  Tarmogoyf",
      ].join("\n"),
    );
    assert.equal(
      formatDeckErrors(failed("")),
      ["The deck list has 1 problem:", "  deck: the main deck has no cards"].join("\n"),
    );
  });
});

describe("cardNameKey", () => {
  test("ignores case, accents, apostrophe style and spacing", () => {
    assert.equal(cardNameKey("  Kolaghan\u2019s   COMMAND "), "kolaghan's command");
    assert.equal(cardNameKey("Lim-D\u00fbl's Vault"), "lim-dul's vault");
    assert.equal(cardNameKey("\u00c6ther Vial"), "aether vial");
    assert.equal(cardNameKey("Fire//Ice"), "fire // ice");
  });
});

import { strict as assert } from "node:assert";
import { describe, test } from "node:test";
import { formatGamesPerSecond, formatWinRate, mean, wilson } from "./stats.ts";

function assertInterval(actual: [number, number], expected: [number, number], digits = 4): void {
  const tolerance = 0.5 * 10 ** -digits;
  assert.ok(
    Math.abs(actual[0] - expected[0]) <= tolerance && Math.abs(actual[1] - expected[1]) <= tolerance,
    `expected [${expected.join(", ")}], got [${actual.join(", ")}]`,
  );
}

describe("wilson", () => {
  test("50 of 100 gives the textbook interval", () => {
    assertInterval(wilson(50, 100), [0.4038, 0.5962]);
  });

  // Newcombe (1998), "Two-sided confidence intervals for the single proportion", method 3.
  test("matches Newcombe's published score intervals", () => {
    assertInterval(wilson(81, 263), [0.2553, 0.3662]);
    assertInterval(wilson(15, 148), [0.0624, 0.1605]);
    assertInterval(wilson(0, 20), [0, 0.1611]);
    assertInterval(wilson(1, 29), [0.0061, 0.1718]);
  });

  test("stays inside [0, 1] at the extremes", () => {
    assertInterval(wilson(0, 10), [0, 0.2775]);
    assertInterval(wilson(10, 10), [0.7225, 1]);
  });

  test("a wider z gives a wider interval", () => {
    const [low95, high95] = wilson(30, 50);
    const [low99, high99] = wilson(30, 50, 2.576);
    assert.ok(low99 < low95 && high99 > high95);
  });

  test("no games means nothing is known", () => {
    assert.deepEqual(wilson(0, 0), [0, 1]);
  });

  test("rejects impossible counts", () => {
    assert.throws(() => wilson(11, 10), RangeError);
    assert.throws(() => wilson(-1, 10), RangeError);
    assert.throws(() => wilson(1.5, 10), RangeError);
  });
});

describe("mean", () => {
  test("averages", () => {
    assert.equal(mean([1, 2, 3, 4]), 2.5);
    assert.equal(mean([7]), 7);
  });

  test("is NaN for an empty list", () => {
    assert.ok(Number.isNaN(mean([])));
  });
});

describe("formatWinRate", () => {
  test("shows the rate and its 95% interval", () => {
    assert.equal(formatWinRate(54, 100), "54.0% (95% CI 44.3–63.4%)");
  });

  test("says so when there are no games", () => {
    assert.equal(formatWinRate(0, 0), "no games");
  });
});

describe("formatGamesPerSecond", () => {
  test("rounds to a readable precision", () => {
    assert.equal(formatGamesPerSecond(38_120, 10_000), "3,812 games/s");
    assert.equal(formatGamesPerSecond(452, 10_000), "45.2 games/s");
    assert.equal(formatGamesPerSecond(5, 2_000), "2.5 games/s");
    assert.equal(formatGamesPerSecond(813, 1_000_000), "0.813 games/s");
  });

  test("does not divide by zero", () => {
    assert.equal(formatGamesPerSecond(10, 0), "– games/s");
  });
});

// IR structure: header, table bounds, operand ranges, token references, hash stability.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import * as S from '../../assembly/ir/spec.ts';
import { compilePool, irHash } from './compile.ts';
import { card, createToken, is, mana, parseTypeLine, pump, putCounters, target, upTo } from './dsl.ts';
import { pool } from './pool/index.ts';
import { food } from './pool/tokens.ts';
import { decodeProgram, opShapes, type Op } from './render.ts';

const { ir } = compilePool(pool);
const h = (f: number) => ir[f];

describe('IR layout', () => {
  test('header', () => {
    assert.equal(h(S.HDR_MAGIC), S.IR_MAGIC);
    assert.equal(h(S.HDR_VERSION), S.IR_VERSION);
    assert.equal(h(S.HDR_CARD_COUNT), pool.length);
    assert.equal(h(S.HDR_CARD_OFF), S.HDR_WORDS);
    assert.equal(h(S.HDR_ABIL_OFF), h(S.HDR_CARD_OFF) + h(S.HDR_CARD_COUNT) * S.CARD_WORDS);
    assert.equal(h(S.HDR_FILTER_OFF), h(S.HDR_ABIL_OFF) + h(S.HDR_ABIL_COUNT) * S.ABIL_WORDS);
    assert.equal(h(S.HDR_TSPEC_OFF), h(S.HDR_FILTER_OFF) + h(S.HDR_FILTER_COUNT) * S.FILTER_WORDS);
    assert.equal(h(S.HDR_CODE_OFF), h(S.HDR_TSPEC_OFF) + h(S.HDR_TSPEC_COUNT) * S.TSPEC_WORDS);
    assert.equal(ir.length, h(S.HDR_CODE_OFF) + h(S.HDR_CODE_LEN));
  });

  test('filters are deduplicated', () => {
    const seen = new Set<string>();
    for (let k = 0; k < h(S.HDR_FILTER_COUNT); k++) {
      const off = h(S.HDR_FILTER_OFF) + k * S.FILTER_WORDS;
      const key = ir.subarray(off, off + S.FILTER_WORDS).join(',');
      assert.ok(!seen.has(key), `filter ${k} duplicates another`);
      seen.add(key);
    }
  });

  test('every card, ability, target spec and operand is in range', () => {
    const cardW = (i: number, f: number) => ir[h(S.HDR_CARD_OFF) + i * S.CARD_WORDS + f];
    const abW = (j: number, f: number) => ir[h(S.HDR_ABIL_OFF) + j * S.ABIL_WORDS + f];
    const filterOk = (k: number, what: string) => assert.ok(k >= -1 && k < h(S.HDR_FILTER_COUNT), `${what}: filter ${k} out of range`);
    const codeEnd = h(S.HDR_CODE_OFF) + h(S.HDR_CODE_LEN);
    let abilities = 0;
    for (let i = 0; i < h(S.HDR_CARD_COUNT); i++) {
      assert.equal(cardW(i, S.CARD_NAME_ID), i);
      const start = cardW(i, S.CARD_ABIL_START);
      const count = cardW(i, S.CARD_ABIL_COUNT);
      assert.equal(start, abilities, 'abilities are contiguous in card order');
      abilities += count;
      if (cardW(i, S.CARD_ADD_COST) & S.COST_SAC_FILTER) filterOk(cardW(i, S.CARD_ADD_COST_PARAM), 'additional cost');
      for (let j = start; j < start + count; j++) {
        const what = `card ${i} ability ${j}`;
        const tspecs = abW(j, S.AB_TSPEC_START);
        const nspecs = abW(j, S.AB_TSPEC_COUNT);
        assert.ok(tspecs >= 0 && tspecs + nspecs <= h(S.HDR_TSPEC_COUNT), `${what}: target specs out of range`);
        let slots = 0;
        for (let k = tspecs; k < tspecs + nspecs; k++) {
          const off = h(S.HDR_TSPEC_OFF) + k * S.TSPEC_WORDS;
          filterOk(ir[off + S.TS_FILTER], what);
          assert.ok(ir[off + S.TS_MIN] <= ir[off + S.TS_MAX] && ir[off + S.TS_MAX] >= 1, `${what}: bad target counts`);
          slots += ir[off + S.TS_MAX];
        }
        filterOk(abW(j, S.AB_TRIGGER_FILTER), what);
        if ((abW(j, S.AB_CONDITION) & ~S.COND_NOT) === S.COND_CONTROL) filterOk(abW(j, S.AB_CONDITION_PARAM), what);
        if (abW(j, S.AB_COST_FLAGS) & S.COST_SAC_FILTER) filterOk(abW(j, S.AB_COST_PARAM), what);
        assert.ok(j + abW(j, S.AB_MODES) < start + count, `${what}: modes beyond the card`);
        const code = abW(j, S.AB_CODE);
        assert.ok(code >= h(S.HDR_CODE_OFF) && code < codeEnd, `${what}: code offset out of range`);
        const { ops, end } = decodeProgram(ir, code, opShapes(abW(j, S.AB_KIND)));
        assert.ok(end <= codeEnd, `${what}: program runs past the code`);
        const check = (list: Op[]): void => {
          for (const o of list) {
            [...o.shape].forEach((kind, x) => {
              const v = o.args[x];
              if (kind === 'f') filterOk(v, what);
              if (kind === 't') assert.ok(cardW(v, S.CARD_FLAGS) & S.CF_TOKEN, `${what}: OP_TOKEN names card ${v}, not a token`);
              if (kind === 'r' && v < S.REF_SELF) assert.ok(v < slots, `${what}: target ref ${v} beyond ${slots} slots`);
              if (kind === 'a' && (v & S.AMT_TAG_MASK) === S.AMT_COUNT) filterOk(v & S.AMT_PARAM_MASK, what);
            });
            check(o.body);
          }
        };
        check(ops);
      }
    }
    assert.equal(abilities, h(S.HDR_ABIL_COUNT));
  });

  test('card order: cards by name, then tokens', () => {
    const { names } = compilePool(pool);
    const tokenStart = pool.filter((d) => !d.isToken).length;
    const cardNames = names.slice(0, tokenStart);
    assert.deepEqual(cardNames, [...cardNames].sort());
    assert.ok(names.slice(tokenStart).every((n) => pool.find((d) => d.name === n)?.isToken));
  });
});

describe('irHash', () => {
  test('is stable across compiles and changes when a card changes', async () => {
    const a = await irHash(compilePool(pool).bytes);
    const b = await irHash(compilePool(pool).bytes);
    assert.match(a, /^[0-9a-f]{64}$/);
    assert.equal(a, b);
    const changed = pool.map((d) => (d.name === 'Savannah Lions' ? card('Savannah Lions').cost('{W}').typeLine('Creature — Cat').pt(2, 2) : d));
    assert.notEqual(await irHash(compilePool(changed).bytes), a);
  });

  test('bytes are the IR words, little-endian', () => {
    const { ir: words, bytes } = compilePool(pool);
    const view = new DataView(bytes.buffer);
    assert.equal(bytes.length, words.length * 4);
    assert.equal(view.getInt32(0, true), S.IR_MAGIC);
    assert.equal(view.getInt32(bytes.length - 4, true), words[words.length - 1]);
  });
});

describe('DSL and compiler', () => {
  test('mana costs pack per spec', () => {
    const m = mana('{X}{2}{B}{B}');
    assert.equal(m.a, 2 | (1 << S.MANA_X_SHIFT));
    assert.equal(m.b, 2 << (4 * S.COLOR_B));
    assert.equal(m.value, 4);
    assert.throws(() => mana('{2/W}'));
  });

  test('type lines parse into bits; unknown subtypes are display only', () => {
    const t = parseTypeLine('Legendary Creature — Elf Druid');
    assert.equal(t.types, S.TYPE_CREATURE | S.SUPER_LEGENDARY);
    assert.equal(t.subtypes, S.SUB_ELF);
    assert.throws(() => parseTypeLine('Creature Thing — Elf'));
  });

  test('rejects a token that is not in the pool and duplicate names', () => {
    const stray = card('Stray').cost('{1}').typeLine('Artifact').activated('{T}', createToken(card('Clue').typeLine('Token Artifact — Clue')));
    assert.throws(() => compilePool([stray]), /not a token of this pool/);
    const lion = () => card('Lion').cost('{W}').typeLine('Creature — Cat').pt(2, 1);
    assert.throws(() => compilePool([lion(), lion()]), /defined twice/);
    assert.doesNotThrow(() => compilePool([food]));
  });

  test('a multi-target instruction is emitted once per target slot', () => {
    const spell = card('Test').cost('{W}').typeLine('Sorcery').spell(putCounters(1, '+1/+1', upTo(2, is('creature'))));
    const c = compilePool([spell]).ir;
    const tspec = c[S.HDR_TSPEC_OFF];
    assert.deepEqual([c[tspec + S.TS_MIN], c[tspec + S.TS_MAX]], [0, 2]);
    const code = Array.from(c.subarray(c[S.HDR_CODE_OFF]));
    assert.deepEqual(code, [S.OP_COUNTERS, S.REF_TARGET, S.CTR_P1P1, 1, S.OP_COUNTERS, S.REF_TARGET + 1, S.CTR_P1P1, 1, S.OP_END]);
  });

  test('negative constants are sign-extended 24-bit amounts', () => {
    const spell = card('Test').cost('{U}').typeLine('Instant').spell(pump(target(is('creature')), -1, 0));
    const c = compilePool([spell]).ir;
    assert.deepEqual(Array.from(c.subarray(c[S.HDR_CODE_OFF])), [S.OP_PUMP, S.REF_TARGET, -1, 0, S.OP_END]);
  });
});

// The IR contract's numbering: within each group of constants in spec.ts (and the event codes)
// every value is distinct, so two mechanics can never share an opcode, trigger or flag bit.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as S from '../../assembly/ir/spec.ts';
import * as EV from '../../assembly/ir/events.ts';
import { readFileSync } from 'node:fs';

/** Names that are masks, shifts or sizes rather than members of their group. */
const NOT_MEMBERS = /(_ALL|_MASK|_SHIFT|_WORDS|_OFF|_COUNT)$|^(KW_ALL|PLAYER_CODE)$/;

function groups(mod: Record<string, unknown>): Map<string, [string, number][]> {
  const out = new Map<string, [string, number][]>();
  for (const [name, value] of Object.entries(mod)) {
    if (typeof value !== 'number' || NOT_MEMBERS.test(name)) continue;
    // SUB_HI_* is a word of its own (CARD_SUBTYPES_HI), not part of SUB_*
    const prefix = name.startsWith('SUB_HI_') ? 'SUB_HI_' : name.slice(0, name.indexOf('_') + 1);
    if (!prefix) continue;
    if (!out.has(prefix)) out.set(prefix, []);
    out.get(prefix)!.push([name, value]);
  }
  return out;
}

test('constants of one group in spec.ts and events.ts have distinct values', () => {
  for (const mod of [S, EV] as unknown as Record<string, unknown>[]) {
    for (const [prefix, members] of groups(mod)) {
      const byValue = new Map<number, string[]>();
      for (const [name, v] of members) byValue.set(v, [...(byValue.get(v) ?? []), name]);
      const clashes = [...byValue.values()].filter((names) => names.length > 1);
      assert.deepEqual(clashes, [], `${prefix}* constants share a value`);
    }
  }
});

test('every trigger event fits the per-card 64-bit trigger mask (ir.ts: bits 60-63 are summaries)', () => {
  for (const [name, v] of groups(S as unknown as Record<string, unknown>).get('TRIG_') ?? []) {
    assert.ok(v > 0 && v < 60, `${name} = ${v}`);
  }
});

test('flag and kind constants of the engine state (state.ts) have distinct values per group', () => {
  // state.ts is AssemblyScript (decorators, offsetof), so its constants are read as text.
  const text = readFileSync(new URL('../../assembly/state.ts', import.meta.url), 'utf8');
  const consts: Record<string, number> = {};
  for (const m of text.matchAll(/^export const ([A-Z][A-Z0-9_]*)(?::\s*i32)?\s*=\s*(1 << (\d+)|-?\d+);/gm)) {
    consts[m[1]!] = m[3] !== undefined ? 2 ** Number(m[3]) : Number(m[2]);
  }
  assert.ok(Object.keys(consts).length > 40, 'the state constants are found');
  for (const [prefix, members] of groups(consts)) {
    if (prefix === 'MAX_') continue; // capacities, not members of a set
    const byValue = new Map<number, string[]>();
    for (const [name, v] of members) byValue.set(v, [...(byValue.get(v) ?? []), name]);
    assert.deepEqual([...byValue.values()].filter((names) => names.length > 1), [], `${prefix}* constants share a value`);
  }
});

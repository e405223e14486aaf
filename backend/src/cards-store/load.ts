// Puts a compiled card pool into a card store: one card IR document per card (skipped when its
// hash is stored already), the pool's list of them, and each deck card's metadata. Loading the
// same pool again is cheap (the pool document is found by its IR hash and nothing else is read).
import { createHash } from 'node:crypto';
import * as S from '@spellgrid/engine-as/assembly/ir/spec.ts';
import type { CardPool } from '@spellgrid/engine-as/src/host/engine.ts';
import { nameKey, type CardIrDoc, type CardStore } from './store.ts';

/** Card `index`'s own IR words (its card-table row, then its ability-table rows) as little-endian bytes. */
export function cardIrBytes(ir: Uint8Array, index: number): Uint8Array {
  const words = new DataView(ir.buffer, ir.byteOffset, ir.byteLength);
  const word = (i: number) => words.getInt32(i * 4, true);
  if (index < 0 || index >= word(S.HDR_CARD_COUNT)) throw new RangeError(`no card ${index} in the IR`);
  const row = word(S.HDR_CARD_OFF) + index * S.CARD_WORDS;
  const abilStart = word(row + S.CARD_ABIL_START), abilCount = word(row + S.CARD_ABIL_COUNT);
  const out = new Uint8Array((S.CARD_WORDS + abilCount * S.ABIL_WORDS) * 4);
  out.set(ir.subarray(row * 4, (row + S.CARD_WORDS) * 4), 0);
  const abil = word(S.HDR_ABIL_OFF) + abilStart * S.ABIL_WORDS;
  out.set(ir.subarray(abil * 4, (abil + abilCount * S.ABIL_WORDS) * 4), S.CARD_WORDS * 4);
  return out;
}

/** The document for card `index` of `pool`. */
export function cardDoc(pool: CardPool, index: number): CardIrDoc {
  const { index: _index, ...facts } = pool.card(index);
  const ir = cardIrBytes(pool.ir, index);
  const hash = createHash('sha256').update(`spellgrid-card/${pool.meta.irVersion}\n`).update(ir).update(JSON.stringify(facts)).digest('hex');
  return { hash, irVersion: pool.meta.irVersion, name: facts.name, token: facts.token, facts, text: facts.text, ir };
}

export interface LoadReport {
  irHash: string;
  cards: number;
  /** Card documents stored by this load (0 when the pool was loaded before). */
  inserted: number;
  /** True when the pool was stored already and nothing was written. */
  alreadyLoaded: boolean;
}

export async function loadPoolInto(store: CardStore, pool: CardPool, now = Date.now()): Promise<LoadReport> {
  const irHash = pool.irHash, n = pool.meta.cards.length;
  if (await store.pool(irHash)) return { irHash, cards: n, inserted: 0, alreadyLoaded: true };
  let inserted = 0;
  const hashes: string[] = [];
  for (let i = 0; i < n; i++) {
    const doc = cardDoc(pool, i);
    hashes.push(doc.hash);
    if ((await store.putCardIr(doc)) === 'inserted') inserted++;
    if (doc.token) continue;
    const f = doc.facts;
    await store.putMetadata({
      key: nameKey(f.name), name: f.name, manaCost: f.manaCost, manaValue: f.manaValue, colors: f.colors, typeLine: f.typeLine,
      ...(f.partial ? { partial: f.partial } : {}),
      latest: { irVersion: doc.irVersion, hash: doc.hash, irHash }, updatedAt: now,
    });
  }
  // last: a load cut short is redone in full by the next one
  await store.putPool({ irHash, irVersion: pool.meta.irVersion, cards: hashes, loadedAt: now });
  return { irHash, cards: n, inserted, alreadyLoaded: false };
}

// `npm run build:cards`: compiles the pool and writes build/cards.bin (IR bytes) and
// build/cards.json (irVersion, irHash, per-card facts and rendered text, knownUnsupported).
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as S from '../../assembly/ir/spec.ts';
import { compilePool, irHash, type CompiledPool } from './compile.ts';
import { pool } from './pool/index.ts';
import { cardFacts, type CardFacts } from './render.ts';
import { knownUnsupported } from './unsupported.ts';

export interface CardsManifest {
  irVersion: number;
  irHash: string;
  cards: CardFacts[];
  knownUnsupported: string[];
}

export async function manifest(compiled: CompiledPool): Promise<CardsManifest> {
  return {
    irVersion: S.IR_VERSION,
    irHash: await irHash(compiled.bytes),
    cards: compiled.names.map((_, i) => cardFacts(compiled.ir, i, compiled)),
    knownUnsupported: [...knownUnsupported],
  };
}

async function main(): Promise<void> {
  const compiled = compilePool(pool);
  const out = fileURLToPath(new URL('../../build/', import.meta.url));
  mkdirSync(out, { recursive: true });
  const m = await manifest(compiled);
  writeFileSync(out + 'cards.bin', compiled.bytes);
  writeFileSync(out + 'cards.json', JSON.stringify(m, null, 2) + '\n');
  const tokens = m.cards.filter((c) => c.token).length;
  console.log(`cards: ${m.cards.length - tokens} cards + ${tokens} tokens, ${compiled.ir.length} words, irHash ${m.irHash}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();

// Test support: the Foundations reference facts (shared/reference/fdn, beside the repository)
// and the text normalisation used to compare rendered rules text with Oracle text.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { KEYWORDS } from './vocabulary.ts';

export interface ReferenceCard {
  name: string;
  mana_cost: string;
  mana_value: number;
  type_line: string;
  power: string | null;
  toughness: string | null;
  loyalty: string | null;
  oracle_text: string;
  colors: string[];
}

export interface ReferenceToken {
  name: string;
  colors: string[];
  type_line: string;
  power: string | null;
  toughness: string | null;
  abilities: string;
}

/** Reads shared/reference/fdn/<file>, searching upward from this folder. */
function readReference<T>(file: string): T {
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    const path = join(dir, 'shared', 'reference', 'fdn', file);
    if (existsSync(path)) return JSON.parse(readFileSync(path, 'utf8')) as T;
    if (dirname(dir) === dir) throw new Error(`shared/reference/fdn/${file} not found above ${import.meta.url}`);
  }
}

export const referenceCards = (): ReferenceCard[] => readReference('cards.json');
export const referenceTokens = (): ReferenceToken[] => readReference('tokens.json');

const keywordNames = new Set(KEYWORDS.map(([n]) => n));
const isKeywordLine = (line: string) => line.split(', ').every((k) => keywordNames.has(k.toLowerCase()));

/**
 * Rules text as compared in tests: reminder text (parenthesised) removed, blank lines dropped,
 * and consecutive keyword-only lines joined ("Flying\nLifelink" -> "Flying, lifelink"), since
 * printed cards split keywords that carry reminder text.
 */
export function normalizeRulesText(text: string): string {
  const lines = text
    .replace(/\s*\([^)]*\)/g, '')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const out: string[] = [];
  for (const line of lines) {
    const prev = out[out.length - 1];
    if (prev !== undefined && isKeywordLine(prev) && isKeywordLine(line)) out[out.length - 1] = `${prev}, ${line.toLowerCase()}`;
    else out.push(line);
  }
  return out.join('\n');
}

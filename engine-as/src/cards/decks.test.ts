// The bundled decks (engine-as/decks/*.txt) use only implemented cards and are legal 60-card decks.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { pool } from './pool/index.ts';

const dir = fileURLToPath(new URL('../../decks/', import.meta.url));
const cards = new Map(pool.filter((d) => !d.isToken).map((d) => [d.name, d]));

describe('bundled decks', () => {
  const files = readdirSync(dir).filter((f) => f.endsWith('.txt'));
  test('there are at least three', () => assert.ok(files.length >= 3));
  for (const file of files) {
    test(file, () => {
      const lines = readFileSync(dir + file, 'utf8').split('\n').map((l) => l.trim());
      assert.match(lines[0], /^\/\/ NAME: \S/);
      let total = 0;
      let section = 'Deck';
      for (const line of lines) {
        if (line === '' || line.startsWith('//')) continue;
        if (line === 'Deck' || line === 'Sideboard') {
          section = line;
          continue;
        }
        const m = line.match(/^(\d+) (.+)$/);
        assert.ok(m, `bad line "${line}"`);
        const [count, name] = [Number(m[1]), m[2]];
        const def = cards.get(name);
        assert.ok(def, `${name} is not implemented`);
        if (!def.type.printed.startsWith('Basic Land')) assert.ok(count <= 4, `more than 4 ${name}`);
        if (section === 'Deck') total += count;
      }
      assert.equal(total, 60);
    });
  }
});

// Dump and restore of the card store's database against a real MongoDB-protocol server (FerretDB
// from infra/dev/ferretdb.sh; TEST_MONGODB_URL): everything comes back exactly, binary IR included.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { loadPool } from '@spellgrid/engine-as/src/host/node.ts';
import { mongoCardStore } from './mongo.ts';
import { loadPoolInto } from './load.ts';
import { dumpDatabase, restoreDatabase } from './backup.ts';

const base = process.env.TEST_MONGODB_URL;
test('card store backup: a dump restored into an emptied database gives back every document and index', { skip: base ? false : 'TEST_MONGODB_URL is not set (run `infra/dev/ferretdb.sh start` and `eval "$(infra/dev/ferretdb.sh env)"`)' }, async () => {
  const url = new URL(base!);
  url.pathname = `/spellgrid_backup_${randomBytes(4).toString('hex')}`;
  const dir = mkdtempSync(join(tmpdir(), 'spellgrid-dump-'));
  const pool = loadPool();
  let s = await mongoCardStore({ url: url.href });
  try {
    await loadPoolInto(s, pool, 1000);
    await s.putPrice({ key: 'savannah lions', usd: 0.12, source: 'test' }, 3_600_000, 1000);
    await s.putDeckValue({ deck: 'd1', field: 'default', name: 'Cats+Elves', price: 20.5, winRate: 0.55, games: 400, at: 1000 });
    const stored = (await s.pool(pool.irHash))!;
    const before = { pool: stored, card: await s.cardIr(stored.cards[7]!), meta: await s.metadata(pool.card(7).name), price: await s.price('savannah lions', 2000), best: await s.bestValue({ field: 'default' }) };

    const manifest = await dumpDatabase(url.href, dir);
    assert.deepEqual(manifest.collections.map((c) => c.name), ['card_meta', 'card_pools', 'cards_ir', 'deck_value', 'price_cache']);
    assert.equal(manifest.collections.find((c) => c.name === 'cards_ir')!.documents, pool.meta.cards.length);
    assert.ok(readFileSync(join(dir, 'cards_ir.jsonl'), 'utf8').includes('"$binary"'), 'IR bytes are dumped as binary');

    await s.db.dropDatabase();
    assert.equal(await s.pool(pool.irHash), undefined);
    await s.close();

    assert.deepEqual(await restoreDatabase(url.href, dir), { collections: 5, documents: manifest.collections.reduce((n, c) => n + c.documents, 0) });
    s = await mongoCardStore({ url: url.href });
    assert.deepEqual({ pool: await s.pool(pool.irHash), card: await s.cardIr(stored.cards[7]!), meta: await s.metadata(pool.card(7).name), price: await s.price('savannah lions', 2000), best: await s.bestValue({ field: 'default' }) }, before);
    const indexes = (await s.db.collection('price_cache').indexes()).map((i) => i.name);
    assert.ok(indexes.includes('expiresAt'), `price_cache indexes: ${indexes.join(', ')}`);
    assert.equal((await loadPoolInto(s, pool)).alreadyLoaded, true);
  } finally {
    await s.db.dropDatabase().catch(() => undefined);
    await s.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

// The card store conformance suite on the memory store, and on a real MongoDB-protocol server
// (FerretDB v1 from infra/dev/ferretdb.sh) when TEST_MONGODB_URL is set. Each test against the
// server uses collections of its own (a random prefix) and drops them when it ends.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { memoryCardStore } from './store.ts';
import { mongoCardStore } from './mongo.ts';
import { cardStoreConformance } from './store.conformance.ts';

cardStoreConformance('memory', async () => memoryCardStore());

const url = process.env.TEST_MONGODB_URL;
if (url) {
  cardStoreConformance('mongodb', async () => {
    const s = await mongoCardStore({ url, prefix: `t${randomBytes(4).toString('hex')}_` });
    return { ...s, close: async () => { try { await s.dropAll(); } finally { await s.close(); } } };
  });
} else {
  test('card store mongodb: skipped, TEST_MONGODB_URL is not set (run `infra/dev/ferretdb.sh start` and `eval "$(infra/dev/ferretdb.sh env)"`)', { skip: true }, () => {});
}

test('MONGODB_URL unset: the in-process store', async () => {
  const { openCardStore } = await import('./open.ts');
  const { store, where } = await openCardStore({});
  assert.equal(where, 'in memory');
  assert.equal(await store.pool('x'), undefined);
  await store.close();
});

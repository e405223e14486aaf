// The card store on MongoDB through the official `mongodb` driver, kept to what FerretDB v1 also
// does: single-document writes (no transactions), plain finds with sort and limit (no $lookup, no
// aggregation), ordinary indexes (no TTL indexes: a price's expiry is checked when it is read, and
// sweepPrices deletes the expired ones).
//   cards_ir    _id: content hash; irVersion, name, key (name key), token, facts, text, ir (binary)
//   card_pools  _id: IR hash; irVersion, cards (hashes by index), loadedAt
//   card_meta   _id: name key; CardMetadata
//   price_cache _id: key; usd, source, fetchedAt, expiresAt
//   deck_value  _id: field NUL deck; DeckValue
import { Binary, MongoClient, type Collection, type Db, type Document } from 'mongodb';
import { nameKey, type CardIrDoc, type CardMetadata, type CardStore, type DeckValue, type PoolDoc, type PriceEntry } from './store.ts';

export interface MongoCardStoreOptions {
  /** A MongoDB URL; its path names the database (default "spellgrid"). */
  url: string;
  /** Overrides the database named in the URL. */
  dbName?: string;
  /** Prefixes every collection name (tests use one per run). */
  prefix?: string;
}

type Doc<T> = T & { _id: string };

/** The stored document without its `_id` (the key, which the record holds under another name or not at all). */
function strip<T extends Document>(d: Document): T {
  const { _id, ...rest } = d;
  return rest as T;
}

function irDoc(d: Document): CardIrDoc {
  const { _id, key, ir, ...rest } = d;
  const bytes = ir instanceof Binary ? ir.value() : (ir as Uint8Array);
  return { ...(rest as Omit<CardIrDoc, 'ir' | 'hash'>), hash: _id as string, ir: new Uint8Array(bytes) };
}

export async function mongoCardStore(o: MongoCardStoreOptions): Promise<CardStore & { db: Db; dropAll(): Promise<void> }> {
  const client = new MongoClient(o.url, { serverSelectionTimeoutMS: 10_000, connectTimeoutMS: 10_000 });
  await client.connect();
  try {
    const db = client.db(o.dbName ?? (new URL(o.url).pathname.replace(/^\//, '') || 'spellgrid'));
    const p = o.prefix ?? '';
    const ir = db.collection<Doc<Document>>(`${p}cards_ir`);
    const pools = db.collection<Doc<Document>>(`${p}card_pools`);
    const meta = db.collection<Doc<Document>>(`${p}card_meta`);
    const prices = db.collection<Doc<Document>>(`${p}price_cache`);
    const values = db.collection<Doc<Document>>(`${p}deck_value`);
    const all: Collection<Doc<Document>>[] = [ir, pools, meta, prices, values];
    await ir.createIndex({ key: 1, irVersion: 1 }, { name: 'key_irVersion' });
    await prices.createIndex({ expiresAt: 1 }, { name: 'expiresAt' });
    await values.createIndex({ field: 1, winRate: -1, price: 1 }, { name: 'field_value' });

    return {
      db,
      async putCardIr(d) {
        const { hash, ir: bytes, ...rest } = d;
        // an upsert that only inserts: $setOnInsert leaves a stored document untouched
        const r = await ir.updateOne({ _id: hash }, { $setOnInsert: { ...rest, key: nameKey(d.name), ir: new Binary(bytes) } }, { upsert: true });
        return r.upsertedCount === 1 ? 'inserted' : 'unchanged';
      },
      async cardIr(hash) {
        const d = await ir.findOne({ _id: hash });
        return d ? irDoc(d) : undefined;
      },
      async cardsNamed(name, irVersion) {
        const q: Document = { key: nameKey(name) };
        if (irVersion !== undefined) q.irVersion = irVersion;
        return (await ir.find(q).sort({ irVersion: 1, _id: 1 }).toArray()).map(irDoc);
      },
      async putPool(pool) {
        const { irHash, ...rest } = pool;
        await pools.replaceOne({ _id: irHash }, rest, { upsert: true });
      },
      async pool(irHash) {
        const d = await pools.findOne({ _id: irHash });
        return d ? { irHash, ...strip<Omit<PoolDoc, 'irHash'>>(d) } : undefined;
      },
      async putMetadata(m) {
        await meta.replaceOne({ _id: m.key }, m, { upsert: true });
      },
      async metadata(name) {
        const d = await meta.findOne({ _id: nameKey(name) });
        return d ? strip<CardMetadata>(d) : undefined;
      },
      async putPrice(e, ttlMs, now) {
        const entry: PriceEntry = { key: e.key, usd: e.usd, source: e.source, fetchedAt: now, expiresAt: now + ttlMs };
        await prices.replaceOne({ _id: e.key }, entry, { upsert: true });
      },
      async price(key, now) {
        const d = await prices.findOne({ _id: key });
        if (!d) return undefined;
        if ((d.expiresAt as number) <= now) {
          // only if it is still the expired entry (a fresh put since the read stays)
          await prices.deleteOne({ _id: key, expiresAt: { $lte: now } });
          return undefined;
        }
        return strip<PriceEntry>(d);
      },
      async sweepPrices(now) {
        return (await prices.deleteMany({ expiresAt: { $lte: now } })).deletedCount;
      },
      async putDeckValue(v) {
        await values.replaceOne({ _id: `${v.field}\u0000${v.deck}` }, v, { upsert: true });
      },
      async bestValue(q) {
        const f: Document = { field: q.field };
        if (q.maxPrice !== undefined) f.price = { $lte: q.maxPrice };
        if (q.minGames !== undefined) f.games = { $gte: q.minGames };
        const found = await values.find(f).sort({ winRate: -1, price: 1, deck: 1 }).limit(q.limit ?? 10).toArray();
        return found.map((d) => strip<DeckValue>(d));
      },
      async dropAll() {
        for (const c of all) await c.drop().catch(() => undefined);
      },
      close: () => client.close(),
    };
  } catch (e) {
    await client.close();
    throw e;
  }
}

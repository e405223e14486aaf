// A logical backup of a MongoDB database (the card store's) with the driver alone, for machines
// without MongoDB's database tools (Debian ships no mongodump, and FerretDB does not bundle it):
// one file per collection, one document per line in canonical Extended JSON (binary IR, numbers
// and strings exactly as stored), plus the collection's indexes. Where mongodump is installed it
// does the same job (docs/operations.md).
//   node --import tsx backend/src/cards-store/backup.ts dump    MONGODB_URL DIR
//   node --import tsx backend/src/cards-store/backup.ts restore MONGODB_URL DIR   (replaces the collections the dump holds)
import { createReadStream, createWriteStream, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { once } from 'node:events';
import { BSON, MongoClient, type Document } from 'mongodb';

const { EJSON } = BSON;

interface Manifest {
  format: 'spellgrid-mongo-dump/1';
  database: string;
  at: string;
  collections: { name: string; documents: number; indexes: Document[] }[];
}

async function withDb<T>(url: string, f: (db: ReturnType<MongoClient['db']>) => Promise<T>): Promise<T> {
  const client = new MongoClient(url, { serverSelectionTimeoutMS: 10_000 });
  await client.connect();
  try { return await f(client.db()); } finally { await client.close(); }
}

/** Writes every collection of the URL's database to `dir`; the manifest lists them with their document counts. */
export async function dumpDatabase(url: string, dir: string): Promise<Manifest> {
  mkdirSync(dir, { recursive: true });
  return withDb(url, async (db) => {
    const names = (await db.listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name).filter((n) => !n.startsWith('system.')).sort();
    const manifest: Manifest = { format: 'spellgrid-mongo-dump/1', database: db.databaseName, at: new Date().toISOString(), collections: [] };
    for (const name of names) {
      const out = createWriteStream(join(dir, `${name}.jsonl`));
      let documents = 0;
      for await (const d of db.collection(name).find({}).sort({ _id: 1 })) {
        if (!out.write(EJSON.stringify(d, { relaxed: false }) + '\n')) await once(out, 'drain');
        documents++;
      }
      out.end();
      await once(out, 'finish');
      const indexes = (await db.collection(name).indexes()).filter((i) => i.name !== '_id_').map(({ key, name: n, unique }) => ({ key, name: n, ...(unique ? { unique } : {}) }));
      manifest.collections.push({ name, documents, indexes });
    }
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
    return manifest;
  });
}

/** Restores a dump into the URL's database: each collection it holds is dropped, refilled and re-indexed. */
export async function restoreDatabase(url: string, dir: string): Promise<{ collections: number; documents: number }> {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;
  if (manifest.format !== 'spellgrid-mongo-dump/1') throw new Error(`${dir} is not a spellgrid-mongo-dump/1 dump`);
  const files = new Set(readdirSync(dir));
  return withDb(url, async (db) => {
    let documents = 0;
    for (const c of manifest.collections) {
      if (!files.has(`${c.name}.jsonl`)) throw new Error(`${dir} lacks ${c.name}.jsonl`);
      await db.collection(c.name).drop().catch(() => undefined);
      const coll = db.collection(c.name);
      let batch: Document[] = [], n = 0;
      for await (const line of createInterface({ input: createReadStream(join(dir, `${c.name}.jsonl`)), crlfDelay: Infinity })) {
        if (!line) continue;
        batch.push(EJSON.parse(line, { relaxed: false }) as Document);
        if (batch.length === 500) { await coll.insertMany(batch, { ordered: true }); n += batch.length; batch = []; }
      }
      if (batch.length) { await coll.insertMany(batch, { ordered: true }); n += batch.length; }
      if (n !== c.documents) throw new Error(`${c.name}: the dump lists ${c.documents} documents, its file holds ${n}`);
      for (const i of c.indexes) await coll.createIndex(i.key as Document, { name: i.name as string, ...(i.unique ? { unique: true } : {}) });
      documents += n;
    }
    return { collections: manifest.collections.length, documents };
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [cmd, url, dir] = process.argv.slice(2);
  if ((cmd !== 'dump' && cmd !== 'restore') || !url || !dir) {
    console.error('usage: backup.ts dump|restore MONGODB_URL DIR');
    process.exit(2);
  }
  const r = cmd === 'dump' ? await dumpDatabase(url, dir) : await restoreDatabase(url, dir);
  console.log(JSON.stringify(cmd === 'dump' ? (r as Manifest).collections.map((c) => ({ name: c.name, documents: c.documents })) : r));
}

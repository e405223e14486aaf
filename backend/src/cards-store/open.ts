// Choosing the card store: MongoDB (or FerretDB) when MONGODB_URL is set, else the in-process one.
import { memoryCardStore, type CardStore } from './store.ts';
import { mongoCardStore } from './mongo.ts';

export async function openCardStore(env: Record<string, string | undefined>): Promise<{ store: CardStore; where: string }> {
  const url = env.MONGODB_URL;
  if (!url) return { store: memoryCardStore(), where: 'in memory' };
  return { store: await mongoCardStore({ url }), where: `MongoDB at ${url.replace(/\/\/[^@/]*@/, '//')}` };
}

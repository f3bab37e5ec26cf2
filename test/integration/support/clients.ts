import { openDatabase, type Db } from "@/db/client";

export type Clients = { dbs: Db[]; close: () => Promise<void> };

/**
 * `count` separate clients of the app's own kind (openDatabase), one connection each, so that
 * `Promise.all` over them runs that many requests at once on real PostgreSQL sessions, as that
 * many server processes would.
 */
export async function openClients(url: string, count: number): Promise<Clients> {
  const previous = process.env.DATABASE_POOL_SIZE;
  process.env.DATABASE_POOL_SIZE = "1";
  try {
    const opened = await Promise.all(Array.from({ length: count }, () => openDatabase(url)));
    return { dbs: opened.map((client) => client.db), close: async () => void (await Promise.all(opened.map((client) => client.close()))) };
  } finally {
    if (previous === undefined) delete process.env.DATABASE_POOL_SIZE;
    else process.env.DATABASE_POOL_SIZE = previous;
  }
}

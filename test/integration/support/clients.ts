import { afterAll, beforeAll, beforeEach, expect, vi } from "vitest";
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

/**
 * The race tests' one setup: `count` clients opened once for the file and closed after it, and
 * every test failed if a request logged an unexpected error (expected refusals are returned, not
 * logged). Email bodies printed without SMTP_URL are muted. `db(i)` spreads requests round-robin.
 */
export function useRaceClients(database: { readonly url: string }, count: number) {
  let clients: Clients | null = null;
  beforeAll(async () => {
    clients = await openClients(database.url, count);
  });
  afterAll(async () => {
    await clients?.close();
  });
  beforeEach(() => {
    vi.spyOn(console, "log").mockImplementation(() => {});
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    return () => {
      expect(errors, "no request failed with an unexpected error").not.toHaveBeenCalled();
      vi.restoreAllMocks();
    };
  });
  const dbs = (): Db[] => {
    if (!clients) throw new Error("the race clients open in beforeAll");
    return clients.dbs;
  };
  return { dbs, db: (i: number): Db => dbs()[i % dbs().length] };
}

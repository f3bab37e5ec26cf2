import { mkdirSync } from "node:fs";
import path from "node:path";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { pgliteExtensions } from "./pglite-extensions";
import { withPreparedStatements } from "./prepared-statements";
import * as schema from "./schema";

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
/** Either the database or a transaction on it: domain functions accept both. */
export type Queryable = Db | Tx;

export const defaultPgliteDir = path.join(process.cwd(), ".data", "pglite");

type Opened = { db: Db; close: () => Promise<void> };

/** Opens PostgreSQL when a URL is given, else the embedded PGlite folder (created on first use). */
export async function openDatabase(url = process.env.DATABASE_URL, pgliteDir = defaultPgliteDir): Promise<Opened> {
  if (url) {
    const { default: postgres } = await import("postgres");
    const { drizzle } = await import("drizzle-orm/postgres-js");
    const max = Number(process.env.DATABASE_POOL_SIZE ?? 10);
    const client = postgres(url, { max, onnotice: () => {} });
    return { db: drizzle(withPreparedStatements(client), { schema }) as unknown as Db, close: () => client.end() };
  }
  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle } = await import("drizzle-orm/pglite");
  mkdirSync(pgliteDir, { recursive: true });
  const client = new PGlite(pgliteDir, { extensions: await pgliteExtensions() });
  return { db: drizzle(client, { schema }) as unknown as Db, close: () => client.close() };
}

// One lazily opened instance per server process: PGlite must never be opened twice on one folder,
// and dev-mode module reloading would otherwise open a new pool on every edit.
const holder = globalThis as typeof globalThis & { __orgConsoleDb?: Promise<Opened> };

export function getDb(): Promise<Db> {
  holder.__orgConsoleDb ??= openDatabase();
  return holder.__orgConsoleDb.then((opened) => opened.db);
}

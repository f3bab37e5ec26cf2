import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { afterAll, beforeAll } from "vitest";
import { openDatabase, type Db } from "@/db/client";

export type TestDatabase = {
  /** The file's own database, opened with the app's client (postgres.js pool). */
  readonly db: Db;
  /** Its connection URL, for tests that need their own raw connections (race tests). */
  readonly url: string;
  readonly name: string;
};

/** The server URL with another database name, keeping credentials, host and port. */
export function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

function requiredEnv(name: "TEST_PG_URL" | "TEST_PG_TEMPLATE"): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is unset: integration tests run through \`npm test\`.`);
  return value;
}

function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/**
 * Gives the calling test file its own database, copied from the template that `npm test`
 * migrated once, so files run in parallel without sharing rows. Call it at the top of the file;
 * read `.db` inside tests and hooks (it exists only after beforeAll).
 */
export function useTestDatabase(): TestDatabase {
  const name = `test_${randomBytes(6).toString("hex")}`;
  let opened: Awaited<ReturnType<typeof openDatabase>> | null = null;
  let url = "";
  const handle: TestDatabase = {
    get db() {
      if (!opened) throw new Error("useTestDatabase(): the database exists only inside tests and hooks.");
      return opened.db;
    },
    get url() {
      return url;
    },
    name,
  };

  beforeAll(async () => {
    const serverUrl = requiredEnv("TEST_PG_URL");
    const template = requiredEnv("TEST_PG_TEMPLATE");
    await withAdmin(serverUrl, (admin) => createFromTemplate(admin, name, template));
    url = databaseUrl(serverUrl, name);
    opened = await openDatabase(url);
  });

  afterAll(async () => {
    await opened?.close();
    opened = null;
    await withAdmin(requiredEnv("TEST_PG_URL"), (admin) =>
      admin.unsafe(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`),
    );
  });

  return handle;
}

async function withAdmin<T>(serverUrl: string, use: (admin: postgres.Sql) => Promise<T>): Promise<T> {
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  try {
    return await use(admin);
  } finally {
    await admin.end();
  }
}

// CREATE DATABASE refuses while anything is connected to the template; the migrator's connection
// may linger for a moment after `npm test` closed it, so a short retry covers that window.
async function createFromTemplate(admin: postgres.Sql, name: string, template: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await admin.unsafe(`CREATE DATABASE ${quoteIdent(name)} TEMPLATE ${quoteIdent(template)}`);
      return;
    } catch (error) {
      const busy = (error as { code?: string }).code === "55006";
      if (!busy || attempt >= 20) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
    }
  }
}

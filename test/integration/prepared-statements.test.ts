import { eq, ilike, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { users } from "@/db/schema";
import { makeTeamOrg, makeUser } from "@/lib/factories";
import { grantManyRepositories, makeInstallation } from "@/lib/factories/git-installations";
import { listRepositories } from "@/lib/git/queries";
import { openClients } from "./support/clients";
import { useTestDatabase } from "./support/test-database";

// db/prepared-statements.ts: the app's client prepares each statement text once per connection,
// in and out of transactions, and still runs parameterless and multi-statement text as before.

const t = useTestDatabase();

const preparedTexts = async (db: Parameters<typeof makeUser>[0]): Promise<string[]> => {
  const rows = (await db.execute(sql`select statement from pg_prepared_statements`)) as unknown as { statement: string }[];
  return rows.map((row) => row.statement);
};

describe("prepared statements", () => {
  it("names a query once per connection and reuses it, in and out of a transaction", async () => {
    const clients = await openClients(t.url, 1);
    try {
      const [db] = clients.dbs;
      const user = await makeUser(t.db, { email: `prepared-${Date.now()}@example.test` });
      const byId = () => db.select({ email: users.email }).from(users).where(eq(users.id, user.id));
      expect(await byId()).toEqual([{ email: user.email }]);
      expect(await byId()).toEqual([{ email: user.email }]);
      const inTransaction = await db.transaction(async (tx) => {
        const [row] = await tx.select({ name: users.name }).from(users).where(eq(users.email, user.email));
        return row;
      });
      expect(inTransaction).toEqual({ name: user.name });
      const texts = await preparedTexts(db);
      expect(texts.filter((text) => text.includes('from "users" where "users"."id" = $1'))).toHaveLength(1);
      expect(texts.some((text) => text.includes('where "users"."email" = $1'))).toBe(true);
    } finally {
      await clients.close();
    }
  });

  it("leaves contains-searches unnamed, so each is planned for its own pattern", async () => {
    const clients = await openClients(t.url, 1);
    try {
      const [db] = clients.dbs;
      const user = await makeUser(t.db, { email: `searched-${Date.now()}@example.test` });
      // More runs than PostgreSQL makes before it settles on a generic plan for a prepared statement.
      for (let i = 0; i < 7; i++) {
        expect(await db.select({ id: users.id }).from(users).where(ilike(users.email, "%searched-%"))).toContainEqual({ id: user.id });
      }
      await db.select({ id: users.id }).from(users).where(eq(users.email, user.email));
      const texts = await preparedTexts(db);
      expect(texts.some((text) => text.includes("ilike"))).toBe(false);
      expect(texts.some((text) => text.includes('where "users"."email" = $1'))).toBe(true);
    } finally {
      await clients.close();
    }
  });

  it("settles the Git page's repository list on one plan per connection: its page size is in the text (db/plan-constant.ts)", async () => {
    const org = await makeTeamOrg(t.db, await makeUser(t.db));
    const installation = await makeInstallation(t.db, org);
    await grantManyRepositories(t.db, installation, { owner: "acme", prefix: "plan", count: 2_000 });
    await t.db.execute(sql`analyze git_repositories`);
    const clients = await openClients(t.url, 1);
    try {
      const [db] = clients.dbs;
      // More runs than PostgreSQL makes before it weighs a generic plan against the custom ones.
      for (let i = 0; i < 8; i++) expect((await listRepositories(db, org.id)).repositories).toHaveLength(50);
      const rows = (await db.execute(
        sql`select generic_plans, custom_plans from pg_prepared_statements where statement like '%with page as%' and statement like '%from git_repositories r%'`,
      )) as unknown as { generic_plans: number; custom_plans: number }[];
      expect(rows).toHaveLength(1);
      // With `limit $n`, every run was planned anew (custom_plans 8, generic_plans 0).
      expect(Number(rows[0].generic_plans)).toBeGreaterThan(0);
    } finally {
      await clients.close();
    }
  });

  it("runs parameterless text with several statements through the simple protocol, as migrations do", async () => {
    const rows = await t.db.execute(sql.raw("select 1 as one; select 2 as two"));
    expect(rows).toBeDefined();
  });
});

import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/client";
import * as schema from "@/db/schema";
import type { Organization, User } from "@/db/schema";

// Issue 5, the audit log's keyset pages (both ways, over ties), the streamed CSV export, and what
// a page costs in SQL statements.

vi.mock("@/lib/auth", async () => (await import("./support/fake-auth")).fakeAuthModule());

const { useTestDatabase } = await import("./support/test-database");
const { dbHolder, filtersOf, searchOf, useAuditLogDoors } = await import("./support/audit-log");
const { makeOrgWithEveryRole } = await import("@/lib/factories");
const { listAuditEvents } = await import("@/lib/audit/queries");
const { auditCsvStream } = await import("@/lib/audit/export");

const t = useTestDatabase();
const { loadAs, insertEvents } = useAuditLogDoors(t);

describe("keyset pages", () => {
  let org: Organization;
  let owner: User;
  let total: number;
  beforeAll(async () => {
    ({ org, users: { owner } } = await makeOrgWithEveryRole(t.db));
    // 120 events sharing one created_at to the microsecond (one statement), and 40 older ones.
    await insertEvents(org, owner, 120);
    await insertEvents(org, owner, 40, { createdAt: "2026-01-01T00:00:00Z" });
    total = 161;
  });

  const newestFirst = (a: { createdAtKey: string; id: number }, b: { createdAtKey: string; id: number }) =>
    a.createdAtKey === b.createdAtKey ? b.id - a.id : a.createdAtKey < b.createdAtKey ? 1 : -1;

  it("visits every event once, older then newer, whatever the ties", async () => {
    const seen: { createdAtKey: string; id: number }[] = [];
    let cursor = null;
    for (let pages = 0; pages < 50; pages++) {
      const page = await listAuditEvents(t.db, org.id, filtersOf(), { direction: "older", cursor, limit: 7 });
      seen.push(...page.events);
      if (!page.older) break;
      cursor = page.older;
    }
    expect(seen).toHaveLength(total);
    expect(new Set(seen.map((event) => event.id)).size).toBe(total);
    expect(seen).toEqual([...seen].sort(newestFirst));

    // Back up from the oldest page with "newer".
    const back: number[] = [];
    let newer: Parameters<typeof listAuditEvents>[3] = { direction: "newer", cursor: { createdAt: seen.at(-1)!.createdAtKey, id: seen.at(-1)!.id }, limit: 7 };
    back.push(seen.at(-1)!.id);
    for (let pages = 0; pages < 50; pages++) {
      const page = await listAuditEvents(t.db, org.id, filtersOf(), newer);
      back.unshift(...page.events.map((event) => event.id));
      if (!page.newer) break;
      newer = { direction: "newer", cursor: page.newer, limit: 7 };
    }
    expect(back).toEqual(seen.map((event) => event.id));
  });

  it("pages the page 50 at a time with Older and Newer links", async () => {
    const first = await loadAs(owner, org);
    if (!first.ok) throw new Error("refused");
    expect(first.page.events).toHaveLength(50);
    expect(first.page.links.newer).toBeNull();
    const second = await loadAs(owner, org, searchOf(first.page.links.older));
    if (!second.ok) throw new Error("refused");
    expect(second.page.events).toHaveLength(50);
    expect(second.page.events[0].id).not.toBe(first.page.events[49].id);
    expect(second.page.links.newest).toBe(`/orgs/${org.slug}/settings/audit-log`);
    const back = await loadAs(owner, org, searchOf(second.page.links.newer));
    if (!back.ok) throw new Error("refused");
    expect(back.page.events.map((event) => event.id)).toEqual(first.page.events.map((event) => event.id));
    const ids = [...first.page.events, ...second.page.events].map((event) => event.id);
    let older = second.page.links.older;
    while (older) {
      const next = await loadAs(owner, org, searchOf(older));
      if (!next.ok) throw new Error("refused");
      ids.push(...next.page.events.map((event) => event.id));
      older = next.page.links.older;
    }
    expect(new Set(ids).size).toBe(total);
  });

  it("keeps the filters in its links, and shows the newest events for a link that is not ours", async () => {
    const filtered = await loadAs(owner, org, { action: "clusters" });
    if (!filtered.ok) throw new Error("refused");
    expect(filtered.page.links.older).toMatch(/\?action=clusters&before=/);
    const tampered = await loadAs(owner, org, { before: "bm90LWEtY3Vyc29y" });
    if (!tampered.ok) throw new Error("refused");
    expect(tampered.page.notice).toMatch(/not valid/);
    expect(tampered.page.events).toHaveLength(50);
  });

  it("streams the export in keyset batches, every event once, newest first", async () => {
    const text = await new Response(auditCsvStream(t.db, org.id, filtersOf(), 7)).text();
    const rows = text.trimEnd().split("\r\n");
    expect(rows[0]).toBe("time,actor,action,description,target type,target,origin,before,after");
    expect(rows).toHaveLength(total + 1);
    const listed = await listAuditEvents(t.db, org.id, filtersOf(), { direction: "older", cursor: null, limit: 500 });
    expect(rows.slice(1).map((row) => row.split(",")[5])).toEqual(listed.events.map((event) => event.targetLabel));
    const filtered = await new Response(auditCsvStream(t.db, org.id, filtersOf({ to: "2026-01-01" }), 7)).text();
    expect(filtered.trimEnd().split("\r\n")).toHaveLength(41);
  });
});

describe("cost", () => {
  it("reads a page in two SQL statements, filtered or not, at any depth", async () => {
    const { org, users: people } = await makeOrgWithEveryRole(t.db);
    await insertEvents(org, people.admin, 60);
    // Signed in before counting: the fake session's row is made on its first use.
    await loadAs(people.owner, org, {});
    const client = postgres(t.url, { max: 1, onnotice: () => {} });
    let statements = 0;
    const counting = drizzle(client, { schema, logger: { logQuery: () => void statements++ } }) as unknown as Db;
    const previous = dbHolder.__orgConsoleDb;
    dbHolder.__orgConsoleDb = Promise.resolve({ db: counting, close: async () => {} });
    try {
      const count = async (params: Record<string, string>) => {
        statements = 0;
        const access = await loadAs(people.owner, org, params);
        if (!access.ok) throw new Error("refused");
        return { statements, page: access.page };
      };
      const first = await count({});
      expect(first.statements).toBe(2);
      const older = searchOf(first.page.links.older);
      expect((await count(older)).statements).toBe(2);
      expect((await count({ actor: people.admin.email, action: "clusters", from: "2020-01-01", to: "2099-12-31" })).statements).toBe(2);
      // Only an actor filter that found nothing asks whether the email is a member's or past
      // actor's here, and it costs the same for an email unknown and one of an account elsewhere.
      expect((await count({ actor: "nobody@example.test" })).statements).toBe(3);
      expect((await count({ actor: people.outsider.email })).statements).toBe(3);
    } finally {
      dbHolder.__orgConsoleDb = previous;
      await client.end();
    }
  });
});

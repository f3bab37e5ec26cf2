import { and, eq, inArray, ne, sql } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import type { Queryable } from "@/db/client";
import { memberships, organizations, users } from "@/db/schema";
import { addMember, makeTeamOrg, makeUser, uniqueTag } from "@/lib/factories";
import { addBulkMembers, insertBulkUsers } from "@/lib/factories/bulk";
import { seatUsage } from "@/lib/members/queries";
import { useTestDatabase } from "./support/test-database";

vi.mock("@/lib/auth", async () => (await import("./support/fake-auth")).fakeAuthModule());

// organizations.member_count is kept by statement triggers on memberships (migration 0011): every
// way a membership comes or goes must leave it equal to a real count.

const t = useTestDatabase();

async function keptAndCounted(db: Queryable, orgId: string) {
  const [row] = await db
    .select({ kept: organizations.memberCount, counted: sql<number>`(select count(*) from memberships where org_id = ${orgId})`.mapWith(Number) })
    .from(organizations)
    .where(eq(organizations.id, orgId));
  return row;
}

describe("organizations.member_count", () => {
  it("counts the owner of a new organization and each member added one by one", async () => {
    const owner = await makeUser(t.db);
    const org = await makeTeamOrg(t.db, owner);
    expect(await keptAndCounted(t.db, org.id)).toEqual({ kept: 1, counted: 1 });
    await addMember(t.db, org, await makeUser(t.db), "developer");
    await addMember(t.db, org, await makeUser(t.db), "viewer");
    expect(await keptAndCounted(t.db, org.id)).toEqual({ kept: 3, counted: 3 });
  });

  it("follows bulk inserts and deletes organization by organization, and ignores role changes", async () => {
    const orgA = await makeTeamOrg(t.db, await makeUser(t.db));
    const orgB = await makeTeamOrg(t.db, await makeUser(t.db));
    const crowd = await insertBulkUsers(t.db, { prefix: `count-${uniqueTag()}`, count: 40 });
    await addBulkMembers(t.db, orgA.id, crowd, ["developer"]);
    await addBulkMembers(t.db, orgB.id, { ...crowd, count: 10 }, ["viewer"]);
    expect(await keptAndCounted(t.db, orgA.id)).toEqual({ kept: 41, counted: 41 });
    expect(await keptAndCounted(t.db, orgB.id)).toEqual({ kept: 11, counted: 11 });

    await t.db.update(memberships).set({ role: "admin" }).where(and(eq(memberships.orgId, orgA.id), ne(memberships.role, "owner")));
    expect(await keptAndCounted(t.db, orgA.id)).toEqual({ kept: 41, counted: 41 });
    // One statement removing members of both organizations.
    await t.db.delete(memberships).where(and(ne(memberships.role, "owner"), inArray(memberships.orgId, [orgA.id, orgB.id])));
    expect(await keptAndCounted(t.db, orgA.id)).toEqual({ kept: 1, counted: 1 });
    expect(await keptAndCounted(t.db, orgB.id)).toEqual({ kept: 1, counted: 1 });
  });

  it("loses a deleted account's memberships in every organization it belonged to", async () => {
    const leaving = await makeUser(t.db);
    const orgA = await makeTeamOrg(t.db, await makeUser(t.db));
    const orgB = await makeTeamOrg(t.db, await makeUser(t.db));
    await addMember(t.db, orgA, leaving, "developer");
    await addMember(t.db, orgB, leaving, "admin");
    await t.db.delete(users).where(eq(users.id, leaving.id));
    expect(await keptAndCounted(t.db, orgA.id)).toEqual({ kept: 1, counted: 1 });
    expect(await keptAndCounted(t.db, orgB.id)).toEqual({ kept: 1, counted: 1 });
  });

  it("is what the seat usage reads, and the Danger Zone's cascade on deletion leaves nothing behind", async () => {
    const owner = await makeUser(t.db);
    const org = await makeTeamOrg(t.db, owner);
    await addMember(t.db, org, await makeUser(t.db), "developer");
    expect((await seatUsage(t.db, org.id)).members).toBe(2);
    await t.db.delete(organizations).where(eq(organizations.id, org.id));
    expect(await t.db.select().from(memberships).where(eq(memberships.orgId, org.id))).toEqual([]);
  });
});

import { describe, expect, it } from "vitest";
import { insertBulkUsers, addBulkMembers } from "@/lib/factories/bulk";
import { makeTeamOrg, makeUser, uniqueTag } from "@/lib/factories";
import { memberCursor } from "@/lib/members/paging";
import { eq } from "drizzle-orm";
import { joinRequests } from "@/db/schema";
import { makeJoinRequest } from "@/lib/factories/domains";
import { listMembers, membersPageCounts, seatUsage } from "@/lib/members/queries";
import { useTestDatabase } from "./support/test-database";

const t = useTestDatabase();

async function walk(orgId: string, query?: string) {
  const seen: string[] = [];
  let after: string | undefined;
  for (let pages = 0; pages < 20; pages++) {
    const page = await listMembers(t.db, orgId, { query, after, limit: 7 });
    seen.push(...page.members.map((m) => m.email));
    if (!page.nextCursor) return seen;
    after = page.nextCursor;
  }
  throw new Error("pagination never ended");
}

describe("the members list's keyset pages", () => {
  it("visits every member once, also when many joined in the same microsecond", async () => {
    const owner = await makeUser(t.db);
    const org = await makeTeamOrg(t.db, owner);
    // One statement: all 30 memberships share created_at to the microsecond.
    const crowd = await insertBulkUsers(t.db, { prefix: `crowd-${uniqueTag()}`, count: 30 });
    await addBulkMembers(t.db, org.id, crowd, ["developer"]);
    const seen = await walk(org.id);
    expect(seen).toHaveLength(31);
    expect(new Set(seen).size).toBe(31);
  });

  it("keeps the search across pages", async () => {
    const owner = await makeUser(t.db);
    const org = await makeTeamOrg(t.db, owner);
    const crowd = await insertBulkUsers(t.db, { prefix: `find-${uniqueTag()}`, count: 20 });
    await addBulkMembers(t.db, org.id, crowd, ["viewer"]);
    const seen = await walk(org.id, `${crowd.prefix}-1`);
    // 1 and 10…19
    expect(seen.sort()).toEqual([1, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19].map((n) => `${crowd.prefix}-${n}@example.test`).sort());
  });

  it("ignores a cursor that is not one of its own", () => {
    expect(memberCursor.decode("not-a-cursor")).toBeNull();
    expect(memberCursor.decode(Buffer.from(`2026-01-01T00:00:00.000Z|${"0".repeat(36)}`).toString("base64url"))).toBeNull();
  });

  // Each of these once reached PostgreSQL as a cast it refused (a 500 on a hand-edited ?after=).
  it("lists the first page for a hand-edited cursor PostgreSQL would refuse", async () => {
    const owner = await makeUser(t.db);
    const org = await makeTeamOrg(t.db, owner);
    const first = await listMembers(t.db, org.id);
    const tuple = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
    for (const after of [
      tuple(["2026-02-30T00:00:00.000000Z", owner.id]),
      tuple(["2026-01-01T00:00:00.000000Z", "-".repeat(36)]),
      tuple(["2026-01-01T00:00:00.000000Z", owner.id.toUpperCase().replace(/-/g, "g")]),
    ]) {
      expect(await listMembers(t.db, org.id, { after })).toEqual(first);
    }
  });
});

describe("the members page's counts", () => {
  it("are the seats and the pending requests to join, in one statement; no requests for those who may not see them", async () => {
    const owner = await makeUser(t.db);
    const org = await makeTeamOrg(t.db, owner);
    const requests = [];
    for (let i = 0; i < 3; i++) requests.push(await makeJoinRequest(t.db, org, await makeUser(t.db), "example.test"));
    // Answered requests are no longer counted.
    await t.db.update(joinRequests).set({ status: "declined" }).where(eq(joinRequests.id, requests[0].id));

    const seats = await seatUsage(t.db, org.id);
    expect(await membersPageCounts(t.db, org.id, { joinRequests: true })).toEqual({ ...seats, joinRequests: 2 });
    expect(await membersPageCounts(t.db, org.id, { joinRequests: false })).toEqual({ ...seats, joinRequests: 0 });
  });
});

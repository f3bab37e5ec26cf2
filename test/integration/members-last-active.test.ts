import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { memberships, type Organization, type User } from "@/db/schema";
import type { Queryable } from "@/db/client";
import { loadMembership } from "@/lib/authz/authorize";
import { addMember, makeTeamOrg, makeUser, uniqueTag } from "@/lib/factories";
import { activityIsStale, activityWriteInterval, recordActivity } from "@/lib/members/last-active";
import { listMembers } from "@/lib/members/queries";
import { useRaceClients } from "./support/clients";
import { useTestDatabase } from "./support/test-database";

// Issue 16, part 2: "last active" is written at most once an hour per member, by a conditional
// UPDATE the page loaders schedule after the response (recordActivity, called here as they call
// it), and the Members page's inactive filter reads it.

const t = useTestDatabase();
const race = useRaceClients(t, 6);

const lastActiveOf = async (db: Queryable, org: Organization, user: User) => {
  const [row] = await db
    .select({ at: memberships.lastActiveAt })
    .from(memberships)
    .where(and(eq(memberships.orgId, org.id), eq(memberships.userId, user.id)));
  return row.at;
};

/** Sets a membership's timestamps relative to the database's clock (an interval such as '61 minutes'). */
async function setAgo(org: Organization, user: User, fields: { lastActive?: string | null; joined?: string }) {
  await t.db
    .update(memberships)
    .set({
      ...(fields.lastActive !== undefined && { lastActiveAt: fields.lastActive === null ? null : sql`now() - ${fields.lastActive}::interval` }),
      ...(fields.joined && { createdAt: sql`now() - ${fields.joined}::interval` }),
    })
    .where(and(eq(memberships.orgId, org.id), eq(memberships.userId, user.id)));
}

async function teamWithMember() {
  const owner = await makeUser(t.db);
  const org = await makeTeamOrg(t.db, owner);
  const member = await makeUser(t.db);
  await addMember(t.db, org, member, "developer");
  return { owner, org, member };
}

describe("recording activity", () => {
  it("null → set, then nothing more within the hour, then again once it is over an hour old", async () => {
    const { org, member, owner } = await teamWithMember();
    expect(await lastActiveOf(t.db, org, member)).toBeNull();
    expect(await recordActivity(t.db, org.id, member.id)).toBe(true);
    const first = await lastActiveOf(t.db, org, member);
    expect(first).toBeInstanceOf(Date);
    expect(await recordActivity(t.db, org.id, member.id)).toBe(false);
    expect(await lastActiveOf(t.db, org, member)).toEqual(first);

    await setAgo(org, member, { lastActive: "59 minutes" });
    expect(await recordActivity(t.db, org.id, member.id)).toBe(false);
    await setAgo(org, member, { lastActive: "61 minutes" });
    const stale = await lastActiveOf(t.db, org, member);
    expect(await recordActivity(t.db, org.id, member.id)).toBe(true);
    expect((await lastActiveOf(t.db, org, member))!.getTime()).toBeGreaterThan(stale!.getTime());
    // Only that membership: the owner's stays unrecorded.
    expect(await lastActiveOf(t.db, org, owner)).toBeNull();
  });

  it("concurrent page loads on separate connections write once, round after round", async () => {
    const { org, member } = await teamWithMember();
    for (let round = 0; round < 5; round++) {
      await setAgo(org, member, { lastActive: round % 2 === 0 ? null : "2 hours" });
      const written = await Promise.all(race.dbs().map((db) => recordActivity(db, org.id, member.id)));
      expect(written.filter(Boolean)).toHaveLength(1);
    }
  });

  it("is read with the org + membership statement, and decides whether a page load writes", async () => {
    const { org, member } = await teamWithMember();
    expect((await loadMembership(t.db, member.id, org.slug))?.lastActiveAt).toBeNull();
    await recordActivity(t.db, org.id, member.id);
    const read = (await loadMembership(t.db, member.id, org.slug))?.lastActiveAt;
    expect(read).toEqual(await lastActiveOf(t.db, org, member));
    expect(activityIsStale(read)).toBe(false);
    expect(activityIsStale(null)).toBe(true);
    expect(activityIsStale(new Date(Date.now() - activityWriteInterval - 1000))).toBe(true);
    expect(activityIsStale(undefined)).toBe(false);
  });
});

describe("the inactive filter", () => {
  async function population() {
    const owner = await makeUser(t.db, { name: "Owner" });
    const org = await makeTeamOrg(t.db, owner);
    const tag = uniqueTag();
    const person = async (name: string, lastActive: string | null, joined: string) => {
      const user = await makeUser(t.db, { name: `${name} ${tag}`, email: `${name.toLowerCase().replace(/ /g, "-")}-${tag}@example.test` });
      await addMember(t.db, org, user, "viewer");
      await setAgo(org, user, { lastActive, joined });
      return user;
    };
    await setAgo(org, owner, { lastActive: "1 minute", joined: "400 days" });
    return {
      org,
      tag,
      // Just past and just inside each boundary, on both the recorded and the never-recorded side.
      justInactive: await person("Just inactive", "30 days 1 minute", "300 days"),
      justActive: await person("Just active", "29 days 23 hours", "300 days"),
      neverOld: await person("Never old", null, "30 days 1 minute"),
      neverNew: await person("Never new", null, "29 days 23 hours"),
      longGone: await person("Long gone", "200 days", "300 days"),
    };
  }

  const names = async (orgId: string, inactiveDays: 30 | 90 | 180, options: { query?: string } = {}) => {
    const seen: string[] = [];
    let after: string | undefined;
    // Two at a time: the filter holds across keyset pages.
    for (let pages = 0; pages < 10; pages++) {
      const page = await listMembers(t.db, orgId, { inactiveDays, after, limit: 2, ...options });
      seen.push(...page.members.map((m) => m.name!.split(" ").slice(0, 2).join(" ")));
      if (!page.nextCursor) return seen.sort();
      after = page.nextCursor;
    }
    throw new Error("pagination never ended");
  };

  it("30 days: last active before the cutoff, or never active and joined before it", async () => {
    const p = await population();
    expect(await names(p.org.id, 30)).toEqual(["Just inactive", "Long gone", "Never old"]);
  });

  it("90 and 180 days", async () => {
    const p = await population();
    expect(await names(p.org.id, 90)).toEqual(["Long gone"]);
    expect(await names(p.org.id, 180)).toEqual(["Long gone"]);
  });

  it("combines with the search, and lists last active with every row", async () => {
    const p = await population();
    expect(await names(p.org.id, 30, { query: "never" })).toEqual(["Never old"]);
    const { members } = await listMembers(t.db, p.org.id, { inactiveDays: 30, query: "just" });
    expect(members).toHaveLength(1);
    expect(members[0]).toMatchObject({ userId: p.justInactive.id, lastActiveAt: expect.any(Date) });
  });
});

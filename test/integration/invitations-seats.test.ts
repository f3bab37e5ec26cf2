import { eq, sql } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { invitations, type Organization } from "@/db/schema";
import { addMember, makeOrgWithEveryRole, makeTeamOrg, makeUser, uniqueTag } from "@/lib/factories";
import { seatUsage } from "@/lib/members/queries";
import { act, invitationsOf, snapshotMembership } from "./support/member-actions";
import { useTestDatabase } from "./support/test-database";

// Issue 3, seat limits: each plan's member limit counts members plus pending invitations, is
// checked in the inviting transaction, and names the plan and the limit when it refuses.

const t = useTestDatabase();

beforeEach(() => {
  vi.spyOn(console, "log").mockImplementation(() => {});
  return () => vi.restoreAllMocks();
});

const address = (name = "invitee") => `${name}-${uniqueTag()}@example.test`;

async function expectRefused(org: Organization, run: () => ReturnType<typeof act>, expected: Record<string, unknown>) {
  const before = await snapshotMembership(t.db, org.id);
  expect(await run()).toMatchObject({ ok: false, ...expected });
  expect(await snapshotMembership(t.db, org.id)).toEqual(before);
}

async function expire(invitationId: string) {
  await t.db.update(invitations).set({ expiresAt: sql`now() - interval '1 minute'` }).where(eq(invitations.id, invitationId));
}

describe("seat limits (members plus pending invitations)", () => {
  async function freeOrg() {
    const owner = await makeUser(t.db);
    const org = await makeTeamOrg(t.db, owner, { plan: "free" });
    return { owner, org };
  }

  it("Free (3 seats): owner + 1 member leaves 1; two are refused naming the plan and limit, one works, then it is full", async () => {
    const { owner, org } = await freeOrg();
    await addMember(t.db, org, await makeUser(t.db), "developer");
    await expectRefused(org, () => act(t.db, "invite", owner, org, { emails: `${address()}, ${address()}`, role: "viewer" }), {
      fieldErrors: { emails: "The Free plan allows 3 members, pending invitations included. 2 seats are used, so you can invite 1 more." },
    });
    expect(await act(t.db, "invite", owner, org, { emails: address(), role: "viewer" })).toMatchObject({ ok: true });
    expect(await seatUsage(t.db, org.id)).toEqual({ members: 2, pending: 1 });
    await expectRefused(org, () => act(t.db, "invite", owner, org, { emails: address(), role: "viewer" }), {
      fieldErrors: { emails: "The Free plan allows 3 members, pending invitations included. 3 seats are used, so you can invite 0 more." },
    });
  });

  it("Free: a pending invitation holds a seat like a member", async () => {
    const { owner, org } = await freeOrg();
    expect(await act(t.db, "invite", owner, org, { emails: address(), role: "viewer" })).toMatchObject({ ok: true });
    await expectRefused(org, () => act(t.db, "invite", owner, org, { emails: `${address()} ${address()}`, role: "viewer" }), {
      fieldErrors: { emails: expect.stringContaining("The Free plan allows 3 members") },
    });
    expect(await act(t.db, "invite", owner, org, { emails: address(), role: "viewer" })).toMatchObject({ ok: true });
  });

  it("an expired invitation frees its seat and its address", async () => {
    const { owner, org } = await freeOrg();
    await addMember(t.db, org, await makeUser(t.db), "viewer");
    const stale = address("stale");
    expect(await act(t.db, "invite", owner, org, { emails: stale, role: "viewer" })).toMatchObject({ ok: true });
    const [first] = await invitationsOf(t.db, org.id);
    await expire(first.id);
    expect(await seatUsage(t.db, org.id)).toEqual({ members: 2, pending: 0 });

    expect(await act(t.db, "invite", owner, org, { emails: stale, role: "developer" })).toMatchObject({ ok: true });
    const rows = await invitationsOf(t.db, org.id);
    expect(rows.map((row) => [row.id === first.id, row.status, row.role])).toEqual([
      [true, "expired", "viewer"],
      [false, "pending", "developer"],
    ]);
  });

  it("a revoked invitation frees its seat and its address", async () => {
    const { owner, org } = await freeOrg();
    await addMember(t.db, org, await makeUser(t.db), "viewer");
    const once = address("once");
    expect(await act(t.db, "invite", owner, org, { emails: once, role: "viewer" })).toMatchObject({ ok: true });
    const [first] = await invitationsOf(t.db, org.id);
    expect(await act(t.db, "revoke", owner, org, { invitationId: first.id })).toMatchObject({ ok: true });
    expect(await act(t.db, "invite", owner, org, { emails: once, role: "viewer" })).toMatchObject({ ok: true });
  });

  it("Enterprise has no limit", async () => {
    const { org, users: people } = await makeOrgWithEveryRole(t.db, { plan: "enterprise" });
    const fifty = Array.from({ length: 50 }, () => address()).join(",");
    expect(await act(t.db, "invite", people.admin, org, { emails: fifty, role: "viewer" })).toStrictEqual({ ok: true, message: "Invited 50 people as Viewer." });
    expect(await seatUsage(t.db, org.id)).toEqual({ members: 4, pending: 50 });
  });
});

describe("seat usage", () => {
  it("counts members and unexpired pending invitations", async () => {
    const { org, users: people } = await makeOrgWithEveryRole(t.db);
    expect(await seatUsage(t.db, org.id)).toEqual({ members: 4, pending: 0 });
    expect(await act(t.db, "invite", people.admin, org, { emails: `${address()} ${address()}`, role: "viewer" })).toMatchObject({ ok: true });
    expect(await seatUsage(t.db, org.id)).toEqual({ members: 4, pending: 2 });
    const [first] = await invitationsOf(t.db, org.id);
    await expire(first.id);
    expect(await seatUsage(t.db, org.id)).toEqual({ members: 4, pending: 1 });
  });
});

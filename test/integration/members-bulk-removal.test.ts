import { beforeAll, describe, expect, it, vi } from "vitest";
import { messages } from "@/lib/actions/run-action";
import { memberRoles, type MemberRole, roleLabels } from "@/lib/authz/permissions";
import { addMember, makeOrgWithEveryRole, makeUser } from "@/lib/factories";
import { bulkRemovalLimit } from "@/lib/members/bulk-removal";
import { act, roleOf, snapshotMembership } from "./support/member-actions";
import { useTestDatabase } from "./support/test-database";

// Issue 16, part 2: removing several members in one action. Every role × a non-member at the door;
// a batch holding anyone the caller may not remove (the owner, themselves, their own rank, someone
// not in the organization) is refused whole; an allowed batch removes them all in one transaction
// with one member.remove audit event each.

const t = useTestDatabase();

beforeAll(() => {
  vi.spyOn(console, "log").mockImplementation(() => {});
});

type Caller = MemberRole | "outsider";
const callers: Caller[] = [...memberRoles, "outsider"];
const allowedRoles: Caller[] = ["owner", "admin"];

/** An organization of every role plus two more viewers, so a batch has several removable members. */
async function crowd() {
  const made = await makeOrgWithEveryRole(t.db);
  const extra = [await makeUser(t.db, { name: "Vera Viewer" }), await makeUser(t.db, { name: "Dora Developer" })];
  await addMember(t.db, made.org, extra[0], "viewer");
  await addMember(t.db, made.org, extra[1], "developer");
  return { ...made, extra };
}

const ids = (...users: { id: string }[]) => users.map((user) => user.id).join(",");

describe("the bulk removal at the door", () => {
  it.each(callers)("as %s", async (caller) => {
    const { org, users, extra } = await crowd();
    const before = await snapshotMembership(t.db, org.id);
    const targets = [users.viewer, ...extra];
    const result = await act(t.db, "removeSelected", users[caller], org, { userIds: ids(...targets) });

    if (!allowedRoles.includes(caller)) {
      expect(result).toStrictEqual({ ok: false, formError: caller === "outsider" ? messages.notFound : messages.forbidden(roleLabels.admin) });
      expect(await snapshotMembership(t.db, org.id)).toEqual(before);
      return;
    }
    expect(result).toMatchObject({ ok: true, message: `3 members were removed from ${org.name}: Dora Developer, Vera Viewer, Victor Viewer.` });
    for (const target of targets) expect(await roleOf(t.db, org, target)).toBeNull();
    const after = await snapshotMembership(t.db, org.id);
    expect(after.members).toEqual(before.members.filter((row) => !targets.some((target) => target.id === row.userId)));
    const events = after.audit.slice(before.audit.length);
    expect(events).toHaveLength(3);
    for (const event of events) expect(event).toMatchObject({ orgId: org.id, actorId: users[caller].id, action: "member.remove", targetType: "member", origin: "ui" });
    expect(events.map((event) => event.targetId).sort()).toEqual(targets.map((target) => target.id).sort());
    expect(events.find((event) => event.targetId === users.viewer.id)?.before).toEqual({ role: "viewer" });
  });

  it("a viewer with a hostile batch gets the permission error before the input is read", async () => {
    const { org, users } = await crowd();
    const before = await snapshotMembership(t.db, org.id);
    expect(await act(t.db, "removeSelected", users.viewer, org, { userIds: "not-a-uuid" })).toStrictEqual({ ok: false, formError: messages.forbidden("Admin") });
    expect(await act(t.db, "removeSelected", null, org, { userIds: ids(users.viewer) })).toStrictEqual({ ok: false, formError: messages.signedOut });
    expect(await snapshotMembership(t.db, org.id)).toEqual(before);
  });
});

describe("a batch is refused whole", () => {
  async function refused(caller: "owner" | "admin", pick: (made: Awaited<ReturnType<typeof crowd>>) => Promise<{ id: string }[]> | { id: string }[], message: RegExp) {
    const made = await crowd();
    const batch = await pick(made);
    const before = await snapshotMembership(t.db, made.org.id);
    const result = await act(t.db, "removeSelected", made.users[caller], made.org, { userIds: ids(...batch) });
    expect(result).toMatchObject({ ok: false, formError: expect.stringMatching(message) });
    expect(result.ok ? "" : result.formError).toMatch(/^Nothing was removed/);
    expect(await snapshotMembership(t.db, made.org.id)).toEqual(before);
  }

  it("with the owner in it, naming the owner", async () => {
    await refused("admin", ({ users, extra }) => [users.viewer, users.owner, ...extra], /Olivia Owner is the owner and cannot be removed/);
  });

  it("with the caller in it", async () => {
    await refused("owner", ({ users }) => [users.viewer, users.owner], /You cannot remove yourself/);
    await refused("admin", ({ users }) => [users.admin, users.developer], /You cannot remove yourself/);
  });

  it("with someone of the caller's own rank, naming them", async () => {
    await refused(
      "admin",
      async ({ org, users }) => {
        const peer = await makeUser(t.db, { name: "Alma Admin" });
        await addMember(t.db, org, peer, "admin");
        return [users.viewer, peer];
      },
      /Only the owner can remove an admin: Alma Admin\./,
    );
  });

  it("with a member of another organization (a stale or forged id)", async () => {
    await refused(
      "owner",
      async ({ users }) => {
        const elsewhere = await makeOrgWithEveryRole(t.db);
        return [users.viewer, elsewhere.users.viewer];
      },
      /1 selected person is no longer a member/,
    );
  });

  it("with someone who already left", async () => {
    await refused(
      "admin",
      async ({ org, users }) => {
        expect(await act(t.db, "leave", users.developer, org)).toMatchObject({ ok: true });
        return [users.viewer, users.developer];
      },
      /no longer a member/,
    );
  });
});

describe("the batch's ids", () => {
  const fieldError = async (userIds: string) => {
    const { org, users } = await crowd();
    const before = await snapshotMembership(t.db, org.id);
    const result = await act(t.db, "removeSelected", users.owner, org, { userIds });
    expect(await snapshotMembership(t.db, org.id)).toEqual(before);
    return result.ok ? null : result.fieldErrors?.userIds;
  };

  it("must be uuids, at least one, at most the limit", async () => {
    expect(await fieldError("")).toBe("Select at least one member to remove.");
    expect(await fieldError(" , ,")).toBe("Select at least one member to remove.");
    expect(await fieldError("1234,'; drop table memberships; --")).toBe("Select the members to remove again.");
    const tooMany = Array.from({ length: bulkRemovalLimit + 1 }, () => crypto.randomUUID()).join(",");
    expect(await fieldError(tooMany)).toBe(`Select at most ${bulkRemovalLimit} members at a time.`);
  });

  it("a repeated id counts once", async () => {
    const { org, users } = await crowd();
    const result = await act(t.db, "removeSelected", users.admin, org, { userIds: ids(users.viewer, users.viewer) });
    expect(result).toMatchObject({ ok: true, message: `Victor Viewer was removed from ${org.name}.` });
    expect(await roleOf(t.db, org, users.viewer)).toBeNull();
  });
});

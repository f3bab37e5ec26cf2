import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { organizations, type User } from "@/db/schema";
import { defineOrgAction } from "@/lib/actions/define";
import { messages, runOrgAction } from "@/lib/actions/run-action";
import { authorize } from "@/lib/authz/authorize";
import { memberRoles } from "@/lib/authz/permissions";
import { addMember, makeOrgWithEveryRole, makeUser } from "@/lib/factories";
import { changeMemberRole } from "@/lib/members/membership-changes";
import { act, auditActions, roleOf, snapshotMembership } from "./support/member-actions";
import { useTestDatabase } from "./support/test-database";

// DESIGN.md §4, the rules beyond the permission table, each checked at the action door; every
// refusal leaves the organization's rows unchanged.

const t = useTestDatabase();

beforeEach(() => {
  // Without SMTP_URL the transfer emails are printed to the log; keep the test output readable.
  vi.spyOn(console, "log").mockImplementation(() => {});
});
afterEach(() => {
  vi.restoreAllMocks();
});

async function personalOrgOf(user: User) {
  const [org] = await t.db.select().from(organizations).where(eq(organizations.personalForUserId, user.id));
  return org;
}

/** Runs a call that the domain must refuse with `formError`, and checks nothing changed. */
async function expectRefused(orgId: string, run: () => ReturnType<typeof act>, formError: string | RegExp) {
  const before = await snapshotMembership(t.db, orgId);
  const result = await run();
  expect(result.ok).toBe(false);
  if (result.ok) return;
  if (typeof formError === "string") expect(result.formError).toBe(formError);
  else expect(result.formError).toMatch(formError);
  expect(await snapshotMembership(t.db, orgId)).toEqual(before);
}

describe("nobody changes their own role", () => {
  it.each(["owner", "admin"] as const)("as %s", async (role) => {
    const { org, users: people } = await makeOrgWithEveryRole(t.db);
    for (const target of ["admin", "developer", "viewer"]) {
      await expectRefused(org.id, () => act(t.db, "changeRole", people[role], org, { userId: people[role].id, role: target }), "You cannot change your own role.");
    }
  });
});

describe("nobody touches the owner's row", () => {
  it("an admin can neither change the owner's role nor remove the owner", async () => {
    const { org, users: people } = await makeOrgWithEveryRole(t.db);
    await expectRefused(
      org.id,
      () => act(t.db, "changeRole", people.admin, org, { userId: people.owner.id, role: "viewer" }),
      "The owner's role cannot be changed. The owner can transfer ownership instead.",
    );
    await expectRefused(
      org.id,
      () => act(t.db, "remove", people.admin, org, { userId: people.owner.id }),
      "The owner cannot be removed. The owner can transfer ownership first.",
    );
  });

  it("the owner cannot remove themself (leaving is its own action, and refused)", async () => {
    const { org, users: people } = await makeOrgWithEveryRole(t.db);
    await expectRefused(org.id, () => act(t.db, "remove", people.owner, org, { userId: people.owner.id }), /use Leave organization/);
  });
});

describe("the role hierarchy", () => {
  it("an admin cannot change or remove another admin; the owner can", async () => {
    const { org, users: people } = await makeOrgWithEveryRole(t.db);
    const second = await makeUser(t.db, { name: "Second Admin" });
    await addMember(t.db, org, second, "admin");
    await expectRefused(org.id, () => act(t.db, "changeRole", people.admin, org, { userId: second.id, role: "viewer" }), "Only the owner can change the role of an Admin.");
    await expectRefused(org.id, () => act(t.db, "remove", people.admin, org, { userId: second.id }), "Only the owner can remove an Admin.");

    expect(await act(t.db, "changeRole", people.owner, org, { userId: second.id, role: "developer" })).toMatchObject({ ok: true });
    expect(await roleOf(t.db, org, second)).toBe("developer");
    expect(await act(t.db, "remove", people.owner, org, { userId: people.admin.id })).toMatchObject({ ok: true });
    expect(await roleOf(t.db, org, people.admin)).toBeNull();
  });

  it("an admin gives Admin, Developer or Viewer to those below", async () => {
    const { org, users: people } = await makeOrgWithEveryRole(t.db);
    for (const [target, role] of [
      ["viewer", "developer"],
      ["developer", "viewer"],
      ["viewer", "admin"],
    ] as const) {
      const before = (await auditActions(t.db, org.id)).length;
      const result = await act(t.db, "changeRole", people.admin, org, { userId: people[target].id, role });
      expect(result).toMatchObject({ ok: true });
      expect(await roleOf(t.db, org, people[target])).toBe(role);
      expect(await auditActions(t.db, org.id)).toHaveLength(before + 1);
    }
  });

  it("nobody gives Owner: the schema refuses it", async () => {
    const { org, users: people } = await makeOrgWithEveryRole(t.db);
    for (const actor of ["owner", "admin"] as const) {
      const before = await snapshotMembership(t.db, org.id);
      const result = await act(t.db, "changeRole", people[actor], org, { userId: people.developer.id, role: "owner" });
      expect(result).toMatchObject({ ok: false, fieldErrors: { role: expect.any(String) } });
      expect(await snapshotMembership(t.db, org.id)).toEqual(before);
    }
  });

  it("nobody gives Owner: the domain refuses it too, whatever the schema lets through", async () => {
    const { org, users: people } = await makeOrgWithEveryRole(t.db);
    const laxSchema = z.object({ userId: z.string(), role: z.enum(memberRoles) });
    for (const actor of ["owner", "admin"] as const) {
      const before = await snapshotMembership(t.db, org.id);
      const result = await runOrgAction(
        // The cast is the point: a handler that forgot to narrow the role.
        defineOrgAction({ permission: "member.changeRole", schema: laxSchema }, (ctx, input, db) =>
          changeMemberRole(db, ctx, input as { userId: string; role: "admin" }),
        ),
        { db: t.db, userId: people[actor].id, slug: org.slug, input: { userId: people.developer.id, role: "owner" } },
      );
      expect(result).toMatchObject({ ok: false, formError: "You cannot give the Owner role." });
      expect(await snapshotMembership(t.db, org.id)).toEqual(before);
    }
  });

  it("says so when the target is no longer a member", async () => {
    const { org, users: people } = await makeOrgWithEveryRole(t.db);
    const gone = "This person is no longer a member of the organization.";
    await expectRefused(org.id, () => act(t.db, "changeRole", people.owner, org, { userId: people.outsider.id, role: "viewer" }), gone);
    await expectRefused(org.id, () => act(t.db, "remove", people.owner, org, { userId: people.outsider.id }), gone);
  });
});

describe("leaving", () => {
  it("any member but the owner leaves, with an audit event", async () => {
    const { org, users: people } = await makeOrgWithEveryRole(t.db);
    for (const role of ["admin", "developer", "viewer"] as const) {
      const result = await act(t.db, "leave", people[role], org);
      expect(result).toStrictEqual({ ok: true, message: `You left ${org.name}.`, redirectTo: "/" });
      expect(await roleOf(t.db, org, people[role])).toBeNull();
      const [event] = (await snapshotMembership(t.db, org.id)).audit.slice(-1);
      expect(event).toMatchObject({ action: "member.leave", actorId: people[role].id, targetId: people[role].id, before: { role } });
      // Gone at once: the next request is answered like a stranger's.
      expect(await act(t.db, "leave", people[role], org)).toStrictEqual({ ok: false, formError: messages.notFound });
    }
  });

  it("the owner cannot leave: told to transfer ownership first", async () => {
    const { org, users: people } = await makeOrgWithEveryRole(t.db);
    await expectRefused(org.id, () => act(t.db, "leave", people.owner, org), "The owner cannot leave the organization. Transfer ownership to another member first.");
  });

  it("nobody leaves their personal organization", async () => {
    const user = await makeUser(t.db);
    const personal = await personalOrgOf(user);
    await expectRefused(personal.id, () => act(t.db, "leave", user, personal), "You cannot leave your personal organization.");
  });
});

describe("removal applies to the very next request", () => {
  it("a removed member's next authorize() is refused, whatever their session says", async () => {
    const { org, users: people } = await makeOrgWithEveryRole(t.db);
    expect((await authorize(t.db, { userId: people.developer.id, slug: org.slug, permission: "project.read" })).ok).toBe(true);
    const result = await act(t.db, "remove", people.admin, org, { userId: people.developer.id });
    expect(result).toStrictEqual({ ok: true, message: `${people.developer.name} was removed from ${org.name}.` });
    expect(await authorize(t.db, { userId: people.developer.id, slug: org.slug, permission: "project.read" })).toStrictEqual({ ok: false, reason: "not-found" });
    expect(await act(t.db, "leave", people.developer, org)).toStrictEqual({ ok: false, formError: messages.notFound });
    const [event] = (await snapshotMembership(t.db, org.id)).audit.slice(-1);
    expect(event).toMatchObject({ action: "member.remove", actorId: people.admin.id, targetId: people.developer.id, before: { role: "developer" } });
  });

  it("a removed admin cannot act any more", async () => {
    const { org, users: people } = await makeOrgWithEveryRole(t.db);
    expect(await act(t.db, "remove", people.owner, org, { userId: people.admin.id })).toMatchObject({ ok: true });
    await expectRefused(org.id, () => act(t.db, "remove", people.admin, org, { userId: people.viewer.id }), messages.notFound);
  });
});

describe("ownership transfer", () => {
  it("needs the member's email typed, case-insensitively, then swaps owner and admin in one go", async () => {
    const { org, users: people } = await makeOrgWithEveryRole(t.db);
    const target = people.developer;
    for (const typed of ["", "someone@else.test", people.admin.email, `${target.email}x`]) {
      const before = await snapshotMembership(t.db, org.id);
      const result = await act(t.db, "transfer", people.owner, org, { userId: target.id, confirmEmail: typed });
      expect(result).toMatchObject({ ok: false, fieldErrors: { confirmEmail: `Type ${target.email} to confirm.` } });
      expect(await snapshotMembership(t.db, org.id)).toEqual(before);
    }
    const before = await snapshotMembership(t.db, org.id);
    const result = await act(t.db, "transfer", people.owner, org, { userId: target.id, confirmEmail: `  ${target.email.toUpperCase()} ` });
    expect(result).toStrictEqual({ ok: true, message: `${target.name} is now the owner of ${org.name}. You are an admin.` });
    expect(await roleOf(t.db, org, target)).toBe("owner");
    expect(await roleOf(t.db, org, people.owner)).toBe("admin");
    const after = await snapshotMembership(t.db, org.id);
    expect(after.audit).toHaveLength(before.audit.length + 1);
    expect(after.audit.at(-1)).toMatchObject({
      action: "ownership.transfer",
      actorId: people.owner.id,
      targetId: target.id,
      before: { owner: people.owner.email, role: "developer" },
      after: { owner: target.email, previousOwnerRole: "admin" },
    });

    // The former owner is now an admin: no second transfer, and the new owner outranks them.
    await expectRefused(org.id, () => act(t.db, "transfer", people.owner, org, { userId: people.admin.id, confirmEmail: people.admin.email }), messages.forbidden("Owner"));
    expect(await act(t.db, "changeRole", target, org, { userId: people.owner.id, role: "viewer" })).toMatchObject({ ok: true });
  });

  it("is refused for anyone but the owner", async () => {
    const { org, users: people } = await makeOrgWithEveryRole(t.db);
    for (const role of ["admin", "developer", "viewer"] as const) {
      await expectRefused(org.id, () => act(t.db, "transfer", people[role], org, { userId: people[role].id, confirmEmail: people[role].email }), messages.forbidden("Owner"));
    }
  });

  it("is refused to oneself and to a non-member", async () => {
    const { org, users: people } = await makeOrgWithEveryRole(t.db);
    for (const target of [people.owner, people.outsider]) {
      const before = await snapshotMembership(t.db, org.id);
      const result = await act(t.db, "transfer", people.owner, org, { userId: target.id, confirmEmail: target.email });
      expect(result).toMatchObject({ ok: false, fieldErrors: { userId: "Choose a member of the organization other than yourself." } });
      expect(await snapshotMembership(t.db, org.id)).toEqual(before);
    }
  });

  it("is refused for a personal organization", async () => {
    const user = await makeUser(t.db);
    const other = await makeUser(t.db);
    const personal = await personalOrgOf(user);
    await expectRefused(
      personal.id,
      () => act(t.db, "transfer", user, personal, { userId: other.id, confirmEmail: other.email }),
      "A personal organization has no other member to transfer it to.",
    );
  });
});

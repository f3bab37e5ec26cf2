import { beforeAll, describe, expect, it, vi } from "vitest";
import { messages } from "@/lib/actions/run-action";
import { memberRoles, type MemberRole, minimumRoleFor, roleHasPermission, roleLabels } from "@/lib/authz/permissions";
import { makeOrgWithEveryRole, uniqueTag } from "@/lib/factories";
import { act, invitationsOf, memberActions, roleOf, snapshotMembership } from "./support/member-actions";
import { useTestDatabase } from "./support/test-database";

// Issue 3, "Must hold": every member permission × every role × a non-member, at the action door
// (runOrgAction, as the server actions call it). Allowed callers change exactly what they asked for
// and write one audit event; refused callers get the door's message and leave every row as it was.

const t = useTestDatabase();

type People = Awaited<ReturnType<typeof makeOrgWithEveryRole>>["users"];
type Caller = MemberRole | "outsider";
const callers: Caller[] = [...memberRoles, "outsider"];
const matrix = ["invite", "changeRole", "remove", "transfer"] as const;

beforeAll(() => {
  // Without SMTP_URL the invitation email is printed to the log; keep the test output readable.
  vi.spyOn(console, "log").mockImplementation(() => {});
});

// Every input targets someone a developer outranks (the viewer) where it can, so only the
// permission table stands between a developer and the change.
function inputFor(name: (typeof matrix)[number], people: People, tag: string): Record<string, string> {
  switch (name) {
    case "invite":
      return { emails: `invitee-${tag}@example.test`, role: "developer" };
    case "changeRole":
      return { userId: people.viewer.id, role: "developer" };
    case "remove":
      return { userId: people.viewer.id };
    case "transfer":
      return { userId: people.admin.id, confirmEmail: people.admin.email };
  }
}

const expectedAudit: Record<(typeof matrix)[number], string> = {
  invite: "invitation.create",
  changeRole: "member.role_change",
  remove: "member.remove",
  transfer: "ownership.transfer",
};

describe.each(matrix)("%s", (name) => {
  const permission = memberActions[name].permission;

  it.each(callers)("as %s", async (caller) => {
    const { org, users: people } = await makeOrgWithEveryRole(t.db);
    const user = people[caller];
    const tag = uniqueTag();
    const input = inputFor(name, people, tag);
    const allowed = caller !== "outsider" && roleHasPermission(caller, permission);
    const before = await snapshotMembership(t.db, org.id);

    const result = await act(t.db, name, user, org, input);

    if (!allowed) {
      const formError = caller === "outsider" ? messages.notFound : messages.forbidden(roleLabels[minimumRoleFor(permission)]);
      expect(result).toStrictEqual({ ok: false, formError });
      expect(await snapshotMembership(t.db, org.id)).toEqual(before);
      return;
    }

    expect(result).toMatchObject({ ok: true });
    const after = await snapshotMembership(t.db, org.id);
    expect(after.audit).toHaveLength(before.audit.length + 1);
    expect(after.audit.at(-1)).toMatchObject({ orgId: org.id, actorId: user.id, action: expectedAudit[name], origin: "ui" });
    expect(after.org).toEqual(before.org);

    const untouched = (ids: string[]) => (rows: { userId: string }[]) => rows.filter((row) => !ids.includes(row.userId));
    switch (name) {
      case "invite": {
        expect(after.members).toEqual(before.members);
        const [invitation] = await invitationsOf(t.db, org.id);
        expect(after.invitations).toHaveLength(1);
        expect(invitation).toMatchObject({ email: input.emails, role: "developer", status: "pending", invitedBy: user.id });
        break;
      }
      case "changeRole":
        expect(await roleOf(t.db, org, people.viewer)).toBe("developer");
        expect(untouched([people.viewer.id])(after.members)).toEqual(untouched([people.viewer.id])(before.members));
        expect(after.invitations).toEqual(before.invitations);
        break;
      case "remove":
        expect(await roleOf(t.db, org, people.viewer)).toBeNull();
        expect(after.members).toEqual(untouched([people.viewer.id])(before.members));
        break;
      case "transfer":
        expect(await roleOf(t.db, org, people.admin)).toBe("owner");
        expect(await roleOf(t.db, org, people.owner)).toBe("admin");
        expect(untouched([people.admin.id, people.owner.id])(after.members)).toEqual(
          untouched([people.admin.id, people.owner.id])(before.members),
        );
        break;
    }
  });
});

describe("the door refuses before reading the input", () => {
  it.each(matrix)("%s: a viewer with invalid input gets the permission error and nothing changes", async (name) => {
    const { org, users: people } = await makeOrgWithEveryRole(t.db);
    const before = await snapshotMembership(t.db, org.id);
    const result = await act(t.db, name, people.viewer, org, { role: "owner", userId: "not-a-uuid", emails: "" });
    expect(result).toStrictEqual({ ok: false, formError: messages.forbidden(roleLabels[minimumRoleFor(memberActions[name].permission)]) });
    expect(await snapshotMembership(t.db, org.id)).toEqual(before);
  });

  it.each(matrix)("%s: signed out is refused and nothing changes", async (name) => {
    const { org, users: people } = await makeOrgWithEveryRole(t.db);
    const before = await snapshotMembership(t.db, org.id);
    expect(await act(t.db, name, null, org, inputFor(name, people, uniqueTag()))).toStrictEqual({ ok: false, formError: messages.signedOut });
    expect(await snapshotMembership(t.db, org.id)).toEqual(before);
  });

  it("resend and revoke need member.invite too: a developer is refused, the invitation unchanged", async () => {
    const { org, users: people } = await makeOrgWithEveryRole(t.db);
    expect(await act(t.db, "invite", people.admin, org, { emails: `x-${uniqueTag()}@example.test`, role: "viewer" })).toMatchObject({ ok: true });
    const [invitation] = await invitationsOf(t.db, org.id);
    const before = await snapshotMembership(t.db, org.id);
    for (const name of ["resend", "revoke"] as const) {
      expect(await act(t.db, name, people.developer, org, { invitationId: invitation.id })).toStrictEqual({
        ok: false,
        formError: messages.forbidden("Admin"),
      });
      expect(await act(t.db, name, people.outsider, org, { invitationId: invitation.id })).toStrictEqual({ ok: false, formError: messages.notFound });
    }
    expect(await snapshotMembership(t.db, org.id)).toEqual(before);
  });
});

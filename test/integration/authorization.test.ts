import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { memberships, organizations, type Organization, type User } from "@/db/schema";
import { defineOrgAction } from "@/lib/actions/define";
import { messages, type OrgHandler, runOrgAction } from "@/lib/actions/run-action";
import { recordAudit } from "@/lib/audit/record";
import { memberRoles, type MemberRole, minimumRoleFor, type Permission, permissions, roleHasPermission, roleLabels } from "@/lib/authz/permissions";
import { addMember, makeOrgWithEveryRole, makeTeamOrg, makeUser, uniqueTag } from "@/lib/factories";
import { snapshotOrg } from "./support/snapshot";
import { useTestDatabase } from "./support/test-database";

// DESIGN.md §9: every permission × every role × a non-member, at the action door, and every
// denial leaves the organization's rows exactly as they were.

const t = useTestDatabase();

const probeSchema = z.object({ note: z.string().min(1, "Enter a note.") });


/** A real write, as a domain function would do it: the row and its audit event in one transaction. */
let handlerRuns = 0;
const probeHandler: OrgHandler<typeof probeSchema> = async (ctx, input, db) => {
  handlerRuns++;
  await db.transaction(async (tx) => {
    await tx
      .update(organizations)
      .set({ description: input.note, updatedAt: new Date() })
      .where(eq(organizations.id, ctx.org.id));
    await recordAudit(tx, ctx, {
      action: "probe.write",
      targetType: "organization",
      targetId: ctx.org.id,
      targetLabel: ctx.org.name,
      after: { note: input.note, role: ctx.role },
    });
  });
  return { ok: true, message: input.note };
};
const probe = (permission: Permission) => defineOrgAction({ permission, schema: probeSchema }, probeHandler);

type Caller = MemberRole | "outsider";
const callers: Caller[] = [...memberRoles, "outsider"];

let org: Organization;
let people: Record<Caller, User>;

beforeAll(async () => {
  ({ org, users: people } = await makeOrgWithEveryRole(t.db));
});

function call(permission: Permission, userId: string | null, input: Record<string, string> | FormData, slug = org.slug) {
  return runOrgAction(probe(permission), { db: t.db, userId, slug, input });
}

/** Runs a call that must be refused and checks that nothing ran and nothing changed. */
async function expectRefused(run: () => ReturnType<typeof call>, formError: string, orgId = org.id) {
  const before = await snapshotOrg(t.db, orgId);
  const runsBefore = handlerRuns;
  const result = await run();
  expect(result).toStrictEqual({ ok: false, formError });
  expect(handlerRuns, "the handler must not run").toBe(runsBefore);
  expect(await snapshotOrg(t.db, orgId)).toEqual(before);
}

describe.each(permissions)("%s", (permission) => {
  it.each(callers)("as %s", async (caller) => {
    const user = people[caller];
    const allowed = caller !== "outsider" && roleHasPermission(caller, permission);
    const note = `${permission} by ${caller} ${uniqueTag()}`;

    if (!allowed) {
      const formError =
        caller === "outsider" ? messages.notFound : messages.forbidden(roleLabels[minimumRoleFor(permission)]);
      await expectRefused(() => call(permission, user.id, { note }), formError);
      return;
    }

    const before = await snapshotOrg(t.db, org.id);
    const runsBefore = handlerRuns;
    const result = await call(permission, user.id, { note });
    expect(result).toStrictEqual({ ok: true, message: note });
    expect(handlerRuns).toBe(runsBefore + 1);
    const after = await snapshotOrg(t.db, org.id);
    expect(after.org?.description).toBe(note);
    expect(after.members).toEqual(before.members);
    expect(after.audit).toHaveLength(before.audit.length + 1);
    expect(after.audit.at(-1)).toMatchObject({
      orgId: org.id,
      actorId: user.id,
      action: "probe.write",
      origin: "ui",
      after: { note, role: caller },
    });
  });
});

describe("the door", () => {
  it("refuses a signed-out caller before anything else", async () => {
    for (const permission of ["org.read", "org.delete", "project.read"] as const) {
      await expectRefused(() => call(permission, null, { note: "x" }), messages.signedOut);
      await expectRefused(() => call(permission, null, {}), messages.signedOut);
    }
  });

  it("answers an unknown slug like a foreign one, so names do not leak", async () => {
    await expectRefused(() => call("project.read", people.owner.id, { note: "x" }, `no-such-${uniqueTag()}`), messages.notFound);
  });

  it("checks the permission before validating input", async () => {
    // A denied caller with invalid input gets the permission error, never field errors.
    await expectRefused(() => call("org.edit", people.viewer.id, {}), messages.forbidden("Admin"));
    await expectRefused(() => call("org.delete", people.admin.id, { note: "" }), messages.forbidden("Owner"));
    await expectRefused(() => call("project.create", people.viewer.id, {}), messages.forbidden("Developer"));
    await expectRefused(() => call("org.edit", people.outsider.id, {}), messages.notFound);
  });

  it("validates input for an allowed caller, and the handler does not run on bad input", async () => {
    const before = await snapshotOrg(t.db, org.id);
    const runsBefore = handlerRuns;
    const result = await call("org.edit", people.admin.id, { note: "" });
    expect(result).toStrictEqual({ ok: false, fieldErrors: { note: "Enter a note." }, values: { note: "" } });
    expect(handlerRuns).toBe(runsBefore);
    expect(await snapshotOrg(t.db, org.id)).toEqual(before);
  });

  it("reads form data, ignoring Next's own $ACTION fields", async () => {
    const form = new FormData();
    form.set("$ACTION_ID_abc", "");
    form.set("note", "from a form");
    expect(await call("org.edit", people.admin.id, form)).toStrictEqual({ ok: true, message: "from a form" });
  });

  it("scopes the role to the organization in the URL", async () => {
    // Admin of one organization, viewer of another: the viewer role is what counts there.
    const other = await makeTeamOrg(t.db, people.outsider);
    await addMember(t.db, other, people.admin, "viewer");
    await expectRefused(() => call("org.edit", people.admin.id, { note: "x" }, other.slug), messages.forbidden("Admin"), other.id);
    expect(await call("project.read", people.admin.id, { note: "ok" }, other.slug)).toMatchObject({ ok: true });
  });
});

describe("roles come from the database on every call", () => {
  it("applies a demotion to the very next call", async () => {
    const { org: fresh, users } = await makeOrgWithEveryRole(t.db);
    const edit = () =>
      runOrgAction(probe("org.edit"), { db: t.db, userId: users.admin.id, slug: fresh.slug, input: { note: "n" } });
    expect(await edit()).toMatchObject({ ok: true });

    await t.db
      .update(memberships)
      .set({ role: "viewer" })
      .where(and(eq(memberships.orgId, fresh.id), eq(memberships.userId, users.admin.id)));
    await expectRefused(edit, messages.forbidden("Admin"), fresh.id);
  });

  it("applies a removal to the very next call", async () => {
    const { org: fresh, users } = await makeOrgWithEveryRole(t.db);
    const read = () =>
      runOrgAction(probe("project.read"), { db: t.db, userId: users.developer.id, slug: fresh.slug, input: { note: "n" } });
    expect(await read()).toMatchObject({ ok: true });

    await t.db.delete(memberships).where(and(eq(memberships.orgId, fresh.id), eq(memberships.userId, users.developer.id)));
    await expectRefused(read, messages.notFound, fresh.id);
  });

  it("applies a promotion to the very next call", async () => {
    const { org: fresh, users } = await makeOrgWithEveryRole(t.db);
    const create = () =>
      runOrgAction(probe("project.create"), { db: t.db, userId: users.viewer.id, slug: fresh.slug, input: { note: "n" } });
    await expectRefused(create, messages.forbidden("Developer"), fresh.id);

    await t.db
      .update(memberships)
      .set({ role: "developer" })
      .where(and(eq(memberships.orgId, fresh.id), eq(memberships.userId, users.viewer.id)));
    expect(await create()).toMatchObject({ ok: true });
  });

  it("applies a slug change: the old slug no longer resolves", async () => {
    const owner = await makeUser(t.db);
    const team = await makeTeamOrg(t.db, owner);
    await t.db.update(organizations).set({ slug: `renamed-${uniqueTag()}` }).where(eq(organizations.id, team.id));
    await expectRefused(
      () => runOrgAction(probe("project.read"), { db: t.db, userId: owner.id, slug: team.slug, input: { note: "n" } }),
      messages.notFound,
      team.id,
    );
  });
});

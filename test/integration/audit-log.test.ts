import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { users, type Organization } from "@/db/schema";
import type { MemberRole } from "@/db/schema/values";

// Issue 5, the audit log: the page loader and the CSV route through their real doors (the session
// is the one thing faked), what the page says, and the filters on PostgreSQL. Keyset pages, the
// streamed export and the cost of a page are in audit-log-pages.test.ts.

vi.mock("@/lib/auth", async () => (await import("./support/fake-auth")).fakeAuthModule());

const { useTestDatabase } = await import("./support/test-database");
const { useAuditLogDoors } = await import("./support/audit-log");
const { act, contextOf } = await import("./support/member-actions");
const { makeOrgWithEveryRole, makeTeamOrg, uniqueTag } = await import("@/lib/factories");
const { messages } = await import("@/lib/actions/run-action");
const { updateOrganizationDetails } = await import("@/lib/orgs/update-details");
const { filterMessages } = await import("@/lib/audit/filters");

const t = useTestDatabase();
const { loadAs, exportAs, insertEvents } = useAuditLogDoors(t);

/** Thrown by notFound() and redirect(): Next's digest says which. */
async function nextError(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
  } catch (error) {
    return String((error as { digest?: string }).digest ?? error);
  }
  throw new Error("expected the loader to throw");
}

describe("the door: audit.read × every role × a non-member", () => {
  let org: Organization;
  let people: Awaited<ReturnType<typeof makeOrgWithEveryRole>>["users"];
  beforeAll(async () => {
    ({ org, users: people } = await makeOrgWithEveryRole(t.db));
  });

  it.each(["owner", "admin"] as const)("opens the page and the export to the %s", async (role) => {
    const access = await loadAs(people[role], org);
    expect(access.ok).toBe(true);
    if (!access.ok) return;
    expect(access.page.events.map((event) => event.action)).toEqual(["org.create"]);

    const response = await exportAs(people[role], org.slug);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(new RegExp(`^attachment; filename="audit-log-${org.slug}-\\d{4}-\\d{2}-\\d{2}\\.csv"$`));
    const lines = (await response.text()).trimEnd().split("\r\n");
    expect(lines[0]).toBe("time,actor,action,description,target type,target,origin,before,after");
    expect(lines.slice(1)).toHaveLength(1);
    expect(lines[1]).toContain(`Olivia Owner created the organization ${org.name}`);
  });

  it.each(["developer", "viewer"] as const satisfies readonly MemberRole[])("shows the %s what role it takes, and refuses the export with 403", async (role) => {
    const access = await loadAs(people[role], org);
    expect(access).toEqual({
      ok: false,
      denial: { requiredRole: "Admin", currentRole: role === "developer" ? "Developer" : "Viewer", orgName: org.name, homeHref: `/orgs/${org.slug}` },
    });
    const response = await exportAs(people[role], org.slug);
    expect(response.status).toBe(403);
    expect(await response.text()).toBe(messages.forbidden("Admin"));
  });

  it("gives a non-member the 404 of a missing organization, page and export alike", async () => {
    expect(await nextError(() => loadAs(people.outsider, org))).toContain("404");
    const response = await exportAs(people.outsider, org.slug);
    expect(response.status).toBe(404);
    expect(await response.text()).toBe(messages.notFound);
    expect((await exportAs(people.owner, `missing-${uniqueTag()}`)).status).toBe(404);
  });

  it("sends the signed-out to sign in, and answers the export with 401", async () => {
    expect(await nextError(() => loadAs(null, org))).toContain("NEXT_REDIRECT");
    expect((await exportAs(null, org.slug)).status).toBe(401);
  });

  it("refuses an export with a bad filter (400), saying which", async () => {
    const response = await exportAs(people.admin, org.slug, "?from=2026-02-30&action=nope");
    expect(response.status).toBe(400);
    const text = await response.text();
    expect(text).toContain(`from: ${filterMessages.date}`);
    expect(text).toContain(`action: ${filterMessages.action}`);
  });
});

describe("what the page shows", () => {
  it("lists a session's events newest first, in plain words, with who and from where", async () => {
    const { org, users: people } = await makeOrgWithEveryRole(t.db);
    const invitee = `new-${uniqueTag()}@example.test`;
    expect(await act(t.db, "invite", people.owner, org, { emails: invitee, role: "developer" })).toMatchObject({ ok: true });
    expect(await act(t.db, "changeRole", people.admin, org, { userId: people.developer.id, role: "viewer" })).toMatchObject({ ok: true });
    const ctx = await contextOf(t.db, people.admin, org, "org.edit");
    await updateOrganizationDetails(t.db, ctx, { name: org.name, slug: org.slug, description: "", website: "https://acme.test", adminContactEmails: [] });

    const access = await loadAs(people.owner, org);
    if (!access.ok) throw new Error("refused");
    const { events } = access.page;
    expect(events.map((event) => event.description)).toEqual([
      "Adam Admin set the website to “https://acme.test”",
      "Adam Admin changed Dana Developer's role from Developer to Viewer",
      `Olivia Owner invited ${invitee} as Developer`,
      `Olivia Owner created the organization ${org.name}`,
    ]);
    expect(events[1]).toMatchObject({
      actionLabel: "Role changed",
      actor: { kind: "person", name: "Adam Admin", email: people.admin.email },
      target: { typeLabel: "Member", label: `Dana Developer <${people.developer.email}>` },
      originLabel: "Web console",
      before: { role: "developer" },
      after: { role: "viewer" },
    });
    expect(access.page.links).toMatchObject({ newest: null, newer: null, older: null, csv: `/orgs/${org.slug}/settings/audit-log/export` });
  });

  it("shows the current name of an actor, the recorded one once the account is gone, and the engine as itself", async () => {
    const { org, users: people } = await makeOrgWithEveryRole(t.db);
    // A deleted user's events keep their label and lose the id (invariants.test.ts checks the database does that).
    await t.db.execute(sql`
      insert into audit_events (org_id, actor_id, actor_label, action, target_type, target_label, origin, before)
      values (${org.id}, null, 'Gone Soon <gone@example.test>', 'member.leave', 'member', 'Gone Soon <gone@example.test>', 'ui', '{"role":"viewer"}'),
             (${org.id}, null, 'Org Console infrastructure engine', 'cluster.install.done', 'cluster', 'prod', 'system', null)`);
    await t.db.update(users).set({ name: "Olivia Renamed" }).where(eq(users.id, people.owner.id));

    const access = await loadAs(people.admin, org);
    if (!access.ok) throw new Error("refused");
    expect(access.page.events.map((event) => [event.actor.kind, event.actor.email, event.description])).toEqual([
      ["system", null, "Org Console infrastructure engine finished installing cluster prod"],
      ["former", null, "Gone Soon left the organization (was Viewer)"],
      ["person", people.owner.email, `Olivia Renamed created the organization ${org.name}`],
    ]);
  });
});

describe("filters", () => {
  let org: Organization;
  let people: Awaited<ReturnType<typeof makeOrgWithEveryRole>>["users"];
  const actionsOf = async (params: Record<string, string>) => {
    const access = await loadAs(people.owner, org, params);
    if (!access.ok) throw new Error("refused");
    return access.page;
  };

  beforeAll(async () => {
    ({ org, users: people } = await makeOrgWithEveryRole(t.db));
    await insertEvents(org, people.admin, 3, { createdAt: "2026-01-10T12:00:00Z" });
    await insertEvents(org, people.owner, 2, { action: "member.role_change", createdAt: "2026-01-11T23:59:59.999999Z" });
    await insertEvents(org, people.owner, 1, { action: "invitation.create", createdAt: "2026-01-12T00:00:00Z" });
    // The same admin acts in another organization too: never shown here.
    const elsewhere = await makeTeamOrg(t.db, people.admin);
    await insertEvents(elsewhere, people.admin, 4, { createdAt: "2026-01-10T12:00:00Z" });
  });

  it("by actor, from their email in any case, in this organization only", async () => {
    const page = await actionsOf({ actor: people.admin.email.toUpperCase() });
    expect(page.errors).toEqual({});
    expect(page.values.actor).toBe(people.admin.email.toLowerCase());
    expect(page.events).toHaveLength(3);
    expect(page.events.every((event) => event.actor.email === people.admin.email)).toBe(true);
    expect(page.links.csv).toBe(`/orgs/${org.slug}/settings/audit-log/export?actor=${encodeURIComponent(people.admin.email.toLowerCase())}`);
  });

  it("by action, or by every action of a category", async () => {
    expect((await actionsOf({ action: "member.role_change" })).events.map((event) => event.action)).toEqual(["member.role_change", "member.role_change"]);
    expect((await actionsOf({ action: "invitations" })).events.map((event) => event.action)).toEqual(["invitation.create"]);
    expect((await actionsOf({ action: "organization" })).events.map((event) => event.action)).toEqual(["org.create"]);
    expect((await actionsOf({ action: "clusters" })).events).toHaveLength(3);
  });

  it("by UTC days, both ends included", async () => {
    const day = await actionsOf({ from: "2026-01-11", to: "2026-01-11" });
    expect(day.events.map((event) => event.action)).toEqual(["member.role_change", "member.role_change"]);
    expect((await actionsOf({ from: "2026-01-12" })).events.map((event) => event.action)).toEqual(["org.create", "invitation.create"]);
    expect((await actionsOf({ to: "2026-01-10" })).events).toHaveLength(3);
  });

  it("combines filters", async () => {
    const page = await actionsOf({ actor: people.owner.email, action: "members", from: "2026-01-01", to: "2026-01-31" });
    expect(page.events).toHaveLength(2);
    expect(await actionsOf({ actor: people.admin.email, action: "members" })).toMatchObject({ events: [], notice: null, filtered: true });
  });

  it("says when no member or past actor has the actor's email", async () => {
    const page = await actionsOf({ actor: "nobody@example.test" });
    expect(page.events).toEqual([]);
    expect(page.notice).toBe("No member or past actor of this organization has the email nobody@example.test. The actor filter needs the current email address of a person.");
  });

  it("answers bad values with a message per field and lists nothing (no export link either)", async () => {
    const page = await actionsOf({ actor: "alice", action: "member.promote", from: "2026-01-32", to: "soon" });
    expect(page.errors).toEqual({ actor: filterMessages.actor, action: filterMessages.action, from: filterMessages.date, to: filterMessages.date });
    expect(page.values).toEqual({ actor: "alice", action: "member.promote", from: "2026-01-32", to: "soon" });
    expect(page.events).toEqual([]);
    expect(page.links.csv).toBeNull();
  });

  it("exports what the page filters", async () => {
    const response = await exportAs(people.admin, org.slug, `?action=member.role_change`);
    const rows = (await response.text()).trimEnd().split("\r\n").slice(1);
    expect(rows).toHaveLength(2);
    for (const row of rows) expect(row).toMatch(/^2026-01-11T23:59:59\.999Z,Olivia Owner <[^>]+>,member\.role_change,/);
  });
});

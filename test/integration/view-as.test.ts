import { and, asc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditEvents, type Organization, type User } from "@/db/schema";
import { messages, runOrgAction } from "@/lib/actions/run-action";
import { authorize } from "@/lib/authz/authorize";
import { orgTransaction, staleAccess } from "@/lib/authz/org-transaction";
import { memberRoles, type MemberRole, roleLabels, roleRank } from "@/lib/authz/permissions";
import { type ViewAsChoice, viewAsCookieValue, viewingRefusal } from "@/lib/authz/view-as";
import { viewAsCookieName } from "@/lib/authz/view-as-cookie";
import { makeOrgWithEveryRole, makeTeamOrg, makeUser, uniqueTag } from "@/lib/factories";
import { makeCluster } from "@/lib/factories/clusters";
import { invitationsOf, memberActions } from "./support/member-actions";
import { updateGeneralInformation } from "@/lib/orgs/actions";
import { createProjectAction } from "@/lib/projects/actions/projects";
import { clusterActions } from "./support/cluster-actions";
import { belowYourRole, startViewingAs } from "@/lib/view-as/actions";
import { useTestDatabase } from "./support/test-database";
import { everyOrgActionSpec, snapshotEverything } from "./support/view-as";

// Issue 16, part 3: "view as a role" is started through the one door (org.viewAs × every role × a
// non-member), audited, and only ever lowers the role; while viewing, every write is refused at the
// door before anything is parsed or written, whichever action it is.

const t = useTestDatabase();

type Caller = MemberRole | "outsider";
let org: Organization;
let people: Record<Caller, User>;

beforeAll(async () => {
  ({ org, users: people } = await makeOrgWithEveryRole(t.db));
});

const start = (user: User, role: string, viewAs: ViewAsChoice | null = null, slug = org.slug) =>
  runOrgAction(startViewingAs, { db: t.db, userId: user.id, slug, input: { role }, viewAs });

async function startedEvents(orgId: string, actorId: string) {
  return t.db.select().from(auditEvents).where(and(eq(auditEvents.orgId, orgId), eq(auditEvents.actorId, actorId), eq(auditEvents.action, "org.view_as.started"))).orderBy(asc(auditEvents.id));
}

describe("starting to view as a role", () => {
  const cases = (["owner", "admin", "developer", "viewer", "outsider"] as const).flatMap((caller) => (["admin", "developer", "viewer", "owner"] as const).map((role) => [caller, role] as const));

  it.each(cases)("%s asks to view as %s", async (caller, role) => {
    const user = people[caller];
    const before = await snapshotEverything(t.db, org.id);
    const result = await start(user, role);
    const allowed = (caller === "owner" || caller === "admin") && roleRank[role] < roleRank[caller];
    if (allowed) {
      expect(result).toMatchObject({ ok: true, message: `You are viewing ${org.name} as ${roleLabels[role]}.` });
      // The cookie the web's door sets: this organization, this role, httpOnly, SameSite=Lax, and
      // Secure because the test APP_URL is https.
      expect(result.ok && result.setCookies).toEqual([
        { name: viewAsCookieName, value: viewAsCookieValue({ orgId: org.id, role }), options: expect.objectContaining({ path: "/", httpOnly: true, sameSite: "lax", secure: true }) },
      ]);
      const events = await startedEvents(org.id, user.id);
      expect(events.at(-1)).toMatchObject({ targetType: "organization", targetId: org.id, after: { role, realRole: caller } });
      return;
    }
    if (caller === "outsider") expect(result).toStrictEqual({ ok: false, formError: messages.notFound });
    else if (caller === "developer" || caller === "viewer") expect(result).toStrictEqual({ ok: false, formError: messages.forbidden("Admin") });
    else if (role === "owner") expect(result).toMatchObject({ ok: false, fieldErrors: { role: "Choose Admin, Developer or Viewer." } });
    else expect(result).toMatchObject({ ok: false, formError: belowYourRole(roleLabels[caller]) });
    expect(result.ok || result.setCookies).toBeFalsy();
    expect(await snapshotEverything(t.db, org.id)).toEqual(before);
  });

  it("records one audit event per start, that reads as a sentence", async () => {
    const owner = await makeUser(t.db);
    const fresh = await makeTeamOrg(t.db, owner);
    expect(await runOrgAction(startViewingAs, { db: t.db, userId: owner.id, slug: fresh.slug, input: { role: "developer" } })).toMatchObject({ ok: true });
    const events = await startedEvents(fresh.id, owner.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: "org.view_as.started", after: { role: "developer", realRole: "owner" } });
  });

  it("is refused while already viewing (stop first)", async () => {
    const before = await snapshotEverything(t.db, org.id);
    expect(await start(people.owner, "viewer", { orgId: org.id, role: "admin" })).toStrictEqual({ ok: false, formError: viewingRefusal("admin") });
    expect(await snapshotEverything(t.db, org.id)).toEqual(before);
  });
});

describe("the context while viewing", () => {
  it.each(memberRoles.flatMap((real) => memberRoles.map((chosen) => [real, chosen] as const)))("a %s whose cookie names %s acts as the lower of the two", async (real, chosen) => {
    const access = await authorize(t.db, { userId: people[real].id, slug: org.slug, permission: "project.read", viewAs: { orgId: org.id, role: chosen } });
    expect(access.ok).toBe(true);
    if (!access.ok) return;
    const lower = roleRank[chosen] < roleRank[real] ? chosen : real;
    expect(access.ctx.role).toBe(lower);
    expect(access.ctx.viewingAs).toEqual(lower === real ? null : { role: chosen, realRole: real });
    expect(access.ctx.can("org.read")).toBe(lower === "owner" || lower === "admin");
  });

  it("ignores a cookie for another organization", async () => {
    const other = await makeTeamOrg(t.db, people.owner);
    const access = await authorize(t.db, { userId: people.owner.id, slug: org.slug, permission: "org.read", viewAs: { orgId: other.id, role: "viewer" } });
    expect(access).toMatchObject({ ok: true, ctx: { role: "owner", viewingAs: null } });
  });

  it("an orgTransaction reached with a viewing context re-checks with the lower role", async () => {
    const access = await authorize(t.db, { userId: people.owner.id, slug: org.slug, permission: "project.read", viewAs: { orgId: org.id, role: "developer" } });
    if (!access.ok) throw new Error("expected access");
    let ran = false;
    expect(await orgTransaction(t.db, access.ctx, "org.edit", async () => (ran = true))).toStrictEqual({ ok: false, formError: staleAccess });
    expect(ran).toBe(false);
    expect(await orgTransaction(t.db, access.ctx, "project.create", async (_tx, role) => role)).toBe("developer");
  });
});

describe("every write is refused while viewing", () => {
  it("for every organization action the code declares, before anything is parsed or written", async () => {
    const specs = await everyOrgActionSpec();
    expect(Object.keys(specs).length).toBeGreaterThan(30);
    const allowed = Object.entries(specs).filter(([, spec]) => spec.whileViewing === "allowed").map(([name]) => name);
    // Only moving between organizations (the user's own "last organization", not the organization's rows).
    expect(allowed).toEqual(["lib/orgs/actions.ts#switchOrganization"]);
    for (const [name, spec] of Object.entries(specs)) {
      if (spec.whileViewing === "allowed") continue;
      for (const role of ["admin", "viewer"] as const) {
        const before = await snapshotEverything(t.db, org.id);
        const result = await runOrgAction(spec, { db: t.db, userId: people.owner.id, slug: org.slug, input: { role: "viewer" }, viewAs: { orgId: org.id, role } });
        expect(result, name).toStrictEqual({ ok: false, formError: viewingRefusal(role) });
        expect(await snapshotEverything(t.db, org.id), name).toEqual(before);
      }
    }
  });

  describe("with forms that would succeed otherwise", () => {
    const writes = {
      "invite a member": () => [memberActions.invite, { emails: `viewed-${uniqueTag()}@example.test`, role: "viewer" }],
      "change General Information": (f: Fixture) => [updateGeneralInformation, { name: `${f.org.name} renamed`, slug: f.org.slug, description: "changed", website: "", adminContactEmails: "" }],
      "create a project": () => [createProjectAction, { name: "Viewed", key: `V${uniqueTag().slice(0, 6)}`.toUpperCase() }],
      "delete a cluster": (f: Fixture) => [clusterActions.delete, { clusterId: f.cluster.id, confirmName: f.cluster.name }],
    } as const;

    it.each(Object.keys(writes) as (keyof typeof writes)[])("%s: refused for an owner viewing as Admin, then done once they stop", async (name) => {
      const f = await fixture();
      const [spec, input] = writes[name](f) as unknown as [typeof updateGeneralInformation, Record<string, string>];
      const before = await snapshotEverything(t.db, f.org.id);
      const refused = await runOrgAction(spec, { db: t.db, userId: f.owner.id, slug: f.org.slug, input, viewAs: { orgId: f.org.id, role: "admin" } });
      expect(refused).toStrictEqual({ ok: false, formError: viewingRefusal("admin") });
      expect(await snapshotEverything(t.db, f.org.id)).toEqual(before);
      expect(await invitationsOf(t.db, f.org.id)).toEqual([]);
      // The very same request without the cookie (they stopped viewing) goes through.
      expect(await runOrgAction(spec, { db: t.db, userId: f.owner.id, slug: f.org.slug, input, viewAs: null })).toMatchObject({ ok: true });
      expect(await snapshotEverything(t.db, f.org.id)).not.toEqual(before);
    });
  });
});

type Fixture = Awaited<ReturnType<typeof fixture>>;
async function fixture() {
  const owner = await makeUser(t.db);
  const org = await makeTeamOrg(t.db, owner);
  const cluster = await makeCluster(t.db, org, { name: `doomed-${uniqueTag().slice(0, 6)}` });
  return { owner, org, cluster };
}

import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, type MockInstance, vi } from "vitest";
import type { Db } from "@/db/client";
import { auditEvents, organizations, type Organization, type User } from "@/db/schema";
import { messages, runOrgAction } from "@/lib/actions/run-action";
import { memberRoles, type MemberRole, minimumRoleFor, roleHasPermission, roleLabels } from "@/lib/authz/permissions";
import { alreadyOnPlan, downgradeRefusal, personalPlanRefusal } from "@/lib/billing/change-plan";
import { loadUsage, overLimits, seatsUsed } from "@/lib/billing/usage";
import { addMember, makeOrgWithEveryRole, makeTeamOrg, makeUser, uniqueTag } from "@/lib/factories";
import { makeCluster } from "@/lib/factories/clusters";
import { makeProject } from "@/lib/factories/projects";
import { inviteMembers } from "@/lib/invitations/invite";
import type { OrgPlan } from "@/lib/orgs/plans";
import { createProjectAction } from "@/lib/projects/actions/projects";
import { changePlan } from "@/lib/billing/actions";
import { type Clients, openClients } from "./support/clients";
import { act, contextOf, snapshotMembership, testAppUrl } from "./support/member-actions";
import { runAs } from "./support/project-actions";
import { useTestDatabase } from "./support/test-database";

// Issue 8, "Must hold": billing.manage × every role × a non-member at the action door (denials
// change nothing), upgrades at once, downgrades refused with what to reduce while usage exceeds the
// new plan, personal organizations kept on Free, owners and admins emailed, and a downgrade racing
// invitations on separate connections never leaving usage above the plan. Parallel invitations
// against the seat limit alone: test/integration/invitations-races.test.ts.

const t = useTestDatabase();
const rounds = 5;
let clients: Clients;
let printed: MockInstance<typeof console.log>;

beforeAll(async () => {
  clients = await openClients(t.url, 8);
});
afterAll(async () => {
  await clients?.close();
});
beforeEach(() => {
  // Without SMTP_URL emails are printed to the log: the notices are read from there.
  printed = vi.spyOn(console, "log").mockImplementation(() => {});
  const errors = vi.spyOn(console, "error").mockImplementation(() => {});
  return () => {
    expect(errors, "no request failed unexpectedly").not.toHaveBeenCalled();
    vi.restoreAllMocks();
  };
});

const db = (i: number) => clients.dbs[i % clients.dbs.length];
const address = (name = "invitee") => `${name}-${uniqueTag()}@example.test`;

function changeAs(user: Pick<User, "id"> | null, org: Pick<Organization, "slug">, plan: string, via: Db = t.db) {
  return runOrgAction(changePlan, { db: via, userId: user?.id ?? null, slug: org.slug, input: { plan } });
}

async function planOf(org: Pick<Organization, "id">): Promise<OrgPlan> {
  const [row] = await t.db.select({ plan: organizations.plan }).from(organizations).where(eq(organizations.id, org.id));
  return row.plan;
}

const planEvents = (orgId: string) =>
  t.db.select().from(auditEvents).where(and(eq(auditEvents.orgId, orgId), eq(auditEvents.action, "billing.plan_change")));

const emailsTo = (email: string) => printed.mock.calls.map(([text]) => String(text)).filter((text) => text.includes(`To: ${email}\n`));

describe("billing.manage at the action door", () => {
  const callers: (MemberRole | "outsider")[] = [...memberRoles, "outsider"];

  it.each(callers)("as %s: an upgrade from Business to Enterprise", async (caller) => {
    const { org, users: people } = await makeOrgWithEveryRole(t.db, { plan: "business" });
    const before = await snapshotMembership(t.db, org.id);
    const result = await changeAs(people[caller], org, "enterprise");

    if (caller === "outsider" || !roleHasPermission(caller, "billing.manage")) {
      const formError = caller === "outsider" ? messages.notFound : messages.forbidden(roleLabels[minimumRoleFor("billing.manage")]);
      expect(result).toStrictEqual({ ok: false, formError });
      expect(await snapshotMembership(t.db, org.id)).toEqual(before);
      return;
    }
    expect(result).toStrictEqual({ ok: true, message: "Upgraded to the Enterprise plan. Its limits apply now." });
    expect(await planOf(org)).toBe("enterprise");
    const [event] = await planEvents(org.id);
    expect(event).toMatchObject({ actorId: people[caller].id, targetType: "organization", targetId: org.id, targetLabel: org.name, before: { plan: "business" }, after: { plan: "enterprise" } });
  });

  it("refuses a signed-out caller and a plan that does not exist, changing nothing", async () => {
    const { org, users: people } = await makeOrgWithEveryRole(t.db, { plan: "business" });
    const before = await snapshotMembership(t.db, org.id);
    expect(await changeAs(null, org, "enterprise")).toStrictEqual({ ok: false, formError: messages.signedOut });
    expect(await changeAs(people.owner, org, "platinum")).toStrictEqual({ ok: false, fieldErrors: { plan: "Choose one of the four plans." }, values: { plan: "platinum" } });
    expect(await snapshotMembership(t.db, org.id)).toEqual(before);
  });
});

describe("upgrades", () => {
  it("Free to Professional applies at once: the fourth seat can be invited right after", async () => {
    const { org, users: people } = await makeOrgWithEveryRole(t.db, { plan: "free" });
    expect(await act(t.db, "invite", people.admin, org, { emails: address(), role: "viewer" })).toMatchObject({ ok: false });
    expect(await changeAs(people.admin, org, "professional")).toMatchObject({ ok: true, message: "Upgraded to the Professional plan. Its limits apply now." });
    expect(await planOf(org)).toBe("professional");
    expect(await act(t.db, "invite", people.admin, org, { emails: address(), role: "viewer" })).toMatchObject({ ok: true });
  });

  it("the same plan again is a no-op: no event, no email", async () => {
    const { org, users: people } = await makeOrgWithEveryRole(t.db, { plan: "business" });
    const before = await snapshotMembership(t.db, org.id);
    printed.mockClear();
    expect(await changeAs(people.owner, org, "business")).toStrictEqual({ ok: true, message: alreadyOnPlan("business") });
    expect(await snapshotMembership(t.db, org.id)).toEqual(before);
    expect(printed).not.toHaveBeenCalled();
  });
});

describe("downgrades", () => {
  it("are refused while usage exceeds the new plan, listing members with pending invitations, clusters and projects", async () => {
    const { org, users: people } = await makeOrgWithEveryRole(t.db, { plan: "professional" });
    expect(await act(t.db, "invite", people.admin, org, { emails: `${address()} ${address()}`, role: "viewer" })).toMatchObject({ ok: true });
    for (let i = 0; i < 3; i++) await makeCluster(t.db, org);
    await makeCluster(t.db, org, { status: "deleting" });
    for (let i = 0; i < 4; i++) await makeProject(t.db, org);
    const before = await snapshotMembership(t.db, org.id);

    const result = await changeAs(people.admin, org, "free");
    expect(result).toMatchObject({
      ok: false,
      formError: `${org.name} uses more than the Free plan allows. Before changing to it: Remove 3 members or pending invitations (6 of 3); Delete 2 clusters (3 of 1); Delete 1 project (4 of 3).`,
    });
    expect(await snapshotMembership(t.db, org.id)).toEqual(before);
  });

  it("are refused by one limit alone and allowed once usage fits, exactly at the limits (a cluster being deleted does not count)", async () => {
    const owner = await makeUser(t.db);
    const org = await makeTeamOrg(t.db, owner, { plan: "business" });
    await addMember(t.db, org, await makeUser(t.db), "developer");
    expect(await act(t.db, "invite", owner, org, { emails: address(), role: "viewer" })).toMatchObject({ ok: true });
    await makeCluster(t.db, org);
    await makeCluster(t.db, org, { status: "deleting" });
    const projects = await Promise.all(Array.from({ length: 4 }, () => makeProject(t.db, org)));

    const usage = await loadUsage(t.db, org.id);
    expect(usage).toEqual({ members: 2, pendingInvitations: 1, clusters: 1, projects: 4 });
    expect(await changeAs(owner, org, "free")).toMatchObject({ ok: false, formError: downgradeRefusal(org.name, "free", overLimits(usage, "free")) });
    expect(await planOf(org)).toBe("business");

    await t.db.execute(sql`delete from projects where id = ${projects[0].id}`);
    expect(await changeAs(owner, org, "free")).toMatchObject({ ok: true, message: "Downgraded to the Free plan. Its limits apply now." });
    expect(await planOf(org)).toBe("free");
    // The Free plan's limits hold from the next write on.
    expect(await act(t.db, "invite", owner, org, { emails: address(), role: "viewer" })).toMatchObject({
      ok: false,
      fieldErrors: { emails: "The Free plan allows 3 members, pending invitations included. 3 seats are used, so you can invite 0 more." },
    });
  });

  it("an invitation authorized before a downgrade committed is checked against the new plan", async () => {
    const owner = await makeUser(t.db);
    const org = await makeTeamOrg(t.db, owner, { plan: "professional" });
    await addMember(t.db, org, await makeUser(t.db), "admin");
    const stale = await contextOf(t.db, owner, org, "member.invite");
    expect(stale.org.plan).toBe("professional");
    expect(await changeAs(owner, org, "free")).toMatchObject({ ok: true });

    expect(await inviteMembers(t.db, stale, { emails: [address(), address()], role: "viewer", appUrl: testAppUrl })).toMatchObject({
      ok: false,
      fieldErrors: { emails: expect.stringMatching(/^The Free plan allows 3 members/) },
    });
  });
});

describe("personal organizations", () => {
  it("stay on Free: the change is refused with the reason and nothing changes", async () => {
    const user = await makeUser(t.db);
    const [personal] = await t.db.select().from(organizations).where(eq(organizations.personalForUserId, user.id));
    const before = await snapshotMembership(t.db, personal.id);
    expect(await changeAs(user, personal, "professional")).toStrictEqual({ ok: false, formError: personalPlanRefusal, values: { plan: "professional" } });
    expect(await snapshotMembership(t.db, personal.id)).toEqual(before);
  });
});

describe("notices", () => {
  it("email every owner and admin, and no one else", async () => {
    const { org, users: people } = await makeOrgWithEveryRole(t.db, { plan: "business" });
    const secondAdmin = await makeUser(t.db);
    await addMember(t.db, org, secondAdmin, "admin");
    printed.mockClear();
    expect(await changeAs(people.admin, org, "professional")).toMatchObject({ ok: true });
    for (const person of [people.owner, people.admin, secondAdmin]) {
      const [mail] = emailsTo(person.email);
      expect(mail).toContain(`Subject: ${org.name} is now on the Professional plan`);
      expect(mail).toContain(`changed the plan of ${org.name} (${org.slug}) from Business to Professional`);
      expect(mail).toContain("- Members (pending invitations count): 25");
    }
    for (const person of [people.developer, people.viewer, people.outsider]) expect(emailsTo(person.email)).toEqual([]);
  });
});

describe("a downgrade racing writes that add usage", () => {
  /** A Professional organization with its owner and one admin: 2 of Free's 3 seats. */
  async function smallTeam() {
    const owner = await makeUser(t.db);
    const org = await makeTeamOrg(t.db, owner, { plan: "professional" });
    const admin = await makeUser(t.db);
    await addMember(t.db, org, admin, "admin");
    return { org, owner, admin };
  }

  it("never ends with more seats than the plan allows, whichever commits first", async () => {
    for (let round = 0; round < rounds; round++) {
      const { org, owner, admin } = await smallTeam();
      const [downgrade, ...invites] = await Promise.all([
        changeAs(owner, org, "free", db(0)),
        ...Array.from({ length: 6 }, (_, i) => act(db(i + 1), "invite", admin, org, { emails: address(`race-${i}`), role: "viewer" })),
      ]);
      const plan = await planOf(org);
      const seats = seatsUsed(await loadUsage(t.db, org.id));
      expect(plan).toBe(downgrade.ok ? "free" : "professional");
      expect(overLimits(await loadUsage(t.db, org.id), plan)).toEqual([]);
      expect(seats).toBe(2 + invites.filter((result) => result.ok).length);
      if (downgrade.ok) expect(seats).toBeLessThanOrEqual(3);
    }
  }, 120_000);

  it("never ends with more projects than the plan allows", async () => {
    for (let round = 0; round < rounds; round++) {
      const { org, owner, admin } = await smallTeam();
      await makeProject(t.db, org);
      const results = await Promise.all([
        changeAs(owner, org, "free", db(0)),
        ...Array.from({ length: 5 }, (_, i) => runAs(db(i + 1), createProjectAction, admin, org, { name: `Race ${i}`, key: `race-${i}-${uniqueTag()}` })),
      ]);
      const plan = await planOf(org);
      expect(plan).toBe(results[0].ok ? "free" : "professional");
      expect(overLimits(await loadUsage(t.db, org.id), plan)).toEqual([]);
    }
  }, 120_000);
});

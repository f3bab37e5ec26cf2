import { and, eq } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { auditEvents, memberships, organizations, users } from "@/db/schema";
import { runOrgAction } from "@/lib/actions/run-action";
import { updateGeneralInformation } from "@/lib/orgs/actions";
import { addMember, makeOrgWithEveryRole, makeTeamOrg, makeUser, uniqueTag } from "@/lib/factories";
import { createTeamOrganization } from "@/lib/orgs/create";
import { organizationDetailsSchema } from "@/lib/orgs/details";
import { listOrganizationsForUser } from "@/lib/orgs/queries";
import { updateOrganizationDetails } from "@/lib/orgs/update-details";
import { createUserWithPersonalOrg, findOrCreateUser } from "@/lib/users/create-user";
import { rejection, snapshotOrg } from "./support/snapshot";
import { useTestDatabase } from "./support/test-database";

const t = useTestDatabase();

afterEach(() => {
  vi.restoreAllMocks();
});

async function membersOf(orgId: string) {
  return t.db.select().from(memberships).where(eq(memberships.orgId, orgId));
}

async function userRow(id: string) {
  const [row] = await t.db.select().from(users).where(eq(users.id, id));
  return row;
}

describe("a user's first sign-in", () => {
  it("creates a personal organization: owner only, Free, kind personal", async () => {
    const tag = uniqueTag();
    const user = await createUserWithPersonalOrg(t.db, { email: ` Ada.${tag}@Example.TEST `, name: " Ada Lovelace " });
    expect(user.email).toBe(`ada.${tag}@example.test`);
    expect(user.name).toBe("Ada Lovelace");

    const personal = await t.db.select().from(organizations).where(eq(organizations.personalForUserId, user.id));
    expect(personal).toHaveLength(1);
    expect(personal[0]).toMatchObject({ kind: "personal", plan: "free", name: "Ada Lovelace" });
    expect(personal[0].slug).toMatch(/^ada-lovelace/);
    expect(await membersOf(personal[0].id)).toEqual([expect.objectContaining({ userId: user.id, role: "owner" })]);
    expect((await userRow(user.id)).lastActiveOrgId).toBe(personal[0].id);
    expect(user.lastActiveOrgId).toBe(personal[0].id);
  });

  it("finds the same user again by email, whatever its case, without a second organization", async () => {
    const email = `grace-${uniqueTag()}@example.test`;
    const first = await findOrCreateUser(t.db, { email, name: "Grace" });
    const again = await findOrCreateUser(t.db, { email: email.toUpperCase(), name: "Someone Else" });
    expect(again.id).toBe(first.id);
    const personal = await t.db.select().from(organizations).where(eq(organizations.personalForUserId, first.id));
    expect(personal).toHaveLength(1);
  });

  it("gives two people with the same name different personal slugs", async () => {
    const a = await makeUser(t.db, { name: "Same Name" });
    const b = await makeUser(t.db, { name: "Same Name" });
    expect(a.lastActiveOrgId).not.toBe(b.lastActiveOrgId);
  });
});

describe("a personal organization", () => {
  it("refuses a second member at the database", async () => {
    const owner = await makeUser(t.db);
    const other = await makeUser(t.db);
    const personalId = owner.lastActiveOrgId!;
    for (const role of ["admin", "developer", "viewer"] as const) {
      const refused = await rejection(t.db.insert(memberships).values({ orgId: personalId, userId: other.id, role }));
      expect(refused.code).toBe("23514");
      expect(refused.message).toContain("a personal organization cannot have members");
    }
    expect(await membersOf(personalId)).toEqual([expect.objectContaining({ userId: owner.id, role: "owner" })]);
  });

  it("refuses demoting its owner and moving to a paid plan", async () => {
    const owner = await makeUser(t.db);
    const personalId = owner.lastActiveOrgId!;
    const demote = await rejection(
      t.db.update(memberships).set({ role: "admin" }).where(and(eq(memberships.orgId, personalId), eq(memberships.userId, owner.id))),
    );
    expect(demote.code).toBe("23514");
    const paid = await rejection(t.db.update(organizations).set({ plan: "professional" }).where(eq(organizations.id, personalId)));
    expect(paid.code).toBe("23514");
  });
});

describe("createTeamOrganization", () => {
  it("makes the creator the owner, remembers it as their active organization, and audits it", async () => {
    const creator = await makeUser(t.db);
    const slug = `acme-${uniqueTag()}`;
    const result = await createTeamOrganization(t.db, creator, { name: "Acme", slug, plan: "professional" });
    if (!result.ok) throw new Error("expected the organization to be created");
    expect(result.org).toMatchObject({ name: "Acme", slug, kind: "team", plan: "professional", personalForUserId: null });
    expect(await membersOf(result.org.id)).toEqual([expect.objectContaining({ userId: creator.id, role: "owner" })]);
    expect((await userRow(creator.id)).lastActiveOrgId).toBe(result.org.id);

    const events = await t.db.select().from(auditEvents).where(eq(auditEvents.orgId, result.org.id));
    expect(events).toEqual([
      expect.objectContaining({
        action: "org.create",
        actorId: creator.id,
        targetType: "organization",
        targetId: result.org.id,
        origin: "ui",
        after: { name: "Acme", slug, plan: "professional" },
      }),
    ]);
  });

  it("returns slugTaken for a duplicate slug and writes nothing", async () => {
    const first = await makeUser(t.db);
    const taken = await makeTeamOrg(t.db, first);
    const second = await makeUser(t.db);
    const orgsBefore = await t.db.$count(organizations);
    const auditBefore = await t.db.$count(auditEvents);

    const result = await createTeamOrganization(t.db, second, { name: "Copycat", slug: taken.slug, plan: "free" });
    expect(result).toStrictEqual({ ok: false, slugTaken: true });
    expect(await t.db.$count(organizations)).toBe(orgsBefore);
    expect(await t.db.$count(auditEvents)).toBe(auditBefore);
    expect((await userRow(second.id)).lastActiveOrgId).toBe(second.lastActiveOrgId);
  });
});

describe("General Information through the action door", () => {
  // The very action the settings page runs (lib/orgs/actions.ts).
  const submit = (userId: string, slug: string, input: Record<string, string>) =>
    runOrgAction(updateGeneralInformation, { db: t.db, userId, slug, input });

  it("lets an admin change the row and records before and after", async () => {
    const { org, users: people } = await makeOrgWithEveryRole(t.db);
    const newSlug = `acme-${uniqueTag()}`;
    const result = await submit(people.admin.id, org.slug, {
      name: "Acme Robotics",
      slug: newSlug,
      description: "  We build robots.  ",
      website: "acme.test",
      adminContactEmails: "Ops@acme.test, billing@acme.test, ops@ACME.test",
    });
    expect(result).toStrictEqual({
      ok: true,
      message: "General information updated. The organization has a new URL.",
      redirectTo: `/orgs/${newSlug}/settings/general`,
    });

    const [row] = await t.db.select().from(organizations).where(eq(organizations.id, org.id));
    expect(row).toMatchObject({
      name: "Acme Robotics",
      slug: newSlug,
      description: "We build robots.",
      website: "https://acme.test",
      adminContactEmails: ["ops@acme.test", "billing@acme.test"],
    });
    expect(row.updatedAt.getTime()).toBeGreaterThan(org.updatedAt.getTime());

    const events = await t.db.select().from(auditEvents).where(and(eq(auditEvents.orgId, org.id), eq(auditEvents.action, "org.update")));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorId: people.admin.id, targetId: org.id, targetLabel: "Acme Robotics" });
    expect(events[0].before).toEqual({
      name: org.name,
      slug: org.slug,
      description: "",
      website: "",
      adminContactEmails: [],
    });
    expect(events[0].after).toEqual({
      name: "Acme Robotics",
      slug: newSlug,
      description: "We build robots.",
      website: "https://acme.test",
      adminContactEmails: ["ops@acme.test", "billing@acme.test"],
    });
  });

  it("records only the fields that changed, and nothing when nothing changed", async () => {
    const { org, users: people } = await makeOrgWithEveryRole(t.db);
    const same = { name: org.name, slug: org.slug, description: "", website: "", adminContactEmails: "" };
    expect(await submit(people.owner.id, org.slug, same)).toStrictEqual({ ok: true, message: "Nothing to update: no field changed." });
    expect(await submit(people.owner.id, org.slug, { ...same, description: "New" })).toMatchObject({ ok: true });

    const events = await t.db.select().from(auditEvents).where(and(eq(auditEvents.orgId, org.id), eq(auditEvents.action, "org.update")));
    expect(events).toHaveLength(1);
    expect(events[0].before).toEqual({ description: "" });
    expect(events[0].after).toEqual({ description: "New" });
  });

  it("returns a taken slug as a field error, not a throw, and changes nothing", async () => {
    const { org, users: people } = await makeOrgWithEveryRole(t.db);
    const other = await makeTeamOrg(t.db, people.outsider);
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const before = await snapshotOrg(t.db, org.id);

    const input = { name: "Renamed", slug: other.slug, description: "", website: "", adminContactEmails: "" };
    const result = await submit(people.admin.id, org.slug, input);
    expect(result).toStrictEqual({ ok: false, fieldErrors: { slug: "Another organization already uses this slug. Choose another one." }, values: input });
    expect(logged).not.toHaveBeenCalled();
    expect(await snapshotOrg(t.db, org.id)).toEqual(before);
  });

  it("returns invalid input as field errors and changes nothing", async () => {
    const { org, users: people } = await makeOrgWithEveryRole(t.db);
    const before = await snapshotOrg(t.db, org.id);
    const result = await submit(people.admin.id, org.slug, {
      name: "",
      slug: "settings",
      description: "",
      website: "",
      adminContactEmails: "ops@acme.test, nope",
    });
    expect(result).toMatchObject({
      ok: false,
      fieldErrors: {
        name: "Enter the company name.",
        slug: "This slug is reserved. Choose another one.",
        adminContactEmails: "Not a valid email address: nope.",
      },
    });
    expect(await snapshotOrg(t.db, org.id)).toEqual(before);
  });

  it("scopes the update to the organization in the URL", async () => {
    const { org, users: people } = await makeOrgWithEveryRole(t.db);
    const bystander = await makeTeamOrg(t.db, people.outsider);
    await addMember(t.db, bystander, people.admin, "viewer");
    const untouched = await snapshotOrg(t.db, bystander.id);
    await submit(people.admin.id, org.slug, { name: "Only This One", slug: org.slug, description: "", website: "", adminContactEmails: "" });
    expect(await snapshotOrg(t.db, bystander.id)).toEqual(untouched);
  });
});

describe("the switcher's search", () => {
  it("finds the personal organization by the words 'personal organization' or their beginning, and only the caller's", async () => {
    const tag = uniqueTag();
    const user = await makeUser(t.db, { name: `Quinn ${tag}` });
    const other = await makeUser(t.db, { name: `Rae ${tag}` });
    const team = await makeTeamOrg(t.db, user, { name: `Zephyr ${tag}` });
    const personalNamed = await makeTeamOrg(t.db, user, { name: `Personal Finance ${tag}` });
    const names = async (query: string) => (await listOrganizationsForUser(t.db, user.id, { query })).organizations.map((o) => o.name);

    for (const query of ["personal", "PERS", "  Personal   organization ", "p"]) {
      const found = await listOrganizationsForUser(t.db, user.id, { query });
      expect(found.organizations[0], query).toMatchObject({ kind: "personal", name: `Quinn ${tag}` });
      expect(found.organizations.map((o) => o.name), query).not.toContain(`Rae ${tag}`);
    }
    // The word still finds organizations named with it, after the personal one.
    expect(await names("personal")).toEqual([`Quinn ${tag}`, personalNamed.name]);
    // Anything else matches names and slugs only.
    expect(await names("personal team")).toEqual([]);
    expect(await names("organization")).toEqual([]);
    expect(await names(`zephyr ${tag}`)).toEqual([team.name]);
    expect((await listOrganizationsForUser(t.db, user.id, { query: "personal" })).total).toBe(2);
  });
});

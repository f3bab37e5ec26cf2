import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, type MockInstance, vi } from "vitest";
import { organizations, type Organization, type User, users } from "@/db/schema";
import { messages, runOrgAction } from "@/lib/actions/run-action";
import { memberRoles, type MemberRole, minimumRoleFor, roleHasPermission, roleLabels } from "@/lib/authz/permissions";
import { makeOrgWithEveryRole, makeUser, uniqueTag } from "@/lib/factories";
import { makeCluster } from "@/lib/factories/clusters";
import { personalOrgRefusal } from "@/lib/orgs/deletion";
import { deleteOrganization } from "@/lib/orgs/actions";
import { act, snapshotMembership } from "./support/member-actions";
import { referencesToOrganizations, rowsReferencing } from "./support/org-rows";
import { useTestDatabase } from "./support/test-database";

// Issue 5, "Must hold": org.delete × every role × a non-member at the action door, the typed slug
// checked by the server, and a deletion that leaves no row of the organization in any table that
// references it (found in the catalogue, so later tables are covered too).

const t = useTestDatabase();
let printed: MockInstance<typeof console.log>;

beforeAll(() => {
  // Without SMTP_URL emails are printed to the log: the admins' notices are read from there.
  printed = vi.spyOn(console, "log").mockImplementation(() => {});
});

function deleteAs(user: Pick<User, "id"> | null, org: Pick<Organization, "slug">, input: Record<string, string>) {
  return runOrgAction(deleteOrganization, { db: t.db, userId: user?.id ?? null, slug: org.slug, input });
}

/** An organization with rows in every table the members work writes: people, invitations, history. */
async function busyOrg() {
  const built = await makeOrgWithEveryRole(t.db);
  const { org, users: people } = built;
  const tag = uniqueTag();
  await act(t.db, "invite", people.admin, org, { emails: `pending-${tag}@example.test, revoked-${tag}@example.test`, role: "viewer" });
  await act(t.db, "changeRole", people.admin, org, { userId: people.viewer.id, role: "developer" });
  await t.db.update(users).set({ lastActiveOrgId: org.id }).where(eq(users.id, people.developer.id));
  return built;
}

const emailsTo = (address: string) => printed.mock.calls.map(([text]) => String(text)).filter((text) => text.includes(`To: ${address}\n`));

describe("org.delete at the action door", () => {
  const callers: (MemberRole | "outsider")[] = [...memberRoles, "outsider"];

  it.each(callers)("as %s", async (caller) => {
    const { org, users: people } = await busyOrg();
    const before = await snapshotMembership(t.db, org.id);
    const result = await deleteAs(people[caller], org, { confirmSlug: org.slug });

    if (caller === "outsider" || !roleHasPermission(caller, "org.delete")) {
      const formError = caller === "outsider" ? messages.notFound : messages.forbidden(roleLabels[minimumRoleFor("org.delete")]);
      expect(result).toStrictEqual({ ok: false, formError });
      expect(await snapshotMembership(t.db, org.id)).toEqual(before);
      return;
    }
    const [personal] = await t.db.select().from(organizations).where(eq(organizations.personalForUserId, people.owner.id));
    expect(result).toStrictEqual({
      ok: true,
      message: `${org.name} was deleted, with 4 members, 2 pending invitations and ${before.audit.length} audit events.`,
      redirectTo: `/orgs/${personal.slug}`,
    });
    expect(await snapshotMembership(t.db, org.id)).toEqual({ org: null, members: [], invitations: [], audit: [] });
  });

  it("refuses a signed-out caller", async () => {
    const { org } = await busyOrg();
    expect(await deleteAs(null, org, { confirmSlug: org.slug })).toStrictEqual({ ok: false, formError: messages.signedOut });
  });
});

describe("what the server checks, whatever the page did", () => {
  it.each([
    ["an empty confirmation", ""],
    ["another organization's slug", "acme"],
    ["the name instead of the slug", null],
    ["the slug in capitals", "upper"],
  ])("refuses %s and changes nothing", async (_label, typed) => {
    const { org, users: people } = await busyOrg();
    const confirmSlug = typed === null ? org.name : typed === "upper" ? org.slug.toUpperCase() : typed;
    const before = await snapshotMembership(t.db, org.id);
    const result = await deleteAs(people.owner, org, { confirmSlug });
    expect(result).toStrictEqual({ ok: false, fieldErrors: { confirmSlug: `Type ${org.slug} to confirm.` }, values: { confirmSlug } });
    expect(await snapshotMembership(t.db, org.id)).toEqual(before);
  });

  it("refuses a confirmation field that is missing altogether", async () => {
    const { org, users: people } = await busyOrg();
    const result = await deleteAs(people.owner, org, {});
    expect(result).toMatchObject({ ok: false, fieldErrors: { confirmSlug: expect.any(String) } });
    expect((await t.db.select().from(organizations).where(eq(organizations.id, org.id))).length).toBe(1);
  });

  it("never deletes a personal organization", async () => {
    const user = await makeUser(t.db);
    const [personal] = await t.db.select().from(organizations).where(eq(organizations.personalForUserId, user.id));
    const before = await snapshotMembership(t.db, personal.id);
    expect(await deleteAs(user, personal, { confirmSlug: personal.slug })).toMatchObject({ ok: false, formError: personalOrgRefusal });
    expect(await snapshotMembership(t.db, personal.id)).toEqual(before);
  });

  it("waits for a cluster busy with another action (org-guided-deletion.test.ts covers the teardown)", async () => {
    const { org, users: people } = await busyOrg();
    const busy = await makeCluster(t.db, org, { status: "installing" });
    await makeCluster(t.db, org, { status: "deleting" });
    const before = await snapshotMembership(t.db, org.id);
    const result = await deleteAs(people.owner, org, { confirmSlug: org.slug });
    expect(result).toMatchObject({ ok: false, formError: expect.stringContaining(`${busy.name} (installing)`) });
    expect(await snapshotMembership(t.db, org.id)).toEqual(before);
  });
});

describe("a deleted organization leaves nothing behind", () => {
  it("every reference to organizations in the catalogue cascades or clears", async () => {
    const references = await referencesToOrganizations(t.db);
    // The catalogue query finds what is known today; later tables join this list by themselves.
    expect(references.map((r) => r.table)).toEqual(expect.arrayContaining(["memberships", "invitations", "clusters", "cluster_jobs", "audit_events", "users"]));
    for (const reference of references) expect([reference.table, reference.onDelete]).toEqual([reference.table, expect.stringMatching(/^(cascade|set null)$/)]);
  });

  it("no table keeps a row of the deleted organization, other organizations keep theirs", async () => {
    const { org, users: people } = await busyOrg();
    const neighbour = await busyOrg();
    const before = await rowsReferencing(t.db, org.id);
    expect(Object.values(before).some((n) => n > 0)).toBe(true);
    const neighbourBefore = await rowsReferencing(t.db, neighbour.org.id);

    expect(await deleteAs(people.owner, org, { confirmSlug: org.slug })).toMatchObject({ ok: true });

    const after = await rowsReferencing(t.db, org.id);
    expect(after).toEqual(Object.fromEntries(Object.keys(before).map((key) => [key, 0])));
    expect(await rowsReferencing(t.db, neighbour.org.id)).toEqual(neighbourBefore);
    // People are not the organization's: every former member keeps their account.
    for (const person of Object.values(people)) expect((await t.db.select().from(users).where(eq(users.id, person.id))).length).toBe(1);
  });

  it("emails every admin, and only admins", async () => {
    const { org, users: people } = await busyOrg();
    const secondAdmin = await makeUser(t.db, { name: "Second Admin" });
    await act(t.db, "changeRole", people.owner, org, { userId: people.developer.id, role: "admin" });
    printed.mockClear();
    expect(await deleteAs(people.owner, org, { confirmSlug: org.slug })).toMatchObject({ ok: true });
    for (const admin of [people.admin, people.developer]) {
      const [mail] = emailsTo(admin.email);
      expect(mail).toContain(`Subject: ${org.name} was deleted from Org Console`);
      expect(mail).toContain(`Olivia Owner, the owner, deleted the organization ${org.name} (${org.slug})`);
    }
    for (const other of [people.owner, people.viewer, secondAdmin]) expect(emailsTo(other.email)).toEqual([]);
  });
});

import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Organization, User } from "@/db/schema";

// Issue 12: the audit log's rows no longer carry their before/after values; the Details dialog
// fetches one event from GET …/audit-log/events/[id]. Its door is the page's (audit.read on the
// URL's organization, from the database), and the event is looked up by id AND organization.

vi.mock("@/lib/auth", async () => (await import("./support/fake-auth")).fakeAuthModule());

const { useTestDatabase } = await import("./support/test-database");
const { useAuditLogDoors } = await import("./support/audit-log");
const { session } = await import("./support/fake-session");
const { testAppUrl } = await import("./support/member-actions");
const { makeOrgWithEveryRole, uniqueTag } = await import("@/lib/factories");
const { messages } = await import("@/lib/actions/run-action");
const { GET } = await import("@/app/(console)/orgs/[slug]/settings/audit-log/events/[id]/route");

const t = useTestDatabase();
useAuditLogDoors(t);

function detailsAs(user: Pick<User, "id"> | null, slug: string, id: string) {
  session.userId = user?.id ?? null;
  return GET(new Request(`${testAppUrl}/orgs/${slug}/settings/audit-log/events/${id}`), { params: Promise.resolve({ slug, id }) });
}

async function insertRoleChange(org: Organization, actor: User): Promise<string> {
  const rows = (await t.db.execute(sql`
    insert into audit_events (org_id, actor_id, actor_label, action, target_type, target_label, origin, before, after)
    values (${org.id}, ${actor.id}, ${`${actor.name} <${actor.email}>`}, 'member.role_change', 'member', 'Dana Developer <dana@example.test>', 'ui',
            '{"role":"developer"}', '{"role":"viewer"}')
    returning id`)) as unknown as { id: string }[];
  return String(rows[0].id);
}

describe("GET an audit event's details", () => {
  let org: Organization;
  let people: Awaited<ReturnType<typeof makeOrgWithEveryRole>>["users"];
  let eventId: string;
  beforeAll(async () => {
    ({ org, users: people } = await makeOrgWithEveryRole(t.db));
    eventId = await insertRoleChange(org, people.admin);
  });

  it.each(["owner", "admin"] as const)("gives the %s the event's before and after values", async (role) => {
    const response = await detailsAs(people[role], org.slug, eventId);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("application/json");
    expect(await response.json()).toMatchObject({
      id: Number(eventId),
      action: "member.role_change",
      actionLabel: "Role changed",
      description: "Adam Admin changed Dana Developer's role from Developer to Viewer",
      target: { typeLabel: "Member", label: "Dana Developer <dana@example.test>" },
      originLabel: "Web console",
      before: { role: "developer" },
      after: { role: "viewer" },
    });
  });

  it.each(["developer", "viewer"] as const)("refuses the %s with 403, saying the role it takes", async (role) => {
    const response = await detailsAs(people[role], org.slug, eventId);
    expect(response.status).toBe(403);
    expect(await response.text()).toBe(messages.forbidden("Admin"));
  });

  it("answers a non-member, a missing organization and the signed-out as it does for the page's other routes", async () => {
    const outsider = await detailsAs(people.outsider, org.slug, eventId);
    expect(outsider.status).toBe(404);
    expect(await outsider.text()).toBe(messages.notFound);
    expect((await detailsAs(people.owner, `missing-${uniqueTag()}`, eventId)).status).toBe(404);
    expect((await detailsAs(null, org.slug, eventId)).status).toBe(401);
  });

  it("does not show another organization's event, even to its own owner asking through this one", async () => {
    const { org: other, users: others } = await makeOrgWithEveryRole(t.db);
    const theirs = await insertRoleChange(other, others.admin);
    const response = await detailsAs(people.owner, org.slug, theirs);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain("role");
    // Their owner is not a member here: the organization itself is not found for them.
    expect((await detailsAs(others.owner, org.slug, theirs)).status).toBe(404);
    expect((await detailsAs(others.owner, other.slug, theirs)).status).toBe(200);
  });

  it.each(["abc", "0", "-1", "1.5", "99999999999999999999", "1e3", " 1", "%27"])("answers a malformed id (%s) with 404, not a server error", async (id) => {
    const response = await detailsAs(people.owner, org.slug, id);
    expect(response.status).toBe(404);
  });

  it("answers an id no event has with 404", async () => {
    expect((await detailsAs(people.owner, org.slug, String(Number(eventId) + 1_000_000))).status).toBe(404);
  });
});

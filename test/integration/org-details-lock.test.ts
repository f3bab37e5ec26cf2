import { and, asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents, organizations } from "@/db/schema";
import { runOrgAction } from "@/lib/actions/run-action";
import { staleAccess } from "@/lib/authz/org-transaction";
import { makeOrgWithEveryRole } from "@/lib/factories";
import { updateGeneralInformation } from "@/lib/orgs/actions";
import { holdOrgLock } from "./support/org-lock";
import { snapshotOrg } from "./support/snapshot";
import { useTestDatabase } from "./support/test-database";

// General Information runs in the one transaction helper every organization write uses: the row
// is locked, the caller's role re-read under the lock, and "before" read as committed then.

const t = useTestDatabase();

const submit = (userId: string, slug: string, input: Record<string, string>) =>
  runOrgAction(updateGeneralInformation, { db: t.db, userId, slug, input });

const details = (name: string, slug: string, description: string) => ({ name, slug, description, website: "", adminContactEmails: "" });

describe("General Information under the organization lock", () => {
  it("refuses the in-flight update of an admin demoted while it waited, and changes nothing", async () => {
    const { org, users: people } = await makeOrgWithEveryRole(t.db);
    const before = await snapshotOrg(t.db, org.id);
    const lock = await holdOrgLock(t.url, org.id);
    try {
      const update = submit(people.admin.id, org.slug, details("Renamed by a demoted admin", org.slug, "Should never land"));
      await lock.waitForWaiters(1);
      await lock.sql`update memberships set role = 'viewer' where org_id = ${org.id} and user_id = ${people.admin.id}`;
      await lock.release();
      expect(await update).toMatchObject({ ok: false, formError: staleAccess });
    } finally {
      await lock.release().catch(() => {});
    }
    const after = await snapshotOrg(t.db, org.id);
    expect(after.org).toEqual(before.org);
    expect(after.audit).toEqual(before.audit);
  });

  it("records true before values for ten concurrent updates", async () => {
    const { org, users: people } = await makeOrgWithEveryRole(t.db);
    const descriptions = Array.from({ length: 10 }, (_, i) => `Version ${i + 1}`);
    const results = await Promise.all(
      descriptions.map((description, i) => submit(i % 2 ? people.owner.id : people.admin.id, org.slug, details(org.name, org.slug, description))),
    );
    expect(results.every((result) => result.ok)).toBe(true);

    const events = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.orgId, org.id), eq(auditEvents.action, "org.update")))
      .orderBy(asc(auditEvents.id));
    expect(events).toHaveLength(10);
    // Each event's "before" is what the previous one wrote: one unbroken chain from the original
    // description to the one the row holds now.
    let current: unknown = org.description;
    for (const event of events) {
      expect((event.before as { description: unknown }).description).toEqual(current);
      current = (event.after as { description: unknown }).description;
    }
    const [row] = await t.db.select().from(organizations).where(eq(organizations.id, org.id));
    expect(row.description).toBe(current);
    expect(new Set(events.map((event) => (event.after as { description: unknown }).description))).toEqual(new Set(descriptions));
  });
});

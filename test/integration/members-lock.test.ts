import { sql } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { messages } from "@/lib/actions/run-action";
import { addMember, makeOrgWithEveryRole, makeUser, uniqueTag } from "@/lib/factories";
import { staleAccess } from "@/lib/authz/org-transaction";
import { auditBreakerName, installAuditBreaker } from "./support/audit-breaker";
import { act, roleOf, snapshotMembership } from "./support/member-actions";
import { holdOrgLock } from "./support/org-lock";
import { useTestDatabase } from "./support/test-database";

// The two guarantees under every member change: the caller's role is re-read once the
// organization's lock is held, and the change and its audit event share one transaction.

const t = useTestDatabase();

afterEach(() => {
  vi.restoreAllMocks();
});

/** Runs a call that must be refused with `formError`, and checks nothing changed. */
async function expectRefused(orgId: string, run: () => ReturnType<typeof act>, formError: string) {
  const before = await snapshotMembership(t.db, orgId);
  expect(await run()).toMatchObject({ ok: false, formError });
  expect(await snapshotMembership(t.db, orgId)).toEqual(before);
}

describe("the re-check under the organization lock", () => {
  // Every change locks the organization row, then re-reads the caller's role: the role `authorize`
  // saw may have changed while the request waited for the lock. A request queued behind a
  // demotion must see the demotion.
  it("a request that waited behind a demotion acts with the new role", async () => {
    const { org, users: people } = await makeOrgWithEveryRole(t.db);
    const lock = await holdOrgLock(t.url, org.id);
    try {
      await lock.sql`update memberships set role = 'viewer' where org_id = ${org.id} and user_id = ${people.admin.id}`;
      const removal = act(t.db, "remove", people.admin, org, { userId: people.developer.id });
      await lock.waitForWaiters(1);
      await lock.release();
      expect(await removal).toMatchObject({ ok: false, formError: staleAccess });
    } finally {
      await lock.release().catch(() => {});
    }
    expect(await roleOf(t.db, org, people.developer)).toBe("developer");
    expect(await roleOf(t.db, org, people.admin)).toBe("viewer");
  });

  it("a transfer that waited behind another transfer is refused cleanly", async () => {
    const { org, users: people } = await makeOrgWithEveryRole(t.db);
    const lock = await holdOrgLock(t.url, org.id);
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      await lock.sql`update memberships set role = 'admin' where org_id = ${org.id} and user_id = ${people.owner.id}`;
      await lock.sql`update memberships set role = 'owner' where org_id = ${org.id} and user_id = ${people.admin.id}`;
      const transfer = act(t.db, "transfer", people.owner, org, { userId: people.developer.id, confirmEmail: people.developer.email });
      await lock.waitForWaiters(1);
      await lock.release();
      expect(await transfer).toMatchObject({ ok: false, formError: "Only the owner can transfer ownership." });
    } finally {
      await lock.release().catch(() => {});
    }
    expect(errors).not.toHaveBeenCalled();
    expect(await roleOf(t.db, org, people.admin)).toBe("owner");
    expect(await roleOf(t.db, org, people.developer)).toBe("developer");
  });
});

describe("every member change writes its audit event in the same transaction", () => {
  it("a refused audit event undoes the change", async () => {
    await installAuditBreaker(t.db);
    vi.spyOn(console, "error").mockImplementation(() => {});
    const { org, users: people } = await makeOrgWithEveryRole(t.db);
    const breaker = await makeUser(t.db, { name: `${auditBreakerName} ${uniqueTag()}` });
    await addMember(t.db, org, breaker, "admin");
    const attempts = [
      () => act(t.db, "changeRole", breaker, org, { userId: people.viewer.id, role: "developer" }),
      () => act(t.db, "remove", breaker, org, { userId: people.viewer.id }),
      () => act(t.db, "leave", breaker, org),
    ];
    for (const attempt of attempts) await expectRefused(org.id, attempt, messages.unexpected);

    // The owner's transfer to the breaker is written by the owner: make the breaker the owner
    // first, through the database, then let the breaker transfer away.
    await t.db.transaction(async (tx) => {
      await tx.execute(sql`update memberships set role = 'admin' where org_id = ${org.id} and user_id = ${people.owner.id}`);
      await tx.execute(sql`update memberships set role = 'owner' where org_id = ${org.id} and user_id = ${breaker.id}`);
    });
    await expectRefused(org.id, () => act(t.db, "transfer", breaker, org, { userId: people.admin.id, confirmEmail: people.admin.email }), messages.unexpected);
    expect(await roleOf(t.db, org, breaker)).toBe("owner");
    expect(await roleOf(t.db, org, people.admin)).toBe("admin");
  });
});

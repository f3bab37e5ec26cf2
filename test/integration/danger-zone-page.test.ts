import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/client";

// The Danger Zone's loader through its real door: the owner's delete button is held back only by
// a cluster busy with another action (read as "is there one", not the whole fleet), and a guided
// deletion under way lists every cluster left to tear down.

vi.mock("@/lib/auth", async () => (await import("./support/fake-auth")).fakeAuthModule());

const { useTestDatabase } = await import("./support/test-database");
const { session } = await import("./support/fake-session");
const { makeOrgWithEveryRole } = await import("@/lib/factories");
const { makeCluster } = await import("@/lib/factories/clusters");
const { organizations } = await import("@/db/schema");
const { loadDangerZonePage } = await import("@/lib/pages/danger-zone-page");

const t = useTestDatabase();
const holder = globalThis as { __orgConsoleDb?: Promise<{ db: Db; close: () => Promise<void> }> };
beforeAll(() => {
  holder.__orgConsoleDb = Promise.resolve({ db: t.db, close: async () => {} });
});

describe("the Danger Zone's deletion state", () => {
  it.each([
    ["no cluster", [], "allowed"],
    ["running and stopped clusters", ["running", "stopped", "error"], "allowed"],
    ["a cluster being deleted on its own", ["running", "deleting"], "allowed"],
    ["a cluster updating", ["running", "updating"], "busy"],
    ["a cluster installing", ["installing"], "busy"],
  ] as const)("with %s the owner's state is %s", async (_name, statuses, state) => {
    const { org, users } = await makeOrgWithEveryRole(t.db, { plan: "business" });
    for (const status of statuses) await makeCluster(t.db, org, { status });
    session.userId = users.owner.id;
    const page = await loadDangerZonePage(org.slug);
    expect(page.deletion?.state).toBe(state);
    expect(page.teardown).toBeNull();
    session.userId = users.admin.id;
    expect((await loadDangerZonePage(org.slug)).deletion?.state).toBe("owner-only");
  });

  it("while a guided deletion runs, every cluster left is listed for the teardown card", async () => {
    const { org, users } = await makeOrgWithEveryRole(t.db, { plan: "business" });
    const left = [await makeCluster(t.db, org, { name: "a-left", status: "deleting" }), await makeCluster(t.db, org, { name: "b-left", status: "error", statusReason: "Quota" })];
    await t.db.update(organizations).set({ deletionRequestedAt: new Date(), deletionRequestedBy: users.owner.id }).where(eq(organizations.id, org.id));
    session.userId = users.owner.id;
    const page = await loadDangerZonePage(org.slug);
    expect(page.teardown?.clusters.map((cluster) => cluster.id)).toEqual(left.map((cluster) => cluster.id));
    expect(page.teardown).toMatchObject({ canRetry: true, canCancel: false });
  });
});

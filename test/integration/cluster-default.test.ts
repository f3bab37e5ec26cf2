import { and, eq, inArray, sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

// Sealing needs a key; lib/env.ts reads it when first imported, so it is set before any import.
vi.hoisted(() => {
  process.env.KUBECONFIG_ENCRYPTION_KEY = Buffer.alloc(32, 5).toString("base64");
});

const { clusterJobs, clusters } = await import("@/db/schema");
const { makeOrgWithEveryRole } = await import("@/lib/factories");
const { makeCluster } = await import("@/lib/factories/clusters");
const { localEngine } = await import("@/lib/clusters/engine/local");
const { EngineError } = await import("@/lib/clusters/engine/types");
const { openClients } = await import("./support/clients");
const { releasedTogether } = await import("./support/table-gate");
const { actOnCluster, clusterRow, newClusterForm, runQueuedJobs, snapshotClusters } = await import("./support/cluster-actions");
const { rejection } = await import("./support/snapshot");
const { useTestDatabase } = await import("./support/test-database");

// Issue 4: at most one default cluster per organization (the database enforces it), the first
// cluster installed becomes the default, "Set as default" moves it, and deleting the default asks
// which cluster takes over. Through the action door and the job runner on real PostgreSQL.

const t = useTestDatabase();
const fastEngine = localEngine(0.001);
// The race test loops over rounds inside one test: generous on a machine busy with other test files.
const raceTimeout = 120_000;

beforeEach(() => {
  const errors = vi.spyOn(console, "error").mockImplementation(() => {});
  return () => {
    expect(errors, "no action failed unexpectedly").not.toHaveBeenCalled();
    vi.restoreAllMocks();
  };
});

// Jobs a test queued and did not run are set aside after it, so that the next test's runner calls
// (runQueuedJobs) run that test's jobs only.
afterEach(async () => {
  await t.db.update(clusterJobs).set({ status: "done", lastError: "set aside by the test" }).where(inArray(clusterJobs.status, ["queued", "running"]));
});

async function defaultsOf(orgId: string) {
  const rows = await t.db.select({ name: clusters.name }).from(clusters).where(and(eq(clusters.orgId, orgId), eq(clusters.isDefault, true)));
  return rows.map((row) => row.name);
}

describe("the default cluster", () => {
  it("at most one per organization: the database refuses a second", async () => {
    const { org } = await makeOrgWithEveryRole(t.db);
    const first = await makeCluster(t.db, org, { isDefault: true });
    const second = await makeCluster(t.db, org);
    const inserted = await rejection(makeCluster(t.db, org, { isDefault: true }));
    expect(inserted.code).toBe("23505");
    expect(inserted.message).toContain("clusters_one_default_per_org");
    const updated = await rejection(t.db.update(clusters).set({ isDefault: true }).where(eq(clusters.id, second.id)));
    expect(updated.code).toBe("23505");
    expect(await defaultsOf(org.id)).toEqual([first.name]);
    // Another organization has its own default.
    const other = await makeOrgWithEveryRole(t.db);
    await makeCluster(t.db, other.org, { isDefault: true });
  });

  it("the first cluster installed becomes the default; later ones do not", async () => {
    const { org, users } = await makeOrgWithEveryRole(t.db);
    expect(await actOnCluster(t.db, "create", users.admin, org, newClusterForm({ name: "first" }))).toMatchObject({ ok: true });
    expect(await actOnCluster(t.db, "create", users.admin, org, newClusterForm({ name: "second" }))).toMatchObject({ ok: true });
    // Nothing is the default while installing.
    expect(await defaultsOf(org.id)).toEqual([]);
    await runQueuedJobs(t.db, fastEngine);
    expect(await defaultsOf(org.id)).toEqual(["first"]);
    expect(await actOnCluster(t.db, "create", users.admin, org, newClusterForm({ name: "third" }))).toMatchObject({ ok: true });
    await runQueuedJobs(t.db, fastEngine);
    const after = await snapshotClusters(t.db, org.id);
    expect(after.clusters.map((c) => [c.name, c.status, c.isDefault]).sort()).toEqual([
      ["first", "running", true],
      ["second", "running", false],
      ["third", "running", false],
    ]);
  });

  it("when the first install fails, the first one that succeeds becomes the default", async () => {
    const { org, users } = await makeOrgWithEveryRole(t.db);
    expect(await actOnCluster(t.db, "create", users.admin, org, newClusterForm({ name: "doomed" }))).toMatchObject({ ok: true });
    await runQueuedJobs(t.db, { name: "failing", perform: async () => Promise.reject(new EngineError("no capacity")) });
    expect(await actOnCluster(t.db, "create", users.admin, org, newClusterForm({ name: "lucky" }))).toMatchObject({ ok: true });
    await runQueuedJobs(t.db, fastEngine);
    expect(await defaultsOf(org.id)).toEqual(["lucky"]);
  });

  it("installs finishing at once on separate connections leave exactly one default, repeated", async () => {
    const clients = await openClients(t.url, 6);
    try {
      for (let round = 0; round < 4; round++) {
        const { org, users } = await makeOrgWithEveryRole(t.db);
        for (let i = 0; i < 6; i++) expect(await actOnCluster(t.db, "create", users.admin, org, newClusterForm({ name: `c${i}` }))).toMatchObject({ ok: true });
        // Each runner takes one install and reaches the settling step (behind the organization's
        // lock) at the same time as the others.
        await releasedTogether(t.url, "organizations", clients.dbs.map((db, i) => () => runQueuedJobs(db, fastEngine, `runner-${i}`)));
        const after = await snapshotClusters(t.db, org.id);
        expect(after.clusters.every((c) => c.status === "running")).toBe(true);
        expect(after.clusters.filter((c) => c.isDefault)).toHaveLength(1);
      }
    } finally {
      await clients.close();
    }
  }, raceTimeout);

  it("set as default moves the badge, with an audit event; the current default or a busy cluster is not moved to", async () => {
    const { org, users } = await makeOrgWithEveryRole(t.db);
    const a = await makeCluster(t.db, org, { name: "a", isDefault: true });
    const b = await makeCluster(t.db, org, { name: "b", status: "stopped" });
    const installing = await makeCluster(t.db, org, { name: "fresh", status: "installing" });
    const deleting = await makeCluster(t.db, org, { name: "leaving", status: "deleting" });

    expect(await actOnCluster(t.db, "setDefault", users.admin, org, { clusterId: b.id })).toStrictEqual({ ok: true, message: "b is now the default cluster." });
    expect(await defaultsOf(org.id)).toEqual(["b"]);
    const moved = await snapshotClusters(t.db, org.id);
    expect(moved.audit.at(-1)).toMatchObject({ action: "cluster.set_default", targetId: b.id, before: { default: "a" }, after: { default: "b" } });

    expect(await actOnCluster(t.db, "setDefault", users.admin, org, { clusterId: b.id })).toMatchObject({ ok: true, message: "b already is the default cluster." });
    for (const busy of [installing, deleting]) {
      expect(await actOnCluster(t.db, "setDefault", users.owner, org, { clusterId: busy.id })).toStrictEqual({
        ok: false,
        formError: `A cluster that is ${busy.status} cannot become the default.`,
        values: { clusterId: busy.id },
      });
    }
    expect(await snapshotClusters(t.db, org.id)).toEqual(moved);

    expect(await actOnCluster(t.db, "setDefault", users.owner, org, { clusterId: a.id })).toMatchObject({ ok: true });
    expect(await defaultsOf(org.id)).toEqual(["a"]);
  });

  it("deleting the default while others exist asks which one takes over, and hands over to it", async () => {
    const { org, users } = await makeOrgWithEveryRole(t.db);
    const main = await makeCluster(t.db, org, { name: "main", isDefault: true });
    const backup = await makeCluster(t.db, org, { name: "backup", status: "stopped" });
    const leaving = await makeCluster(t.db, org, { name: "leaving", status: "deleting" });
    const before = await snapshotClusters(t.db, org.id);
    const ask = { ok: false, fieldErrors: { successorId: "Choose the cluster that becomes the default." } };

    for (const successorId of [undefined, "", main.id, leaving.id, "00000000-0000-4000-8000-000000000000"]) {
      const input = { clusterId: main.id, confirmName: "main", ...(successorId === undefined ? {} : { successorId }) };
      expect(await actOnCluster(t.db, "delete", users.admin, org, input), String(successorId)).toMatchObject(ask);
    }
    expect(await snapshotClusters(t.db, org.id)).toEqual(before);

    expect(await actOnCluster(t.db, "delete", users.admin, org, { clusterId: main.id, confirmName: "main", successorId: backup.id })).toMatchObject({ ok: true });
    expect(await defaultsOf(org.id)).toEqual(["backup"]);
    expect(await clusterRow(t.db, main.id)).toMatchObject({ status: "deleting", isDefault: false });
    await runQueuedJobs(t.db, fastEngine);
    expect(await clusterRow(t.db, main.id)).toBeNull();
    expect(await defaultsOf(org.id)).toEqual(["backup"]);
  });

  it("deleting the default with no other cluster left (or only ones being deleted) needs no successor", async () => {
    const { org, users } = await makeOrgWithEveryRole(t.db);
    const only = await makeCluster(t.db, org, { name: "only", isDefault: true });
    await makeCluster(t.db, org, { name: "going", status: "deleting" });
    expect(await actOnCluster(t.db, "delete", users.admin, org, { clusterId: only.id, confirmName: "only" })).toMatchObject({ ok: true });
    await runQueuedJobs(t.db, fastEngine);
    expect(await clusterRow(t.db, only.id)).toBeNull();
    expect(await defaultsOf(org.id)).toEqual([]);
  });
});

describe("the default cluster while the old default is being deleted", () => {
  it("a cluster installed while the only (default) cluster is being deleted becomes the default", async () => {
    const { org, users } = await makeOrgWithEveryRole(t.db);
    expect(await actOnCluster(t.db, "create", users.admin, org, newClusterForm({ name: "old" }))).toMatchObject({ ok: true });
    await runQueuedJobs(t.db, fastEngine);
    const [old] = (await snapshotClusters(t.db, org.id)).clusters;
    expect(await actOnCluster(t.db, "delete", users.admin, org, { clusterId: old.id, confirmName: "old" })).toMatchObject({ ok: true });
    // While "old" is being deleted (its job still queued), a new cluster is added and installed first.
    expect(await actOnCluster(t.db, "create", users.admin, org, newClusterForm({ name: "new" }))).toMatchObject({ ok: true });
    const [deleteJob, installJob] = (await snapshotClusters(t.db, org.id)).jobs.filter((job) => job.status === "queued");
    expect([deleteJob.action, installJob.action]).toEqual(["delete", "install"]);
    await t.db.update(clusterJobs).set({ runAfter: sql`now() + interval '1 hour'` }).where(eq(clusterJobs.id, deleteJob.id));
    await runQueuedJobs(t.db, fastEngine);
    await t.db.update(clusterJobs).set({ runAfter: sql`now()` }).where(eq(clusterJobs.id, deleteJob.id));
    await runQueuedJobs(t.db, fastEngine);
    const after = await snapshotClusters(t.db, org.id);
    expect(after.clusters.map((c) => [c.name, c.status, c.isDefault])).toEqual([["new", "running", true]]);
  });
});

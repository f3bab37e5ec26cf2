import { eq, inArray } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

// Sealing needs a key; lib/env.ts reads it when first imported, so it is set before any import.
vi.hoisted(() => {
  process.env.KUBECONFIG_ENCRYPTION_KEY = Buffer.alloc(32, 9).toString("base64");
});

const { clusterJobs, organizations } = await import("@/db/schema");
const { makeOrgWithEveryRole, makeTeamOrg, makeUser } = await import("@/lib/factories");
const { makeCluster } = await import("@/lib/factories/clusters");
const { localEngine } = await import("@/lib/clusters/engine/local");
const { openClients } = await import("./support/clients");
const { releasedTogether } = await import("./support/table-gate");
const { actOnCluster, clusterRow, downloadAs, newClusterForm, runQueuedJobs, snapshotClusters } = await import("./support/cluster-actions");
const { rejection } = await import("./support/snapshot");
const { useTestDatabase } = await import("./support/test-database");

// Issue 4: the rules beyond the permission table, at the action door on real PostgreSQL: ids from
// forms are checked against the organization of the URL, plan limits, names, typed confirmations
// and the state machine's refusals (the default cluster: cluster-default.test.ts). Jobs queued here
// are run by this file's own runner calls (runQueuedJobs), never by a background runner.

const t = useTestDatabase();
const fastEngine = localEngine(0.001);
// The race tests loop over rounds inside one test: generous on a machine busy with other test files.
const raceTimeout = 120_000;
const unknownCluster = "This cluster does not exist in this organization (it may have been deleted).";

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

describe("a cluster id from another organization is never found through this one", () => {
  it("every action, the kubeconfig and a successor refuse it, and neither organization changes", async () => {
    const mine = await makeOrgWithEveryRole(t.db);
    const theirs = await makeOrgWithEveryRole(t.db);
    const myDefault = await makeCluster(t.db, mine.org, { name: "mine", isDefault: true });
    await makeCluster(t.db, mine.org, { name: "mine-too" });
    const running = await makeCluster(t.db, theirs.org, { name: "theirs", isDefault: true, kubeconfigSealed: null });
    const stopped = await makeCluster(t.db, theirs.org, { name: "theirs-stopped", status: "stopped" });
    const broken = await makeCluster(t.db, theirs.org, { name: "theirs-broken", status: "error", failedAction: "start" });
    const before = { mine: await snapshotClusters(t.db, mine.org.id), theirs: await snapshotClusters(t.db, theirs.org.id) };
    const owner = mine.users.owner;

    const settings = { kubernetesVersion: "1.33", instanceType: "t3.large", minNodes: "1", maxNodes: "2" };
    const attempts = [
      actOnCluster(t.db, "update", owner, mine.org, { clusterId: running.id, ...settings }),
      actOnCluster(t.db, "stop", owner, mine.org, { clusterId: running.id, confirmName: running.name }),
      actOnCluster(t.db, "start", owner, mine.org, { clusterId: stopped.id }),
      actOnCluster(t.db, "retry", owner, mine.org, { clusterId: broken.id }),
      actOnCluster(t.db, "delete", owner, mine.org, { clusterId: running.id, confirmName: running.name }),
      actOnCluster(t.db, "setDefault", owner, mine.org, { clusterId: stopped.id }),
    ];
    for (const result of await Promise.all(attempts)) expect(result).toMatchObject({ ok: false, formError: unknownCluster });

    // Their cluster named as the successor of my default.
    expect(await actOnCluster(t.db, "delete", owner, mine.org, { clusterId: myDefault.id, confirmName: "mine", successorId: running.id })).toMatchObject({
      ok: false,
      fieldErrors: { successorId: "Choose the cluster that becomes the default." },
    });
    expect(await downloadAs(t.db, owner, mine.org, running.id)).toMatchObject({ status: 404 });

    expect(await snapshotClusters(t.db, mine.org.id)).toEqual(before.mine);
    expect(await snapshotClusters(t.db, theirs.org.id)).toEqual(before.theirs);
  });

  it("a kubeconfig of another organization's cluster is never downloaded", async () => {
    const mine = await makeOrgWithEveryRole(t.db);
    const theirs = await makeOrgWithEveryRole(t.db);
    expect(await actOnCluster(t.db, "create", theirs.users.owner, theirs.org, newClusterForm({ name: "secret" }))).toMatchObject({ ok: true });
    await runQueuedJobs(t.db, fastEngine);
    const [secret] = (await snapshotClusters(t.db, theirs.org.id)).clusters;
    expect(secret.kubeconfigSealed).not.toBeNull();
    const before = await snapshotClusters(t.db, theirs.org.id);
    expect(await downloadAs(t.db, mine.users.owner, mine.org, secret.id)).toMatchObject({ status: 404 });
    expect(await downloadAs(t.db, mine.users.owner, theirs.org, secret.id)).toMatchObject({ status: 404 });
    expect(await snapshotClusters(t.db, theirs.org.id)).toEqual(before);
  });
});

describe("plan limits", () => {
  it("Free allows one cluster; the second is refused and nothing is written", async () => {
    const owner = await makeUser(t.db);
    const org = await makeTeamOrg(t.db, owner, { plan: "free" });
    expect(await actOnCluster(t.db, "create", owner, org, newClusterForm({ name: "only" }))).toMatchObject({ ok: true });
    const before = await snapshotClusters(t.db, org.id);
    expect(await actOnCluster(t.db, "create", owner, org, newClusterForm({ name: "second" }))).toMatchObject({
      ok: false,
      formError: "The Free plan allows 1 cluster. Delete one or change plan to add another.",
    });
    expect(await snapshotClusters(t.db, org.id)).toEqual(before);
  });

  it("a personal organization is on Free too", async () => {
    const user = await makeUser(t.db);
    const [personal] = await t.db.select({ slug: organizations.slug }).from(organizations).where(eq(organizations.personalForUserId, user.id));
    expect(await actOnCluster(t.db, "create", user, personal, newClusterForm())).toMatchObject({ ok: true });
    expect(await actOnCluster(t.db, "create", user, personal, newClusterForm())).toMatchObject({ ok: false, formError: expect.stringContaining("Free plan allows 1 cluster") });
  });

  it("concurrent adds on separate connections never overshoot the limit (Professional: 3), repeated", async () => {
    const clients = await openClients(t.url, 8);
    try {
      for (let round = 0; round < 4; round++) {
        const owner = await makeUser(t.db);
        const org = await makeTeamOrg(t.db, owner, { plan: "professional" });
        const results = await releasedTogether(
          t.url,
          "organizations",
          clients.dbs.map((db, i) => () => actOnCluster(db, "create", owner, org, newClusterForm({ name: `racer-${i}` }))),
        );
        expect(results.filter((r) => r.ok)).toHaveLength(3);
        for (const refused of results.filter((r) => !r.ok)) expect(refused).toMatchObject({ formError: expect.stringContaining("Professional plan allows 3 clusters") });
        const after = await snapshotClusters(t.db, org.id);
        expect(after.clusters).toHaveLength(3);
        expect(after.jobs).toHaveLength(3);
        expect(after.audit.filter((e) => e.action === "cluster.create")).toHaveLength(3);
      }
    } finally {
      await clients.close();
    }
  }, raceTimeout);
});

describe("names", () => {
  it("are unique in an organization regardless of case, and free across organizations", async () => {
    const { org, users } = await makeOrgWithEveryRole(t.db);
    expect(await actOnCluster(t.db, "create", users.admin, org, newClusterForm({ name: "Prod" }))).toMatchObject({ ok: true });
    const before = await snapshotClusters(t.db, org.id);
    for (const name of ["prod", "PROD", "  Prod  "]) {
      expect(await actOnCluster(t.db, "create", users.admin, org, newClusterForm({ name })), name).toMatchObject({
        ok: false,
        fieldErrors: { name: "Another cluster of this organization has this name." },
      });
    }
    expect(await snapshotClusters(t.db, org.id)).toEqual(before);

    const other = await makeOrgWithEveryRole(t.db);
    expect(await actOnCluster(t.db, "create", other.users.admin, other.org, newClusterForm({ name: "prod" }))).toMatchObject({ ok: true });
  });

  it("the database refuses a duplicate that skips the action", async () => {
    const { org } = await makeOrgWithEveryRole(t.db);
    await makeCluster(t.db, org, { name: "Edge" });
    const refused = await rejection(makeCluster(t.db, org, { name: "EDGE" }));
    expect(refused.code).toBe("23505");
    expect(refused.message).toContain("clusters_org_name_key");
  });
});

describe("stop and delete need the cluster's name typed", () => {
  it.each(["stop", "delete"] as const)("%s: a missing, wrong or differently cased name is refused and nothing changes", async (name) => {
    const { org, users } = await makeOrgWithEveryRole(t.db);
    const target = await makeCluster(t.db, org, { name: "Payments" });
    const before = await snapshotClusters(t.db, org.id);
    for (const confirmName of [undefined, "", "payments", "Payment", "Payments!"]) {
      const input = { clusterId: target.id, ...(confirmName === undefined ? {} : { confirmName }) };
      expect(await actOnCluster(t.db, name, users.owner, org, input), String(confirmName)).toMatchObject({
        ok: false,
        fieldErrors: { confirmName: "Type Payments to confirm." },
      });
    }
    expect(await snapshotClusters(t.db, org.id)).toEqual(before);
    // Surrounding spaces are forgiven.
    expect(await actOnCluster(t.db, name, users.owner, org, { clusterId: target.id, confirmName: "  Payments " })).toMatchObject({ ok: true });
  });

  it("start and retry need no name", async () => {
    const { org, users } = await makeOrgWithEveryRole(t.db);
    const stopped = await makeCluster(t.db, org, { status: "stopped" });
    const broken = await makeCluster(t.db, org, { status: "error", failedAction: "update", statusReason: "timeout" });
    expect(await actOnCluster(t.db, "start", users.admin, org, { clusterId: stopped.id })).toMatchObject({ ok: true });
    expect(await actOnCluster(t.db, "retry", users.admin, org, { clusterId: broken.id })).toMatchObject({ ok: true });
    expect(await clusterRow(t.db, broken.id)).toMatchObject({ status: "updating", statusReason: null });
  });
});

describe("illegal transitions get a clear message and change nothing", () => {
  const cases = [
    { action: "stop", from: "stopped", message: "The cluster is already stopped." },
    { action: "stop", from: "stopping", message: "The cluster is already stopping." },
    { action: "delete", from: "deleting", message: "The cluster is being deleted." },
    { action: "delete", from: "installing", message: "The cluster is still being installed." },
    { action: "start", from: "running", message: "The cluster is already running." },
    { action: "start", from: "error", message: "The cluster is in error: retry the failed action or delete it." },
    { action: "update", from: "stopped", message: "Start the cluster before updating it." },
    { action: "update", from: "updating", message: "The cluster is being updated." },
    { action: "retry", from: "running", message: "Only a cluster in error can be retried." },
    { action: "setDefault", from: "deleting", message: "A cluster that is deleting cannot become the default." },
  ] as const;

  it.each(cases)("$action a $from cluster", async ({ action, from, message }) => {
    const { org, users } = await makeOrgWithEveryRole(t.db);
    const target = await makeCluster(t.db, org, { name: "subject", status: from, failedAction: from === "error" ? "install" : null });
    const before = await snapshotClusters(t.db, org.id);
    const settings = { kubernetesVersion: "1.33", instanceType: "t3.large", minNodes: "1", maxNodes: "2" };
    const input = { clusterId: target.id, confirmName: "subject", ...(action === "update" ? settings : {}) };
    expect(await actOnCluster(t.db, action, users.admin, org, input)).toMatchObject({ ok: false, formError: message });
    expect(await snapshotClusters(t.db, org.id)).toEqual(before);
  });

  it("a second request while the first is queued is refused: one job per cluster at a time", async () => {
    const { org, users } = await makeOrgWithEveryRole(t.db);
    const target = await makeCluster(t.db, org, { name: "busy" });
    expect(await actOnCluster(t.db, "stop", users.admin, org, { clusterId: target.id, confirmName: "busy" })).toMatchObject({ ok: true });
    const before = await snapshotClusters(t.db, org.id);
    expect(await actOnCluster(t.db, "delete", users.owner, org, { clusterId: target.id, confirmName: "busy" })).toMatchObject({
      ok: false,
      formError: "The cluster is already stopping.",
    });
    expect(await snapshotClusters(t.db, org.id)).toEqual(before);
  });

  it("concurrent stop and delete of one cluster on separate connections: one wins, one job", async () => {
    const clients = await openClients(t.url, 6);
    try {
      for (let round = 0; round < 4; round++) {
        const { org, users } = await makeOrgWithEveryRole(t.db);
        const target = await makeCluster(t.db, org, { name: "contested" });
        const results = await releasedTogether(
          t.url,
          "organizations",
          clients.dbs.map((db, i) => () => actOnCluster(db, i % 2 ? "stop" : "delete", users.admin, org, { clusterId: target.id, confirmName: "contested" })),
        );
        expect(results.filter((r) => r.ok)).toHaveLength(1);
        const after = await snapshotClusters(t.db, org.id);
        expect(after.jobs).toHaveLength(1);
        expect(after.audit.filter((e) => e.action.startsWith("cluster."))).toHaveLength(1);
      }
    } finally {
      await clients.close();
    }
  }, raceTimeout);
});

describe("update", () => {
  it("an instance type of another provider is refused on update as on creation", async () => {
    const { org, users } = await makeOrgWithEveryRole(t.db);
    const target = await makeCluster(t.db, org, { name: "aws-one", provider: "aws", instanceType: "t3.large" });
    const before = await snapshotClusters(t.db, org.id);
    const input = { clusterId: target.id, kubernetesVersion: "1.33", instanceType: "Standard_B2s", minNodes: "1", maxNodes: "3" };
    expect(await actOnCluster(t.db, "update", users.admin, org, input)).toMatchObject({ ok: false, fieldErrors: { instanceType: expect.stringContaining("AWS instance type") } });
    expect(await snapshotClusters(t.db, org.id)).toEqual(before);
    // Keeping the current type is fine even if the catalogue no longer lists it.
    const legacy = await makeCluster(t.db, org, { name: "legacy", provider: "aws", instanceType: "m4.large" });
    expect(await actOnCluster(t.db, "update", users.admin, org, { ...input, clusterId: legacy.id, instanceType: "m4.large" })).toMatchObject({ ok: true });
  });

  it("an update applies the settings and runs back to running", async () => {
    const { org, users } = await makeOrgWithEveryRole(t.db);
    const target = await makeCluster(t.db, org, { name: "grow" });
    const input = { clusterId: target.id, kubernetesVersion: "1.33", instanceType: "m6i.xlarge", minNodes: "3", maxNodes: "12", production: "on" };
    expect(await actOnCluster(t.db, "update", users.admin, org, input)).toMatchObject({ ok: true });
    await runQueuedJobs(t.db, fastEngine);
    expect(await clusterRow(t.db, target.id)).toMatchObject({ status: "running", kubernetesVersion: "1.33", instanceType: "m6i.xlarge", minNodes: 3, maxNodes: 12, production: true });
    const audit = (await snapshotClusters(t.db, org.id)).audit.map((e) => e.action).filter((action) => action.startsWith("cluster."));
    expect(audit).toEqual(["cluster.update", "cluster.update.done"]);
  });
});

describe("self-managed clusters: the uploaded kubeconfig", () => {
  const kubeconfig = [
    "apiVersion: v1",
    "clusters: [{ name: onprem, cluster: { server: 'https://10.1.2.3:6443' } }]",
    "contexts: [{ name: onprem, context: { cluster: onprem, user: ops } }]",
    "users: [{ name: ops, user: { token: very-secret-token } }]",
    "",
  ].join("\n");
  const selfManaged = (fields: Record<string, string> = {}) =>
    newClusterForm({ provider: "self_managed", region: "on-premises", instanceType: "managed-elsewhere", kubeconfig, ...fields });

  it("is validated; a bad one is refused next to the field and nothing is written", async () => {
    const { org, users } = await makeOrgWithEveryRole(t.db);
    const before = await snapshotClusters(t.db, org.id);
    expect(await actOnCluster(t.db, "create", users.admin, org, selfManaged({ kubeconfig: "" }))).toMatchObject({
      ok: false,
      fieldErrors: { kubeconfig: "Upload the cluster's kubeconfig file." },
    });
    expect(await actOnCluster(t.db, "create", users.admin, org, selfManaged({ kubeconfig: "clusters: [" }))).toMatchObject({
      ok: false,
      fieldErrors: { kubeconfig: "The kubeconfig is not valid YAML." },
    });
    expect(await actOnCluster(t.db, "create", users.admin, org, selfManaged({ kubeconfig: "apiVersion: v1\nclusters: []\n" }))).toMatchObject({
      ok: false,
      fieldErrors: { kubeconfig: "The kubeconfig has no clusters." },
    });
    expect(await snapshotClusters(t.db, org.id)).toEqual(before);
  });

  it("is stored sealed, kept through installation, downloaded as uploaded, and never written to the audit log", async () => {
    const { org, users } = await makeOrgWithEveryRole(t.db);
    expect(await actOnCluster(t.db, "create", users.admin, org, selfManaged({ name: "onprem" }))).toMatchObject({ ok: true });
    const [created] = (await snapshotClusters(t.db, org.id)).clusters;
    expect(created.kubeconfigSealed).toMatch(/^v1:/);
    expect(created.kubeconfigSealed).not.toContain("very-secret-token");
    await runQueuedJobs(t.db, fastEngine);
    const installed = await clusterRow(t.db, created.id);
    expect(installed).toMatchObject({ status: "running", isDefault: true, kubeconfigSealed: created.kubeconfigSealed });
    expect(await downloadAs(t.db, users.owner, org, created.id)).toStrictEqual({ status: 200, filename: "onprem-kubeconfig.yaml", content: kubeconfig });
    const { audit } = await snapshotClusters(t.db, org.id);
    expect(JSON.stringify(audit)).not.toContain("very-secret-token");
    expect(audit.map((e) => e.action).filter((action) => action.startsWith("cluster."))).toEqual(["cluster.create", "cluster.install.done", "cluster.kubeconfig.download"]);
  });

  it("pasted with the browser's CRLF line breaks, is stored as the file was, and the form goes back to the list", async () => {
    const { org, users } = await makeOrgWithEveryRole(t.db);
    const result = await actOnCluster(t.db, "create", users.admin, org, selfManaged({ name: "pasted", kubeconfig: kubeconfig.replaceAll("\n", "\r\n") }));
    expect(result).toStrictEqual({ ok: true, message: "pasted is being installed.", redirectTo: `/orgs/${org.slug}/settings/clusters` });
    const [created] = (await snapshotClusters(t.db, org.id)).clusters;
    expect(await downloadAs(t.db, users.owner, org, created.id)).toMatchObject({ status: 200, content: kubeconfig });
  });

  it("a kubeconfig sent with a cloud cluster is ignored: the engine provides one", async () => {
    const { org, users } = await makeOrgWithEveryRole(t.db);
    expect(await actOnCluster(t.db, "create", users.admin, org, newClusterForm({ name: "cloud", kubeconfig }))).toMatchObject({ ok: true });
    const [created] = (await snapshotClusters(t.db, org.id)).clusters;
    expect(created.kubeconfigSealed).toBeNull();
  });
});


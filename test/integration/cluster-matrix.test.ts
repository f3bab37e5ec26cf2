import { beforeEach, describe, expect, it, vi } from "vitest";

// Sealing needs a key; lib/env.ts reads it when first imported, so it is set before any import.
vi.hoisted(() => {
  process.env.KUBECONFIG_ENCRYPTION_KEY = Buffer.alloc(32, 7).toString("base64");
});

const { messages } = await import("@/lib/actions/run-action");
const { memberRoles, minimumRoleFor, roleHasPermission, roleLabels } = await import("@/lib/authz/permissions");
const { seal } = await import("@/lib/crypto/sealed-box");
const { makeOrgWithEveryRole } = await import("@/lib/factories");
const { makeCluster } = await import("@/lib/factories/clusters");
const { actOnCluster, clusterActions, downloadAs, newClusterForm, snapshotClusters } = await import("./support/cluster-actions");
const { useTestDatabase } = await import("./support/test-database");

type MemberRole = (typeof memberRoles)[number];
type ActionName = keyof typeof clusterActions;

// Issue 4, "Must hold": cluster.manage and cluster.connect × every role × a non-member, at the
// action door (runOrgAction, as the server actions call it; the kubeconfig route's authorize).
// Allowed callers change exactly what they asked for and write one audit event; refused callers
// get the door's message and leave clusters, cluster_jobs and audit_events as they were.

const t = useTestDatabase();

type Caller = MemberRole | "outsider";
const callers: Caller[] = [...memberRoles, "outsider"];
const manageActions = ["create", "update", "stop", "start", "retry", "delete", "setDefault"] as const satisfies readonly ActionName[];
const kubeconfig = "apiVersion: v1\nkind: Config\nclusters: [{ name: main, cluster: { server: 'https://main.test:6443' } }]\n";

beforeEach(() => {
  const errors = vi.spyOn(console, "error").mockImplementation(() => {});
  return () => {
    expect(errors, "no action failed unexpectedly").not.toHaveBeenCalled();
    vi.restoreAllMocks();
  };
});

/** An organization with one member of each role and a cluster in each state an action starts from. */
async function fixture() {
  const { org, users } = await makeOrgWithEveryRole(t.db);
  const main = await makeCluster(t.db, org, { name: "main", isDefault: true, kubeconfigSealed: seal(kubeconfig) });
  const target = await makeCluster(t.db, org, { name: "target" });
  const stopped = await makeCluster(t.db, org, { name: "parked", status: "stopped" });
  const broken = await makeCluster(t.db, org, { name: "broken", status: "error", statusReason: "quota exceeded", failedAction: "install" });
  return { org, users, main, target, stopped, broken };
}

type Fixture = Awaited<ReturnType<typeof fixture>>;

function inputFor(name: (typeof manageActions)[number], f: Fixture): Record<string, string> {
  switch (name) {
    case "create":
      return newClusterForm({ name: "added" });
    case "update":
      return { clusterId: f.target.id, kubernetesVersion: "1.33", instanceType: "m6i.large", minNodes: "2", maxNodes: "5" };
    case "stop":
    case "delete":
      return { clusterId: f.target.id, confirmName: f.target.name };
    case "start":
      return { clusterId: f.stopped.id };
    case "retry":
      return { clusterId: f.broken.id };
    case "setDefault":
      return { clusterId: f.target.id };
  }
}

// What each allowed action leaves: the cluster it changed, its status, the job it queued.
const expected: Record<(typeof manageActions)[number], { cluster: "main" | "target" | "stopped" | "broken" | "added"; status: string; job: string | null; audit: string }> = {
  create: { cluster: "added", status: "installing", job: "install", audit: "cluster.create" },
  update: { cluster: "target", status: "updating", job: "update", audit: "cluster.update" },
  stop: { cluster: "target", status: "stopping", job: "stop", audit: "cluster.stop" },
  start: { cluster: "stopped", status: "starting", job: "start", audit: "cluster.start" },
  retry: { cluster: "broken", status: "installing", job: "install", audit: "cluster.retry" },
  delete: { cluster: "target", status: "deleting", job: "delete", audit: "cluster.delete" },
  setDefault: { cluster: "target", status: "running", job: null, audit: "cluster.set_default" },
};

describe.each(manageActions)("cluster.manage: %s", (name) => {
  it("is declared with cluster.manage", () => {
    expect(clusterActions[name].permission).toBe("cluster.manage");
  });

  it.each(callers)("as %s", async (caller) => {
    const f = await fixture();
    const user = f.users[caller];
    const allowed = caller !== "outsider" && roleHasPermission(caller, "cluster.manage");
    const before = await snapshotClusters(t.db, f.org.id);

    const result = await actOnCluster(t.db, name, user, f.org, inputFor(name, f));

    if (!allowed) {
      const formError = caller === "outsider" ? messages.notFound : messages.forbidden(roleLabels[minimumRoleFor("cluster.manage")]);
      expect(result).toStrictEqual({ ok: false, formError });
      expect(await snapshotClusters(t.db, f.org.id)).toEqual(before);
      return;
    }

    expect(result).toMatchObject({ ok: true });
    const after = await snapshotClusters(t.db, f.org.id);
    const want = expected[name];
    const changed = want.cluster === "added" ? after.clusters.find((c) => c.name === "added") : after.clusters.find((c) => c.id === f[want.cluster as Exclude<typeof want.cluster, "added">].id);
    expect(changed?.status).toBe(want.status);

    // One audit event, by this caller, naming the cluster.
    expect(after.audit).toHaveLength(before.audit.length + 1);
    expect(after.audit.at(-1)).toMatchObject({ orgId: f.org.id, actorId: user.id, action: want.audit, origin: "ui", targetId: changed?.id, targetType: "cluster" });

    // The job it queued, if any, and nothing else.
    if (want.job) {
      expect(after.jobs).toHaveLength(before.jobs.length + 1);
      expect(after.jobs.at(-1)).toMatchObject({ orgId: f.org.id, clusterId: changed?.id, action: want.job, status: "queued", attempts: 0 });
    } else {
      expect(after.jobs).toEqual(before.jobs);
    }

    // The other clusters are untouched (set default also moves the badge off the old default).
    const others = (rows: typeof after.clusters) => rows.filter((c) => c.id !== changed?.id && !(name === "setDefault" && c.id === f.main.id));
    expect(others(after.clusters)).toEqual(others(before.clusters));
    expect(after.org).toEqual(before.org);

    switch (name) {
      case "create":
        expect(changed).toMatchObject({ provider: "aws", region: "eu-west-3", isDefault: false, kubeconfigSealed: null });
        break;
      case "update":
        expect(changed).toMatchObject({ kubernetesVersion: "1.33", instanceType: "m6i.large", minNodes: 2, maxNodes: 5 });
        expect(after.audit.at(-1)).toMatchObject({
          before: { kubernetesVersion: "1.32", instanceType: "t3.large", minNodes: 1, maxNodes: 3, production: false },
          after: { kubernetesVersion: "1.33", instanceType: "m6i.large", minNodes: 2, maxNodes: 5, production: false },
        });
        break;
      case "retry":
        expect(changed).toMatchObject({ statusReason: null });
        break;
      case "setDefault":
        expect(changed?.isDefault).toBe(true);
        expect(after.clusters.find((c) => c.id === f.main.id)?.isDefault).toBe(false);
        expect(after.audit.at(-1)).toMatchObject({ before: { default: "main" }, after: { default: "target" } });
        break;
    }
  });
});

describe("cluster.connect: download the kubeconfig", () => {
  it.each(callers)("as %s", async (caller) => {
    const f = await fixture();
    const user = f.users[caller];
    const allowed = caller !== "outsider" && roleHasPermission(caller, "cluster.connect");
    const before = await snapshotClusters(t.db, f.org.id);

    const download = await downloadAs(t.db, user, f.org, f.main.id);

    const after = await snapshotClusters(t.db, f.org.id);
    if (!allowed) {
      expect(download).toStrictEqual(
        caller === "outsider"
          ? { status: 404, message: messages.notFound }
          : { status: 403, message: messages.forbidden(roleLabels[minimumRoleFor("cluster.connect")]) },
      );
      expect(after).toEqual(before);
      return;
    }
    expect(download).toStrictEqual({ status: 200, filename: "main-kubeconfig.yaml", content: kubeconfig });
    // Every download is an audit event; nothing else changes.
    expect(after.audit).toHaveLength(before.audit.length + 1);
    expect(after.audit.at(-1)).toMatchObject({ actorId: user.id, action: "cluster.kubeconfig.download", targetId: f.main.id, targetLabel: "main" });
    expect({ ...after, audit: [] }).toEqual({ ...before, audit: [] });
  });

  it("a cluster without a kubeconfig yet has nothing to download, and no event is written", async () => {
    const f = await fixture();
    const before = await snapshotClusters(t.db, f.org.id);
    expect(await downloadAs(t.db, f.users.admin, f.org, f.target.id)).toMatchObject({ status: 404 });
    expect(await snapshotClusters(t.db, f.org.id)).toEqual(before);
  });
});

describe("the door refuses before reading the input", () => {
  it.each(manageActions)("%s: a developer with invalid input gets the permission error and nothing changes", async (name) => {
    const f = await fixture();
    const before = await snapshotClusters(t.db, f.org.id);
    const result = await actOnCluster(t.db, name, f.users.developer, f.org, { clusterId: "not-a-uuid", name: "", minNodes: "0" });
    expect(result).toStrictEqual({ ok: false, formError: messages.forbidden("Admin") });
    expect(await snapshotClusters(t.db, f.org.id)).toEqual(before);
  });

  it.each(manageActions)("%s: signed out is refused and nothing changes", async (name) => {
    const f = await fixture();
    const before = await snapshotClusters(t.db, f.org.id);
    expect(await actOnCluster(t.db, name, null, f.org, inputFor(name, f))).toStrictEqual({ ok: false, formError: messages.signedOut });
    expect(await downloadAs(t.db, null, f.org, f.main.id)).toStrictEqual({ status: 401, message: messages.signedOut });
    expect(await snapshotClusters(t.db, f.org.id)).toEqual(before);
  });

  it("an admin's invalid input is refused field by field and nothing changes", async () => {
    const f = await fixture();
    const before = await snapshotClusters(t.db, f.org.id);
    expect(await actOnCluster(t.db, "create", f.users.admin, f.org, newClusterForm({ region: "europe-west1", minNodes: "4", maxNodes: "2" }))).toMatchObject({
      ok: false,
      fieldErrors: { region: expect.stringContaining("AWS region"), maxNodes: "The maximum must be at least the minimum number of nodes." },
    });
    expect(await actOnCluster(t.db, "stop", f.users.admin, f.org, { clusterId: "../../etc" })).toMatchObject({ ok: false, fieldErrors: { clusterId: "Unknown cluster." } });
    expect(await snapshotClusters(t.db, f.org.id)).toEqual(before);
  });
});

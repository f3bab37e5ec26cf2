import { eq, inArray, sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { parse } from "yaml";

// Sealing needs a key; lib/env.ts reads it when first imported, so it is set before any import.
vi.hoisted(() => {
  process.env.KUBECONFIG_ENCRYPTION_KEY = Buffer.alloc(32, 3).toString("base64");
});

const { clusterJobs, clusters } = await import("@/db/schema");
const { makeOrgWithEveryRole } = await import("@/lib/factories");
const { makeCluster } = await import("@/lib/factories/clusters");
const { localEngine } = await import("@/lib/clusters/engine/local");
const { EngineError } = await import("@/lib/clusters/engine/types");
const { claimJob, runJob, staleAfterSeconds, startJobRunner } = await import("@/lib/clusters/jobs");
const { validateKubeconfig } = await import("@/lib/clusters/kubeconfig");
const { openClients } = await import("./support/clients");
const { actOnCluster, clusterRow, downloadAs, instantEngine, jobsOf, newClusterForm, queueInstalls, runQueuedJobs, snapshotClusters } = await import(
  "./support/cluster-actions"
);
const { useTestDatabase } = await import("./support/test-database");

type InfrastructureEngine = import("@/lib/clusters/engine/types").InfrastructureEngine;

// Issue 4, "Must hold": the durable job queue on real PostgreSQL (two runners never taking the same
// job: cluster-runner-races.test.ts). A runner that dies mid-job is taken over once its heartbeat is
// stale, and its late answer is refused; engine failures leave the cluster in error with a retry;
// the whole lifecycle runs through the action door and the runner, with the kubeconfig sealed at rest.

const t = useTestDatabase();
const fastEngine = localEngine(0.001);

beforeEach(() => {
  const errors = vi.spyOn(console, "error").mockImplementation(() => {});
  return () => {
    expect(errors, "no job failed unexpectedly").not.toHaveBeenCalled();
    vi.restoreAllMocks();
  };
});

// Every test leaves the queue empty, so the next one claims only its own jobs.
afterEach(async () => {
  expect(await t.db.$count(clusterJobs, inArray(clusterJobs.status, ["queued", "running"]))).toBe(0);
});

/** Pushes a running job's last heartbeat back past the takeover delay, as if its runner died. */
async function goStale(jobId: number, seconds = staleAfterSeconds + 1) {
  await t.db
    .update(clusterJobs)
    .set({ heartbeatAt: sql`now() - make_interval(secs => ${seconds})` })
    .where(eq(clusterJobs.id, jobId));
}

/** An engine that waits for `release()` before answering, to hold a job in the middle of its work. */
function gatedEngine(answer: (progress: { heartbeat: () => Promise<void> }) => Promise<{ kubeconfig?: string }>) {
  let release!: () => void;
  let entered!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const inside = new Promise<void>((resolve) => (entered = resolve));
  const engine: InfrastructureEngine = {
    name: "gated",
    perform: async (_action, _cluster, progress) => {
      entered();
      await gate;
      return answer(progress);
    },
  };
  return { engine, release, inside };
}

describe("a runner that dies mid-job", () => {
  it("keeps its job while its heartbeat is fresh; once stale another runner takes it over and finishes it (attempts = 2)", async () => {
    const { org, users } = await makeOrgWithEveryRole(t.db);
    expect(await actOnCluster(t.db, "create", users.admin, org, newClusterForm({ name: "phoenix" }))).toMatchObject({ ok: true });
    const [cluster] = (await snapshotClusters(t.db, org.id)).clusters;

    const taken = await claimJob(t.db, "runner-a");
    expect(taken).toMatchObject({ clusterId: cluster.id, status: "running", lockedBy: "runner-a", attempts: 1 });
    // Runner A "crashes" here: it never finishes. While its heartbeat is fresh, nobody else may take the job.
    expect(await claimJob(t.db, "runner-b")).toBeNull();
    await goStale(taken!.id, staleAfterSeconds - 5);
    expect(await claimJob(t.db, "runner-b")).toBeNull();

    await goStale(taken!.id);
    const resumed = await claimJob(t.db, "runner-b");
    expect(resumed).toMatchObject({ id: taken!.id, status: "running", lockedBy: "runner-b", attempts: 2 });
    await runJob(t.db, fastEngine, resumed!, "runner-b");

    const [job] = await jobsOf(t.db, [cluster.id]);
    expect(job).toMatchObject({ status: "done", attempts: 2, lockedBy: "runner-b" });
    expect(await clusterRow(t.db, cluster.id)).toMatchObject({ status: "running", isDefault: true, kubeconfigSealed: expect.stringMatching(/^v1:/) });
  });

  it("the dead runner's late answer is refused: heartbeat, result or failure, none overwrites the takeover", async () => {
    const { org, users } = await makeOrgWithEveryRole(t.db);
    expect(await actOnCluster(t.db, "create", users.admin, org, newClusterForm({ name: "contested" }))).toMatchObject({ ok: true });
    const [cluster] = (await snapshotClusters(t.db, org.id)).clusters;
    const fromA = "apiVersion: v1\nclusters: [{ name: from-runner-a }]\ncontexts: [{ name: a }]\nusers: [{ name: a }]\n";
    const lateResult: InfrastructureEngine = { name: "late-result", perform: async () => ({ kubeconfig: fromA }) };
    const lateFailure: InfrastructureEngine = { name: "late-failure", perform: () => Promise.reject(new EngineError("runner A gave up")) };

    // Runner A is stuck inside the engine (a network partition, a paused VM).
    const stuckA = gatedEngine(async (progress) => {
      await progress.heartbeat();
      return { kubeconfig: fromA };
    });
    const jobA = (await claimJob(t.db, "runner-a"))!;
    const runA = runJob(t.db, stuckA.engine, jobA, "runner-a");
    await stuckA.inside;

    // Its heartbeat goes stale; runner B takes over and is still working when A wakes up.
    await goStale(jobA.id);
    const jobB = (await claimJob(t.db, "runner-b"))!;
    expect(jobB).toMatchObject({ id: jobA.id, attempts: 2, lockedBy: "runner-b" });
    const workingB = gatedEngine((progress) => fastEngine.perform("install", { ...cluster, credentials: null }, progress));
    const runB = runJob(t.db, workingB.engine, jobB, "runner-b");
    await workingB.inside;
    const duringB = await snapshotClusters(t.db, org.id);
    expect(duringB.clusters[0]).toMatchObject({ status: "installing", kubeconfigSealed: null });

    // A's heartbeat finds the job is B's now (LostJob): A stops without writing.
    stuckA.release();
    await runA;
    // A's answer without a heartbeat, or its failure, is refused the same way while B works...
    await runJob(t.db, lateResult, jobA, "runner-a");
    await runJob(t.db, lateFailure, jobA, "runner-a");
    expect(await snapshotClusters(t.db, org.id)).toEqual(duringB);

    // ...B finishes and settles the cluster...
    workingB.release();
    await runB;
    const settled = await snapshotClusters(t.db, org.id);
    expect(settled.clusters[0]).toMatchObject({ status: "running", isDefault: true, kubeconfigSealed: expect.stringMatching(/^v1:/) });
    expect(settled.jobs[0]).toMatchObject({ status: "done", attempts: 2, lockedBy: "runner-b", lastError: null });

    // ...and A's late answers after that change nothing either.
    await runJob(t.db, lateResult, jobA, "runner-a");
    await runJob(t.db, lateFailure, jobA, "runner-a");
    expect(await snapshotClusters(t.db, org.id)).toEqual(settled);
    expect(settled.audit.filter((e) => e.action.startsWith("cluster.install."))).toHaveLength(1);
    const download = await downloadAs(t.db, users.admin, org, cluster.id);
    expect(download).toMatchObject({ status: 200 });
    expect((download as { content: string }).content).not.toContain("from-runner-a");
  });

  it("a stopped runner loses nothing: queued jobs wait for the next one", async () => {
    const { org } = await makeOrgWithEveryRole(t.db);
    const clients = await openClients(t.url, 1);
    const stop = startJobRunner(clients.dbs[0], instantEngine, { workerId: "short-lived", pollMs: 10 });
    await stop();
    await clients.close();
    const ids = await queueInstalls(t.db, org.id, 3);
    expect((await jobsOf(t.db, ids)).map((job) => job.status)).toEqual(["queued", "queued", "queued"]);
    // "After the restart": a new runner on a new connection picks them up.
    const restarted = await openClients(t.url, 1);
    try {
      expect(await runQueuedJobs(restarted.dbs[0], instantEngine, "restarted")).toHaveLength(3);
    } finally {
      await restarted.close();
    }
    expect((await jobsOf(t.db, ids)).every((job) => job.status === "done" && job.lockedBy === "restarted")).toBe(true);
  });
});

describe("engine failures", () => {
  const quota = "The AWS quota for t3.large in eu-west-3 is exhausted.";
  const failing: InfrastructureEngine = { name: "failing", perform: () => Promise.reject(new EngineError(quota)) };

  it("an EngineError puts the cluster in error with the reason; retry re-queues it and a good engine settles it", async () => {
    const { org, users } = await makeOrgWithEveryRole(t.db);
    expect(await actOnCluster(t.db, "create", users.admin, org, newClusterForm({ name: "unlucky" }))).toMatchObject({ ok: true });
    const [cluster] = (await snapshotClusters(t.db, org.id)).clusters;
    await runQueuedJobs(t.db, failing);

    expect(await clusterRow(t.db, cluster.id)).toMatchObject({ status: "error", statusReason: quota, failedAction: "install", isDefault: false });
    expect(await jobsOf(t.db, [cluster.id])).toMatchObject([{ status: "failed", lastError: quota, attempts: 1 }]);
    const failed = await snapshotClusters(t.db, org.id);
    expect(failed.audit.at(-1)).toMatchObject({ action: "cluster.install.failed", origin: "system", actorId: null, after: { status: "error", reason: quota } });

    expect(await actOnCluster(t.db, "retry", users.admin, org, { clusterId: cluster.id })).toMatchObject({ ok: true });
    expect(await clusterRow(t.db, cluster.id)).toMatchObject({ status: "installing", statusReason: null });
    expect((await jobsOf(t.db, [cluster.id])).map((job) => [job.action, job.status])).toEqual([
      ["install", "failed"],
      ["install", "queued"],
    ]);

    await runQueuedJobs(t.db, fastEngine);
    expect(await clusterRow(t.db, cluster.id)).toMatchObject({ status: "running", statusReason: null, failedAction: null, isDefault: true });
    const actions = (await snapshotClusters(t.db, org.id)).audit.map((e) => e.action).filter((a) => a.startsWith("cluster."));
    expect(actions).toEqual(["cluster.create", "cluster.install.failed", "cluster.retry", "cluster.install.done"]);
  });

  it("a failed stop is retried as a stop", async () => {
    const { org, users } = await makeOrgWithEveryRole(t.db);
    const target = await makeCluster(t.db, org, { name: "sticky" });
    expect(await actOnCluster(t.db, "stop", users.owner, org, { clusterId: target.id, confirmName: "sticky" })).toMatchObject({ ok: true });
    await runQueuedJobs(t.db, failing);
    expect(await clusterRow(t.db, target.id)).toMatchObject({ status: "error", failedAction: "stop", statusReason: quota });
    // In error, only retry and delete are offered.
    expect(await actOnCluster(t.db, "start", users.owner, org, { clusterId: target.id })).toMatchObject({ ok: false });
    expect(await actOnCluster(t.db, "retry", users.owner, org, { clusterId: target.id })).toMatchObject({ ok: true });
    expect(await clusterRow(t.db, target.id)).toMatchObject({ status: "stopping" });
    await runQueuedJobs(t.db, fastEngine);
    expect(await clusterRow(t.db, target.id)).toMatchObject({ status: "stopped", failedAction: null, statusReason: null });
  });

  it("an unexpected engine crash fails the job with a generic reason (the details go to the log)", async () => {
    const errors = vi.mocked(console.error);
    const { org, users } = await makeOrgWithEveryRole(t.db);
    expect(await actOnCluster(t.db, "create", users.admin, org, newClusterForm({ name: "buggy" }))).toMatchObject({ ok: true });
    const [cluster] = (await snapshotClusters(t.db, org.id)).clusters;
    await runQueuedJobs(t.db, { name: "buggy", perform: () => Promise.reject(new TypeError("cannot read properties of undefined (secret internals)")) });
    expect(await clusterRow(t.db, cluster.id)).toMatchObject({ status: "error", statusReason: "The infrastructure engine failed unexpectedly.", failedAction: "install" });
    expect(errors).toHaveBeenCalledTimes(1);
    errors.mockClear();
    // Delete from error is allowed.
    expect(await actOnCluster(t.db, "delete", users.admin, org, { clusterId: cluster.id, confirmName: "buggy" })).toMatchObject({ ok: true });
    await runQueuedJobs(t.db, fastEngine);
    expect(await clusterRow(t.db, cluster.id)).toBeNull();
  });
});

describe("the whole lifecycle, through the action door and the runner", () => {
  it("install → running → stop → stopped → start → running → delete → gone, the kubeconfig sealed at rest", async () => {
    const { org, users } = await makeOrgWithEveryRole(t.db);
    const admin = users.admin;
    const step = async (name: Parameters<typeof actOnCluster>[1], input: Record<string, string>, during: string, after: string | null) => {
      expect(await actOnCluster(t.db, name, admin, org, input)).toMatchObject({ ok: true });
      const id = input.clusterId ?? (await snapshotClusters(t.db, org.id)).clusters[0].id;
      expect((await clusterRow(t.db, id))?.status).toBe(during);
      expect(await runQueuedJobs(t.db, fastEngine)).toHaveLength(1);
      expect((await clusterRow(t.db, id))?.status ?? null).toBe(after);
      return id;
    };

    const id = await step("create", newClusterForm({ name: "Lifecycle", provider: "gcp", region: "europe-west1", instanceType: "e2-standard-4" }), "installing", "running");
    const installed = await clusterRow(t.db, id);
    expect(installed?.isDefault).toBe(true);

    // The engine's kubeconfig: downloadable, valid, and nowhere in clear in the database.
    const download = await downloadAs(t.db, users.owner, org, id);
    expect(download).toMatchObject({ status: 200, filename: "Lifecycle-kubeconfig.yaml" });
    const content = (download as { content: string }).content;
    expect(validateKubeconfig(content)).toMatchObject({ ok: true, contexts: ["Lifecycle"] });
    const parsed = parse(content) as { clusters: { cluster: { server: string } }[]; users: { user: { token: string } }[] };
    const token = parsed.users[0].user.token;
    const server = parsed.clusters[0].cluster.server;
    expect(server).toContain("europe-west1.gcp");
    const [raw] = (await t.db.execute(sql`select kubeconfig_sealed, row_to_json(c)::text as whole from clusters c where id = ${id}`)) as unknown as {
      kubeconfig_sealed: string;
      whole: string;
    }[];
    expect(raw.kubeconfig_sealed).toMatch(/^v1:/);
    for (const secret of [token, server, "apiVersion", "current-context"]) {
      expect(raw.whole).not.toContain(secret);
    }
    const [audited] = (await t.db.execute(sql`select coalesce(string_agg(row_to_json(a)::text, ''), '') as all from audit_events a where org_id = ${org.id}`)) as unknown as { all: string }[];
    expect(audited.all).not.toContain(token);

    await step("stop", { clusterId: id, confirmName: "Lifecycle" }, "stopping", "stopped");
    await step("start", { clusterId: id }, "starting", "running");
    // The kubeconfig survives stop and start unchanged.
    expect((await clusterRow(t.db, id))?.kubeconfigSealed).toBe(installed?.kubeconfigSealed);
    await step("delete", { clusterId: id, confirmName: "Lifecycle" }, "deleting", null);

    // Gone, with its jobs; the audit trail stays.
    expect(await t.db.$count(clusterJobs, eq(clusterJobs.clusterId, id))).toBe(0);
    const trail = (await snapshotClusters(t.db, org.id)).audit.filter((e) => e.action.startsWith("cluster."));
    expect(trail.map((e) => [e.action, e.origin])).toEqual([
      ["cluster.create", "ui"],
      ["cluster.install.done", "system"],
      ["cluster.kubeconfig.download", "ui"],
      ["cluster.stop", "ui"],
      ["cluster.stop.done", "system"],
      ["cluster.start", "ui"],
      ["cluster.start.done", "system"],
      ["cluster.delete", "ui"],
      ["cluster.delete.done", "system"],
    ]);
    expect(trail.every((e) => e.targetId === id)).toBe(true);
    expect(await downloadAs(t.db, users.owner, org, id)).toMatchObject({ status: 404 });
  });
});

import { and, eq, sql } from "drizzle-orm";
import type { Db, Queryable } from "@/db/client";
import { clusterJobs, clusters, organizations, type Cluster, type ClusterJob } from "@/db/schema";
import type { ClusterAction } from "@/db/schema/values";
import { recordSystemAudit } from "@/lib/audit/system";
import { credentialsForJob } from "@/lib/cloud-accounts/cluster-account";
import { seal } from "@/lib/crypto/sealed-box";
import { sendEmails } from "@/lib/mail/send";
import { organizationDeletedEmails } from "@/lib/mail/templates";
import { type FinishedDeletion, finishTornDownOrganization, recordTeardownFailure, removeClusterTargets } from "@/lib/orgs/teardown-completion";
import { enqueueClusterFailureNotice } from "@/lib/notifications/infrastructure";
import { EngineError, type InfrastructureEngine } from "./engine/types";
import { settledStatus } from "./state-machine";

/** A runner that stops sending heartbeats for this long is presumed dead; its job is taken over. */
export const staleAfterSeconds = 30;
export const maxAttempts = 5;

export async function enqueueJob(tx: Queryable, job: { orgId: string; clusterId: string; action: ClusterAction }): Promise<void> {
  await tx.insert(clusterJobs).values(job);
}

/**
 * Takes the oldest runnable job: queued, or running under a runner whose heartbeat went stale.
 * FOR UPDATE SKIP LOCKED lets any number of runners poll at once without taking the same job.
 */
export async function claimJob(db: Queryable, workerId: string): Promise<ClusterJob | null> {
  const [job] = await db
    .update(clusterJobs)
    .set({ status: "running", lockedBy: workerId, heartbeatAt: sql`now()`, attempts: sql`${clusterJobs.attempts} + 1` })
    .where(
      eq(
        clusterJobs.id,
        sql`(select id from ${clusterJobs}
              where (${clusterJobs.status} = 'queued' and ${clusterJobs.runAfter} <= now())
                 or (${clusterJobs.status} = 'running' and ${clusterJobs.heartbeatAt} < now() - make_interval(secs => ${staleAfterSeconds}))
              order by ${clusterJobs.id} limit 1 for update skip locked)`,
      ),
    )
    .returning();
  return job ?? null;
}

class LostJob extends Error {}

const ours = (job: ClusterJob, workerId: string) =>
  and(eq(clusterJobs.id, job.id), eq(clusterJobs.status, "running"), eq(clusterJobs.lockedBy, workerId));

/** Runs one claimed job through the engine and settles the cluster, or fails it into `error`. */
export async function runJob(db: Db, engine: InfrastructureEngine, job: ClusterJob, workerId: string): Promise<void> {
  const [cluster] = await db.select().from(clusters).where(and(eq(clusters.id, job.clusterId), eq(clusters.orgId, job.orgId)));
  if (!cluster) {
    await db.update(clusterJobs).set({ status: "done", finishedAt: sql`now()` }).where(ours(job, workerId));
    return;
  }
  // A job whose runner keeps dying (a poison job) is not taken over forever.
  if (job.attempts > maxAttempts) {
    await fail(db, job, workerId, cluster, `The infrastructure engine stopped responding ${maxAttempts} times in a row. Retry, or delete the cluster.`);
    return;
  }
  const heartbeat = async () => {
    const beat = await db.update(clusterJobs).set({ heartbeatAt: sql`now()` }).where(ours(job, workerId)).returning({ id: clusterJobs.id });
    if (beat.length === 0) throw new LostJob(`job ${job.id} was taken over`);
  };
  let credentials: Awaited<ReturnType<typeof credentialsForJob>>;
  try {
    credentials = await credentialsForJob(db, cluster);
  } catch (error) {
    // A seal that no longer opens (the key changed): new credentials fix it, a retry alone does not.
    console.error(`cluster job ${job.id}: the cloud account's credentials could not be unsealed`, error);
    await fail(db, job, workerId, cluster, "The cloud account's credentials could not be read. Rotate them on the Cloud accounts page, then retry.");
    return;
  }
  let result: Awaited<ReturnType<InfrastructureEngine["perform"]>>;
  try {
    result = await engine.perform(job.action, { ...cluster, credentials }, { heartbeat });
  } catch (error) {
    if (error instanceof LostJob) return;
    const reason = error instanceof EngineError ? error.message : "The infrastructure engine failed unexpectedly.";
    if (!(error instanceof EngineError)) console.error(`cluster job ${job.id} failed`, error);
    await fail(db, job, workerId, cluster, reason);
    return;
  }
  // The engine succeeded: if recording that fails (an outage), the job stays claimed and is taken
  // over once its heartbeat goes stale, and the engine (idempotent per job) runs it again. It is
  // never reported to the user as an engine failure.
  const deleted = await settle(db, job, workerId, cluster, result.kubeconfig);
  // After the commit: a slow mail server never holds a transaction open.
  if (deleted) await sendEmails(organizationDeletedEmails({ orgName: deleted.name, slug: deleted.slug, deletedBy: deleted.deletedBy, lost: `${deleted.lost}, after every cluster was torn down`, to: deleted.to, at: new Date() }));
}

async function settle(db: Db, job: ClusterJob, workerId: string, cluster: Cluster, kubeconfig?: string): Promise<FinishedDeletion | null> {
  return db.transaction(async (tx) => {
    // Serializes "the first cluster installed becomes the default" with other completions.
    const [org] = await tx
      .select({ id: organizations.id, deleting: organizations.deletionRequestedAt })
      .from(organizations)
      .where(eq(organizations.id, job.orgId))
      .for("no key update");
    const [still] = await tx.update(clusterJobs).set({ status: "done", finishedAt: sql`now()` }).where(ours(job, workerId)).returning({ id: clusterJobs.id });
    if (!still) return null;
    const next = settledStatus[job.action];
    if (next === null) {
      // During the organization's deletion, what targets the cluster goes with it.
      if (org?.deleting) await removeClusterTargets(tx, job.orgId, cluster.id);
      await tx.delete(clusters).where(and(eq(clusters.id, cluster.id), eq(clusters.orgId, job.orgId)));
    } else {
      const [{ hasDefault }] = await tx
        .select({ hasDefault: sql<boolean>`exists (select 1 from ${clusters} where ${clusters.orgId} = ${job.orgId} and ${clusters.isDefault})` })
        .from(sql`(select 1) as one`);
      await tx
        .update(clusters)
        .set({
          status: next,
          statusReason: null,
          failedAction: null,
          updatedAt: new Date(),
          ...(kubeconfig ? { kubeconfigSealed: seal(kubeconfig) } : {}),
          ...(job.action === "install" && !hasDefault ? { isDefault: true } : {}),
        })
        .where(eq(clusters.id, cluster.id));
    }
    await recordSystemAudit(tx, job.orgId, {
      action: `cluster.${job.action}.done`,
      targetType: "cluster",
      targetId: cluster.id,
      targetLabel: cluster.name,
      after: { status: next ?? "deleted" },
    });
    // The last teardown of an organization being deleted deletes it, in this same transaction.
    return next === null && org?.deleting ? finishTornDownOrganization(tx, job.orgId) : null;
  });
}

async function fail(db: Db, job: ClusterJob, workerId: string, cluster: Cluster, reason: string) {
  await db.transaction(async (tx) => {
    const [still] = await tx.update(clusterJobs).set({ status: "failed", lastError: reason, finishedAt: sql`now()` }).where(ours(job, workerId)).returning({ id: clusterJobs.id });
    if (!still) return;
    await tx
      .update(clusters)
      .set({ status: "error", statusReason: reason, failedAction: job.action, updatedAt: new Date() })
      .where(eq(clusters.id, cluster.id));
    await recordSystemAudit(tx, job.orgId, {
      action: `cluster.${job.action}.failed`,
      targetType: "cluster",
      targetId: cluster.id,
      targetLabel: cluster.name,
      after: { status: "error", reason },
    });
    if (job.action === "delete") await recordTeardownFailure(tx, job.orgId, cluster.name, reason);
    await enqueueClusterFailureNotice(tx, job, cluster, reason);
  });
}

/**
 * Polls for jobs until stopped, running up to `concurrency` at once (one organization's long
 * install does not hold up the others). Every server instance may run one; SKIP LOCKED keeps them
 * apart and a restart loses nothing (queued jobs wait, a running one is taken over after its
 * heartbeat goes stale). Returns a function that stops polling and waits for the current jobs.
 */
export function startJobRunner(db: Db, engine: InfrastructureEngine, options: { workerId: string; pollMs?: number; concurrency?: number }) {
  let stopping = false;
  const sleepers = new Set<() => void>();
  const worker = async () => {
    while (!stopping) {
      try {
        const job = await claimJob(db, options.workerId);
        if (job) {
          await runJob(db, engine, job, options.workerId);
          continue;
        }
      } catch (error) {
        console.error("cluster job runner:", error);
      }
      await new Promise<void>((resolve) => {
        const wake = () => {
          sleepers.delete(wake);
          resolve();
        };
        sleepers.add(wake);
        setTimeout(wake, options.pollMs ?? 1_000);
      });
    }
  };
  const loops = Array.from({ length: options.concurrency ?? 2 }, worker);
  return async () => {
    stopping = true;
    for (const wake of [...sleepers]) wake();
    await Promise.all(loops);
  };
}

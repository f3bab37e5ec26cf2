import { and, asc, eq, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { clusters, organizations, type Cluster } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import type { OrgContext } from "@/lib/authz/context";
import { enqueueJob } from "@/lib/clusters/jobs";
import { statusLabels, transitioning } from "@/lib/clusters/state-machine";
import { plural } from "@/lib/format";

// Deleting an organization that still has clusters, in one guided flow: the owner confirms once,
// the organization turns read-only ("deleting"), every cluster's teardown is queued on the job
// runner, and the last successful teardown deletes the organization in its own transaction
// (lib/clusters/jobs.ts calls ./teardown-completion.ts). A failed teardown stops there with its
// reason until the owner retries it or cancels the deletion.

/** Clusters busy with another action: their teardown would have to wait behind it. */
export function busyClustersRefusal(busy: Pick<Cluster, "name" | "status">[]): string | null {
  if (busy.length === 0) return null;
  const named = busy.map((cluster) => `${cluster.name} (${statusLabels[cluster.status].toLowerCase()})`).join(", ");
  return `Wait until ${busy.length === 1 ? "this cluster finishes" : "these clusters finish"} what ${busy.length === 1 ? "it is" : "they are"} doing: ${named}. Then delete the organization.`;
}

async function queueTeardown(tx: Tx, ctx: OrgContext, clusterId: string): Promise<void> {
  await tx.update(clusters).set({ status: "deleting", statusReason: null, updatedAt: new Date() }).where(eq(clusters.id, clusterId));
  await enqueueJob(tx, { orgId: ctx.org.id, clusterId, action: "delete" });
}

type DeletionEvent = "org.deletion.started" | "org.deletion.retried" | "org.deletion.cancelled";

function auditDeletion(tx: Tx, ctx: OrgContext, action: DeletionEvent, after: Record<string, string[]>) {
  return recordAudit(tx, ctx, { action, targetType: "organization", targetId: ctx.org.id, targetLabel: ctx.org.name, after });
}

/**
 * Under the organization's lock (taken by the caller): queues the teardown of every cluster not
 * already being deleted and marks the organization as being deleted. Null when started, else why not.
 */
export async function beginTeardown(tx: Tx, ctx: OrgContext, orgClusters: Cluster[]): Promise<string | null> {
  const refusal = busyClustersRefusal(orgClusters.filter((cluster) => transitioning(cluster.status) && cluster.status !== "deleting"));
  if (refusal) return refusal;
  for (const cluster of orgClusters) if (cluster.status !== "deleting") await queueTeardown(tx, ctx, cluster.id);
  await tx
    .update(organizations)
    .set({ deletionRequestedAt: sql`now()`, deletionRequestedBy: ctx.actor.id, deletionFailure: null })
    .where(eq(organizations.id, ctx.org.id));
  await auditDeletion(tx, ctx, "org.deletion.started", { clusters: orgClusters.map((cluster) => cluster.name) });
  return null;
}

type Outcome = { ok: true; message: string } | { ok: false; formError: string };

const notBeingDeleted: Outcome = { ok: false, formError: "This organization is not being deleted (the deletion may have been cancelled meanwhile)." };

/** Read under the organization's lock: the deletion may have been cancelled since the page. */
async function beingDeleted(tx: Tx, orgId: string): Promise<boolean> {
  const [org] = await tx.select({ at: organizations.deletionRequestedAt }).from(organizations).where(eq(organizations.id, orgId));
  return Boolean(org?.at);
}

/** Queues again the teardowns that failed, under the organization's lock. */
export async function retryTeardown(tx: Tx, ctx: OrgContext): Promise<Outcome> {
  if (!(await beingDeleted(tx, ctx.org.id))) return notBeingDeleted;
  const failed = await tx
    .select()
    .from(clusters)
    .where(and(eq(clusters.orgId, ctx.org.id), eq(clusters.status, "error")))
    .orderBy(asc(clusters.name));
  if (failed.length === 0) return { ok: false, formError: "No cluster teardown has failed: the deletion is still under way." };
  for (const cluster of failed) await queueTeardown(tx, ctx, cluster.id);
  await tx.update(organizations).set({ deletionFailure: null }).where(eq(organizations.id, ctx.org.id));
  await auditDeletion(tx, ctx, "org.deletion.retried", { clusters: failed.map((cluster) => cluster.name) });
  return { ok: true, message: `Retrying the teardown of ${failed.map((cluster) => cluster.name).join(", ")}.` };
}

/**
 * Ends the deletion and gives the organization back, minus what was already torn down. Only once
 * no teardown is under way: infrastructure half torn down cannot be given back.
 */
export async function cancelTeardown(tx: Tx, ctx: OrgContext): Promise<Outcome> {
  if (!(await beingDeleted(tx, ctx.org.id))) return notBeingDeleted;
  const remaining = await tx.select({ name: clusters.name, status: clusters.status }).from(clusters).where(eq(clusters.orgId, ctx.org.id));
  const underWay = remaining.filter((cluster) => cluster.status === "deleting");
  if (underWay.length > 0) {
    return { ok: false, formError: `Wait until the teardown under way finishes (${underWay.map((cluster) => cluster.name).join(", ")}); then retry or cancel.` };
  }
  await tx.update(organizations).set({ deletionRequestedAt: null, deletionRequestedBy: null, deletionFailure: null }).where(eq(organizations.id, ctx.org.id));
  await auditDeletion(tx, ctx, "org.deletion.cancelled", { clustersLeft: remaining.map((cluster) => cluster.name) });
  const kept = remaining.length === 0 ? "Every cluster was already torn down." : `${plural(remaining.length, "cluster")} still exist${remaining.length === 1 ? "s" : ""} (in error: retry or delete ${remaining.length === 1 ? "it" : "them"} from Clusters).`;
  return { ok: true, message: `The deletion of ${ctx.org.name} was cancelled. Clusters already torn down, and the environments on them, are gone. ${kept}` };
}

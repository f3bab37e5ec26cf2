import { and, count, eq, ne, sql } from "drizzle-orm";
import type { Queryable, Tx } from "@/db/client";
import { isUniqueViolation } from "@/db/errors";
import { clusters, type Cluster } from "@/db/schema";
import type { ClusterAction } from "@/db/schema/values";
import type { ActionResult } from "@/lib/actions/result";
import { recordAudit } from "@/lib/audit/record";
import type { OrgContext } from "@/lib/authz/context";
import { orgTransaction } from "@/lib/authz/org-transaction";
import { planUnderLock } from "@/lib/billing/locked-plan";
import { seal, unseal } from "@/lib/crypto/sealed-box";
import { accountForNewCluster } from "@/lib/cloud-accounts/cluster-account";
import { clusterDeletionBlocker } from "@/lib/projects/cluster-targets";
import { providerCatalog } from "./catalog";
import { enqueueJob } from "./jobs";
import { validateKubeconfig } from "./kubeconfig";
import type { ClusterSettings, NewCluster } from "./schemas";
import { actionStartedMessage, mayBeDefault, requestRetry, requestTransition } from "./state-machine";

const fail = (formError: string): ActionResult => ({ ok: false, formError });
const unknownCluster = "This cluster does not exist in this organization (it may have been deleted).";

// Every lookup is scoped by the organization `authorize` resolved from the URL: a cluster id from
// a form that belongs to another organization matches nothing.
async function findCluster(tx: Queryable, ctx: OrgContext, clusterId: string): Promise<Cluster | null> {
  const [row] = await tx.select().from(clusters).where(and(eq(clusters.id, clusterId), eq(clusters.orgId, ctx.org.id)));
  return row ?? null;
}

/** Adds a cluster and queues its installation; the plan's cluster limit is checked under the lock. */
export async function createCluster(db: Queryable, ctx: OrgContext, input: NewCluster): Promise<ActionResult> {
  let sealedKubeconfig: string | null = null;
  if (input.provider === "self_managed") {
    const check = validateKubeconfig(input.kubeconfig);
    if (!check.ok) return { ok: false, fieldErrors: { kubeconfig: check.message } };
    sealedKubeconfig = seal(check.kubeconfig);
  }
  try {
    return await orgTransaction(db, ctx, "cluster.manage", async (tx) => {
      // The plan as committed under the lock: a downgrade may have committed while this waited.
      const plan = await planUnderLock(tx, ctx.org.id);
      const limit = plan.clusters;
      // A cluster being deleted no longer takes a slot.
      const [{ n }] = await tx.select({ n: count() }).from(clusters).where(and(eq(clusters.orgId, ctx.org.id), ne(clusters.status, "deleting")));
      if (limit !== null && n >= limit) {
        return fail(`The ${plan.label} plan allows ${limit} cluster${limit === 1 ? "" : "s"}. Delete one or change plan to add another.`);
      }
      // Under the lock, so the account cannot be deleted between this check and the insert.
      const account = await accountForNewCluster(tx, ctx.org.id, input.provider, input.cloudAccountId);
      if (!account.ok) return { ok: false, fieldErrors: { cloudAccountId: account.message } };
      const [cluster] = await tx
        .insert(clusters)
        .values({
          orgId: ctx.org.id,
          name: input.name,
          provider: input.provider,
          region: input.region,
          kubernetesVersion: input.kubernetesVersion,
          instanceType: input.instanceType,
          minNodes: input.minNodes,
          maxNodes: input.maxNodes,
          production: input.production,
          status: "installing",
          kubeconfigSealed: sealedKubeconfig,
          cloudAccountId: account.id,
        })
        .returning();
      await enqueueJob(tx, { orgId: ctx.org.id, clusterId: cluster.id, action: "install" });
      const { kubeconfig: _secret, cloudAccountId: _id, ...settings } = input;
      await recordAudit(tx, ctx, {
        action: "cluster.create",
        targetType: "cluster",
        targetId: cluster.id,
        targetLabel: cluster.name,
        after: account.id ? { ...settings, cloudAccount: account.name } : settings,
      });
      return { ok: true, message: `${cluster.name} is being installed.` };
    });
  } catch (error) {
    if (isUniqueViolation(error, "clusters_org_name_key")) return { ok: false, fieldErrors: { name: "Another cluster of this organization has this name." } };
    throw error;
  }
}

/** Changes a running cluster's settings and queues the update. */
export async function updateCluster(db: Queryable, ctx: OrgContext, clusterId: string, settings: ClusterSettings): Promise<ActionResult> {
  return orgTransaction(db, ctx, "cluster.manage", async (tx) => {
    const cluster = await findCluster(tx, ctx, clusterId);
    if (!cluster) return fail(unknownCluster);
    const check = requestTransition(cluster.status, "update");
    if (!check.ok) return fail(check.message);
    // As on creation, the node type must be one of the cluster's provider (or the one it has).
    const catalog = providerCatalog[cluster.provider];
    if (settings.instanceType !== cluster.instanceType && !catalog.instanceTypes.includes(settings.instanceType)) {
      return { ok: false, fieldErrors: { instanceType: `Choose one of the ${catalog.label} instance types.` } };
    }
    const before = { kubernetesVersion: cluster.kubernetesVersion, instanceType: cluster.instanceType, minNodes: cluster.minNodes, maxNodes: cluster.maxNodes, production: cluster.production };
    if (JSON.stringify(before) === JSON.stringify({ ...before, ...settings })) return { ok: true, message: "Nothing to update: no setting changed." };
    await tx.update(clusters).set({ ...settings, status: check.next, updatedAt: new Date() }).where(eq(clusters.id, cluster.id));
    await enqueueJob(tx, { orgId: ctx.org.id, clusterId: cluster.id, action: "update" });
    await recordAudit(tx, ctx, { action: "cluster.update", targetType: "cluster", targetId: cluster.id, targetLabel: cluster.name, before, after: settings });
    return { ok: true, message: `${cluster.name} is being updated.` };
  });
}

export type LifecycleRequest = { clusterId: string; action: Exclude<ClusterAction, "install" | "update"> | "retry"; confirmName?: string; successorId?: string };

/**
 * Stop, start, delete or retry. Stop and delete need the cluster's name typed (checked here, not
 * only in the page); deleting the default while others exist needs the one that takes over.
 */
export async function requestClusterAction(db: Queryable, ctx: OrgContext, request: LifecycleRequest): Promise<ActionResult> {
  return orgTransaction(db, ctx, "cluster.manage", async (tx) => {
    const cluster = await findCluster(tx, ctx, request.clusterId);
    if (!cluster) return fail(unknownCluster);
    const check = request.action === "retry" ? requestRetry(cluster.status, cluster.failedAction) : requestTransition(cluster.status, request.action);
    if (!check.ok) return fail(check.message);
    // Environments and deployment rules reference the cluster: it goes only once nothing targets it
    // (their writes take this same lock, so none can start targeting it after this check).
    if (request.action === "delete" || (request.action === "retry" && cluster.failedAction === "delete")) {
      const blocker = await clusterDeletionBlocker(tx, ctx.org.id, cluster.id, cluster.name);
      if (blocker) return fail(blocker);
    }
    if ((request.action === "stop" || request.action === "delete") && request.confirmName?.trim() !== cluster.name) {
      return { ok: false, fieldErrors: { confirmName: `Type ${cluster.name} to confirm.` } };
    }
    if (request.action === "delete" && cluster.isDefault) {
      const handover = await handOverDefault(tx, ctx, cluster, request.successorId);
      if (handover) return handover;
    }
    const jobAction = request.action === "retry" ? cluster.failedAction! : request.action;
    await tx.update(clusters).set({ status: check.next, statusReason: null, updatedAt: new Date() }).where(eq(clusters.id, cluster.id));
    await enqueueJob(tx, { orgId: ctx.org.id, clusterId: cluster.id, action: jobAction });
    await recordAudit(tx, ctx, {
      action: `cluster.${request.action}`,
      targetType: "cluster",
      targetId: cluster.id,
      targetLabel: cluster.name,
      before: { status: cluster.status },
      after: { status: check.next },
    });
    return { ok: true, message: actionStartedMessage(cluster.name, request.action) };
  });
}

/** Moves the default to the successor the owner chose; null when done, else the refusal. */
async function handOverDefault(tx: Tx, ctx: OrgContext, cluster: Cluster, successorId?: string): Promise<ActionResult | null> {
  const others = await tx
    .select({ status: clusters.status })
    .from(clusters)
    .where(and(eq(clusters.orgId, ctx.org.id), ne(clusters.id, cluster.id)));
  const successor = successorId ? await findCluster(tx, ctx, successorId) : null;
  const needsSuccessor = others.some((c) => mayBeDefault(c.status));
  // Checked before any write: a refusal returns from a transaction that still commits.
  if (needsSuccessor && (!successor || successor.id === cluster.id || !mayBeDefault(successor.status))) {
    return { ok: false, fieldErrors: { successorId: "Choose the cluster that becomes the default." } };
  }
  await tx.update(clusters).set({ isDefault: false }).where(eq(clusters.id, cluster.id));
  // No cluster can take over: the next cluster installed becomes the default (settling an install
  // only makes a cluster the default when the organization has none).
  if (!needsSuccessor || !successor) return null;
  await tx.update(clusters).set({ isDefault: true }).where(eq(clusters.id, successor.id));
  await recordAudit(tx, ctx, {
    action: "cluster.set_default",
    targetType: "cluster",
    targetId: successor.id,
    targetLabel: successor.name,
    before: { default: cluster.name },
    after: { default: successor.name },
  });
  return null;
}

/** Makes a cluster the organization's default (at most one: the database enforces it). */
export async function setDefaultCluster(db: Queryable, ctx: OrgContext, clusterId: string): Promise<ActionResult> {
  return orgTransaction(db, ctx, "cluster.manage", async (tx) => {
    const cluster = await findCluster(tx, ctx, clusterId);
    if (!cluster) return fail(unknownCluster);
    if (cluster.isDefault) return { ok: true, message: `${cluster.name} already is the default cluster.` };
    if (!mayBeDefault(cluster.status)) return fail(`A cluster that is ${cluster.status === "error" ? "in error" : cluster.status} cannot become the default.`);
    const [previous] = await tx
      .update(clusters)
      .set({ isDefault: false })
      .where(and(eq(clusters.orgId, ctx.org.id), eq(clusters.isDefault, true)))
      .returning({ name: clusters.name });
    await tx.update(clusters).set({ isDefault: true }).where(eq(clusters.id, cluster.id));
    await recordAudit(tx, ctx, {
      action: "cluster.set_default",
      targetType: "cluster",
      targetId: cluster.id,
      targetLabel: cluster.name,
      before: { default: previous?.name ?? null },
      after: { default: cluster.name },
    });
    return { ok: true, message: `${cluster.name} is now the default cluster.` };
  });
}

/** The decrypted kubeconfig, with an audit event for every download. */
export async function downloadKubeconfig(db: Queryable, ctx: OrgContext, clusterId: string) {
  return orgTransaction(db, ctx, { permission: "cluster.connect", refused: () => null }, async (tx) => {
    const cluster = await findCluster(tx, ctx, clusterId);
    if (!cluster?.kubeconfigSealed) return null;
    await recordAudit(tx, ctx, { action: "cluster.kubeconfig.download", targetType: "cluster", targetId: cluster.id, targetLabel: cluster.name });
    return { filename: `${cluster.name.replace(/[^A-Za-z0-9_-]+/g, "-")}-kubeconfig.yaml`, content: unseal(cluster.kubeconfigSealed) };
  });
}

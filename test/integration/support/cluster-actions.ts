import { and, asc, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import type { Db, Queryable } from "@/db/client";
import { auditEvents, cloudAccounts, clusterJobs, clusters, organizations, type Organization, type User } from "@/db/schema";
import type { OrgActionSpec } from "@/lib/actions/define";
import { type HandlerResult, messages, runOrgAction } from "@/lib/actions/run-action";
import { authorize } from "@/lib/authz/authorize";
import { roleLabels } from "@/lib/authz/permissions";
import type { InfrastructureEngine } from "@/lib/clusters/engine/types";
import { claimJob, enqueueJob, runJob } from "@/lib/clusters/jobs";
import * as clusterActionSpecs from "@/lib/clusters/actions";
import { downloadKubeconfig } from "@/lib/clusters/cluster-changes";
import { clusterIdSchema } from "@/lib/clusters/schemas";
import { makeCluster } from "@/lib/factories/clusters";
import { makeCloudAccount } from "@/lib/factories/cloud-accounts";
import type { AccountProvider } from "@/lib/cloud-accounts/credentials";

// The Clusters pages' own actions (lib/clusters/actions.ts), by a short name, run through the door
// every server action goes through (runOrgAction).

export const clusterActions = {
  create: clusterActionSpecs.createCluster,
  update: clusterActionSpecs.updateClusterSettings,
  stop: clusterActionSpecs.stopCluster,
  start: clusterActionSpecs.startCluster,
  retry: clusterActionSpecs.retryCluster,
  delete: clusterActionSpecs.deleteCluster,
  setDefault: clusterActionSpecs.setDefaultCluster,
};

export type ClusterActionName = keyof typeof clusterActions;

/** Runs one cluster action as `user` in `org`, as the server action bound to the org's slug would. */
export async function actOnCluster(
  db: Db,
  name: ClusterActionName,
  user: Pick<User, "id"> | null,
  org: Pick<Organization, "slug">,
  input: Record<string, string> | FormData = {},
): Promise<HandlerResult> {
  const form = name === "create" && !(input instanceof FormData) && !("cloudAccountId" in input) ? await withCloudAccount(db, org, input) : input;
  return runOrgAction(clusterActions[name] as OrgActionSpec<z.ZodType>, { db, userId: user?.id ?? null, slug: org.slug, input: form });
}

/**
 * A managed cluster is added with a cloud account of its provider: a create form that names none
 * gets the organization's first account of that provider, made once on demand (before the action
 * runs, and without an audit event, so snapshots taken before the call already hold it). Tests of
 * the account choice itself pass their own `cloudAccountId`.
 */
async function withCloudAccount(db: Db, org: Pick<Organization, "slug">, input: Record<string, string>): Promise<Record<string, string>> {
  const provider = (input.provider ?? "aws") as AccountProvider | "self_managed";
  if (provider === "self_managed" || !["aws", "gcp", "azure", "scaleway"].includes(provider)) return input;
  const [owner] = await db.select({ id: organizations.id }).from(organizations).where(eq(organizations.slug, org.slug));
  if (!owner) return input;
  const [existing] = await db
    .select({ id: cloudAccounts.id })
    .from(cloudAccounts)
    .where(and(eq(cloudAccounts.orgId, owner.id), eq(cloudAccounts.provider, provider)))
    .orderBy(asc(cloudAccounts.createdAt))
    .limit(1);
  return { ...input, cloudAccountId: existing?.id ?? (await makeCloudAccount(db, owner, { provider })).id };
}

export type KubeconfigDownload = { status: 200; filename: string; content: string } | { status: 401 | 403 | 404; message: string };

/**
 * The kubeconfig route handler's path (orgRoute → authorize with cluster.connect → downloadKubeconfig),
 * answering what the route would: the file, or the status and message of the refusal.
 */
export async function downloadAs(db: Db, user: Pick<User, "id"> | null, org: Pick<Organization, "slug">, clusterId: string): Promise<KubeconfigDownload> {
  if (!user) return { status: 401, message: messages.signedOut };
  const access = await authorize(db, { userId: user.id, slug: org.slug, permission: "cluster.connect" });
  if (!access.ok) {
    if (access.reason === "signed-out") return { status: 401, message: messages.signedOut };
    return access.reason === "not-found"
      ? { status: 404, message: messages.notFound }
      : { status: 403, message: messages.forbidden(roleLabels[access.requiredRole]) };
  }
  if (!clusterIdSchema.safeParse(clusterId).success) return { status: 404, message: "not a cluster id" };
  const file = await downloadKubeconfig(db, access.ctx, clusterId);
  return file ? { status: 200, ...file } : { status: 404, message: "no such cluster or no kubeconfig" };
}

/** The form an admin fills in to add a cluster (strings, as FormData gives them). */
export function newClusterForm(fields: Record<string, string> = {}): Record<string, string> {
  return {
    name: `prod-${Math.random().toString(36).slice(2, 8)}`,
    provider: "aws",
    region: "eu-west-3",
    kubernetesVersion: "1.32",
    instanceType: "t3.large",
    minNodes: "1",
    maxNodes: "3",
    ...fields,
  };
}

/** Every row an organization owns that a cluster change may touch, in a stable order. */
export async function snapshotClusters(db: Queryable, orgId: string) {
  const [org] = await db.select().from(organizations).where(eq(organizations.id, orgId));
  const rows = await db.select().from(clusters).where(eq(clusters.orgId, orgId)).orderBy(asc(clusters.id));
  const jobs = await db.select().from(clusterJobs).where(eq(clusterJobs.orgId, orgId)).orderBy(asc(clusterJobs.id));
  const audit = await db.select().from(auditEvents).where(eq(auditEvents.orgId, orgId)).orderBy(asc(auditEvents.id));
  return { org: org ?? null, clusters: rows, jobs, audit };
}

export async function clusterRow(db: Queryable, clusterId: string) {
  const [row] = await db.select().from(clusters).where(eq(clusters.id, clusterId));
  return row ?? null;
}

/** An engine that finishes every action at once (the local engine's shape, no waiting). */
export const instantEngine: InfrastructureEngine = { name: "instant", perform: async () => ({}) };

/**
 * Claims and runs queued jobs on `db` until none is left, as a runner would; returns the claimed
 * job ids in order. Every job in the database is run, so call it only where that is wanted.
 */
export async function runQueuedJobs(db: Db, engine: InfrastructureEngine, workerId = "test-runner"): Promise<number[]> {
  const ran: number[] = [];
  for (let job = await claimJob(db, workerId); job; job = await claimJob(db, workerId)) {
    ran.push(job.id);
    await runJob(db, engine, job, workerId);
  }
  return ran;
}

/** `count` clusters being installed in the organization, each with its queued install job; returns their ids. */
export async function queueInstalls(db: Db, orgId: string, count: number): Promise<string[]> {
  return Promise.all(
    Array.from({ length: count }, async () => {
      const cluster = await makeCluster(db, { id: orgId }, { status: "installing" });
      await enqueueJob(db, { orgId, clusterId: cluster.id, action: "install" });
      return cluster.id;
    }),
  );
}

export async function jobsOf(db: Queryable, clusterIds: string[]) {
  return db.select().from(clusterJobs).where(inArray(clusterJobs.clusterId, clusterIds)).orderBy(asc(clusterJobs.id));
}

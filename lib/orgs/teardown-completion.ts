import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { clusters, deploymentRules, environments, memberships, organizations, users } from "@/db/schema";
import { deletionPreview, describeLoss } from "./deletion-preview";

// The job runner's side of a guided organization deletion (./guided-deletion.ts starts it): what a
// teardown's success or failure does to the organization being deleted.

/**
 * Before a torn-down cluster's row goes, during an organization's deletion: the environments and
 * deployment rules that target it go with it (they would have gone with the organization anyway).
 */
export async function removeClusterTargets(tx: Tx, orgId: string, clusterId: string): Promise<void> {
  await tx.delete(deploymentRules).where(and(eq(deploymentRules.orgId, orgId), eq(deploymentRules.clusterId, clusterId)));
  await tx.delete(environments).where(and(eq(environments.orgId, orgId), eq(environments.clusterId, clusterId)));
}

export type FinishedDeletion = { name: string; slug: string; deletedBy: string; lost: string; to: string[] };

/**
 * Called by the job runner after a teardown, under the organization's lock: deletes the
 * organization once it is being deleted, nothing failed and no cluster is left. Returns whom to tell.
 */
export async function finishTornDownOrganization(tx: Tx, orgId: string): Promise<FinishedDeletion | null> {
  await tx.select({ id: organizations.id }).from(organizations).where(eq(organizations.id, orgId)).for("update");
  const [org] = await tx.select().from(organizations).where(eq(organizations.id, orgId));
  if (!org?.deletionRequestedAt || org.deletionFailure) return null;
  const [left] = await tx.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(clusters).where(eq(clusters.orgId, orgId));
  if (left.n > 0) return null;
  const people = await tx
    .select({ email: users.email, role: memberships.role })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.orgId, orgId), inArray(memberships.role, ["owner", "admin"])))
    .orderBy(asc(users.email));
  const [requester] = org.deletionRequestedBy
    ? await tx.select({ name: users.name, email: users.email }).from(users).where(eq(users.id, org.deletionRequestedBy))
    : [];
  const lost = describeLoss(await deletionPreview(tx, orgId));
  await tx.delete(organizations).where(eq(organizations.id, orgId));
  return { name: org.name, slug: org.slug, deletedBy: requester ? (requester.name ?? requester.email) : "The owner", lost, to: people.map((person) => person.email) };
}

/** A teardown failed during the deletion: the deletion stops there, with the reason. */
export async function recordTeardownFailure(tx: Tx, orgId: string, clusterName: string, reason: string): Promise<void> {
  await tx
    .update(organizations)
    .set({ deletionFailure: `Tearing down ${clusterName} failed: ${reason}` })
    .where(and(eq(organizations.id, orgId), sql`${organizations.deletionRequestedAt} is not null`));
}

import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { clusters } from "@/db/schema";

/** The organization's clusters for the Clusters page: the default first, then oldest first. */
export async function listClusters(db: Queryable, orgId: string) {
  return db
    .select({
      id: clusters.id,
      name: clusters.name,
      provider: clusters.provider,
      region: clusters.region,
      kubernetesVersion: clusters.kubernetesVersion,
      instanceType: clusters.instanceType,
      minNodes: clusters.minNodes,
      maxNodes: clusters.maxNodes,
      production: clusters.production,
      status: clusters.status,
      statusReason: clusters.statusReason,
      failedAction: clusters.failedAction,
      isDefault: clusters.isDefault,
      hasKubeconfig: sql<boolean>`${clusters.kubeconfigSealed} is not null`,
      createdAt: clusters.createdAt,
    })
    .from(clusters)
    .where(eq(clusters.orgId, orgId))
    .orderBy(sql`${clusters.isDefault} desc`, clusters.createdAt);
}

import type { Queryable } from "@/db/client";
import { clusters, type Cluster, type Organization } from "@/db/schema";
import type { ClusterStatus } from "@/db/schema/values";
import { uniqueTag } from "./index";

export type ClusterFields = Partial<Omit<typeof clusters.$inferInsert, "orgId">> & { status?: ClusterStatus };

/**
 * A cluster row as the engine would have left it (default: running AWS, not the default), for
 * tests and the bench. It skips the job queue and the plan limit on purpose: to exercise those,
 * go through createCluster.
 */
export async function makeCluster(db: Queryable, org: Pick<Organization, "id">, fields: ClusterFields = {}): Promise<Cluster> {
  const [cluster] = await db
    .insert(clusters)
    .values({
      name: `cluster-${uniqueTag()}`,
      provider: "aws",
      region: "eu-west-3",
      kubernetesVersion: "1.32",
      instanceType: "t3.large",
      minNodes: 1,
      maxNodes: 3,
      status: "running",
      isDefault: false,
      ...fields,
      orgId: org.id,
    })
    .returning();
  return cluster;
}

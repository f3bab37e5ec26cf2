import { and, asc, count, eq, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { clusters, deploymentRules, environments, projects } from "@/db/schema";
import { listOf } from "@/lib/audit/wording";
import { isUuid } from "./queries";

// The two sides of "an environment runs on a cluster": what an environment or a deployment rule may
// target, and why a cluster that is still targeted cannot be deleted. Both run under the
// organization's lock, which every environment, rule and cluster write takes, so neither side can
// slip in between the other's check and its write.

export type TargetCluster = { id: string; name: string; isDefault: boolean };

export const unknownTargetCluster = "Choose a cluster of this organization.";

export function deletingClusterMessage(name: string): string {
  return `${name} is being deleted: choose another cluster.`;
}

/** The cluster if this organization has it and it is not being deleted; else the field's message. */
export async function findTargetCluster(
  db: Queryable,
  orgId: string,
  clusterId: string,
): Promise<{ ok: true; cluster: TargetCluster } | { ok: false; message: string }> {
  if (!isUuid(clusterId)) return { ok: false, message: unknownTargetCluster };
  const [row] = await db
    .select({ id: clusters.id, name: clusters.name, isDefault: clusters.isDefault, status: clusters.status })
    .from(clusters)
    .where(and(eq(clusters.id, clusterId), eq(clusters.orgId, orgId)));
  if (!row) return { ok: false, message: unknownTargetCluster };
  if (row.status === "deleting") return { ok: false, message: deletingClusterMessage(row.name) };
  return { ok: true, cluster: { id: row.id, name: row.name, isDefault: row.isDefault } };
}

export const namedEnvironmentsShown = 5;

/**
 * Why `clusterId` cannot be deleted yet, naming what still targets it (up to five environments as
 * "project / environment", then "and N more"; the projects whose deployment rules choose it), or
 * null when nothing does. Three small statements, bounded whatever the numbers.
 */
export async function clusterDeletionBlocker(db: Queryable, orgId: string, clusterId: string, clusterName: string): Promise<string | null> {
  const targeted = and(eq(environments.orgId, orgId), eq(environments.clusterId, clusterId));
  const [[{ n: environmentCount }], named, ruleProjects] = await Promise.all([
    db.select({ n: count() }).from(environments).where(targeted),
    db
      .select({ project: projects.name, environment: environments.name })
      .from(environments)
      .innerJoin(projects, eq(projects.id, environments.projectId))
      .where(targeted)
      .orderBy(asc(sql`lower(${projects.name})`), asc(sql`lower(${environments.name})`))
      .limit(namedEnvironmentsShown),
    db
      .selectDistinct({ name: projects.name })
      .from(deploymentRules)
      .innerJoin(projects, eq(projects.id, deploymentRules.projectId))
      .where(and(eq(deploymentRules.orgId, orgId), eq(deploymentRules.clusterId, clusterId)))
      .orderBy(projects.name)
      .limit(namedEnvironmentsShown + 1),
  ]);
  const reasons: string[] = [];
  if (environmentCount > 0) {
    const names = named.map((row) => `${row.project} / ${row.environment}`);
    const more = environmentCount - names.length;
    const list = more > 0 ? `${names.join(", ")} and ${more} more` : listOf(names);
    const one = environmentCount === 1;
    reasons.push(`${one ? "an environment still runs" : `${environmentCount} environments still run`} on it: ${list}. Delete ${one ? "it" : "them"} or move ${one ? "it" : "them"} to another cluster`);
  }
  if (ruleProjects.length > 0) {
    const names = ruleProjects.slice(0, namedEnvironmentsShown).map((row) => row.name);
    const list = ruleProjects.length > namedEnvironmentsShown ? `${names.join(", ")} and more` : listOf(names);
    reasons.push(`deployment rules of ${ruleProjects.length === 1 ? "the project" : "the projects"} ${list} choose it. Edit or delete those rules`);
  }
  if (reasons.length === 0) return null;
  return `${clusterName} cannot be deleted: ${reasons.join("; ")}.`;
}

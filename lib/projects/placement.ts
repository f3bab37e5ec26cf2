import { and, asc, eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { clusters, deploymentRules } from "@/db/schema";
import type { EnvironmentMode } from "./modes";

// Where a new environment goes when its cluster (or mode) is left on Automatic: the first of the
// project's deployment rules whose pattern matches the environment's name, else the
// organization's default cluster (Qovery's "What is the default cluster?").

/** `*` matches any run of characters (including none); everything else literally, ignoring case. */
export function patternMatches(pattern: string, name: string): boolean {
  const escaped = pattern
    .split("*")
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
    .join(".*");
  return new RegExp(`^${escaped}$`, "i").test(name);
}

export type RuleForPlacement = { id: string; pattern: string; clusterId: string; mode: EnvironmentMode };

export type Placement =
  | { ok: true; clusterId: string; mode: EnvironmentMode | null; via: { rule: RuleForPlacement; position: number } | "default" }
  | { ok: false; reason: "no-cluster" };

/** The pure decision, for a name, given the rules in order and the default cluster. */
export function choosePlacement(name: string, rules: RuleForPlacement[], defaultClusterId: string | null): Placement {
  const index = rules.findIndex((rule) => patternMatches(rule.pattern, name));
  if (index >= 0) return { ok: true, clusterId: rules[index].clusterId, mode: rules[index].mode, via: { rule: rules[index], position: index + 1 } };
  if (defaultClusterId) return { ok: true, clusterId: defaultClusterId, mode: null, via: "default" };
  return { ok: false, reason: "no-cluster" };
}

/** Loads a project's rules and its organization's default cluster, and decides. */
export async function resolvePlacement(db: Queryable, scope: { orgId: string; projectId: string }, name: string): Promise<Placement> {
  const [rules, [fallback]] = await Promise.all([
    db
      .select({ id: deploymentRules.id, pattern: deploymentRules.pattern, clusterId: deploymentRules.clusterId, mode: deploymentRules.mode })
      .from(deploymentRules)
      .where(and(eq(deploymentRules.orgId, scope.orgId), eq(deploymentRules.projectId, scope.projectId)))
      .orderBy(asc(deploymentRules.position), asc(deploymentRules.createdAt)),
    db
      .select({ id: clusters.id })
      .from(clusters)
      .where(and(eq(clusters.orgId, scope.orgId), eq(clusters.isDefault, true))),
  ]);
  return choosePlacement(name, rules, fallback?.id ?? null);
}

export const noClusterMessage = "This organization has no cluster to deploy to yet. Ask an owner or admin to add one in Clusters.";

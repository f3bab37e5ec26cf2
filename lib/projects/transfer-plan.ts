import { and, asc, count, eq, inArray, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { applications, clusters, databases, deploymentRules, environments, organizations, projects } from "@/db/schema";
import type { EnvironmentMode, MemberRole } from "@/db/schema/values";
import { planTable } from "@/lib/orgs/plans";
import { choosePlacement, type RuleForPlacement } from "./placement";
import { keyClashBlocker, noClusterBlocker, planLimitBlocker, type TransferBlocker } from "./transfer-blockers";

export type { TransferBlocker };

// What a project transfer would do, read from the database: the preview shows it and the transfer
// carries it out under both organizations' locks, so the two never disagree.
//
// Deployment rules travel with their project, but a rule names a cluster, and clusters belong to an
// organization: a rule whose cluster is not in the destination would send new environments to
// another organization's infrastructure. Those rules are removed (the preview lists them). Since a
// project's rules can only name its own organization's clusters, in practice every rule goes, and
// every environment is then placed like a new one in the destination: its kept rules first, else
// the destination's default cluster. An environment keeps its name and mode; only its cluster
// changes, and it becomes Automatic (the cluster chosen by hand was the source's).

export type OrgSummary = { id: string; slug: string; name: string };
export type ProjectSummary = { id: string; name: string; key: string };

export type Retarget = {
  environmentId: string;
  name: string;
  mode: EnvironmentMode;
  from: { clusterId: string; clusterName: string };
  /** Null when the destination has nowhere to put it. */
  to: { clusterId: string; clusterName: string; via: "rule" | "default" } | null;
};

export type RemovedRule = { id: string; position: number; pattern: string; mode: EnvironmentMode; clusterName: string };


export type TransferPlan = {
  project: ProjectSummary;
  source: OrgSummary;
  destination: OrgSummary;
  counts: { environments: number; applications: number; databases: number; rulesKept: number };
  retargets: Retarget[];
  keptRuleIds: string[];
  rulesRemoved: RemovedRule[];
  blockers: TransferBlocker[];
};

/** The project's row in `orgId`, or null: an id from a URL or form that belongs elsewhere matches nothing. */
export async function findProjectInOrg(db: Queryable, orgId: string, projectId: string, options: { lock?: boolean } = {}) {
  const query = db
    .select({ id: projects.id, name: projects.name, key: projects.key })
    .from(projects)
    .where(and(eq(projects.id, projectId), eq(projects.orgId, orgId)));
  // FOR UPDATE (not NO KEY UPDATE): it also holds back rows being inserted under the project.
  const [row] = options.lock ? await query.for("update") : await query;
  return row ?? null;
}

/** `role` is the caller's in the destination: it decides whether a blocker's fix is theirs to do. */
export async function planTransfer(db: Queryable, project: ProjectSummary, source: OrgSummary, destination: OrgSummary, role: MemberRole): Promise<TransferPlan> {
  const [envs, rules, [fallback], counts, clash, limit] = await Promise.all([
    environmentsOf(db, source.id, project.id),
    rulesOf(db, source.id, project.id),
    db.select({ id: clusters.id, name: clusters.name }).from(clusters).where(and(eq(clusters.orgId, destination.id), eq(clusters.isDefault, true))),
    resourceCounts(db, source.id, project.id),
    keyClash(db, destination.id, project.key),
    projectLimitIn(db, destination.id),
  ]);
  const kept = rules.filter((rule) => rule.clusterOrgId === destination.id);
  const removed = rules.filter((rule) => rule.clusterOrgId !== destination.id);
  const clusterNames = new Map([...kept.map((rule) => [rule.clusterId, rule.clusterName] as const), ...(fallback ? [[fallback.id, fallback.name] as const] : [])]);
  const keptForPlacement: RuleForPlacement[] = kept.map(({ id, pattern, clusterId, mode }) => ({ id, pattern, clusterId, mode }));

  const retargets = envs.map((env): Retarget => {
    const placement = choosePlacement(env.name, keptForPlacement, fallback?.id ?? null);
    return {
      environmentId: env.id,
      name: env.name,
      mode: env.mode,
      from: { clusterId: env.clusterId, clusterName: env.clusterName },
      to: placement.ok
        ? { clusterId: placement.clusterId, clusterName: clusterNames.get(placement.clusterId) ?? "", via: placement.via === "default" ? "default" : "rule" }
        : null,
    };
  });

  const blockers: TransferBlocker[] = [];
  if (clash) blockers.push(keyClashBlocker(destination, role, clash));
  const homeless = retargets.filter((r) => !r.to).length;
  if (homeless > 0) blockers.push(noClusterBlocker(destination, role, homeless));
  if (limit) blockers.push(planLimitBlocker(destination, role, limit));

  return {
    project,
    source,
    destination,
    counts: { ...counts, environments: envs.length, rulesKept: kept.length },
    retargets,
    keptRuleIds: kept.map((rule) => rule.id),
    rulesRemoved: removed.map((rule) => ({ id: rule.id, position: rules.indexOf(rule) + 1, pattern: rule.pattern, mode: rule.mode, clusterName: rule.clusterName })),
    blockers,
  };
}

async function environmentsOf(db: Queryable, orgId: string, projectId: string) {
  return db
    .select({ id: environments.id, name: environments.name, mode: environments.mode, clusterId: environments.clusterId, clusterName: clusters.name })
    .from(environments)
    .innerJoin(clusters, eq(clusters.id, environments.clusterId))
    .where(and(eq(environments.orgId, orgId), eq(environments.projectId, projectId)))
    .orderBy(asc(sql`lower(${environments.name})`), asc(environments.id));
}

async function rulesOf(db: Queryable, orgId: string, projectId: string) {
  return db
    .select({
      id: deploymentRules.id,
      pattern: deploymentRules.pattern,
      clusterId: deploymentRules.clusterId,
      mode: deploymentRules.mode,
      clusterName: clusters.name,
      clusterOrgId: clusters.orgId,
    })
    .from(deploymentRules)
    .innerJoin(clusters, eq(clusters.id, deploymentRules.clusterId))
    .where(and(eq(deploymentRules.orgId, orgId), eq(deploymentRules.projectId, projectId)))
    .orderBy(asc(deploymentRules.position), asc(deploymentRules.createdAt));
}

/** Environment ids of the project, as a subquery: applications and databases hang off them. */
export function environmentIdsOf(db: Queryable, orgId: string, projectId: string) {
  return db
    .select({ id: environments.id })
    .from(environments)
    .where(and(eq(environments.orgId, orgId), eq(environments.projectId, projectId)));
}

async function resourceCounts(db: Queryable, orgId: string, projectId: string) {
  const [[apps], [dbs]] = await Promise.all([
    db
      .select({ n: count() })
      .from(applications)
      .where(and(eq(applications.orgId, orgId), inArray(applications.environmentId, environmentIdsOf(db, orgId, projectId)))),
    db
      .select({ n: count() })
      .from(databases)
      .where(and(eq(databases.orgId, orgId), inArray(databases.environmentId, environmentIdsOf(db, orgId, projectId)))),
  ]);
  return { applications: apps.n, databases: dbs.n };
}

/** The project in `orgId` whose key equals `key` ignoring case (the unique index's rule). */
async function keyClash(db: Queryable, orgId: string, key: string) {
  const [row] = await db
    .select({ name: projects.name, key: projects.key })
    .from(projects)
    .where(and(eq(projects.orgId, orgId), sql`lower(${projects.key}) = lower(${key})`))
    .limit(1);
  return row ?? null;
}

/**
 * The destination's plan limit when it is already reached, read with the plan (which may have
 * changed since the page loaded); null when there is room. The same rule as creating a project.
 */
async function projectLimitIn(db: Queryable, orgId: string): Promise<{ planLabel: string; allowed: number; used: number; personal: boolean } | null> {
  const [org] = await db.select({ plan: organizations.plan, kind: organizations.kind }).from(organizations).where(eq(organizations.id, orgId));
  if (!org) return null;
  const { projects: allowed, label } = planTable[org.plan];
  if (allowed === null) return null;
  const [{ n }] = await db.select({ n: count() }).from(projects).where(eq(projects.orgId, orgId));
  return n < allowed ? null : { planLabel: label, allowed, used: n, personal: org.kind === "personal" };
}

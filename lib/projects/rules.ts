import { and, asc, count, eq, gt, sql } from "drizzle-orm";
import type { Queryable, Tx } from "@/db/client";
import { clusters, deploymentRules, type Project } from "@/db/schema";
import type { EnvironmentMode } from "@/db/schema/values";
import type { ActionResult } from "@/lib/actions/result";
import { recordAudit } from "@/lib/audit/record";
import type { OrgContext } from "@/lib/authz/context";
import { findTargetCluster } from "./cluster-targets";
import { orgTransaction } from "@/lib/authz/org-transaction";
import { findProjectForWrite } from "./project-changes";
import { modeLabels } from "./modes";
import { isUuid } from "./queries";

// A project's deployment rules (project settings, project.edit): an ordered list, tried from the
// top, each an environment-name pattern with the cluster and mode it selects. Positions stay
// 1…n; every change runs under the organization's lock, like the environments that read them.

export const rulesPerProject = 50;
export const unknownRule = "This deployment rule does not exist in this project (it may have been deleted).";

export type RuleInput = { pattern: string; clusterId: string; mode: EnvironmentMode };
type RuleRef = { projectId: string; ruleId: string };

const fail = (formError: string): ActionResult & { ok: false } => ({ ok: false, formError });

/** The project's rules in order, with their clusters' names. */
export async function listRules(db: Queryable, orgId: string, projectId: string) {
  if (!isUuid(projectId)) return [];
  return db
    .select({ id: deploymentRules.id, position: deploymentRules.position, pattern: deploymentRules.pattern, mode: deploymentRules.mode, clusterId: deploymentRules.clusterId, clusterName: clusters.name })
    .from(deploymentRules)
    .innerJoin(clusters, eq(clusters.id, deploymentRules.clusterId))
    .where(and(eq(deploymentRules.orgId, orgId), eq(deploymentRules.projectId, projectId)))
    .orderBy(asc(deploymentRules.position), asc(deploymentRules.createdAt))
    .limit(rulesPerProject);
}

const audited = (project: Project, rule: RuleInput & { position: number }, clusterName: string) => ({
  project: project.name,
  pattern: rule.pattern,
  cluster: clusterName,
  mode: rule.mode,
  position: rule.position,
});

export async function addRule(db: Queryable, ctx: OrgContext, input: RuleInput & { projectId: string }): Promise<ActionResult> {
  return orgTransaction(db, ctx, "project.edit", async (tx) => {
    const found = await findProjectForWrite(tx, ctx, input.projectId);
    if (!found.ok) return found;
    const { project } = found;
    const cluster = await findTargetCluster(tx, ctx.org.id, input.clusterId);
    if (!cluster.ok) return { ok: false, fieldErrors: { clusterId: cluster.message } };
    const [{ n }] = await tx.select({ n: count() }).from(deploymentRules).where(and(eq(deploymentRules.orgId, ctx.org.id), eq(deploymentRules.projectId, project.id)));
    if (n >= rulesPerProject) return fail(`A project has at most ${rulesPerProject} deployment rules. Delete one to add another.`);
    const [rule] = await tx
      .insert(deploymentRules)
      .values({ orgId: ctx.org.id, projectId: project.id, position: n + 1, pattern: input.pattern, clusterId: cluster.cluster.id, mode: input.mode })
      .returning();
    await recordAudit(tx, ctx, { action: "deployment_rule.create", targetType: "deployment_rule", targetId: rule.id, targetLabel: rule.pattern, after: audited(project, rule, cluster.cluster.name) });
    return { ok: true, message: `Added rule ${n + 1}: ${rule.pattern} → ${cluster.cluster.name}, ${modeLabels[rule.mode]}.` };
  });
}

/** The rule in this project of this organization, under the lock `orgTransaction` took. */
async function findRule(tx: Tx, ctx: OrgContext, ref: RuleRef) {
  const found = await findProjectForWrite(tx, ctx, ref.projectId);
  if (!found.ok) return found;
  if (!isUuid(ref.ruleId)) return fail(unknownRule);
  const [rule] = await tx
    .select({ row: deploymentRules, clusterName: clusters.name })
    .from(deploymentRules)
    .innerJoin(clusters, eq(clusters.id, deploymentRules.clusterId))
    .where(and(eq(deploymentRules.id, ref.ruleId), eq(deploymentRules.projectId, found.project.id), eq(deploymentRules.orgId, ctx.org.id)));
  if (!rule) return fail(unknownRule);
  return { ok: true as const, project: found.project, rule: rule.row, clusterName: rule.clusterName };
}

export async function editRule(db: Queryable, ctx: OrgContext, input: RuleInput & RuleRef): Promise<ActionResult> {
  return orgTransaction(db, ctx, "project.edit", async (tx) => {
    const found = await findRule(tx, ctx, input);
    if (!found.ok) return found;
    const { project, rule } = found;
    const cluster = await findTargetCluster(tx, ctx.org.id, input.clusterId);
    if (!cluster.ok) return { ok: false, fieldErrors: { clusterId: cluster.message } };
    const before = audited(project, rule, found.clusterName);
    const after = audited(project, { ...input, position: rule.position }, cluster.cluster.name);
    if (JSON.stringify(before) === JSON.stringify(after)) return { ok: true, message: "Nothing to update: the rule is the same." };
    await tx
      .update(deploymentRules)
      .set({ pattern: input.pattern, clusterId: cluster.cluster.id, mode: input.mode })
      .where(and(eq(deploymentRules.id, rule.id), eq(deploymentRules.orgId, ctx.org.id)));
    await recordAudit(tx, ctx, { action: "deployment_rule.update", targetType: "deployment_rule", targetId: rule.id, targetLabel: input.pattern, before, after });
    return { ok: true, message: `Saved rule ${rule.position}: ${input.pattern} → ${cluster.cluster.name}, ${modeLabels[input.mode]}.` };
  });
}

/** Swaps the rule with its neighbour above or below; the first and last stay put. */
export async function moveRule(db: Queryable, ctx: OrgContext, input: RuleRef & { direction: "up" | "down" }): Promise<ActionResult> {
  return orgTransaction(db, ctx, "project.edit", async (tx) => {
    const found = await findRule(tx, ctx, input);
    if (!found.ok) return found;
    const { project, rule } = found;
    const ordered = await listRules(tx, ctx.org.id, project.id);
    const from = ordered.findIndex((r) => r.id === rule.id);
    const to = input.direction === "up" ? from - 1 : from + 1;
    if (from < 0 || to < 0 || to >= ordered.length) {
      return fail(`Rule ${rule.pattern} is already the ${input.direction === "up" ? "first" : "last"}.`);
    }
    [ordered[from], ordered[to]] = [ordered[to], ordered[from]];
    await renumber(tx, ctx.org.id, ordered);
    await recordAudit(tx, ctx, {
      action: "deployment_rule.move",
      targetType: "deployment_rule",
      targetId: rule.id,
      targetLabel: rule.pattern,
      before: { project: project.name, position: from + 1 },
      after: { project: project.name, position: to + 1 },
    });
    return { ok: true, message: `Moved ${rule.pattern} ${input.direction} to position ${to + 1}.` };
  });
}

/** Writes positions 1…n in the given order, touching only the rules whose position changes. */
async function renumber(tx: Tx, orgId: string, ordered: { id: string; position: number }[]): Promise<void> {
  for (const [index, rule] of ordered.entries()) {
    if (rule.position === index + 1) continue;
    await tx
      .update(deploymentRules)
      .set({ position: index + 1 })
      .where(and(eq(deploymentRules.id, rule.id), eq(deploymentRules.orgId, orgId)));
  }
}

export async function deleteRule(db: Queryable, ctx: OrgContext, input: RuleRef): Promise<ActionResult> {
  return orgTransaction(db, ctx, "project.edit", async (tx) => {
    const found = await findRule(tx, ctx, input);
    if (!found.ok) return found;
    const { project, rule } = found;
    await tx.delete(deploymentRules).where(and(eq(deploymentRules.id, rule.id), eq(deploymentRules.orgId, ctx.org.id)));
    await tx
      .update(deploymentRules)
      .set({ position: sql`${deploymentRules.position} - 1` })
      .where(and(eq(deploymentRules.orgId, ctx.org.id), eq(deploymentRules.projectId, project.id), gt(deploymentRules.position, rule.position)));
    await recordAudit(tx, ctx, { action: "deployment_rule.delete", targetType: "deployment_rule", targetId: rule.id, targetLabel: rule.pattern, before: audited(project, rule, found.clusterName) });
    return { ok: true, message: `Deleted rule ${rule.pattern}.` };
  });
}

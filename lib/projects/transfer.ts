import { and, count, eq, inArray, ne } from "drizzle-orm";
import { z } from "zod";
import type { Db, Queryable, Tx } from "@/db/client";
import { isUniqueViolation } from "@/db/errors";
import { applications, databases, deploymentRules, environments, projects } from "@/db/schema";
import type { ActionResult } from "@/lib/actions/result";
import { recordAudit } from "@/lib/audit/record";
import { loadMembership } from "@/lib/authz/authorize";
import type { OrgContext } from "@/lib/authz/context";
import { minimumRoleFor, roleLabels } from "@/lib/authz/permissions";
import { lockOrgAndRecheck, organizationBeingDeleted, staleAccess } from "@/lib/authz/org-transaction";
import { environmentIdsOf, findProjectInOrg, type OrgSummary, planTransfer, type TransferPlan } from "./transfer-plan";

// Moving a project to another organization of the caller (aqua's "Transferring Projects"): the
// project with its environments, applications, databases and the deployment rules that still make
// sense there (transfer-plan.ts), in one transaction under both organizations' locks. Its audit
// history stays in the source, which records "project.transfer_out"; the destination records
// "project.transfer_in". Access then follows the destination's membership.

export const transferProjectSchema = z.object({
  // A plain string at the door: the domain answers "not in this organization" for any id,
  // well-formed or not, that is not there.
  projectId: z.string().max(100),
  destinationSlug: z.string("Choose an organization.").trim().min(1, "Choose an organization.").max(100, "Choose an organization from the list."),
  confirmName: z.string("Type the project's name to confirm.").max(200, "Type the project's name to confirm."),
});

export type TransferInput = z.output<typeof transferProjectSchema>;

export const transferMessages = {
  projectMissing: "This project is not in this organization any more: it was deleted or transferred meanwhile. Reload the page.",
  // The same words for an organization that does not exist and one the caller is not in: the
  // switcher is the only place that tells which organizations exist, and only the caller's own.
  destinationUnknown: "Choose one of your organizations where you can create projects (as Owner, Admin or Developer).",
  sameOrganization: (name: string) => `The project is already in ${name}. Choose another organization.`,
  roleTooLow: (role: string, orgName: string) =>
    `You are a ${role} in ${orgName}; creating projects there takes the ${roleLabels[minimumRoleFor("project.create")]} role or above. Choose another organization, or ask an admin of ${orgName}.`,
  destinationChanged: (orgName: string) =>
    `Your access to ${orgName} changed meanwhile (your role changed, or the organization was deleted). Reload the page and choose again.`,
  keyTaken: (orgName: string) => `${orgName} now has a project with this project's key. Choose another organization.`,
  confirm: (name: string) => `Type ${name} to confirm.`,
};

type Destination = { ok: true; ctx: OrgContext } | { ok: false; message: string };

/** The caller's membership in the destination, read from the database: it must allow project.create. */
async function resolveDestination(db: Queryable, source: OrgContext, slug: string): Promise<Destination> {
  const destination = await loadMembership(db, source.actor.id, slug.trim().toLowerCase(), source.origin);
  if (!destination) return { ok: false, message: transferMessages.destinationUnknown };
  if (destination.org.id === source.org.id) return { ok: false, message: transferMessages.sameOrganization(source.org.name) };
  if (!destination.can("project.create")) return { ok: false, message: transferMessages.roleTooLow(roleLabels[destination.role], destination.org.name) };
  return { ok: true, ctx: destination };
}

const summary = (ctx: OrgContext): OrgSummary => ({ id: ctx.org.id, slug: ctx.org.slug, name: ctx.org.name });
const isUuid = (value: string) => z.uuid().safeParse(value).success;

export type TransferPreviewOutcome = { ok: true; plan: TransferPlan } | { ok: false; reason: "project" | "destination"; message: string };

/** What transferring the project to `destinationSlug` would move, change and remove, and what blocks it. */
export async function transferPreview(db: Queryable, ctx: OrgContext, input: { projectId: string; destinationSlug: string }): Promise<TransferPreviewOutcome> {
  if (!ctx.can("project.transfer")) return { ok: false, reason: "project", message: transferMessages.projectMissing };
  const project = isUuid(input.projectId) ? await findProjectInOrg(db, ctx.org.id, input.projectId) : null;
  if (!project) return { ok: false, reason: "project", message: transferMessages.projectMissing };
  const destination = await resolveDestination(db, ctx, input.destinationSlug);
  if (!destination.ok) return { ok: false, reason: "destination", message: destination.message };
  return { ok: true, plan: await planTransfer(db, project, summary(ctx), summary(destination.ctx), destination.ctx.role) };
}

export type TransferOutcome = { ok: true; plan: TransferPlan; message: string } | (ActionResult & { ok: false });

/** Transfers the project once the caller typed its name; refuses, changing nothing, on any blocker. */
export async function transferProject(db: Db, ctx: OrgContext, input: TransferInput): Promise<TransferOutcome> {
  if (!isUuid(input.projectId)) return { ok: false, formError: transferMessages.projectMissing };
  const destination = await resolveDestination(db, ctx, input.destinationSlug);
  if (!destination.ok) return { ok: false, formError: destination.message };
  try {
    return await db.transaction((tx) => transferUnderLocks(tx, ctx, destination.ctx, input));
  } catch (error) {
    // A project with the same key created in the destination by a writer that skipped its lock.
    if (isUniqueViolation(error, "projects_org_key_key")) return { ok: false, formError: transferMessages.keyTaken(destination.ctx.org.name) };
    throw error;
  }
}

async function transferUnderLocks(tx: Tx, source: OrgContext, destination: OrgContext, input: TransferInput): Promise<TransferOutcome> {
  // Both organization rows, always in id order: two transfers in opposite directions between the
  // same organizations queue behind each other instead of deadlocking. Under each lock the
  // caller's role there is read again, since it may have changed while we waited.
  const ordered = [source, destination].sort((a, b) => (a.org.id < b.org.id ? -1 : 1));
  let destinationRole = destination.role;
  for (const ctx of ordered) {
    const role = await lockOrgAndRecheck(tx, ctx, ctx === source ? "project.transfer" : "project.create");
    if (role === "deleting") return { ok: false, formError: `${ctx.org.name}: ${organizationBeingDeleted}` };
    if (!role) return { ok: false, formError: ctx === source ? staleAccess : transferMessages.destinationChanged(destination.org.name) };
    if (ctx === destination) destinationRole = role;
  }
  // Under the source's lock: a concurrent transfer of the same project that got here first has
  // already moved it, and this one finds nothing.
  const project = await findProjectInOrg(tx, source.org.id, input.projectId, { lock: true });
  if (!project) return { ok: false, formError: transferMessages.projectMissing };
  if (input.confirmName.trim() !== project.name) {
    return { ok: false, fieldErrors: { confirmName: transferMessages.confirm(project.name) }, values: { confirmName: input.confirmName } };
  }
  const plan = await planTransfer(tx, project, summary(source), summary(destination), destinationRole);
  if (plan.blockers.length > 0) return { ok: false, formError: plan.blockers.map((blocker) => `${blocker.message} ${blocker.fix}`).join(" ") };
  await moveRows(tx, plan);
  await recordTransfer(tx, source, destination, plan);
  return { ok: true, plan, message: transferredMessage(plan) };
}

async function moveRows(tx: Tx, plan: TransferPlan): Promise<void> {
  const { project, source, destination } = plan;
  const now = new Date();
  await tx.update(projects).set({ orgId: destination.id, updatedAt: now }).where(and(eq(projects.id, project.id), eq(projects.orgId, source.id)));
  const removed = plan.rulesRemoved.map((rule) => rule.id);
  if (removed.length > 0) await tx.delete(deploymentRules).where(and(eq(deploymentRules.orgId, source.id), inArray(deploymentRules.id, removed)));
  if (plan.keptRuleIds.length > 0) {
    await tx
      .update(deploymentRules)
      .set({ orgId: destination.id })
      .where(and(eq(deploymentRules.orgId, source.id), eq(deploymentRules.projectId, project.id), inArray(deploymentRules.id, plan.keptRuleIds)));
  }
  // Applications and databases first: they are found through environments still in the source.
  const inProject = environmentIdsOf(tx, source.id, project.id);
  await tx.update(applications).set({ orgId: destination.id }).where(and(eq(applications.orgId, source.id), inArray(applications.environmentId, inProject)));
  await tx.update(databases).set({ orgId: destination.id }).where(and(eq(databases.orgId, source.id), inArray(databases.environmentId, inProject)));
  for (const [clusterId, ids] of environmentsByTarget(plan)) {
    await tx
      .update(environments)
      .set({ orgId: destination.id, clusterId, automaticCluster: true, updatedAt: now })
      .where(and(eq(environments.orgId, source.id), eq(environments.projectId, project.id), inArray(environments.id, ids)));
  }
  // Every writer under a project takes its organization's lock, which this transaction holds; if
  // one ever did not, a row left behind would belong to the wrong organization: refuse to commit.
  const [{ n }] = await tx.select({ n: count() }).from(environments).where(and(eq(environments.projectId, project.id), ne(environments.orgId, destination.id)));
  if (n > 0) throw new Error(`project transfer: ${n} environments of ${project.id} appeared during the transfer`);
}

function environmentsByTarget(plan: TransferPlan): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const retarget of plan.retargets) {
    if (!retarget.to) throw new Error("project transfer: an environment without a destination cluster passed the blockers");
    groups.set(retarget.to.clusterId, [...(groups.get(retarget.to.clusterId) ?? []), retarget.environmentId]);
  }
  return groups;
}

/** The same before/after in both logs: where the project was, where it went, and each environment's cluster. */
async function recordTransfer(tx: Tx, source: OrgContext, destination: OrgContext, plan: TransferPlan): Promise<void> {
  const before = {
    organization: plan.source.name,
    slug: plan.source.slug,
    environments: plan.retargets.map((r) => ({ name: r.name, cluster: r.from.clusterName })),
    deploymentRules: plan.counts.rulesKept + plan.rulesRemoved.length,
  };
  const after = {
    organization: plan.destination.name,
    slug: plan.destination.slug,
    environments: plan.retargets.map((r) => ({ name: r.name, cluster: r.to?.clusterName ?? null })),
    deploymentRules: plan.counts.rulesKept,
    removedRules: plan.rulesRemoved.map((rule) => `${rule.pattern} → ${rule.clusterName}`),
  };
  const event = { targetType: "project", targetId: plan.project.id, targetLabel: plan.project.name, before, after };
  await recordAudit(tx, source, { action: "project.transfer_out", ...event });
  await recordAudit(tx, destination, { action: "project.transfer_in", ...event });
}

function transferredMessage(plan: TransferPlan): string {
  const lead = `Transferred ${plan.project.name} to ${plan.destination.name}.`;
  const targets = [...new Set(plan.retargets.map((r) => r.to?.clusterName ?? ""))];
  const n = plan.retargets.length;
  if (n === 0) return lead;
  const what = n === 1 ? "Its environment now runs" : `Its ${n} environments now run`;
  return targets.length === 1 ? `${lead} ${what} on ${targets[0]}.` : `${lead} ${what} on ${plan.destination.name}'s clusters.`;
}

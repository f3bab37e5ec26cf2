import { and, eq, ne, sql } from "drizzle-orm";
import type { Queryable, Tx } from "@/db/client";
import { isUniqueViolation } from "@/db/errors";
import { applications, clusters, databases, environments } from "@/db/schema";
import type { EnvironmentMode, MemberRole } from "@/db/schema/values";
import type { ActionResult } from "@/lib/actions/result";
import { recordAudit } from "@/lib/audit/record";
import type { OrgContext } from "@/lib/authz/context";
import { type EnvironmentChoice, resolveEnvironmentTarget } from "./environment-target";
import { orgTransaction } from "@/lib/authz/org-transaction";
import { findProjectForWrite } from "./project-changes";
import { doorPermission, modeRefusal } from "./mode-guard";
import { modeLabels } from "./modes";
import { isUuid } from "./queries";

// Environments: create, edit, stop/start, delete. The door checked the development permission;
// the mode decides which one applies, so each write re-reads the environment under the
// organization's lock and checks the permission of its mode as it is now (it may have changed
// since the page was rendered), and going into production needs the production permission.

export type EnvironmentOutcome = (ActionResult & { ok: false }) | { ok: true; environmentId: string; projectId: string; message: string };

const fail = (formError: string): ActionResult & { ok: false } => ({ ok: false, formError });
export const unknownEnvironment = "This environment does not exist in this project (it may have been deleted).";
export const environmentNameTaken = "Another environment of this project has this name.";

async function nameTaken(tx: Tx, scope: { orgId: string; projectId: string }, name: string, except?: string): Promise<boolean> {
  const [row] = await tx
    .select({ id: environments.id })
    .from(environments)
    .where(
      and(
        eq(environments.orgId, scope.orgId),
        eq(environments.projectId, scope.projectId),
        sql`lower(${environments.name}) = lower(${name})`,
        except ? ne(environments.id, except) : undefined,
      ),
    );
  return Boolean(row);
}

export async function createEnvironment(db: Queryable, ctx: OrgContext, input: EnvironmentChoice & { projectId: string }): Promise<EnvironmentOutcome> {
  return orgTransaction(db, ctx, doorPermission("environment", "edit"), async (tx, role): Promise<EnvironmentOutcome> => {
    const found = await findProjectForWrite(tx, ctx, input.projectId);
    if (!found.ok) return found;
    const scope = { orgId: ctx.org.id, projectId: found.project.id };
    if (await nameTaken(tx, scope, input.name)) return { ok: false, fieldErrors: { name: environmentNameTaken } };
    const target = await resolveEnvironmentTarget(tx, scope, input, role);
    if (!target.ok) return target;
    const [created] = await tx
      .insert(environments)
      .values({ ...scope, name: input.name, mode: target.mode, clusterId: target.clusterId, automaticCluster: target.automaticCluster })
      .onConflictDoNothing()
      .returning();
    if (!created) return { ok: false, fieldErrors: { name: environmentNameTaken } };
    await recordAudit(tx, ctx, {
      action: "environment.create",
      targetType: "environment",
      targetId: created.id,
      targetLabel: `${found.project.name} / ${created.name}`,
      after: { name: created.name, mode: created.mode, cluster: target.clusterName, automaticCluster: target.automaticCluster, rule: target.rule?.pattern ?? null },
    });
    const where = target.automaticCluster ? `${target.clusterName} (${target.rule ? `deployment rule ${target.rule.pattern}` : "the default cluster"})` : target.clusterName;
    return { ok: true, environmentId: created.id, projectId: scope.projectId, message: `Created ${created.name} (${modeLabels[created.mode]}) on ${where}.` };
  });
}

type EnvironmentRef = { projectId: string; environmentId: string };

type GuardedVerb = "edit" | "stop" | "delete";

/**
 * The environment in this organization's project, inside `orgTransaction` (under its lock), if
 * `role` (as re-read under that lock) may `verb` it in its mode as it is now.
 */
async function findEnvironmentForWrite(tx: Tx, ctx: OrgContext, role: MemberRole, verb: GuardedVerb, ref: EnvironmentRef) {
  const found = await findProjectForWrite(tx, ctx, ref.projectId);
  if (!found.ok) return found;
  if (!isUuid(ref.environmentId)) return fail(unknownEnvironment);
  const [environment] = await tx
    .select({ row: environments, clusterName: clusters.name })
    .from(environments)
    .innerJoin(clusters, eq(clusters.id, environments.clusterId))
    .where(and(eq(environments.id, ref.environmentId), eq(environments.projectId, found.project.id), eq(environments.orgId, ctx.org.id)));
  if (!environment) return fail(unknownEnvironment);
  const refused = modeRefusal(role, "environment", verb, environment.row.mode);
  if (refused) return refused;
  return { ok: true as const, project: found.project, environment: environment.row, clusterName: environment.clusterName };
}

export type EnvironmentEdit = EnvironmentRef & { name: string; mode: EnvironmentMode; clusterId: string };

/** Renames, changes the mode or moves an environment ("automatic" applies the rules again). */
export async function editEnvironment(db: Queryable, ctx: OrgContext, input: EnvironmentEdit): Promise<EnvironmentOutcome> {
  try {
    return await orgTransaction(db, ctx, doorPermission("environment", "edit"), async (tx, role): Promise<EnvironmentOutcome> => {
      const found = await findEnvironmentForWrite(tx, ctx, role, "edit", input);
      if (!found.ok) return found;
      const { environment, project } = found;
      const scope = { orgId: ctx.org.id, projectId: project.id };
      if (await nameTaken(tx, scope, input.name, environment.id)) return { ok: false, fieldErrors: { name: environmentNameTaken } };
      const target = await resolveEnvironmentTarget(tx, scope, input, role);
      if (!target.ok) return target;
      const before = { name: environment.name, mode: environment.mode, cluster: found.clusterName, automaticCluster: environment.automaticCluster };
      const after = { name: input.name, mode: target.mode, cluster: target.clusterName, automaticCluster: target.automaticCluster };
      const ids = { projectId: project.id, environmentId: environment.id };
      if (JSON.stringify(before) === JSON.stringify(after) && target.clusterId === environment.clusterId) {
        return { ok: true, ...ids, message: "Nothing to update: no setting changed." };
      }
      await tx
        .update(environments)
        .set({ name: input.name, mode: target.mode, clusterId: target.clusterId, automaticCluster: target.automaticCluster, updatedAt: new Date() })
        .where(and(eq(environments.id, environment.id), eq(environments.orgId, ctx.org.id)));
      await recordAudit(tx, ctx, { action: "environment.update", targetType: "environment", targetId: environment.id, targetLabel: `${project.name} / ${input.name}`, before, after });
      const moved = target.clusterId !== environment.clusterId ? ` It now runs on ${target.clusterName}.` : "";
      return { ok: true, ...ids, message: `Saved ${input.name}.${moved}` };
    });
  } catch (error) {
    // Only a write that skipped the organization's lock could race the check above.
    if (isUniqueViolation(error, "environments_project_name_key")) return { ok: false, fieldErrors: { name: environmentNameTaken } };
    throw error;
  }
}

/** Stop (running → stopped) or start (stopped → running); both use the `.stop` permissions. */
export async function setEnvironmentRunning(db: Queryable, ctx: OrgContext, ref: EnvironmentRef, running: boolean): Promise<EnvironmentOutcome> {
  return orgTransaction(db, ctx, doorPermission("environment", "stop"), async (tx, role): Promise<EnvironmentOutcome> => {
    const found = await findEnvironmentForWrite(tx, ctx, role, "stop", ref);
    if (!found.ok) return found;
    const { environment, project } = found;
    const next = running ? "running" : "stopped";
    if (environment.status === next) return fail(`${environment.name} is already ${next}.`);
    await tx
      .update(environments)
      .set({ status: next, updatedAt: new Date() })
      .where(and(eq(environments.id, environment.id), eq(environments.orgId, ctx.org.id)));
    await recordAudit(tx, ctx, {
      action: running ? "environment.start" : "environment.stop",
      targetType: "environment",
      targetId: environment.id,
      targetLabel: `${project.name} / ${environment.name}`,
      before: { status: environment.status },
      after: { status: next },
    });
    return { ok: true, projectId: project.id, environmentId: environment.id, message: `${running ? "Started" : "Stopped"} ${environment.name}.` };
  });
}

export const stopEnvironment = (db: Queryable, ctx: OrgContext, ref: EnvironmentRef) => setEnvironmentRunning(db, ctx, ref, false);
export const startEnvironment = (db: Queryable, ctx: OrgContext, ref: EnvironmentRef) => setEnvironmentRunning(db, ctx, ref, true);

/** Deletes an environment with its applications and databases (the foreign keys cascade). */
export async function deleteEnvironment(db: Queryable, ctx: OrgContext, ref: EnvironmentRef): Promise<EnvironmentOutcome> {
  return orgTransaction(db, ctx, doorPermission("environment", "delete"), async (tx, role): Promise<EnvironmentOutcome> => {
    const found = await findEnvironmentForWrite(tx, ctx, role, "delete", ref);
    if (!found.ok) return found;
    const { environment, project } = found;
    const [counts] = await tx
      .select({
        applications: tx.$count(applications, and(eq(applications.orgId, ctx.org.id), eq(applications.environmentId, environment.id))),
        databases: tx.$count(databases, and(eq(databases.orgId, ctx.org.id), eq(databases.environmentId, environment.id))),
      })
      .from(sql`(select 1) as one`);
    await tx.delete(environments).where(and(eq(environments.id, environment.id), eq(environments.orgId, ctx.org.id)));
    await recordAudit(tx, ctx, {
      action: "environment.delete",
      targetType: "environment",
      targetId: environment.id,
      targetLabel: `${project.name} / ${environment.name}`,
      before: { name: environment.name, mode: environment.mode, cluster: found.clusterName, ...counts },
    });
    return { ok: true, projectId: project.id, environmentId: environment.id, message: `Deleted ${environment.name}.` };
  });
}

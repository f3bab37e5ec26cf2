import { and, eq, sql } from "drizzle-orm";
import type { Queryable, Tx } from "@/db/client";
import { applications, databases, deploymentRules, environments, projects, type Project } from "@/db/schema";
import type { ActionResult } from "@/lib/actions/result";
import { recordAudit } from "@/lib/audit/record";
import { listOf } from "@/lib/audit/wording";
import type { OrgContext } from "@/lib/authz/context";
import { orgTransaction } from "@/lib/authz/org-transaction";
import { isUuid } from "./queries";

// Renaming and deleting a project. Each runs in one transaction with its audit event, under the
// organization's lock (re-reading the caller's role there), and finds the project by id *and* the
// organization of the URL: an id of another organization's project is simply not found.

export type ProjectOutcome = (ActionResult & { ok: false }) | { ok: true; project: Project; message: string };

export const unknownProject = "This project does not exist in this organization (it may have been deleted).";

/** The project in this organization, for a write already inside `orgTransaction` (under its lock). */
export async function findProjectForWrite(
  tx: Tx,
  ctx: OrgContext,
  projectId: string,
): Promise<{ ok: true; project: Project } | { ok: false; formError: string }> {
  if (!isUuid(projectId)) return { ok: false, formError: unknownProject };
  const [project] = await tx
    .select()
    .from(projects)
    .where(and(eq(projects.id, projectId), eq(projects.orgId, ctx.org.id)));
  return project ? { ok: true, project } : { ok: false, formError: unknownProject };
}

export async function renameProject(db: Queryable, ctx: OrgContext, input: { projectId: string; name: string }): Promise<ProjectOutcome> {
  return orgTransaction(db, ctx, "project.edit", async (tx): Promise<ProjectOutcome> => {
    const found = await findProjectForWrite(tx, ctx, input.projectId);
    if (!found.ok) return found;
    const { project } = found;
    if (project.name === input.name) return { ok: true, project, message: "Nothing to update: the name is the same." };
    const [renamed] = await tx
      .update(projects)
      .set({ name: input.name, updatedAt: new Date() })
      .where(and(eq(projects.id, project.id), eq(projects.orgId, ctx.org.id)))
      .returning();
    await recordAudit(tx, ctx, {
      action: "project.rename",
      targetType: "project",
      targetId: project.id,
      targetLabel: renamed.name,
      before: { name: project.name },
      after: { name: renamed.name },
    });
    return { ok: true, project: renamed, message: `Renamed ${project.name} to ${renamed.name}.` };
  });
}

export function typeProjectNameMessage(name: string): string {
  return `Type ${name} to confirm.`;
}

/** What deleting a project takes with it, for the confirmation and the audit event: one statement. */
export async function projectContents(db: Queryable, orgId: string, projectId: string): Promise<ProjectContents> {
  const inProject = sql`select ${environments.id} from ${environments} where ${environments.orgId} = ${orgId} and ${environments.projectId} = ${projectId}`;
  const [counts] = await db
    .select({
      environments: sql<number>`(select count(*) from ${environments} where ${environments.orgId} = ${orgId} and ${environments.projectId} = ${projectId})`.mapWith(Number),
      applications: sql<number>`(select count(*) from ${applications} where ${applications.orgId} = ${orgId} and ${applications.environmentId} in (${inProject}))`.mapWith(Number),
      databases: sql<number>`(select count(*) from ${databases} where ${databases.orgId} = ${orgId} and ${databases.environmentId} in (${inProject}))`.mapWith(Number),
      rules: sql<number>`(select count(*) from ${deploymentRules} where ${deploymentRules.orgId} = ${orgId} and ${deploymentRules.projectId} = ${projectId})`.mapWith(Number),
    })
    .from(sql`(select 1) as one`);
  return counts;
}

export type ProjectContents = { environments: number; applications: number; databases: number; rules: number };

/** "2 environments, 3 applications and 1 database", or "nothing else" for an empty project. */
export function describeContents(contents: ProjectContents): string {
  const parts = (
    [
      [contents.environments, "environment"],
      [contents.applications, "application"],
      [contents.databases, "database"],
      [contents.rules, "deployment rule"],
    ] as const
  )
    .filter(([n]) => n > 0)
    .map(([n, word]) => `${n} ${word}${n === 1 ? "" : "s"}`);
  return parts.length > 0 ? listOf(parts) : "nothing else";
}

/**
 * Deletes a project with everything in it (environments, their applications and databases, its
 * deployment rules: the foreign keys cascade), once the caller typed its exact name, which is
 * checked here and not only in the page.
 */
export async function deleteProject(db: Queryable, ctx: OrgContext, input: { projectId: string; confirmName: string }): Promise<ProjectOutcome> {
  return orgTransaction(db, ctx, "project.delete", async (tx): Promise<ProjectOutcome> => {
    const found = await findProjectForWrite(tx, ctx, input.projectId);
    if (!found.ok) return found;
    const { project } = found;
    if (input.confirmName.trim() !== project.name) return { ok: false, fieldErrors: { confirmName: typeProjectNameMessage(project.name) } };
    const contents = await projectContents(tx, ctx.org.id, project.id);
    await tx.delete(projects).where(and(eq(projects.id, project.id), eq(projects.orgId, ctx.org.id)));
    await recordAudit(tx, ctx, {
      action: "project.delete",
      targetType: "project",
      targetId: project.id,
      targetLabel: project.name,
      before: { name: project.name, key: project.key, ...contents },
    });
    const lost = describeContents(contents);
    return { ok: true, project, message: `Deleted ${project.name}${lost === "nothing else" ? "" : `, with ${lost}`}.` };
  });
}

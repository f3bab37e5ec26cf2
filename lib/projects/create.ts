import { count, eq } from "drizzle-orm";
import type { Queryable, Tx } from "@/db/client";
import { type Project, projects } from "@/db/schema";
import type { ActionResult } from "@/lib/actions/result";
import { recordAudit } from "@/lib/audit/record";
import type { OrgContext } from "@/lib/authz/context";
import { planUnderLock } from "@/lib/billing/locked-plan";
import { orgTransaction, staleAccess } from "@/lib/authz/org-transaction";

export type CreateProjectOutcome = { ok: true; project: Project; message: string } | (ActionResult & { ok: false });

export function keyTakenMessage(key: string): string {
  return `Another project in this organization already uses the key ${key}.`;
}

/**
 * Creates a project under the organization's lock, so the plan's project limit holds under
 * concurrency; the key's uniqueness (case-insensitive) is the database's.
 */
export async function createProject(db: Queryable, ctx: OrgContext, input: { name: string; key: string }): Promise<CreateProjectOutcome> {
  return orgTransaction(db, ctx, "project.create", async (tx): Promise<CreateProjectOutcome> => {
    const limitReached = await projectLimitReached(tx, ctx);
    if (limitReached) return { ok: false, formError: limitReached };
    const project = await insertProject(tx, ctx, input);
    if (!project) return { ok: false, fieldErrors: { key: keyTakenMessage(input.key) }, values: input };
    return { ok: true, project, message: `Created project ${project.name}.` };
  });
}

/** The plan's limit message when the organization has no room for another project. */
export async function projectLimitReached(tx: Tx, ctx: OrgContext): Promise<string | null> {
  // The plan as committed under the lock: a downgrade may have committed while this waited.
  const plan = await planUnderLock(tx, ctx.org.id);
  if (plan.projects === null) return null;
  const [{ n }] = await tx.select({ n: count() }).from(projects).where(eq(projects.orgId, ctx.org.id));
  if (n < plan.projects) return null;
  return `The ${plan.label} plan allows ${plan.projects} project${plan.projects === 1 ? "" : "s"}. Delete one or change plan to create another.`;
}

/** Inserts the project and its audit event; null when the key is taken in this organization. */
export async function insertProject(tx: Tx, ctx: OrgContext, input: { name: string; key: string }): Promise<Project | null> {
  const [project] = await tx
    .insert(projects)
    .values({ orgId: ctx.org.id, name: input.name, key: input.key, createdBy: ctx.actor.id })
    .onConflictDoNothing()
    .returning();
  if (!project) return null;
  await recordAudit(tx, ctx, { action: "project.create", targetType: "project", targetId: project.id, targetLabel: project.name, after: { name: project.name, key: project.key } });
  return project;
}

import { and, eq } from "drizzle-orm";
import type { Queryable, Tx } from "@/db/client";
import { isUniqueViolation } from "@/db/errors";
import { type Application, applications } from "@/db/schema";
import type { ActionResult } from "@/lib/actions/result";
import { recordAudit } from "@/lib/audit/record";
import type { OrgContext } from "@/lib/authz/context";
import { isRepositoryGranted } from "@/lib/git/queries";
import { repositoryNotGrantedMessage } from "@/lib/git/warnings";
import { type ModeClass, modePermission } from "./modes";
import { isResourceId, type ResourceScope, type ScopedEnvironment, writeInEnvironment } from "./resource-scope";

// Applications of an environment: add, edit, delete. The permission depends on the environment's
// mode (application.{edit,delete}.{production,development}; adding one is an edit of the
// environment's applications), so each write is declared for one mode class and refused cleanly
// when the environment is no longer of that class.

export type ApplicationFields = { name: string; gitRepository: string; branch: string };

export const applicationNameTaken = "Another application in this environment has this name.";
export const unknownApplication = "This application does not exist in this environment (it may have been deleted).";

const fail = (formError: string): ActionResult => ({ ok: false, formError });
const fieldsOf = (app: Application): ApplicationFields => ({ name: app.name, gitRepository: app.gitRepository, branch: app.branch });
// Where the change happened, kept with the event so the log reads without the (maybe deleted) rows.
const placeOf = (environment: ScopedEnvironment) => ({ environment: environment.name, project: environment.projectName });

/**
 * Once the organization has a GitHub App installation, an application may only point at a
 * repository it grants: the picker offers only those, and this refuses anything else (a stale page,
 * a replayed form). Without an installation any repository goes.
 */
async function repositoryRefusal(tx: Tx, ctx: OrgContext, gitRepository: string): Promise<ActionResult | null> {
  if ((await isRepositoryGranted(tx, ctx.org.id, gitRepository)) !== false) return null;
  return { ok: false, fieldErrors: { gitRepository: repositoryNotGrantedMessage(gitRepository) } };
}

/** Names are unique per environment (case-insensitive): the database says so, the field shows it. */
async function uniqueName(write: () => Promise<ActionResult>): Promise<ActionResult> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error, "applications_environment_name_key")) return { ok: false, fieldErrors: { name: applicationNameTaken } };
    throw error;
  }
}

export async function createApplication(
  db: Queryable,
  ctx: OrgContext,
  modeClass: ModeClass,
  input: ResourceScope & ApplicationFields,
): Promise<ActionResult> {
  const guard = { permission: modePermission("application", "edit", modeClass), modeClass, scope: input };
  return uniqueName(() =>
    writeInEnvironment(db, ctx, guard, async (tx, environment) => {
      const refused = await repositoryRefusal(tx, ctx, input.gitRepository);
      if (refused) return refused;
      const fields = { name: input.name, gitRepository: input.gitRepository, branch: input.branch };
      const [app] = await tx
        .insert(applications)
        .values({ orgId: ctx.org.id, environmentId: environment.id, ...fields })
        .returning();
      await recordAudit(tx, ctx, {
        action: "application.create",
        targetType: "application",
        targetId: app.id,
        targetLabel: app.name,
        after: { ...fields, ...placeOf(environment) },
      });
      return { ok: true, message: `Added application ${app.name} to ${environment.name}.` };
    }),
  );
}

/** The application, in this organization and this environment only, locked for the write. */
async function findApplication(tx: Tx, ctx: OrgContext, environment: ScopedEnvironment, applicationId: string): Promise<Application | null> {
  if (!isResourceId(applicationId)) return null;
  const [row] = await tx
    .select()
    .from(applications)
    .where(and(eq(applications.id, applicationId), eq(applications.orgId, ctx.org.id), eq(applications.environmentId, environment.id)))
    .for("update");
  return row ?? null;
}

export async function updateApplication(
  db: Queryable,
  ctx: OrgContext,
  modeClass: ModeClass,
  input: ResourceScope & ApplicationFields & { applicationId: string },
): Promise<ActionResult> {
  const guard = { permission: modePermission("application", "edit", modeClass), modeClass, scope: input };
  return uniqueName(() =>
    writeInEnvironment(db, ctx, guard, async (tx, environment) => {
      const app = await findApplication(tx, ctx, environment, input.applicationId);
      if (!app) return fail(unknownApplication);
      const before = fieldsOf(app);
      const after = { name: input.name, gitRepository: input.gitRepository, branch: input.branch };
      if (JSON.stringify(before) === JSON.stringify(after)) return { ok: true, message: "Nothing to update: no setting changed." };
      // Keeping a repository the installation no longer grants is allowed (its warning says so);
      // moving to another one must stay within the installation.
      const refused = after.gitRepository.toLowerCase() === before.gitRepository.toLowerCase() ? null : await repositoryRefusal(tx, ctx, after.gitRepository);
      if (refused) return refused;
      await tx.update(applications).set({ ...after, updatedAt: new Date() }).where(eq(applications.id, app.id));
      await recordAudit(tx, ctx, {
        action: "application.update",
        targetType: "application",
        targetId: app.id,
        targetLabel: after.name,
        before: { ...before, ...placeOf(environment) },
        after: { ...after, ...placeOf(environment) },
      });
      return { ok: true, message: `Updated application ${after.name}.` };
    }),
  );
}

export async function deleteApplication(
  db: Queryable,
  ctx: OrgContext,
  modeClass: ModeClass,
  input: ResourceScope & { applicationId: string },
): Promise<ActionResult> {
  const guard = { permission: modePermission("application", "delete", modeClass), modeClass, scope: input };
  return writeInEnvironment(db, ctx, guard, async (tx, environment) => {
    const app = await findApplication(tx, ctx, environment, input.applicationId);
    if (!app) return fail(unknownApplication);
    await tx.delete(applications).where(eq(applications.id, app.id));
    await recordAudit(tx, ctx, {
      action: "application.delete",
      targetType: "application",
      targetId: app.id,
      targetLabel: app.name,
      before: { ...fieldsOf(app), ...placeOf(environment) },
    });
    return { ok: true, message: `Deleted application ${app.name}.` };
  });
}

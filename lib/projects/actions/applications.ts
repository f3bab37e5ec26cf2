import { z } from "zod";
import { createApplication, deleteApplication, updateApplication } from "@/lib/projects/applications";
import { environmentHref } from "@/lib/projects/resource-scope";
import { applicationSchema } from "@/lib/projects/schemas";
import { byModeClass } from "./mode-actions";

// The application pages' server actions, declared here (not in the "use server" modules) so the
// tests run exactly what the pages run through the same door. Ids stay plain strings at the door:
// the domain looks them up in the organization of the URL and answers "does not exist" for any
// id, well-formed or not, that is not there.

const id = z.string().max(100);
export const resourceScopeSchema = z.object({ projectId: id, environmentId: id });
/** "environment": go to the environment page after the delete (from the application's own page). */
export const afterDeleteSchema = z.enum(["stay", "environment"]).default("stay");

export const createApplicationSchema = resourceScopeSchema.extend(applicationSchema.shape);
export const updateApplicationSchema = createApplicationSchema.extend({ applicationId: id });
export const deleteApplicationSchema = resourceScopeSchema.extend({ applicationId: id, after: afterDeleteSchema });

/** Adding an application is an edit of the environment's applications: application.edit.<mode>. */
export const createApplicationActions = byModeClass("application", "edit", createApplicationSchema, (modeClass) => async (ctx, input, db) => {
  const result = await createApplication(db, ctx, modeClass, input);
  return result.ok ? { ...result, redirectTo: environmentHref(ctx.org.slug, input) } : result;
});

export const updateApplicationActions = byModeClass("application", "edit", updateApplicationSchema, (modeClass) => async (ctx, input, db) => {
  const result = await updateApplication(db, ctx, modeClass, input);
  return result.ok ? { ...result, redirectTo: environmentHref(ctx.org.slug, input) } : result;
});

export const deleteApplicationActions = byModeClass("application", "delete", deleteApplicationSchema, (modeClass) => async (ctx, input, db) => {
  const result = await deleteApplication(db, ctx, modeClass, input);
  return result.ok && input.after === "environment" ? { ...result, redirectTo: environmentHref(ctx.org.slug, input) } : result;
});

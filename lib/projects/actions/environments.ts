import { z } from "zod";
import type { HandlerResult } from "@/lib/actions/run-action";
import { environmentModes } from "@/db/schema/values";
import { createEnvironment, deleteEnvironment, editEnvironment, type EnvironmentOutcome, startEnvironment, stopEnvironment } from "../environments";
import { doorPermission } from "../mode-guard";
import { clusterChoice, environmentModeChoice, environmentNameSchema } from "../schemas";
import { defineOrgAction } from "@/lib/actions/define";
import { environmentPath, projectPath } from "./paths";
import { projectIdField } from "./projects";

// Environment actions, one per verb. The door checks the development permission (the weaker one,
// lib/projects/mode-guard.ts); under the organization's lock the domain checks the one of the
// environment's mode as it is now, and the production one when the mode (chosen, or decided by a
// deployment rule) becomes Production.

const environmentIdField = z.string("This environment does not exist in this project.").trim().max(100);
const environmentRef = z.object({ projectId: projectIdField, environmentId: environmentIdField });

export const newEnvironmentSchema = z.object({ projectId: projectIdField, name: environmentNameSchema, mode: environmentModeChoice, clusterId: clusterChoice });
export const editEnvironmentSchema = environmentRef.extend({
  name: environmentNameSchema,
  mode: z.enum(environmentModes, "Choose a mode."),
  clusterId: clusterChoice,
});

/** The handler's answer without the domain's ids, plus where to go next. */
function answer(outcome: EnvironmentOutcome, next?: (ok: Extract<EnvironmentOutcome, { ok: true }>) => string): HandlerResult {
  if (!outcome.ok) return outcome;
  return next ? { ok: true, message: outcome.message, redirectTo: next(outcome) } : { ok: true, message: outcome.message };
}

export const createEnvironmentAction = defineOrgAction({ permission: doorPermission("environment", "edit"), schema: newEnvironmentSchema }, async (ctx, input, db) =>
  answer(await createEnvironment(db, ctx, input), (done) => environmentPath(ctx.org.slug, done.projectId, done.environmentId)),
);

export const editEnvironmentAction = defineOrgAction({ permission: doorPermission("environment", "edit"), schema: editEnvironmentSchema }, async (ctx, input, db) =>
  answer(await editEnvironment(db, ctx, input), (done) => environmentPath(ctx.org.slug, done.projectId, done.environmentId)),
);

export const stopEnvironmentAction = defineOrgAction({ permission: doorPermission("environment", "stop"), schema: environmentRef }, async (ctx, input, db) =>
  answer(await stopEnvironment(db, ctx, input)),
);

export const startEnvironmentAction = defineOrgAction({ permission: doorPermission("environment", "stop"), schema: environmentRef }, async (ctx, input, db) =>
  answer(await startEnvironment(db, ctx, input)),
);

export const deleteEnvironmentAction = defineOrgAction({ permission: doorPermission("environment", "delete"), schema: environmentRef }, async (ctx, input, db) =>
  answer(await deleteEnvironment(db, ctx, input), (done) => projectPath(ctx.org.slug, done.projectId)),
);

import { z } from "zod";
import type { HandlerResult } from "@/lib/actions/run-action";
import { environmentModes } from "@/db/schema/values";
import { createEnvironment, deleteEnvironment, editEnvironment, type EnvironmentOutcome, startEnvironment, stopEnvironment } from "../environments";
import { type ModeClass, modePermission } from "../modes";
import { clusterChoice, environmentModeChoice, environmentNameSchema } from "../schemas";
import { defineOrgAction, eachModeClass, environmentPath, projectPath } from "./define";
import { projectIdField } from "./projects";

// Environment actions. Creating is declared with the lowest permission that may create anything
// (environment.edit.development); the domain asks for the production one when the mode (chosen
// or decided by a deployment rule) is Production. Edit, stop/start and delete exist once per mode
// class, each declared with that class's permission.

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

export const createEnvironmentAction = defineOrgAction({ permission: "environment.edit.development", schema: newEnvironmentSchema }, async (ctx, input, db) =>
  answer(await createEnvironment(db, ctx, input), (done) => environmentPath(ctx.org.slug, done.projectId, done.environmentId)),
);

export const editEnvironmentActions = eachModeClass((cls) =>
  defineOrgAction({ permission: modePermission("environment", "edit", cls), schema: editEnvironmentSchema }, async (ctx, input, db) =>
    answer(await editEnvironment(db, ctx, cls, input), (done) => environmentPath(ctx.org.slug, done.projectId, done.environmentId)),
  ),
);

export const stopEnvironmentActions = eachModeClass((cls) =>
  defineOrgAction({ permission: modePermission("environment", "stop", cls), schema: environmentRef }, async (ctx, input, db) =>
    answer(await stopEnvironment(db, ctx, cls, input)),
  ),
);

export const startEnvironmentActions = eachModeClass((cls) =>
  defineOrgAction({ permission: modePermission("environment", "stop", cls), schema: environmentRef }, async (ctx, input, db) =>
    answer(await startEnvironment(db, ctx, cls, input)),
  ),
);

export const deleteEnvironmentActions = eachModeClass((cls) =>
  defineOrgAction({ permission: modePermission("environment", "delete", cls), schema: environmentRef }, async (ctx, input, db) =>
    answer(await deleteEnvironment(db, ctx, cls, input), (done) => projectPath(ctx.org.slug, done.projectId)),
  ),
);

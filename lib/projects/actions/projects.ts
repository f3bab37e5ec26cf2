import { z } from "zod";
import { createProject } from "../create";
import { deleteProject, renameProject } from "../project-changes";
import { newProjectSchema, projectNameSchema } from "../schemas";
import { defineOrgAction } from "@/lib/actions/define";
import { projectPath } from "./paths";

// Create (the "New project" page), rename and delete (project settings).

export const projectIdField = z.string("This project does not exist in this organization.").trim().max(100);

export const createProjectAction = defineOrgAction({ permission: "project.create", schema: newProjectSchema }, async (ctx, input, db) => {
  const outcome = await createProject(db, ctx, input);
  if (!outcome.ok) return outcome;
  return { ok: true, message: outcome.message, redirectTo: projectPath(ctx.org.slug, outcome.project.id) };
});

export const renameProjectSchema = z.object({ projectId: projectIdField, name: projectNameSchema });

export const renameProjectAction = defineOrgAction({ permission: "project.edit", schema: renameProjectSchema }, async (ctx, input, db) => {
  const outcome = await renameProject(db, ctx, input);
  return outcome.ok ? { ok: true, message: outcome.message } : outcome;
});

export const deleteProjectSchema = z.object({ projectId: projectIdField, confirmName: z.string().max(200).default("") });

export const deleteProjectAction = defineOrgAction({ permission: "project.delete", schema: deleteProjectSchema }, async (ctx, input, db) => {
  const outcome = await deleteProject(db, ctx, input);
  return outcome.ok ? { ok: true, message: outcome.message, redirectTo: `/orgs/${ctx.org.slug}` } : outcome;
});

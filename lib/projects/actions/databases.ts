import { z } from "zod";
import { createDatabase, deleteDatabase, updateDatabase } from "@/lib/projects/databases";
import { environmentHref } from "@/lib/projects/resource-scope";
import { databaseSchema } from "@/lib/projects/schemas";
import { afterDeleteSchema, resourceScopeSchema } from "./applications";
import { byModeClass } from "./mode-actions";

// The database pages' server actions (see ./applications.ts for why they are declared here).
// database.{edit,delete}.<mode class> at the door; none of them is a viewer's.

const id = z.string().max(100);

// databaseSchema carries a refinement (the version must be one its type offers), so the ids are
// joined to it rather than extended into it.
export const createDatabaseSchema = resourceScopeSchema.and(databaseSchema);
export const updateDatabaseSchema = resourceScopeSchema.extend({ databaseId: id }).and(databaseSchema);
export const deleteDatabaseSchema = resourceScopeSchema.extend({ databaseId: id, after: afterDeleteSchema });

export const createDatabaseActions = byModeClass("database", "edit", createDatabaseSchema, (modeClass) => async (ctx, input, db) => {
  const result = await createDatabase(db, ctx, modeClass, input);
  return result.ok ? { ...result, redirectTo: environmentHref(ctx.org.slug, input) } : result;
});

export const updateDatabaseActions = byModeClass("database", "edit", updateDatabaseSchema, (modeClass) => async (ctx, input, db) => {
  const result = await updateDatabase(db, ctx, modeClass, input);
  return result.ok ? { ...result, redirectTo: environmentHref(ctx.org.slug, input) } : result;
});

export const deleteDatabaseActions = byModeClass("database", "delete", deleteDatabaseSchema, (modeClass) => async (ctx, input, db) => {
  const result = await deleteDatabase(db, ctx, modeClass, input);
  return result.ok && input.after === "environment" ? { ...result, redirectTo: environmentHref(ctx.org.slug, input) } : result;
});

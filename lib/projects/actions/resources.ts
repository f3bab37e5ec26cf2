import { z } from "zod";
import { type ResourceKind, resourceKindNames, resourceLabels } from "../resource-kinds";
import { createResource, deleteResource, updateResource } from "../resource-writes";
import { environmentHref } from "../resource-scope";
import { type FieldsOf, kindSpec } from "../resources";
import { doorPermission } from "../mode-guard";
import { defineOrgAction } from "@/lib/actions/define";

// Add, edit and delete for every resource kind (lib/projects/resources.ts), one action per verb:
// the door checks <kind>.{edit,delete}.development, the domain the permission of the environment's
// mode under the organization's lock. Ids stay plain strings at the door: the domain looks them up
// in the organization of the URL and answers "does not exist" for any id, well-formed or not, that
// is not there.

const id = z.string().max(100);
export const resourceScopeSchema = z.object({ projectId: id, environmentId: id });
/** "environment": go to the environment page after the delete (from the resource's own page). */
export const afterDeleteSchema = z.enum(["stay", "environment"]).default("stay");

type Ids = z.output<typeof resourceScopeSchema> & Record<string, string>;

/** The three actions of a kind, and the schemas the forms are checked against. */
function resourceActionsOf<K extends ResourceKind>(kind: K) {
  const { idField } = resourceLabels[kind];
  const fields = kindSpec(kind).schema as z.ZodType<FieldsOf<K>>;
  const withId = resourceScopeSchema.extend({ [idField]: id });
  // Joined rather than extended: a kind's fields may carry a refinement (a database's version
  // must be one its type offers).
  const createSchema = resourceScopeSchema.and(fields);
  const updateSchema = withId.and(fields);
  const deleteSchema = withId.extend({ after: afterDeleteSchema });
  const refOf = (input: Ids) => ({ projectId: input.projectId, environmentId: input.environmentId, id: input[idField] });
  const back = (slug: string, input: Ids) => environmentHref(slug, input);

  return {
    schemas: { create: createSchema, update: updateSchema, delete: deleteSchema },
    create: defineOrgAction({ permission: doorPermission(kind, "edit"), schema: createSchema }, async (ctx, input, db) => {
      const result = await createResource(db, ctx, kind, input, input);
      return result.ok ? { ...result, redirectTo: back(ctx.org.slug, input) } : result;
    }),
    update: defineOrgAction({ permission: doorPermission(kind, "edit"), schema: updateSchema }, async (ctx, input, db) => {
      const ids = input as unknown as Ids;
      const result = await updateResource(db, ctx, kind, refOf(ids), input);
      return result.ok ? { ...result, redirectTo: back(ctx.org.slug, ids) } : result;
    }),
    delete: defineOrgAction({ permission: doorPermission(kind, "delete"), schema: deleteSchema }, async (ctx, input, db) => {
      const ids = input as unknown as Ids;
      const result = await deleteResource(db, ctx, kind, refOf(ids));
      return result.ok && ids.after === "environment" ? { ...result, redirectTo: back(ctx.org.slug, ids) } : result;
    }),
  };
}

export const resourceActions = Object.fromEntries(resourceKindNames.map((kind) => [kind, resourceActionsOf(kind)])) as unknown as {
  [K in ResourceKind]: ReturnType<typeof resourceActionsOf<K>>;
};

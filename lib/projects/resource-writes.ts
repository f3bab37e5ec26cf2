import { eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { isUniqueViolation } from "@/db/errors";
import type { applications } from "@/db/schema";
import type { ActionResult } from "@/lib/actions/result";
import { recordAudit } from "@/lib/audit/record";
import type { OrgContext } from "@/lib/authz/context";
import type { ResourceKind } from "./resource-kinds";
import { findResource } from "./resource-queries";
import { type ResourceScope, type ScopedEnvironment, writeInEnvironment } from "./resource-scope";
import { type FieldsOf, kindSpec } from "./resources";

// Adding, changing and deleting a resource of any kind of ./resources.ts. The permission depends on
// the environment's mode (<kind>.{edit,delete}.{production,development}; adding one is an edit of
// the environment's resources): the door checked the development one, writeInEnvironment checks
// the one of the mode as it is, under the organization's lock.

const fail = (formError: string): ActionResult => ({ ok: false, formError });
// Where the change happened, kept with the event so the log reads without the (maybe deleted) rows.
const placeOf = (environment: ScopedEnvironment) => ({ environment: environment.name, project: environment.projectName });
// The kinds' tables share the columns written here (see resource-queries.ts).
const tableOf = (kind: ResourceKind) => kindSpec(kind).table as typeof applications;

/** Names are unique per environment (case-insensitive): the database says so, the field shows it. */
async function uniqueName(kind: ResourceKind, write: () => Promise<ActionResult>): Promise<ActionResult> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error, kindSpec(kind).nameIndex)) return { ok: false, fieldErrors: { name: kindSpec(kind).nameTaken } };
    throw error;
  }
}

export type ResourceRef = ResourceScope & { id: string };

export async function createResource<K extends ResourceKind>(db: Queryable, ctx: OrgContext, kind: K, scope: ResourceScope, input: FieldsOf<K>): Promise<ActionResult> {
  const spec = kindSpec(kind);
  return uniqueName(kind, () =>
    writeInEnvironment(db, ctx, { kind, verb: "edit", scope }, async (tx, environment) => {
      const refused = await spec.refuse?.(tx, ctx, input);
      if (refused) return refused;
      const [row] = await tx
        .insert(tableOf(kind))
        .values({ orgId: ctx.org.id, environmentId: environment.id, ...spec.fieldsOf(input as never) } as never)
        .returning();
      const fields = spec.fieldsOf(row);
      await recordAudit(tx, ctx, { action: `${kind}.create`, targetType: kind, targetId: row.id, targetLabel: row.name, after: { ...fields, ...placeOf(environment) } });
      return { ok: true, message: spec.created(fields, environment) };
    }),
  );
}

export async function updateResource<K extends ResourceKind>(db: Queryable, ctx: OrgContext, kind: K, ref: ResourceRef, input: FieldsOf<K>): Promise<ActionResult> {
  const spec = kindSpec(kind);
  return uniqueName(kind, () =>
    writeInEnvironment(db, ctx, { kind, verb: "edit", scope: ref }, async (tx, environment) => {
      const row = await findResource(tx, ctx, kind, environment.id, ref.id, "update");
      if (!row) return fail(spec.unknown);
      const refused = await spec.refuse?.(tx, ctx, input, row);
      if (refused) return refused;
      const before = spec.fieldsOf(row);
      const after = spec.fieldsOf({ ...row, ...input });
      if (JSON.stringify(before) === JSON.stringify(after)) return { ok: true, message: "Nothing to update: no setting changed." };
      await tx
        .update(tableOf(kind))
        .set({ ...after, updatedAt: new Date() } as never)
        .where(eq(tableOf(kind).id, row.id));
      await recordAudit(tx, ctx, {
        action: `${kind}.update`,
        targetType: kind,
        targetId: row.id,
        targetLabel: after.name,
        before: { ...before, ...placeOf(environment) },
        after: { ...after, ...placeOf(environment) },
      });
      return { ok: true, message: `Updated ${spec.one} ${after.name}.` };
    }),
  );
}

export async function deleteResource(db: Queryable, ctx: OrgContext, kind: ResourceKind, ref: ResourceRef): Promise<ActionResult> {
  const spec = kindSpec(kind);
  return writeInEnvironment(db, ctx, { kind, verb: "delete", scope: ref }, async (tx, environment) => {
    const row = await findResource(tx, ctx, kind, environment.id, ref.id, "update");
    if (!row) return fail(spec.unknown);
    await tx.delete(tableOf(kind)).where(eq(tableOf(kind).id, row.id));
    await recordAudit(tx, ctx, {
      action: `${kind}.delete`,
      targetType: kind,
      targetId: row.id,
      targetLabel: row.name,
      before: { ...spec.fieldsOf(row), ...placeOf(environment) },
    });
    return { ok: true, message: `Deleted ${spec.one} ${row.name}.` };
  });
}

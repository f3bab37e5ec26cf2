import { and, eq } from "drizzle-orm";
import type { Queryable, Tx } from "@/db/client";
import { isUniqueViolation } from "@/db/errors";
import { type Database, databases } from "@/db/schema";
import type { DatabaseType } from "@/db/schema/values";
import type { ActionResult } from "@/lib/actions/result";
import { recordAudit } from "@/lib/audit/record";
import type { OrgContext } from "@/lib/authz/context";
import { type ModeClass, modePermission } from "./modes";
import { isResourceId, type ResourceScope, type ScopedEnvironment, writeInEnvironment } from "./resource-scope";
import { databaseTypeLabels } from "./schemas";

// Databases of an environment: add, edit (name and version), delete, guarded by the environment's
// mode like applications. Every write needs database.{edit,delete}.<mode class>, which viewers
// never hold, so a viewer can neither read nor change a database.

export type DatabaseFields = { name: string; type: DatabaseType; version: string };

export const databaseNameTaken = "Another database in this environment has this name.";
export const unknownDatabase = "This database does not exist in this environment (it may have been deleted).";

const fail = (formError: string): ActionResult => ({ ok: false, formError });
const fieldsOf = (row: Database): DatabaseFields => ({ name: row.name, type: row.type, version: row.version });
const placeOf = (environment: ScopedEnvironment) => ({ environment: environment.name, project: environment.projectName });

async function uniqueName(write: () => Promise<ActionResult>): Promise<ActionResult> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error, "databases_environment_name_key")) return { ok: false, fieldErrors: { name: databaseNameTaken } };
    throw error;
  }
}

export async function createDatabase(db: Queryable, ctx: OrgContext, modeClass: ModeClass, input: ResourceScope & DatabaseFields): Promise<ActionResult> {
  const guard = { permission: modePermission("database", "edit", modeClass), modeClass, scope: input };
  return uniqueName(() =>
    writeInEnvironment(db, ctx, guard, async (tx, environment) => {
      const fields = { name: input.name, type: input.type, version: input.version };
      const [row] = await tx
        .insert(databases)
        .values({ orgId: ctx.org.id, environmentId: environment.id, ...fields })
        .returning();
      await recordAudit(tx, ctx, {
        action: "database.create",
        targetType: "database",
        targetId: row.id,
        targetLabel: row.name,
        after: { ...fields, ...placeOf(environment) },
      });
      return { ok: true, message: `Added ${databaseTypeLabels[row.type]} database ${row.name} to ${environment.name}.` };
    }),
  );
}

async function findDatabase(tx: Tx, ctx: OrgContext, environment: ScopedEnvironment, databaseId: string): Promise<Database | null> {
  if (!isResourceId(databaseId)) return null;
  const [row] = await tx
    .select()
    .from(databases)
    .where(and(eq(databases.id, databaseId), eq(databases.orgId, ctx.org.id), eq(databases.environmentId, environment.id)))
    .for("update");
  return row ?? null;
}

/** Renames a database or moves it to another version of its type; the type itself stays. */
export async function updateDatabase(
  db: Queryable,
  ctx: OrgContext,
  modeClass: ModeClass,
  input: ResourceScope & DatabaseFields & { databaseId: string },
): Promise<ActionResult> {
  const guard = { permission: modePermission("database", "edit", modeClass), modeClass, scope: input };
  return uniqueName(() =>
    writeInEnvironment(db, ctx, guard, async (tx, environment) => {
      const row = await findDatabase(tx, ctx, environment, input.databaseId);
      if (!row) return fail(unknownDatabase);
      // A PostgreSQL database does not become a Redis one in place: that is a new database.
      if (input.type !== row.type) {
        return { ok: false, fieldErrors: { type: `The type of a database cannot change: add a ${databaseTypeLabels[input.type]} database instead.` } };
      }
      const before = fieldsOf(row);
      const after = { name: input.name, type: row.type, version: input.version };
      if (JSON.stringify(before) === JSON.stringify(after)) return { ok: true, message: "Nothing to update: no setting changed." };
      await tx.update(databases).set({ name: after.name, version: after.version, updatedAt: new Date() }).where(eq(databases.id, row.id));
      await recordAudit(tx, ctx, {
        action: "database.update",
        targetType: "database",
        targetId: row.id,
        targetLabel: after.name,
        before: { ...before, ...placeOf(environment) },
        after: { ...after, ...placeOf(environment) },
      });
      return { ok: true, message: `Updated database ${after.name}.` };
    }),
  );
}

export async function deleteDatabase(db: Queryable, ctx: OrgContext, modeClass: ModeClass, input: ResourceScope & { databaseId: string }): Promise<ActionResult> {
  const guard = { permission: modePermission("database", "delete", modeClass), modeClass, scope: input };
  return writeInEnvironment(db, ctx, guard, async (tx, environment) => {
    const row = await findDatabase(tx, ctx, environment, input.databaseId);
    if (!row) return fail(unknownDatabase);
    await tx.delete(databases).where(eq(databases.id, row.id));
    await recordAudit(tx, ctx, {
      action: "database.delete",
      targetType: "database",
      targetId: row.id,
      targetLabel: row.name,
      before: { ...fieldsOf(row), ...placeOf(environment) },
    });
    return { ok: true, message: `Deleted database ${row.name}.` };
  });
}

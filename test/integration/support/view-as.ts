import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { type SQL, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import type { OrgActionSpec } from "@/lib/actions/define";
import type { z } from "zod";
import { referencesToOrganizations } from "./org-rows";

// What the "view as a role" tests share: every organization action the code declares, found by
// reading lib/ (so an action added later is covered without editing a list), and a snapshot of
// every row an organization owns, in every table that references it (read from the catalogue).

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : /\.tsx?$/.test(name) ? [full] : [];
  });
}

const isSpec = (value: unknown): value is OrgActionSpec<z.ZodType> =>
  typeof value === "object" && value !== null && "permission" in value && "schema" in value && typeof (value as { handler?: unknown }).handler === "function";

/** Every `defineOrgAction` spec exported from lib/, by "file#export". */
export async function everyOrgActionSpec(): Promise<Record<string, OrgActionSpec<z.ZodType>>> {
  const root = process.cwd();
  const files = filesUnder(path.join(root, "lib")).filter((file) => !file.endsWith(`${path.sep}define.ts`) && readFileSync(file, "utf8").includes("defineOrgAction("));
  const specs: Record<string, OrgActionSpec<z.ZodType>> = {};
  for (const file of files.sort()) {
    const module = (await import(file)) as Record<string, unknown>;
    for (const [name, value] of Object.entries(module)) if (isSpec(value)) specs[`${path.relative(root, file)}#${name}`] = value;
  }
  return specs;
}

/** The organization's row and every row of every table that references it, as JSON, in a stable order. */
export async function snapshotEverything(db: Queryable, orgId: string): Promise<Record<string, unknown[]>> {
  const snapshot: Record<string, unknown[]> = {
    organizations: await rowsOf(db, sql`select to_jsonb(o) as row from organizations o where o.id = ${orgId}`),
  };
  for (const { table, column } of await referencesToOrganizations(db)) {
    snapshot[`${table}.${column}`] = await rowsOf(
      db,
      sql`select to_jsonb(t) as row from ${sql.identifier(table)} t where ${sql.identifier(column)} = ${orgId} order by to_jsonb(t)::text`,
    );
  }
  return snapshot;
}

async function rowsOf(db: Queryable, query: SQL): Promise<unknown[]> {
  return ((await db.execute(query)) as unknown as { row: unknown }[]).map((r) => r.row);
}

import { and, asc, count, eq, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import type { applications } from "@/db/schema";
import type { OrgContext } from "@/lib/authz/context";
import type { ResourceKind } from "./resource-kinds";
import { isResourceId } from "./resource-scope";
import { kindSpec, type RowOf } from "./resources";

// Reads of an environment's resources (of any kind in ./resources.ts), always scoped by the
// organization of the request and the environment (itself found in that organization first). A
// page of rows by name, with the total, so an environment with thousands of them renders one page.

export type Paged<Row> = { rows: Row[]; total: number; page: number; pages: number };

/** A page number from a URL: a positive integer, else 1 (clamped to the last page by the caller). */
export function pageNumber(value: string | string[] | undefined): number {
  const n = Number(Array.isArray(value) ? value[0] : value);
  return Number.isInteger(n) && n >= 1 ? n : 1;
}

const pageCount = (total: number, pageSize: number) => Math.max(1, Math.ceil(total / pageSize));

// The kinds' tables share these columns; drizzle types a query by one table, so the code written
// once for every kind reads through this view and hands back the kind's row type.
const columnsOf = (kind: ResourceKind) => kindSpec(kind).table as typeof applications;

export async function listResources<K extends ResourceKind>(
  db: Queryable,
  ctx: OrgContext,
  kind: K,
  environmentId: string,
  { page, pageSize }: { page: number; pageSize: number },
): Promise<Paged<RowOf<K>>> {
  const table = columnsOf(kind);
  const scope = and(eq(table.orgId, ctx.org.id), eq(table.environmentId, environmentId));
  const [{ total }] = await db.select({ total: count() }).from(table).where(scope);
  // A page past the end (an old link after deletions) shows the last one rather than nothing.
  const shown = Math.min(page, pageCount(total, pageSize));
  const rows = await db
    .select()
    .from(table)
    .where(scope)
    .orderBy(sql`lower(${table.name})`, asc(table.id))
    .limit(pageSize)
    .offset((shown - 1) * pageSize);
  return { rows: rows as unknown as RowOf<K>[], total, page: shown, pages: pageCount(total, pageSize) };
}

/**
 * One resource, in this organization and this environment only; `update` locks the row for the
 * write that found it (inside a transaction).
 */
export async function findResource<K extends ResourceKind>(
  db: Queryable,
  ctx: OrgContext,
  kind: K,
  environmentId: string,
  id: string,
  lock?: "update",
): Promise<RowOf<K> | null> {
  if (!isResourceId(id)) return null;
  const table = columnsOf(kind);
  const query = db
    .select()
    .from(table)
    .where(and(eq(table.id, id), eq(table.orgId, ctx.org.id), eq(table.environmentId, environmentId)));
  const [row] = lock ? await query.for(lock) : await query;
  return (row ?? null) as unknown as RowOf<K> | null;
}

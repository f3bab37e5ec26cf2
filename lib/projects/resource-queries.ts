import { and, asc, count, eq, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { type Application, applications, type Database, databases } from "@/db/schema";
import type { OrgContext } from "@/lib/authz/context";
import { isResourceId } from "./resource-scope";

// Reads of an environment's applications and databases, always scoped by the organization of the
// request and the environment (itself found in that organization first). A page of rows by name,
// with the total, so an environment with thousands of them renders one page.

export type Paged<Row> = { rows: Row[]; total: number; page: number; pages: number };

/** A page number from a URL: a positive integer, else 1 (clamped to the last page by the caller). */
export function pageNumber(value: string | string[] | undefined): number {
  const n = Number(Array.isArray(value) ? value[0] : value);
  return Number.isInteger(n) && n >= 1 ? n : 1;
}

const pageCount = (total: number, pageSize: number) => Math.max(1, Math.ceil(total / pageSize));
// A page past the end (an old link after deletions) shows the last one rather than nothing.
const clampPage = (page: number, total: number, pageSize: number) => Math.min(page, pageCount(total, pageSize));

function paged<Row>(rows: Row[], total: number, page: number, pageSize: number): Paged<Row> {
  return { rows, total, page, pages: pageCount(total, pageSize) };
}

export async function listApplications(
  db: Queryable,
  ctx: OrgContext,
  environmentId: string,
  { page, pageSize }: { page: number; pageSize: number },
): Promise<Paged<Application>> {
  const scope = and(eq(applications.orgId, ctx.org.id), eq(applications.environmentId, environmentId));
  const [{ total }] = await db.select({ total: count() }).from(applications).where(scope);
  const shown = clampPage(page, total, pageSize);
  const rows = await db
    .select()
    .from(applications)
    .where(scope)
    .orderBy(sql`lower(${applications.name})`, asc(applications.id))
    .limit(pageSize)
    .offset((shown - 1) * pageSize);
  return paged(rows, total, shown, pageSize);
}

export async function listDatabases(
  db: Queryable,
  ctx: OrgContext,
  environmentId: string,
  { page, pageSize }: { page: number; pageSize: number },
): Promise<Paged<Database>> {
  const scope = and(eq(databases.orgId, ctx.org.id), eq(databases.environmentId, environmentId));
  const [{ total }] = await db.select({ total: count() }).from(databases).where(scope);
  const shown = clampPage(page, total, pageSize);
  const rows = await db
    .select()
    .from(databases)
    .where(scope)
    .orderBy(sql`lower(${databases.name})`, asc(databases.id))
    .limit(pageSize)
    .offset((shown - 1) * pageSize);
  return paged(rows, total, shown, pageSize);
}

export async function findApplication(db: Queryable, ctx: OrgContext, environmentId: string, applicationId: string): Promise<Application | null> {
  if (!isResourceId(applicationId)) return null;
  const [row] = await db
    .select()
    .from(applications)
    .where(and(eq(applications.id, applicationId), eq(applications.orgId, ctx.org.id), eq(applications.environmentId, environmentId)));
  return row ?? null;
}

export async function findDatabase(db: Queryable, ctx: OrgContext, environmentId: string, databaseId: string): Promise<Database | null> {
  if (!isResourceId(databaseId)) return null;
  const [row] = await db
    .select()
    .from(databases)
    .where(and(eq(databases.id, databaseId), eq(databases.orgId, ctx.org.id), eq(databases.environmentId, environmentId)));
  return row ?? null;
}

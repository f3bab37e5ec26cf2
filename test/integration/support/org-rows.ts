import { type SQL, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";

export type OrgReference = { table: string; column: string; onDelete: "cascade" | "set null" | "restrict" | "no action" | "set default" };

const deleteRules: Record<string, OrgReference["onDelete"]> = { c: "cascade", n: "set null", r: "restrict", a: "no action", d: "set default" };

/**
 * Every column of every table that references organizations, read from the database catalogue, so
 * tables added by later work are covered without anyone editing the tests that use it.
 */
export async function referencesToOrganizations(db: Queryable): Promise<OrgReference[]> {
  const rows = await rowsOf(db, sql`
    select c.conrelid::regclass::text as "table", a.attname as "column", c.confdeltype as "rule"
    from pg_constraint c
    join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
    where c.contype = 'f' and c.confrelid = 'organizations'::regclass
    order by 1, 2
  `);
  return rows.map((row) => {
    const { table, column, rule } = row as { table: string; column: string; rule: string };
    return { table, column, onDelete: deleteRules[rule] };
  });
}

/** How many rows of each referencing table still point at the organization. */
export async function rowsReferencing(db: Queryable, orgId: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const { table, column } of await referencesToOrganizations(db)) {
    const [row] = await rowsOf(db, sql`select count(*)::int as n from ${sql.identifier(table)} where ${sql.identifier(column)} = ${orgId}`);
    counts[`${table}.${column}`] = Number((row as { n: number }).n);
  }
  return counts;
}

// Integration tests run on postgres.js, whose execute() answers the rows themselves.
async function rowsOf(db: Queryable, query: SQL): Promise<Record<string, unknown>[]> {
  return (await db.execute(query)) as unknown as Record<string, unknown>[];
}

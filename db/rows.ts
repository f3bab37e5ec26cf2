import type { SQL } from "drizzle-orm";
import type { Queryable } from "./client";

/** The rows of a raw statement: `db.execute` answers an array (postgres.js) or `{ rows }` (PGlite). */
export async function rowsOf<Row>(db: Queryable, query: SQL): Promise<Row[]> {
  const result = (await db.execute(query)) as unknown as Row[] | { rows: Row[] };
  return Array.isArray(result) ? result : result.rows;
}

import { PgDialect } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { planConstant } from "@/db/plan-constant";

// db/plan-constant.ts: a server-side integer goes into the statement's text, never as a parameter,
// and nothing but an integer gets in that way.
describe("planConstant", () => {
  const dialect = new PgDialect();

  it("writes the integer into the text, beside real parameters", () => {
    const query = dialect.sqlToQuery(sql`select 1 from t where org_id = ${"org"} limit ${planConstant(51)}`);
    expect(query.sql).toBe("select 1 from t where org_id = $1 limit 51");
    expect(query.params).toEqual(["org"]);
  });

  it("refuses anything but a safe integer", () => {
    for (const value of [1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 60]) expect(() => planConstant(value)).toThrow(/integer/);
  });
});

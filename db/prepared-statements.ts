import type { Sql } from "postgres";

/**
 * The postgres.js client with every statement prepared once per connection and reused.
 *
 * Drizzle runs its queries through `sql.unsafe(text, params, { prepare: false })` unless a query is
 * given a name, so PostgreSQL parsed and planned every statement again on every request, and
 * postgres.js built its row parsers again from each answer's description. Marking them prepared
 * makes postgres.js name each distinct text once per connection and send only Bind and Execute
 * afterwards. Our statements are a bounded set of texts (parameters are always placeholders), so
 * the per-connection cache stays small. Transactions and savepoints get a client wrapped the same way.
 *
 * Except contains-searches (`ilike`): PostgreSQL plans a prepared statement for any parameters after
 * five runs, and a pattern's selectivity is only known with the pattern. Planned blind, a search of
 * 10,000 members for a rare name walked them all in join order (17 ms) instead of asking the trigram
 * index (1.4 ms). Sent unnamed, each search is planned for its own pattern.
 */
export function withPreparedStatements<T extends Sql>(sql: T): T {
  // Built once per client: Drizzle reads `unsafe` on every query.
  const unsafe = (text: string, params?: unknown[], options?: object) =>
    sql.unsafe(text, params as never, { ...options, prepare: !plannedPerPattern(text) });
  const wrapScope = (name: "begin" | "savepoint") => {
    const open = Reflect.get(sql, name) as (...args: unknown[]) => unknown;
    return (...args: unknown[]) => {
      const last = args.length - 1;
      const callback = args[last] as (inner: Sql) => unknown;
      args[last] = (inner: Sql) => callback(withPreparedStatements(inner));
      return open.apply(sql, args);
    };
  };
  const overrides: Record<PropertyKey, unknown> = { unsafe, begin: wrapScope("begin") };
  if (typeof Reflect.get(sql, "savepoint") === "function") overrides.savepoint = wrapScope("savepoint");
  return new Proxy(sql, {
    get(target, property, receiver) {
      if (property in overrides) return overrides[property];
      const value = Reflect.get(target, property, receiver);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

/** A statement whose plan depends on a search pattern's selectivity (see above). */
export function plannedPerPattern(text: string): boolean {
  return /\bilike\b/i.test(text);
}

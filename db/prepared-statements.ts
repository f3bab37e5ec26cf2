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
 */
export function withPreparedStatements<T extends Sql>(sql: T): T {
  return new Proxy(sql, {
    get(target, property, receiver) {
      if (property === "unsafe") {
        return (text: string, params?: unknown[], options?: object) => target.unsafe(text, params as never, { ...options, prepare: true });
      }
      if (property === "begin" || property === "savepoint") {
        return (...args: unknown[]) => {
          const last = args.length - 1;
          const callback = args[last] as (sql: Sql) => unknown;
          args[last] = (inner: Sql) => callback(withPreparedStatements(inner));
          const open = Reflect.get(target, property) as (...a: unknown[]) => unknown;
          return open.apply(target, args);
        };
      }
      const value = Reflect.get(target, property, receiver);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

import { type AnyColumn, type SQL, sql } from "drizzle-orm";

// Keyset pagination's `?after=`: the sort key of a page's last row (a tuple such as
// (created_at, id) or (lower(name), id)), as an opaque base64url token of its JSON. Members,
// projects and environments, Git repositories and the audit log all use this one codec.
//
// A link can be edited by hand, so decoding trusts nothing: anything that is not exactly a tuple
// of the declared fields, each one PostgreSQL will accept as its type, is null (the caller shows
// the first page), never an exception and never a query that fails.

/**
 * What each position of the tuple holds:
 * - `timestamp`: ISO 8601 in UTC to the microsecond, as `timestampKey` reads it
 * - `uuid`: a row id
 * - `text`: a sort name (at most 500 characters)
 * - `serial`: a positive integer id
 */
export type CursorField = "timestamp" | "uuid" | "text" | "serial";
type ValueOf<F extends CursorField> = F extends "serial" ? number : string;
export type CursorValues<F extends readonly CursorField[]> = { [K in keyof F]: F[K] extends CursorField ? ValueOf<F[K]> : never };

// A tuple of at most a few short fields never needs more; this bounds the work on a hostile one.
const maxEncodedLength = 2048;
const maxTextLength = 500;
const timestampPattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * The instant exists: the pattern alone lets "2026-02-30" and "24:00" through, and PostgreSQL
 * would refuse or shift them. Dates round-trip to the second (the microseconds are only digits).
 */
function isRealInstant(text: string): boolean {
  const date = new Date(`${text.slice(0, 23)}Z`);
  return !Number.isNaN(date.getTime()) && date.getUTCFullYear() >= 1 && date.toISOString().slice(0, 19) === text.slice(0, 19);
}

const valid: Record<CursorField, (value: unknown) => boolean> = {
  timestamp: (value) => typeof value === "string" && timestampPattern.test(value) && isRealInstant(value),
  uuid: (value) => typeof value === "string" && uuidPattern.test(value),
  // PostgreSQL refuses a NUL character in text.
  text: (value) => typeof value === "string" && value.length <= maxTextLength && !value.includes("\u0000"),
  serial: (value) => typeof value === "number" && Number.isSafeInteger(value) && value > 0,
};

export function encodeCursor(values: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(values)).toString("base64url");
}

/** The tuple, if `raw` is one of `fields` exactly; null for anything else (see the file comment). */
export function decodeCursor<const F extends readonly CursorField[]>(raw: string | null | undefined, fields: F): CursorValues<F> | null {
  if (!raw || raw.length > maxEncodedLength || !/^[A-Za-z0-9_-]+$/.test(raw)) return null;
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(raw, "base64url").toString("utf8"));
  } catch {
    return null;
  }
  if (!Array.isArray(value) || value.length !== fields.length) return null;
  return fields.every((field, i) => valid[field](value[i])) ? (value as CursorValues<F>) : null;
}

/** A named cursor over one tuple shape, e.g. `keysetCursor({ since: "timestamp", userId: "uuid" })`. */
export function keysetCursor<const S extends Record<string, CursorField>>(shape: S) {
  type Cursor = { [K in keyof S]: ValueOf<S[K]> };
  const names = Object.keys(shape) as (keyof S & string)[];
  const fields = names.map((name) => shape[name]);
  return {
    encode: (cursor: Cursor): string => encodeCursor(names.map((name) => cursor[name])),
    decode: (raw: string | null | undefined): Cursor | null => {
      const values: readonly (string | number)[] | null = decodeCursor(raw, fields);
      return values && (Object.fromEntries(names.map((name, i) => [name, values[i]])) as Cursor);
    },
  };
}

/**
 * A timestamp column as a cursor's `timestamp` text. To the microsecond, as PostgreSQL stores it:
 * a JavaScript Date keeps milliseconds only, and a truncated cursor sorts before its own row, so
 * rows written in one statement or transaction (they share now()) would be shown again or skipped.
 */
export function timestampKey(column: AnyColumn | SQL.Aliased) {
  return sql<string>`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
}

import { type AnyColumn, type SQL, sql } from "drizzle-orm";

// A page boundary: an event's created_at and id. created_at is carried as text to the microsecond,
// as PostgreSQL stores it: a JavaScript Date keeps milliseconds only, and a truncated cursor would
// sort before its own row, so every event written in one transaction (they share now()) would be
// shown again or skipped. The id breaks ties between those.
export type AuditCursor = { createdAt: string; id: number };

/** created_at as the cursor's exact text: ISO 8601 in UTC with microseconds. */
export function createdAtKeyOf(createdAt: AnyColumn | SQL.Aliased) {
  return sql<string>`to_char(${createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
}

const createdAtPattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

export function encodeAuditCursor(cursor: AuditCursor): string {
  return Buffer.from(`${cursor.createdAt}|${cursor.id}`).toString("base64url");
}

/** The cursor, or null for anything that is not one of ours (a hand-edited link, say). */
export function decodeAuditCursor(raw: string | null | undefined): AuditCursor | null {
  if (!raw || raw.length > 100 || !/^[A-Za-z0-9_-]+$/.test(raw)) return null;
  const [createdAt, id, ...rest] = Buffer.from(raw, "base64url").toString("utf8").split("|");
  if (rest.length > 0 || !createdAtPattern.test(createdAt ?? "") || !/^[1-9]\d{0,15}$/.test(id ?? "")) return null;
  const number = Number(id);
  if (!Number.isSafeInteger(number) || Number.isNaN(Date.parse(createdAt))) return null;
  return { createdAt, id: number };
}

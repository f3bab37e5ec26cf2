import { and, asc, desc, eq, gte, inArray, lt, type SQL, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { auditEvents, users } from "@/db/schema";
import type { AuditOrigin } from "@/db/schema/values";
import { type AuditCursor, createdAtKey } from "./cursor";
import type { AuditFilters } from "./filters";

export const auditPageSize = 50;

export type AuditEventRow = {
  id: number;
  createdAt: Date;
  /** created_at to the microsecond, for cursors. */
  createdAtKey: string;
  actorId: string | null;
  actorLabel: string;
  /** The actor as they are now (null when the account is gone or the engine acted). */
  actorName: string | null;
  actorEmail: string | null;
  actorImage: string | null;
  action: string;
  targetType: string;
  targetId: string | null;
  targetLabel: string;
  origin: AuditOrigin;
  before: unknown;
  after: unknown;
};

/**
 * The WHERE clause of a filtered log, always scoped to the organization. Each filter has an index
 * that keeps the newest-first order (db/schema/audit.ts); the actor's email is resolved to the
 * user id inside the same statement.
 */
export function auditConditions(orgId: string, filters: AuditFilters): SQL {
  return and(
    eq(auditEvents.orgId, orgId),
    filters.actorEmail ? eq(auditEvents.actorId, sql`(select ${users.id} from ${users} where lower(${users.email}) = ${filters.actorEmail})`) : undefined,
    filters.actions ? (filters.actions.length === 1 ? eq(auditEvents.action, filters.actions[0]) : inArray(auditEvents.action, filters.actions)) : undefined,
    filters.from ? gte(auditEvents.createdAt, filters.from) : undefined,
    filters.until ? lt(auditEvents.createdAt, filters.until) : undefined,
  )!;
}

const rowKey = sql`(${auditEvents.createdAt}, ${auditEvents.id})`;
const cursorKey = (cursor: AuditCursor) => sql`(${cursor.createdAt}::timestamptz, ${cursor.id}::bigint)`;

/**
 * Up to `limit` events next to the cursor in one statement (never OFFSET: the 20,000th page
 * costs what the first does), joined to the actor's current name and picture. "older" reads newest
 * first from the cursor (or from the newest event); "newer" reads oldest first from the cursor.
 */
export async function selectAuditEvents(
  db: Queryable,
  orgId: string,
  filters: AuditFilters,
  page: { direction: "older" | "newer"; cursor: AuditCursor | null; limit: number },
): Promise<AuditEventRow[]> {
  const { direction, cursor } = page;
  const boundary = cursor ? (direction === "older" ? sql`${rowKey} < ${cursorKey(cursor)}` : sql`${rowKey} > ${cursorKey(cursor)}`) : undefined;
  const order = direction === "older" ? [desc(auditEvents.createdAt), desc(auditEvents.id)] : [asc(auditEvents.createdAt), asc(auditEvents.id)];
  return db
    .select({
      id: auditEvents.id,
      createdAt: auditEvents.createdAt,
      createdAtKey,
      actorId: auditEvents.actorId,
      actorLabel: auditEvents.actorLabel,
      actorName: users.name,
      actorEmail: users.email,
      actorImage: users.image,
      action: auditEvents.action,
      targetType: auditEvents.targetType,
      targetId: auditEvents.targetId,
      targetLabel: auditEvents.targetLabel,
      origin: auditEvents.origin,
      before: auditEvents.before,
      after: auditEvents.after,
    })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorId))
    .where(and(auditConditions(orgId, filters), boundary))
    .orderBy(...order)
    .limit(page.limit);
}

export type AuditEventsPage = {
  /** Newest first. */
  events: AuditEventRow[];
  /** The boundary events for "Newer events" and "Older events", or null when there is none. */
  newer: AuditCursor | null;
  older: AuditCursor | null;
};

const keyOf = (row: AuditEventRow): AuditCursor => ({ createdAt: row.createdAtKey, id: row.id });

/** One page of the filtered log, newest first, with the cursors of its neighbours. */
export async function listAuditEvents(
  db: Queryable,
  orgId: string,
  filters: AuditFilters,
  page: { direction: "older" | "newer"; cursor: AuditCursor | null; limit?: number } = { direction: "older", cursor: null },
): Promise<AuditEventsPage> {
  const limit = page.limit ?? auditPageSize;
  // One more than shown: whether it comes back says if there is a further page.
  const rows = await selectAuditEvents(db, orgId, filters, { ...page, limit: limit + 1 });
  const more = rows.length > limit;
  const shown = rows.slice(0, limit);
  if (page.direction === "newer") {
    const events = shown.reverse();
    // Reading newer from a cursor: the cursor's own event (and what lies beyond) is older.
    return { events, newer: more && events[0] ? keyOf(events[0]) : null, older: events.length > 0 ? keyOf(events.at(-1)!) : null };
  }
  return {
    events: shown,
    newer: page.cursor && shown.length > 0 ? keyOf(shown[0]) : null,
    older: more ? keyOf(shown.at(-1)!) : null,
  };
}

/** Whether anyone has this email (asked only when an actor filter found nothing, to say why). */
export async function userExistsWithEmail(db: Queryable, email: string): Promise<boolean> {
  const [row] = await db.select({ id: users.id }).from(users).where(sql`lower(${users.email}) = ${email}`).limit(1);
  return Boolean(row);
}

import "server-only";
import { and, type AnyColumn, eq, gte, lt, type SQL, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { auditEvents, memberships, users } from "@/db/schema";
import type { AuditOrigin } from "@/db/schema/values";
import { timestampKey } from "@/lib/pagination/cursor";
import type { AuditCursor } from "./cursor";
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
 * The WHERE clause of a filtered log but for the action type, always scoped to the organization.
 * The actor's email is resolved to the user id inside the same statement.
 */
function scopeConditions(orgId: string, filters: AuditFilters): SQL {
  return and(
    eq(auditEvents.orgId, orgId),
    filters.actorEmail ? eq(auditEvents.actorId, sql`(select ${users.id} from ${users} where lower(${users.email}) = ${filters.actorEmail})`) : undefined,
    filters.from ? gte(auditEvents.createdAt, filters.from) : undefined,
    filters.until ? lt(auditEvents.createdAt, filters.until) : undefined,
  )!;
}

/** An event's own columns, as every reader of the log selects them. */
export const eventColumns = {
  id: auditEvents.id,
  createdAt: auditEvents.createdAt,
  actorId: auditEvents.actorId,
  actorLabel: auditEvents.actorLabel,
  action: auditEvents.action,
  targetType: auditEvents.targetType,
  targetId: auditEvents.targetId,
  targetLabel: auditEvents.targetLabel,
  origin: auditEvents.origin,
  before: auditEvents.before,
  after: auditEvents.after,
};

type EventColumns = { [K in keyof typeof eventColumns]: AnyColumn | SQL.Aliased };

/** The same columns read from a subquery. */
function columnsOf<Source extends Record<keyof typeof eventColumns, unknown>>(source: Source) {
  return Object.fromEntries(Object.keys(eventColumns).map((key) => [key, source[key as keyof typeof eventColumns]])) as {
    [K in keyof typeof eventColumns]: Source[K];
  };
}

/**
 * Up to `limit` events next to the cursor in one statement (never OFFSET: the 20,000th page costs
 * what the first does), joined to the actor's current name and picture. "older" reads newest first
 * from the cursor (or from the newest event); "newer" reads oldest first from the cursor.
 *
 * Each filter walks an index in (created_at, id) order (db/schema/audit.ts) and stops after
 * `limit` rows. An action category (several actions) reads each action's index range on its own,
 * `limit` rows at most each, and merges them: an `action IN (…)` would leave the planner a choice
 * it gets wrong when the category is rare in this organization but common elsewhere (a scan of
 * every event of the organization).
 */
export async function selectAuditEvents(
  db: Queryable,
  orgId: string,
  filters: AuditFilters,
  page: { direction: "older" | "newer"; cursor: AuditCursor | null; limit: number },
): Promise<AuditEventRow[]> {
  const { direction, cursor, limit } = page;
  // Spelled out to match the indexes (DESC NULLS LAST; read backwards, ASC NULLS FIRST): a bare
  // DESC means NULLS FIRST, and the planner would sort instead of walking the index.
  const order = (columns: Pick<EventColumns, "createdAt" | "id">) =>
    direction === "older"
      ? [sql`${columns.createdAt} desc nulls last`, sql`${columns.id} desc nulls last`]
      : [sql`${columns.createdAt} asc nulls first`, sql`${columns.id} asc nulls first`];
  const rowKey = sql`(${auditEvents.createdAt}, ${auditEvents.id})`;
  const cursorKey = cursor && sql`(${cursor.createdAt}::timestamptz, ${cursor.id}::bigint)`;
  const boundary = cursorKey ? (direction === "older" ? sql`${rowKey} < ${cursorKey}` : sql`${rowKey} > ${cursorKey}`) : undefined;
  const scoped = (action?: SQL) =>
    db
      .select(eventColumns)
      .from(auditEvents)
      .where(and(scopeConditions(orgId, filters), action, boundary))
      .orderBy(...order(auditEvents))
      .limit(limit);

  const actions = filters.actions ?? [];
  let events;
  if (actions.length > 1) {
    const perAction = scoped(sql`${auditEvents.action} = wanted.action`).as("per_action");
    const wanted = sql`unnest(array[${sql.join(actions.map((action) => sql`${action}`), sql`, `)}]::text[]) as wanted(action)`;
    events = db.select(columnsOf(perAction)).from(wanted).crossJoinLateral(perAction).orderBy(...order(perAction)).limit(limit).as("e");
  } else {
    events = scoped(actions.length === 1 ? eq(auditEvents.action, actions[0]) : undefined).as("e");
  }
  return db
    .select({
      ...columnsOf(events),
      createdAtKey: timestampKey(events.createdAt),
      actorName: users.name,
      actorEmail: users.email,
      actorImage: users.image,
    })
    .from(events)
    .leftJoin(users, eq(users.id, events.actorId))
    .orderBy(...order(events));
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

/**
 * Whether a member of the organization, or someone who acted in it (a past actor who has left
 * included), has this email. Asked only when an actor filter found nothing, to say why; never
 * answers about accounts elsewhere on the console, so an unknown email and an outsider's email
 * look the same (no account enumeration through the filter).
 */
export async function orgPersonExistsWithEmail(db: Queryable, orgId: string, email: string): Promise<boolean> {
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    .where(
      and(
        sql`lower(${users.email}) = ${email}`,
        sql`(exists (select 1 from ${memberships} where ${memberships.orgId} = ${orgId} and ${memberships.userId} = ${users.id})
          or exists (select 1 from ${auditEvents} where ${auditEvents.actorId} = ${users.id} and ${auditEvents.orgId} = ${orgId}))`,
      ),
    )
    .limit(1);
  return Boolean(row);
}

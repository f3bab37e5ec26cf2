import "server-only";
import { and, eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { auditEvents, users } from "@/db/schema";
import { timestampKey } from "@/lib/pagination/cursor";
import { type AuditEventView, presentAuditEvent } from "./present";
import { eventColumns } from "./queries";

/** What the audit log's Details dialog shows of one event, fetched when it opens. */
export type AuditEventDetails = Pick<AuditEventView, "id" | "action" | "actionLabel" | "description" | "originLabel" | "before" | "after"> & {
  target: AuditEventView["target"];
  createdAt: string;
  /** "Name <email>" as recorded at the time. */
  actorLabel: string;
};

/** An event id as the URL carries it: digits only, within a bigint (anything else is not found). */
export function parseAuditEventId(raw: string): number | null {
  if (!/^[1-9]\d{0,15}$/.test(raw)) return null;
  const id = Number(raw);
  return Number.isSafeInteger(id) ? id : null;
}

/** One event of this organization (never another's: the org id is in the where), or null. */
export async function findAuditEventDetails(db: Queryable, orgId: string, id: number): Promise<AuditEventDetails | null> {
  const [row] = await db
    .select({
      ...eventColumns,
      createdAtKey: timestampKey(auditEvents.createdAt),
      actorName: users.name,
      actorEmail: users.email,
      actorImage: users.image,
    })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorId))
    .where(and(eq(auditEvents.orgId, orgId), eq(auditEvents.id, id)))
    .limit(1);
  if (!row) return null;
  const event = presentAuditEvent(row);
  return {
    id: event.id,
    createdAt: event.createdAt.toISOString(),
    actorLabel: event.actor.label,
    action: event.action,
    actionLabel: event.actionLabel,
    description: event.description,
    target: event.target,
    originLabel: event.originLabel,
    before: event.before,
    after: event.after,
  };
}

import type { Queryable } from "@/db/client";
import { auditEvents } from "@/db/schema";
import type { OrgContext } from "@/lib/authz/context";

export type AuditEntry = {
  action: string;
  targetType: string;
  targetId?: string | null;
  targetLabel: string;
  before?: unknown;
  after?: unknown;
};

/** Records what the caller did; call it inside the transaction that made the change. */
export async function recordAudit(tx: Queryable, ctx: OrgContext, entry: AuditEntry): Promise<void> {
  await tx.insert(auditEvents).values({
    orgId: ctx.org.id,
    actorId: ctx.actor.id,
    actorLabel: actorLabel(ctx.actor),
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId ?? null,
    targetLabel: entry.targetLabel,
    origin: ctx.origin,
    before: entry.before ?? null,
    after: entry.after ?? null,
  });
}

export function actorLabel(actor: { name: string | null; email: string }): string {
  return actor.name ? `${actor.name} <${actor.email}>` : actor.email;
}

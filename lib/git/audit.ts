import type { Queryable } from "@/db/client";
import { auditEvents } from "@/db/schema";
import type { AuditEntry } from "@/lib/audit/record";

// Changes that arrive by GitHub webhook have no person of the console behind them: the actor is
// GitHub itself (the GitHub user who acted is kept in the event's values as `sender`).

export const webhookActorLabel = "GitHub (webhook)";

/** An event of `orgId` with origin "webhook"; call it inside the transaction that made the change. */
export async function recordWebhookAudit(tx: Queryable, orgId: string, entry: AuditEntry): Promise<void> {
  await tx.insert(auditEvents).values({
    orgId,
    actorId: null,
    actorLabel: webhookActorLabel,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId ?? null,
    targetLabel: entry.targetLabel,
    origin: "webhook",
    before: entry.before ?? null,
    after: entry.after ?? null,
  });
}

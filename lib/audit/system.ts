import type { Queryable } from "@/db/client";
import { auditEvents } from "@/db/schema";
import type { AuditEntry } from "./record";

export const engineActorLabel = "Org Console infrastructure engine";

/** An event with no person behind it (the infrastructure engine finishing a job). */
export async function recordSystemAudit(tx: Queryable, orgId: string, entry: AuditEntry): Promise<void> {
  await tx.insert(auditEvents).values({
    orgId,
    actorId: null,
    actorLabel: engineActorLabel,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId ?? null,
    targetLabel: entry.targetLabel,
    origin: "system",
    before: entry.before ?? null,
    after: entry.after ?? null,
  });
}

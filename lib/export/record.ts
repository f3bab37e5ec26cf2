import "server-only";
import type { Queryable } from "@/db/client";
import { recordAudit } from "@/lib/audit/record";
import type { OrgContext } from "@/lib/authz/context";
import { orgTransaction } from "@/lib/authz/org-transaction";
import { consumeRateLimits, type RateLimitRefusal } from "@/lib/rate-limit/consume";
import { pluralWord } from "@/lib/format";
import { exportLimit, type RateLimitSettings } from "@/lib/rate-limit/limits";
import { formatRetryTime } from "@/lib/rate-limit/messages";
import type { ExportScope } from "./schema";

export type ExportStart = { ok: true; scope: ExportScope } | { ok: false; why: "access" | "deleting" } | { ok: false; why: "limited"; refusal: RateLimitRefusal };

/**
 * Records `org.export` (who, and what the export carries) in one transaction under the
 * organization's lock, which re-reads the caller's role: the scope follows the role as it is now.
 * It runs while a guided deletion is under way too: the last chance to take the data along.
 */
export function startOrganizationExport(db: Queryable, ctx: OrgContext, options: { settings?: RateLimitSettings; now?: Date } = {}): Promise<ExportStart> {
  return orgTransaction(db, ctx, { permission: "org.export", duringDeletion: true, refused: (why) => ({ ok: false as const, why }) }, async (tx, role): Promise<ExportStart> => {
    // Counted in the same transaction as the audit event: a refused export records nothing.
    const allowed = await consumeRateLimits(tx, [exportLimit(ctx.org.id, options.settings)], { now: options.now });
    if (!allowed.ok) return { ok: false, why: "limited", refusal: allowed.refusal };
    const scope: ExportScope = role === "owner" ? "owner" : "admin";
    await recordAudit(tx, ctx, {
      action: "org.export",
      targetType: "organization",
      targetId: ctx.org.id,
      targetLabel: ctx.org.name,
      // Sealed and hashed values never leave, whoever exports: said here so the log answers the question.
      after: { scope, billingDetailsIncluded: scope === "owner", secretsIncluded: false },
    });
    return { ok: true, scope };
  });
}

export function exportRefusalMessage(refusal: RateLimitRefusal, now = new Date()): string {
  const { max } = refusal.limit;
  return `This organization was exported ${max} ${pluralWord(max, "time")} in the last hour, the most allowed. Try again after ${formatRetryTime(refusal.resetAt, now)}.`;
}

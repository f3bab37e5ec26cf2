import "server-only";
import type { Queryable } from "@/db/client";
import { recordAudit } from "@/lib/audit/record";
import type { OrgContext } from "@/lib/authz/context";
import { orgTransaction } from "@/lib/authz/org-transaction";
import type { ExportScope } from "./schema";

export type ExportStart = { ok: true; scope: ExportScope } | { ok: false; why: "access" | "deleting" };

/**
 * Records `org.export` (who, and what the export carries) in one transaction under the
 * organization's lock, which re-reads the caller's role: the scope follows the role as it is now.
 * It runs while a guided deletion is under way too: the last chance to take the data along.
 */
export function startOrganizationExport(db: Queryable, ctx: OrgContext): Promise<ExportStart> {
  return orgTransaction(db, ctx, { permission: "org.export", duringDeletion: true, refused: (why) => ({ ok: false as const, why }) }, async (tx, role) => {
    const scope: ExportScope = role === "owner" ? "owner" : "admin";
    await recordAudit(tx, ctx, {
      action: "org.export",
      targetType: "organization",
      targetId: ctx.org.id,
      targetLabel: ctx.org.name,
      // Sealed and hashed values never leave, whoever exports: said here so the log answers the question.
      after: { scope, billingDetailsIncluded: scope === "owner", secretsIncluded: false },
    });
    return { ok: true as const, scope };
  });
}

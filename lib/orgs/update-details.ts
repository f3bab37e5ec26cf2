import { eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { isUniqueViolation } from "@/db/errors";
import { organizations } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import type { OrgContext } from "@/lib/authz/context";
import { orgTransaction, type StaleAccess } from "@/lib/authz/org-transaction";
import type { OrganizationDetails } from "./details";
import { releaseSlug, rememberOldSlug } from "./slug-redirects";

export type UpdateDetailsResult =
  | { ok: true; slugChanged: boolean; slug: string; changed: boolean }
  | { ok: false; slugTaken: true }
  | StaleAccess;

const fields = ["name", "slug", "description", "website", "adminContactEmails"] as const;

/**
 * General Information: one update and its audit event, in the organization's locked transaction.
 * The "before" side is the row as committed under the lock, not the one `authorize` read: another
 * update may have committed while this one waited.
 */
export async function updateOrganizationDetails(
  db: Queryable,
  ctx: OrgContext,
  details: OrganizationDetails,
): Promise<UpdateDetailsResult> {
  try {
    return await orgTransaction(db, ctx, "org.edit", async (tx): Promise<UpdateDetailsResult> => {
      const [current] = await tx.select().from(organizations).where(eq(organizations.id, ctx.org.id));
      const before = pick(current);
      const after = pick(details);
      const changedFields = fields.filter((f) => JSON.stringify(before[f]) !== JSON.stringify(after[f]));
      if (changedFields.length === 0) return { ok: true, slugChanged: false, slug: current.slug, changed: false };
      await tx
        .update(organizations)
        .set({ ...after, updatedAt: new Date() })
        .where(eq(organizations.id, ctx.org.id));
      if (details.slug !== current.slug) {
        // The new slug is this organization's outright; the old one keeps redirecting its members.
        await releaseSlug(tx, details.slug);
        await rememberOldSlug(tx, ctx.org.id, current.slug);
      }
      await recordAudit(tx, ctx, {
        action: "org.update",
        targetType: "organization",
        targetId: ctx.org.id,
        targetLabel: details.name,
        before: Object.fromEntries(changedFields.map((f) => [f, before[f]])),
        after: Object.fromEntries(changedFields.map((f) => [f, after[f]])),
      });
      return { ok: true, slugChanged: details.slug !== current.slug, slug: details.slug, changed: true };
    });
  } catch (error) {
    if (isUniqueViolation(error, "organizations_slug_key")) return { ok: false, slugTaken: true };
    throw error;
  }
}

function pick(source: OrganizationDetails | typeof organizations.$inferSelect) {
  return {
    name: source.name,
    slug: source.slug,
    description: source.description,
    website: source.website,
    adminContactEmails: source.adminContactEmails,
  };
}

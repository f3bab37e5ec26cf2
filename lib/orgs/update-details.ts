import { eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { isUniqueViolation } from "@/db/errors";
import { organizations } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import type { OrgContext } from "@/lib/authz/context";
import type { OrganizationDetails } from "./details";

export type UpdateDetailsResult =
  | { ok: true; slugChanged: boolean; slug: string; changed: boolean }
  | { ok: false; slugTaken: true };

const fields = ["name", "slug", "description", "website", "adminContactEmails"] as const;

/** General Information: one update and its audit event, in one transaction, scoped by ctx.org. */
export async function updateOrganizationDetails(
  db: Queryable,
  ctx: OrgContext,
  details: OrganizationDetails,
): Promise<UpdateDetailsResult> {
  const before = pick(ctx.org);
  const after = pick(details);
  const changedFields = fields.filter((f) => JSON.stringify(before[f]) !== JSON.stringify(after[f]));
  if (changedFields.length === 0) return { ok: true, slugChanged: false, slug: ctx.org.slug, changed: false };
  try {
    await db.transaction(async (tx) => {
      await tx
        .update(organizations)
        .set({ ...after, updatedAt: new Date() })
        .where(eq(organizations.id, ctx.org.id));
      await recordAudit(tx, ctx, {
        action: "org.update",
        targetType: "organization",
        targetId: ctx.org.id,
        targetLabel: details.name,
        before: Object.fromEntries(changedFields.map((f) => [f, before[f]])),
        after: Object.fromEntries(changedFields.map((f) => [f, after[f]])),
      });
    });
  } catch (error) {
    if (isUniqueViolation(error, "organizations_slug_key")) return { ok: false, slugTaken: true };
    throw error;
  }
  return { ok: true, slugChanged: details.slug !== ctx.org.slug, slug: details.slug, changed: true };
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

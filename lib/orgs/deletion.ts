import { and, asc, eq } from "drizzle-orm";
import { z } from "zod";
import type { Queryable, Tx } from "@/db/client";
import { clusters, memberships, organizations, users } from "@/db/schema";
import type { ActionResult } from "@/lib/actions/result";
import type { OrgContext } from "@/lib/authz/context";
import { orgTransaction } from "@/lib/authz/org-transaction";
import { type DeletionPreview, deletionPreview } from "./deletion-preview";
import { beginTeardown } from "./guided-deletion";

export const deleteOrganizationSchema = z.object({ confirmSlug: z.string().max(200) });

export type DeletionOutcome =
  | (ActionResult & { ok: false })
  | { ok: true; deleted: { name: string; slug: string }; lost: DeletionPreview; landingSlug: string | null; adminEmails: string[] }
  /** Clusters remain: their teardown is queued and the organization goes when the last one is done. */
  | { ok: true; tearingDown: number };

export const personalOrgRefusal =
  "A personal organization cannot be deleted: every account keeps one, and it goes away only with the account itself.";

const deletionRefused = (why: "access" | "deleting"): DeletionOutcome => ({
  ok: false,
  formError: why === "deleting" ? "This organization is already being deleted." : "Only the owner can delete the organization.",
});

/**
 * Deletes the organization and every row it owns in one transaction. The organization row is
 * locked FOR UPDATE: membership changes (which lock it FOR NO KEY UPDATE) and inserts that reference
 * it (which take KEY SHARE) wait, then find it gone and fail cleanly; none can add a row after the
 * delete. The typed slug is checked here, whatever the page did. When clusters remain, their
 * teardown is queued instead and the organization turns read-only until the last one is done
 * (./guided-deletion.ts).
 */
export async function deleteOrganization(db: Queryable, ctx: OrgContext, input: { confirmSlug: string }): Promise<DeletionOutcome> {
  return orgTransaction(db, ctx, { permission: "org.delete", strength: "update", refused: deletionRefused }, async (tx): Promise<DeletionOutcome> => {
    const [org] = await tx.select().from(organizations).where(eq(organizations.id, ctx.org.id));
    if (org.kind === "personal") return { ok: false, formError: personalOrgRefusal };
    if (input.confirmSlug.trim() !== org.slug) {
      return { ok: false, fieldErrors: { confirmSlug: `Type ${org.slug} to confirm.` }, values: { confirmSlug: input.confirmSlug } };
    }
    const lost = await deletionPreview(tx, org.id);
    if (lost.clusters > 0) {
      const orgClusters = await tx.select().from(clusters).where(eq(clusters.orgId, org.id));
      const refusal = await beginTeardown(tx, ctx, orgClusters);
      return refusal ? { ok: false, formError: refusal } : { ok: true, tearingDown: orgClusters.length };
    }
    const adminEmails = await adminEmailsOf(tx, org.id);
    // Every table that references organizations cascades (or, for a user's last active
    // organization, clears the reference); the audit trigger lets the cascade through.
    await tx.delete(organizations).where(eq(organizations.id, org.id));
    return { ok: true, deleted: { name: org.name, slug: org.slug }, lost, landingSlug: await personalSlugOf(tx, ctx.actor.id), adminEmails };
  });
}

async function adminEmailsOf(tx: Tx, orgId: string): Promise<string[]> {
  const rows = await tx
    .select({ email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.orgId, orgId), eq(memberships.role, "admin")))
    .orderBy(asc(users.email));
  return rows.map((row) => row.email);
}

async function personalSlugOf(tx: Tx, userId: string): Promise<string | null> {
  const [row] = await tx.select({ slug: organizations.slug }).from(organizations).where(eq(organizations.personalForUserId, userId));
  return row?.slug ?? null;
}

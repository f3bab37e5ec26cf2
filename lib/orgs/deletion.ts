import { and, asc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Queryable, Tx } from "@/db/client";
import { memberships, organizations, users } from "@/db/schema";
import type { ActionResult } from "@/lib/actions/result";
import type { OrgContext } from "@/lib/authz/context";
import { orgTransaction } from "@/lib/authz/org-transaction";
import { plural } from "@/lib/format";
import { auditEventCountCap, describeAuditEvents } from "./audit-event-count";

/** What deleting the organization takes with it, counted now. Later domains add their rows here. */
export type DeletionPreview = {
  members: number;
  pendingInvitations: number;
  projects: number;
  environments: number;
  applications: number;
  databases: number;
  clusters: number;
  /** The GitHub account the organization's App installation belongs to, if connected. */
  gitAccount: string | null;
  /** Counted up to auditEventCountCap + 1: above the cap it means "more than the cap". */
  auditEvents: number;
};

const counted = (query: ReturnType<typeof sql>) => sql<number>`(${query})`.mapWith(Number);

/**
 * One statement, whatever the organization's size: members are the organization's kept count, the
 * others index-only scans, and the audit events (a million in a busy organization) are counted
 * only until one past the cap.
 */
export async function deletionPreview(db: Queryable, orgId: string): Promise<DeletionPreview> {
  const [row] = await db
    .select({
      members: organizations.memberCount,
      pendingInvitations: counted(sql`select count(*) from invitations where org_id = ${orgId} and status = 'pending' and expires_at > now()`),
      projects: counted(sql`select count(*) from projects where org_id = ${orgId}`),
      environments: counted(sql`select count(*) from environments where org_id = ${orgId}`),
      applications: counted(sql`select count(*) from applications where org_id = ${orgId}`),
      databases: counted(sql`select count(*) from databases where org_id = ${orgId}`),
      clusters: counted(sql`select count(*) from clusters where org_id = ${orgId}`),
      gitAccount: sql<string | null>`(select account_login from git_installations where org_id = ${orgId})`,
      auditEvents: counted(
        sql`select count(*) from (select 1 from audit_events where org_id = ${orgId} limit ${sql.raw(String(auditEventCountCap + 1))}) as capped`,
      ),
    })
    .from(organizations)
    .where(eq(organizations.id, orgId));
  return row ?? { members: 0, pendingInvitations: 0, projects: 0, environments: 0, applications: 0, databases: 0, clusters: 0, gitAccount: null, auditEvents: 0 };
}

/** "3 members, 1 pending invitation and 42 audit events", for the page and the closing toast. */
export function describeLoss(preview: DeletionPreview): string {
  const counted: [number, string][] = [
    [preview.members, "member"],
    [preview.pendingInvitations, "pending invitation"],
    [preview.projects, "project"],
    [preview.environments, "environment"],
    [preview.applications, "application"],
    [preview.databases, "database"],
    [preview.clusters, "cluster"],
  ];
  const parts = counted.filter(([n]) => n > 0).map(([n, noun]) => plural(n, noun));
  if (preview.gitAccount) parts.push(`the connection to the GitHub account ${preview.gitAccount}`);
  if (preview.auditEvents > 0) parts.push(describeAuditEvents(preview.auditEvents));
  if (parts.length <= 1) return parts[0] ?? "nothing else";
  return `${parts.slice(0, -1).join(", ")} and ${parts.at(-1)}`;
}

export const deleteOrganizationSchema = z.object({ confirmSlug: z.string().max(200) });

export type DeletionOutcome =
  | (ActionResult & { ok: false })
  | { ok: true; deleted: { name: string; slug: string }; lost: DeletionPreview; landingSlug: string | null; adminEmails: string[] };

export const personalOrgRefusal =
  "A personal organization cannot be deleted: every account keeps one, and it goes away only with the account itself.";

export function clustersRefusal(count: number): string {
  return `Delete the organization's ${plural(count, "cluster")} first: ${count === 1 ? "it holds" : "they hold"} real infrastructure that must be torn down before the organization can go.`;
}

/**
 * Deletes the organization and every row it owns in one transaction. The organization row is
 * locked FOR UPDATE: membership changes (which lock it FOR NO KEY UPDATE) and inserts that reference
 * it (which take KEY SHARE) wait, then find it gone and fail cleanly; none can add a row after the
 * delete. The typed slug is checked here, whatever the page did.
 */
export async function deleteOrganization(db: Queryable, ctx: OrgContext, input: { confirmSlug: string }): Promise<DeletionOutcome> {
  return orgTransaction(db, ctx, { permission: "org.delete", strength: "update", refused: () => ({ ok: false, formError: "Only the owner can delete the organization." }) }, async (tx, role): Promise<DeletionOutcome> => {
    const [org] = await tx.select().from(organizations).where(eq(organizations.id, ctx.org.id));
    if (org.kind === "personal") return { ok: false, formError: personalOrgRefusal };
    if (input.confirmSlug.trim() !== org.slug) {
      return { ok: false, fieldErrors: { confirmSlug: `Type ${org.slug} to confirm.` }, values: { confirmSlug: input.confirmSlug } };
    }
    const lost = await deletionPreview(tx, org.id);
    if (lost.clusters > 0) return { ok: false, formError: clustersRefusal(lost.clusters) };
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

import { eq, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { organizations } from "@/db/schema";
import { planConstant } from "@/db/plan-constant";
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
 * The preview's columns, selected from `organizations` for `orgId`: members are the organization's
 * kept count, the others index-only scans, and the audit events (a million in a busy
 * organization) are counted only until one past the cap. A page that needs something more in the
 * same statement (the Danger Zone: whether a cluster is busy) selects these beside its own.
 */
export function deletionPreviewColumns(orgId: string) {
  return {
    members: organizations.memberCount,
    pendingInvitations: counted(sql`select count(*) from invitations where org_id = ${orgId} and status = 'pending' and expires_at > now()`),
    projects: counted(sql`select count(*) from projects where org_id = ${orgId}`),
    environments: counted(sql`select count(*) from environments where org_id = ${orgId}`),
    applications: counted(sql`select count(*) from applications where org_id = ${orgId}`),
    databases: counted(sql`select count(*) from databases where org_id = ${orgId}`),
    clusters: counted(sql`select count(*) from clusters where org_id = ${orgId}`),
    gitAccount: sql<string | null>`(select account_login from git_installations where org_id = ${orgId})`,
    auditEvents: counted(
      sql`select count(*) from (select 1 from audit_events where org_id = ${orgId} limit ${planConstant(auditEventCountCap + 1)}) as capped`,
    ),
  };
}

/** What an organization that no longer exists would lose: nothing. */
export const emptyDeletionPreview: DeletionPreview = {
  members: 0,
  pendingInvitations: 0,
  projects: 0,
  environments: 0,
  applications: 0,
  databases: 0,
  clusters: 0,
  gitAccount: null,
  auditEvents: 0,
};

/** One statement, whatever the organization's size (see deletionPreviewColumns). */
export async function deletionPreview(db: Queryable, orgId: string): Promise<DeletionPreview> {
  const [row] = await db.select(deletionPreviewColumns(orgId)).from(organizations).where(eq(organizations.id, orgId));
  return row ?? emptyDeletionPreview;
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

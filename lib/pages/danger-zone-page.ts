import "server-only";
import { sql } from "drizzle-orm";
import { getDb, type Queryable } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { memberships, users } from "@/db/schema";
import type { OrgContext } from "@/lib/authz/context";
import { type DeletionPreview, deletionPreview } from "@/lib/orgs/deletion-preview";
import { loadOrgPage } from "./org-page";

export type TransferCandidate = { userId: string; label: string; email: string };

/**
 * Why the delete button works or not, decided here so the page only renders:
 * `allowed` (the owner of a team organization without clusters), `clusters` (delete them first),
 * `personal` (never deleted), `owner-only` (an admin sees it disabled).
 */
export type DeletionState = "allowed" | "clusters" | "personal" | "owner-only";

export type DangerZonePage = {
  ctx: OrgContext;
  /** Null for members who cannot see organization settings (developers, viewers): they may leave. */
  deletion: null | { state: DeletionState; preview: DeletionPreview };
  canLeave: boolean;
  /** Null unless the caller owns a team organization. */
  transferCandidates: null | TransferCandidate[];
};

export const transferCandidateLimit = 50;

/** At most three statements: the membership (shared with the layout), the counts, the candidates. */
export async function loadDangerZonePage(slug: string): Promise<DangerZonePage> {
  const ctx = await loadOrgPage(slug);
  const db = await getDb();
  const isOwner = ctx.role === "owner";
  const isTeam = ctx.org.kind === "team";
  const [preview, transferCandidates] = await Promise.all([
    ctx.can("org.read") ? deletionPreview(db, ctx.org.id) : null,
    isOwner && isTeam ? listTransferCandidates(db, ctx.org.id) : null,
  ]);
  return {
    ctx,
    deletion: preview && { state: deletionState(ctx, preview), preview },
    canLeave: !isOwner,
    transferCandidates,
  };
}

function deletionState(ctx: OrgContext, preview: DeletionPreview): DeletionState {
  if (ctx.org.kind === "personal") return "personal";
  if (!ctx.can("org.delete")) return "owner-only";
  return preview.clusters > 0 ? "clusters" : "allowed";
}

/**
 * Admins first (the usual successors), then the other members, each longest-standing first: both
 * read in the order of the (org, role, joined) index, so one statement never sorts the membership,
 * whatever the organization's size. Sorting 2,500 admins by name on every view held the Danger
 * Zone at a quarter of the reference page's throughput.
 */
export async function listTransferCandidates(db: Queryable, orgId: string): Promise<TransferCandidate[]> {
  // Each branch carries its own sort keys, so the outer sort (of at most 100 rows) fixes the order.
  const rows = await rowsOf<{ user_id: string; name: string | null; email: string }>(
    db,
    sql`
    select user_id, name, email from (
      (select 0 as rank, ${memberships.createdAt} as joined, ${users.id} as user_id, ${users.name} as name, ${users.email} as email
         from ${memberships} inner join ${users} on ${users.id} = ${memberships.userId}
        where ${memberships.orgId} = ${orgId} and ${memberships.role} = 'admin'
        order by ${memberships.createdAt}, ${memberships.userId}
        limit ${transferCandidateLimit})
      union all
      (select 1, ${memberships.createdAt}, ${users.id}, ${users.name}, ${users.email}
         from ${memberships} inner join ${users} on ${users.id} = ${memberships.userId}
        where ${memberships.orgId} = ${orgId} and ${memberships.role} in ('developer', 'viewer')
        order by ${memberships.createdAt}, ${memberships.userId}
        limit ${transferCandidateLimit})
    ) as candidates
    order by rank, joined, user_id
    limit ${transferCandidateLimit}
  `,
  );
  return rows.map((row) => ({ userId: row.user_id, label: row.name ?? row.email, email: row.email }));
}

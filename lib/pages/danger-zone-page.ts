import "server-only";
import { and, asc, eq, ne, sql } from "drizzle-orm";
import { getDb, type Queryable } from "@/db/client";
import { memberships, users } from "@/db/schema";
import type { OrgContext } from "@/lib/authz/context";
import { type DeletionPreview, deletionPreview } from "@/lib/orgs/deletion";
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

/** Admins first (the usual successors), then everyone else by name; a bounded list at any size. */
async function listTransferCandidates(db: Queryable, orgId: string): Promise<TransferCandidate[]> {
  const rows = await db
    .select({ userId: users.id, name: users.name, email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.orgId, orgId), ne(memberships.role, "owner")))
    .orderBy(sql`${memberships.role} <> 'admin'`, sql`lower(coalesce(${users.name}, ${users.email}))`, asc(users.id))
    .limit(transferCandidateLimit);
  return rows.map((row) => ({ userId: row.userId, label: row.name ?? row.email, email: row.email }));
}

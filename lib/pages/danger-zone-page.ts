import "server-only";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { getDb, type Queryable } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { type Cluster, clusters, organizations, users } from "@/db/schema";
import { transitionalStatus } from "@/lib/clusters/state-machine";
import type { OrgContext } from "@/lib/authz/context";
import { type DeletionPreview, deletionPreviewColumns, emptyDeletionPreview } from "@/lib/orgs/deletion-preview";
import { membersInJoinOrder } from "@/lib/members/join-order";
import { loadOrgPage } from "./org-page";

export type TransferCandidate = { userId: string; label: string; email: string };

/**
 * Why the delete button works or not, decided here so the page only renders:
 * `allowed` (the owner of a team organization; its clusters are torn down first), `busy` (a
 * cluster is in the middle of another action), `personal` (never deleted), `owner-only` (an admin
 * sees it disabled).
 */
export type DeletionState = "allowed" | "busy" | "personal" | "owner-only";

/** A guided deletion under way: what is left to tear down, and why it stopped, if it did. */
export type Teardown = {
  startedAt: Date;
  failure: string | null;
  clusters: { id: string; name: string; status: Cluster["status"]; reason: string | null }[];
  /** Owner only, and only once no teardown is under way. */
  canRetry: boolean;
  canCancel: boolean;
};

export type DangerZonePage = {
  ctx: OrgContext;
  /** Null for members who cannot see organization settings (developers, viewers): they may leave. */
  deletion: null | { state: DeletionState; preview: DeletionPreview };
  canLeave: boolean;
  /** Null unless the caller owns a team organization. */
  transferCandidates: null | TransferCandidate[];
  /** Null unless the organization is being deleted. */
  teardown: null | Teardown;
};

export const transferCandidateLimit = 50;

/**
 * At most three statements: the membership (shared with the layout), the counts (with, for the
 * owner, whether a cluster is busy), the transfer candidates.
 */
export async function loadDangerZonePage(slug: string): Promise<DangerZonePage> {
  const ctx = await loadOrgPage(slug);
  const db = await getDb();
  const isOwner = ctx.role === "owner";
  const isTeam = ctx.org.kind === "team";
  const deleting = ctx.org.deletionRequestedAt !== null;
  const [counts, transferCandidates, left] = await Promise.all([
    // Before the deletion, the owner's view also asks whether a cluster is busy: reading a fleet
    // of 200 on every view cost the page a tenth of its throughput.
    ctx.can("org.read") ? previewAndBusy(db, ctx.org.id, !deleting && isOwner) : null,
    isOwner && isTeam && !deleting ? listTransferCandidates(db, ctx.org.id) : null,
    deleting ? clustersOf(db, ctx.org.id) : null,
  ]);
  return {
    ctx,
    deletion: counts && { state: deletionState(ctx, counts.busy), preview: counts.preview },
    canLeave: !isOwner && !deleting,
    transferCandidates,
    teardown: left ? teardownOf(ctx, left) : null,
  };
}

async function clustersOf(db: Queryable, orgId: string) {
  return db
    .select({ id: clusters.id, name: clusters.name, status: clusters.status, reason: clusters.statusReason })
    .from(clusters)
    .where(eq(clusters.orgId, orgId))
    .orderBy(asc(clusters.name));
}

/**
 * The deletion preview and, when `checkBusy`, whether a cluster is in the middle of an action
 * other than its deletion (that blocks deleting), in one statement.
 */
async function previewAndBusy(db: Queryable, orgId: string, checkBusy: boolean): Promise<{ preview: DeletionPreview; busy: boolean }> {
  const busyStatuses = Object.values(transitionalStatus).filter((status) => status !== "deleting");
  const busy = checkBusy
    ? sql<boolean>`exists (select 1 from ${clusters} where ${and(eq(clusters.orgId, orgId), inArray(clusters.status, busyStatuses))})`
    : sql<boolean>`false`;
  const [row] = await db
    .select({ ...deletionPreviewColumns(orgId), busy })
    .from(organizations)
    .where(eq(organizations.id, orgId));
  if (!row) return { preview: emptyDeletionPreview, busy: false };
  const { busy: clusterBusy, ...preview } = row;
  return { preview, busy: clusterBusy };
}

function teardownOf(ctx: OrgContext, left: Teardown["clusters"]): Teardown {
  const owner = ctx.can("org.delete");
  const underWay = left.some((cluster) => cluster.status === "deleting");
  return {
    startedAt: ctx.org.deletionRequestedAt!,
    failure: ctx.org.deletionFailure,
    clusters: left,
    canRetry: owner && left.some((cluster) => cluster.status === "error"),
    canCancel: owner && !underWay,
  };
}

function deletionState(ctx: OrgContext, clusterBusy: boolean): DeletionState {
  if (ctx.org.kind === "personal") return "personal";
  if (!ctx.can("org.delete")) return "owner-only";
  return clusterBusy ? "busy" : "allowed";
}

/**
 * Admins first (the usual successors), then the other members, each longest-standing first, read
 * in index order whatever the organization's size (membersInJoinOrder): sorting 2,500 admins by
 * name held the Danger Zone at a quarter of the reference page's throughput.
 */
export async function listTransferCandidates(db: Queryable, orgId: string): Promise<TransferCandidate[]> {
  const rows = await rowsOf<{ user_id: string; name: string | null; email: string }>(
    db,
    sql`
    select c.user_id, ${users.name} as name, ${users.email} as email
      from ${membersInJoinOrder(orgId, [["admin"], ["developer", "viewer"]], transferCandidateLimit)} as c
      join ${users} on ${users.id} = c.user_id
     order by c.rank, c.joined, c.user_id`,
  );
  return rows.map((row) => ({ userId: row.user_id, label: row.name ?? row.email, email: row.email }));
}

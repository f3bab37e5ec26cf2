import "server-only";
import { getDb } from "@/db/client";
import { listPendingJoinRequests } from "@/lib/domains/queries";
import type { OrgContext } from "@/lib/authz/context";
import { type InactivityPeriod, parseInactivityPeriod } from "@/lib/members/last-active";
import { memberCursor } from "@/lib/members/paging";
import { listMembers, listPendingInvitations, type MemberRow, membersPageCounts } from "@/lib/members/queries";
import { type AssignableRole, mayActOn, rolesAssignableBy } from "@/lib/members/rules";
import { planTable } from "@/lib/orgs/plans";
import { loadSettingsPage, type SettingsPageAccess } from "./settings-page";

export const membersTabs = ["members", "invitations", "requests"] as const;
export type MembersTab = (typeof membersTabs)[number];

/**
 * Why the caller may not change or remove this member, whatever their permissions: it is
 * themselves, it is the owner, or it is someone of their own rank (DESIGN.md §4). Null: nothing
 * beyond the permission table stands in the way.
 */
export type MemberBlock = "self" | "owner" | "rank" | null;

export type MemberView = MemberRow & { isSelf: boolean; block: MemberBlock };

export type MembersPage = {
  ctx: OrgContext;
  tab: MembersTab;
  query: string;
  /** The inactive filter (?inactive=30|90|180), null when off. */
  inactive: InactivityPeriod | null;
  after: string | null;
  /** The tabs' counts: every member, and the pending invitations that have not expired. */
  counts: { members: number; invitations: number; requests: number };
  /** The open tab's rows only: the other list is not queried at all. */
  members: MemberView[] | null;
  nextCursor: string | null;
  invitations: null | Awaited<ReturnType<typeof listPendingInvitations>>;
  /** Requests to join through a verified domain (lib/domains/), for those who may invite. */
  requests: null | Awaited<ReturnType<typeof listPendingJoinRequests>>;
  /** The roles the caller may give, in the role dialog and invitations. */
  roles: AssignableRole[];
  /** What the caller's role allows on this page, once for every row. */
  can: { invite: boolean; changeRole: boolean; remove: boolean; transfer: boolean };
  personal: boolean;
  seats: { used: number; pending: number; limit: number | null; planLabel: string };
};

export type MembersPageAccess = { ok: true; page: MembersPage } | Extract<SettingsPageAccess, { ok: false }>;

function blockFor(ctx: OrgContext, row: MemberRow): MemberBlock {
  if (row.userId === ctx.actor.id) return "self";
  if (row.role === "owner") return "owner";
  return mayActOn({ userId: ctx.actor.id, role: ctx.role }, row) ? null : "rank";
}

/**
 * Everything the members page shows, in three SQL statements whatever the organization's size:
 * the org + membership query (shared with the layouts), the counts (members and pending
 * invitations, which are also the seats, and for those who may invite the pending requests to
 * join), and one page of the open tab's rows.
 */
export async function loadMembersPage(slug: string, params: { tab?: string; q?: string; after?: string; inactive?: string }): Promise<MembersPageAccess> {
  const access = await loadSettingsPage(slug);
  if (!access.ok) return access;
  const { ctx } = access;
  const db = await getDb();
  const canInvite = ctx.can("member.invite");
  // Pending invitations are a secret of those who may invite; anyone else sees the members tab.
  const tab: MembersTab = (params.tab === "invitations" || params.tab === "requests") && canInvite ? params.tab : "members";
  const query = tab === "members" ? (params.q ?? "").trim().slice(0, 100) : "";
  const inactive = tab === "members" ? parseInactivityPeriod(params.inactive) : null;
  // A cursor that is not one of ours means the first page, and says so.
  const after = tab === "members" && params.after && memberCursor.decode(params.after) ? params.after : null;
  const [counts, listing, invitations, requests] = await Promise.all([
    membersPageCounts(db, ctx.org.id, { joinRequests: canInvite }),
    tab === "members" ? listMembers(db, ctx.org.id, { query, after: after ?? undefined, inactiveDays: inactive }) : null,
    tab === "invitations" ? listPendingInvitations(db, ctx.org.id) : null,
    tab === "requests" ? listPendingJoinRequests(db, ctx.org.id) : null,
  ]);
  const limit = planTable[ctx.org.plan].members;
  return {
    ok: true,
    page: {
      ctx,
      tab,
      query,
      inactive,
      after,
      counts: { members: counts.members, invitations: canInvite ? counts.pending : 0, requests: counts.joinRequests },
      members: listing?.members.map((row) => ({ ...row, isSelf: row.userId === ctx.actor.id, block: blockFor(ctx, row) })) ?? null,
      nextCursor: listing?.nextCursor ?? null,
      invitations,
      requests,
      roles: rolesAssignableBy(ctx.role),
      can: {
        invite: canInvite,
        changeRole: ctx.can("member.changeRole"),
        remove: ctx.can("member.remove"),
        transfer: ctx.can("ownership.transfer") && ctx.org.kind === "team",
      },
      personal: ctx.org.kind === "personal",
      seats: { used: counts.members + counts.pending, pending: counts.pending, limit, planLabel: planTable[ctx.org.plan].label },
    },
  };
}

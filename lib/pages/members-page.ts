import "server-only";
import { getDb } from "@/db/client";
import type { OrgContext } from "@/lib/authz/context";
import { decodeCursor, listMembers, listPendingInvitations, type MemberRow, seatUsage } from "@/lib/members/queries";
import { type AssignableRole, mayActOn, rolesAssignableBy } from "@/lib/members/rules";
import { planTable } from "@/lib/orgs/plans";
import { loadSettingsPage, type SettingsPageAccess } from "./settings-page";

/** A member row with what the caller may do to it, decided here so client components get booleans. */
export type MemberView = MemberRow & {
  isOwner: boolean;
  isSelf: boolean;
  canChangeRole: boolean;
  canRemove: boolean;
  canLeave: boolean;
};

export type MembersPage = {
  ctx: OrgContext;
  query: string;
  after: string | null;
  members: MemberView[];
  nextCursor: string | null;
  /** The roles the caller may give, in role selects and invitations. */
  roles: AssignableRole[];
  /** Null when the caller may not invite; `personal` when the organization cannot have members. */
  invite: null | {
    personal: boolean;
    seats: { used: number; pending: number; limit: number | null; planLabel: string };
  };
  pending: null | Awaited<ReturnType<typeof listPendingInvitations>>;
  /** Members of this page the owner may transfer the organization to; null for anyone else. */
  transferCandidates: null | { userId: string; label: string; email: string }[];
};

export type MembersPageAccess = { ok: true; page: MembersPage } | Extract<SettingsPageAccess, { ok: false }>;

/**
 * Everything the members page shows, in at most four SQL statements whatever the organization's
 * size: the org + membership query (shared with the layouts), one page of members, the seat count
 * and the pending invitations. Nothing is queried per row.
 */
export async function loadMembersPage(slug: string, params: { q?: string; after?: string }): Promise<MembersPageAccess> {
  const access = await loadSettingsPage(slug);
  if (!access.ok) return access;
  const { ctx } = access;
  const db = await getDb();
  const query = (params.q ?? "").trim().slice(0, 100);
  // A cursor that is not one of ours means the first page, and says so.
  const after = params.after && decodeCursor(params.after) ? params.after : null;
  const canInvite = ctx.can("member.invite");
  const [listing, seats, pending] = await Promise.all([
    listMembers(db, ctx.org.id, { query, after: after ?? undefined }),
    canInvite && ctx.org.kind === "team" ? seatUsage(db, ctx.org.id) : null,
    canInvite && ctx.org.kind === "team" ? listPendingInvitations(db, ctx.org.id) : null,
  ]);
  const actor = { userId: ctx.actor.id, role: ctx.role };
  const members = listing.members.map((row) => ({
    ...row,
    isOwner: row.role === "owner",
    isSelf: row.userId === ctx.actor.id,
    canChangeRole: ctx.can("member.changeRole") && mayActOn(actor, row),
    canRemove: ctx.can("member.remove") && mayActOn(actor, row),
    canLeave: row.userId === ctx.actor.id && row.role !== "owner",
  }));
  const limit = planTable[ctx.org.plan].members;
  return {
    ok: true,
    page: {
      ctx,
      query,
      after,
      members,
      nextCursor: listing.nextCursor,
      roles: rolesAssignableBy(ctx.role),
      invite: canInvite
        ? {
            personal: ctx.org.kind === "personal",
            seats: { used: (seats?.members ?? 1) + (seats?.pending ?? 0), pending: seats?.pending ?? 0, limit, planLabel: planTable[ctx.org.plan].label },
          }
        : null,
      pending,
      transferCandidates:
        ctx.can("ownership.transfer") && ctx.org.kind === "team"
          ? members.filter((m) => !m.isSelf && !m.isOwner).map((m) => ({ userId: m.userId, label: m.name ?? m.email, email: m.email }))
          : null,
    },
  };
}

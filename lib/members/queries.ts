import "server-only";
import { and, asc, eq, gt, ilike, or, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { invitations, joinRequests, memberships, organizations, users } from "@/db/schema";
import type { MemberRole } from "@/db/schema/values";
import { containsPattern } from "@/lib/search/contains-pattern";
import { inactiveFor, type InactivityPeriod } from "./last-active";
import { memberCursor, membersPageSize, sinceKey } from "./paging";

export type MemberRow = { userId: string; name: string | null; email: string; image: string | null; role: MemberRole; since: Date; lastActiveAt: Date | null };

/**
 * One page of members, oldest first (keyset on member-since, so page 200 costs what page 1 does),
 * optionally filtered by name or email and by inactivity (not active for `inactiveDays`, see
 * lib/members/last-active.ts). Never loads the whole organization.
 */
export async function listMembers(
  db: Queryable,
  orgId: string,
  options: { query?: string; after?: string; limit?: number; inactiveDays?: InactivityPeriod | null } = {},
): Promise<{ members: MemberRow[]; nextCursor: string | null }> {
  const limit = options.limit ?? membersPageSize;
  const after = memberCursor.decode(options.after);
  const pattern = containsPattern(options.query);
  const rows = await db
    .select({ userId: users.id, name: users.name, email: users.email, image: users.image, role: memberships.role, since: memberships.createdAt, lastActiveAt: memberships.lastActiveAt, sinceKey })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(memberships.orgId, orgId),
        pattern ? or(ilike(users.name, pattern), ilike(users.email, pattern)) : undefined,
        options.inactiveDays ? inactiveFor(options.inactiveDays) : undefined,
        after ? sql`(${memberships.createdAt}, ${memberships.userId}) > (${after.since}::timestamptz, ${after.userId}::uuid)` : undefined,
      ),
    )
    .orderBy(asc(memberships.createdAt), asc(memberships.userId))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    members: page.map(({ sinceKey: _key, ...member }) => member),
    nextCursor: rows.length > limit ? memberCursor.encode({ since: last.sinceKey, userId: last.userId }) : null,
  };
}

// Pending invitations that have not expired: with the members, the seats in use.
const pendingInvitationCount = (orgId: string) =>
  sql<number>`(select count(*) from ${invitations} where ${invitations.orgId} = ${orgId} and ${invitations.status} = 'pending' and ${invitations.expiresAt} > now())`.mapWith(Number);

/**
 * Seats in use: members (the organization's kept count, see organizations.member_count) plus
 * pending invitations that have not expired. One statement.
 */
export async function seatUsage(db: Queryable, orgId: string): Promise<{ members: number; pending: number }> {
  const [row] = await db
    .select({ members: organizations.memberCount, pending: pendingInvitationCount(orgId) })
    .from(organizations)
    .where(eq(organizations.id, orgId));
  return row ?? { members: 0, pending: 0 };
}

/**
 * The members page's counts in one statement: the seats (as seatUsage) and, when `joinRequests`
 * (the caller may invite, so sees the Requests tab), the pending requests to join; 0 otherwise.
 */
export async function membersPageCounts(
  db: Queryable,
  orgId: string,
  options: { joinRequests: boolean },
): Promise<{ members: number; pending: number; joinRequests: number }> {
  const pendingJoinRequests = options.joinRequests
    ? sql<number>`(select count(*) from ${joinRequests} where ${joinRequests.orgId} = ${orgId} and ${joinRequests.status} = 'pending')`.mapWith(Number)
    : sql<number>`0`.mapWith(Number);
  const [row] = await db
    .select({ members: organizations.memberCount, pending: pendingInvitationCount(orgId), joinRequests: pendingJoinRequests })
    .from(organizations)
    .where(eq(organizations.id, orgId));
  return row ?? { members: 0, pending: 0, joinRequests: 0 };
}

export const pendingInvitationsShown = 50;

/** The organization's pending invitations, newest first, with who sent them. */
export async function listPendingInvitations(db: Queryable, orgId: string) {
  const rows = await db
    .select({
      id: invitations.id,
      email: invitations.email,
      role: invitations.role,
      expiresAt: invitations.expiresAt,
      lastSentAt: invitations.lastSentAt,
      resentCount: invitations.resentCount,
      inviterName: users.name,
      inviterEmail: users.email,
      total: sql<number>`count(*) over ()`.mapWith(Number),
    })
    .from(invitations)
    .leftJoin(users, eq(users.id, invitations.invitedBy))
    .where(and(eq(invitations.orgId, orgId), eq(invitations.status, "pending"), gt(invitations.expiresAt, sql`now()`)))
    .orderBy(sql`${invitations.lastSentAt} desc`)
    .limit(pendingInvitationsShown);
  return { invitations: rows.map(({ total: _total, ...row }) => row), total: rows[0]?.total ?? 0 };
}

import { and, asc, count, eq, gt, ilike, or, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { invitations, memberships, users } from "@/db/schema";
import type { MemberRole } from "@/db/schema/values";
import { containsPattern } from "@/lib/search/contains-pattern";

export const membersPageSize = 50;

export type MemberRow = { userId: string; name: string | null; email: string; image: string | null; role: MemberRole; since: Date };

// The cursor carries member-since to the microsecond, as PostgreSQL stores it: a JavaScript Date
// keeps milliseconds only, and a truncated cursor sorts before its own row, so the next page would
// start again inside that millisecond (every member added in one statement shares a timestamp).
type Cursor = { since: string; userId: string };

/** member-since as the cursor's exact text: ISO 8601 in UTC with microseconds. */
export const sinceKey = sql<string>`to_char(${memberships.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
const sinceKeyPattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

export function encodeCursor(row: Cursor): string {
  return Buffer.from(`${row.since}|${row.userId}`).toString("base64url");
}

export function decodeCursor(raw: string | undefined): Cursor | null {
  if (!raw) return null;
  const [since, userId] = Buffer.from(raw, "base64url").toString("utf8").split("|");
  return sinceKeyPattern.test(since ?? "") && /^[0-9a-f-]{36}$/.test(userId ?? "") ? { since, userId } : null;
}

/**
 * One page of members, oldest first (keyset on member-since, so page 200 costs what page 1 does),
 * optionally filtered by name or email. Never loads the whole organization.
 */
export async function listMembers(
  db: Queryable,
  orgId: string,
  options: { query?: string; after?: string; limit?: number } = {},
): Promise<{ members: MemberRow[]; nextCursor: string | null }> {
  const limit = options.limit ?? membersPageSize;
  const after = decodeCursor(options.after);
  const pattern = containsPattern(options.query);
  const rows = await db
    .select({ userId: users.id, name: users.name, email: users.email, image: users.image, role: memberships.role, since: memberships.createdAt, sinceKey })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(memberships.orgId, orgId),
        pattern ? or(ilike(users.name, pattern), ilike(users.email, pattern)) : undefined,
        after ? sql`(${memberships.createdAt}, ${memberships.userId}) > (${after.since}::timestamptz, ${after.userId}::uuid)` : undefined,
      ),
    )
    .orderBy(asc(memberships.createdAt), asc(memberships.userId))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    members: page.map(({ sinceKey: _key, ...member }) => member),
    nextCursor: rows.length > limit ? encodeCursor({ since: last.sinceKey, userId: last.userId }) : null,
  };
}

/** Seats in use: members plus pending invitations that have not expired. One statement. */
export async function seatUsage(db: Queryable, orgId: string): Promise<{ members: number; pending: number }> {
  const [row] = await db
    .select({
      members: sql<number>`(select count(*) from ${memberships} where ${memberships.orgId} = ${orgId})`.mapWith(Number),
      pending: sql<number>`(select count(*) from ${invitations} where ${invitations.orgId} = ${orgId} and ${invitations.status} = 'pending' and ${invitations.expiresAt} > now())`.mapWith(Number),
    })
    .from(sql`(select 1) as one`);
  return row;
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

export async function countMembers(db: Queryable, orgId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(memberships).where(eq(memberships.orgId, orgId));
  return row.n;
}

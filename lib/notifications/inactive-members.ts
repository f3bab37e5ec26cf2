import { and, asc, eq, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { memberships, users } from "@/db/schema";
import { inactiveFor } from "@/lib/members/last-active";

// The monthly usage report's access review: members inactive for 90 days at the end of the
// period, the longest-unseen first, named up to a cap (the Members page's filter lists them all).

export const reportInactiveDays = 90;
export const reportInactiveNamesShown = 20;

const day = (date: Date) => date.toISOString().slice(0, 10);

/** The report's lines about inactive members; one statement. */
export async function inactiveMemberLines(db: Queryable, orgId: string, at: Date, membersUrl: string): Promise<string[]> {
  const rows = await db
    .select({
      name: users.name,
      email: users.email,
      lastActiveAt: memberships.lastActiveAt,
      total: sql<number>`count(*) over ()`.mapWith(Number),
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.orgId, orgId), inactiveFor(reportInactiveDays, at)))
    .orderBy(sql`${memberships.lastActiveAt} asc nulls first`, asc(users.email))
    .limit(reportInactiveNamesShown);
  const total = rows[0]?.total ?? 0;
  const heading = `Members inactive for ${reportInactiveDays} days: ${total}`;
  if (total === 0) return [heading];
  const named = rows.map((row) => `- ${row.name ? `${row.name} <${row.email}>` : row.email}, ${row.lastActiveAt ? `last active ${day(row.lastActiveAt)}` : "never active"}`);
  const more = total - rows.length;
  return [heading, ...named, ...(more > 0 ? [`- and ${more} more`] : []), `Review them: ${membersUrl}?inactive=${reportInactiveDays}`];
}

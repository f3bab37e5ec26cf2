import { and, eq, isNull, lt, or, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { memberships } from "@/db/schema";

// "Last active" (access review): when a member last opened the organization, in a page or through
// its API routes. Written at most once an hour per membership, after the response (see
// lib/members/record-activity.ts), never inside an action's transaction.

export const activityWriteInterval = 60 * 60 * 1000;

/** The inactive filter's periods, in days (the Members page and the monthly report's 90). */
export const inactivityPeriods = [30, 90, 180] as const;
export type InactivityPeriod = (typeof inactivityPeriods)[number];

/** A query parameter as a period; anything else means no filter. */
export function parseInactivityPeriod(value: string | undefined): InactivityPeriod | null {
  return inactivityPeriods.find((days) => String(days) === value) ?? null;
}

/**
 * Whether this page load should record activity: never recorded, or more than an hour ago.
 * `undefined` (a context built without reading it) records nothing.
 */
export function activityIsStale(lastActiveAt: Date | null | undefined, now = Date.now()): boolean {
  if (lastActiveAt === undefined) return false;
  return lastActiveAt === null || now - lastActiveAt.getTime() > activityWriteInterval;
}

/**
 * Records that the member used the organization now, unless that was already recorded within the
 * hour. The condition is in the UPDATE itself, so of concurrent requests one writes: the others
 * wait for its row lock, re-read the row and find it fresh. True when this call wrote.
 */
export async function recordActivity(db: Queryable, orgId: string, userId: string): Promise<boolean> {
  const written = await db
    .update(memberships)
    .set({ lastActiveAt: sql`now()` })
    .where(
      and(
        eq(memberships.orgId, orgId),
        eq(memberships.userId, userId),
        or(isNull(memberships.lastActiveAt), lt(memberships.lastActiveAt, sql`now() - interval '1 hour'`)),
      ),
    )
    .returning({ userId: memberships.userId });
  return written.length > 0;
}

/**
 * The inactive filter: last active before `days` ago, or never recorded for a membership older than
 * that (someone who joined last week is not "inactive for 90 days", recorded or not).
 */
export function inactiveFor(days: number, at: Date | null = null) {
  const cutoff = at ? sql`${at.toISOString()}::timestamptz - make_interval(days => ${days}::int)` : sql`now() - make_interval(days => ${days}::int)`;
  return or(lt(memberships.lastActiveAt, cutoff), and(isNull(memberships.lastActiveAt), lt(memberships.createdAt, cutoff)));
}

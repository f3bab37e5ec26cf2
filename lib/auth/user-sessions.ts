import { and, count, eq, ne, type Placeholder, type SQL, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { userSessions, users } from "@/db/schema";

// The server's side of a session (DESIGN: a JWT alone cannot be revoked). The token carries only
// the row's id; whether the row still exists is asked by the query each request makes anyway
// (liveSession below, inside the membership query), so revocation costs no round trip on org pages.

/** Who a request's cookie names: the user and the session row (null: a token from before rows). */
export type SessionRef = { userId: string; sessionId: string | null };

/** Creates the row a new sign-in's token will name. */
export async function startSession(db: Queryable, userId: string, userAgent: string | null): Promise<string> {
  const [row] = await db
    .insert(userSessions)
    .values({ userId, userAgent: userAgent ? userAgent.slice(0, 200) : null })
    .returning({ id: userSessions.id });
  return row.id;
}

/** Signing out: the cookie's token stops opening anything, wherever a copy of it is. */
export async function endSession(db: Queryable, sessionId: string): Promise<void> {
  await db.delete(userSessions).where(eq(userSessions.id, sessionId));
}

/** "Sign out of all other sessions": every session of the user but the one asking. */
export async function endOtherSessions(db: Queryable, session: SessionRef): Promise<number> {
  const ended = await db
    .delete(userSessions)
    .where(and(eq(userSessions.userId, session.userId), session.sessionId ? ne(userSessions.id, session.sessionId) : undefined))
    .returning({ id: userSessions.id });
  return ended.length;
}

/** How many other live sessions the user has (the account page's count). */
export async function countOtherSessions(db: Queryable, session: SessionRef): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(userSessions)
    .where(and(eq(userSessions.userId, session.userId), session.sessionId ? ne(userSessions.id, session.sessionId) : undefined));
  return row?.n ?? 0;
}

/**
 * A condition true while the session row exists for this user: add it to a query already made.
 * With placeholders (a prepared statement), a null session id at execution matches no row.
 */
export function liveSession(session: SessionRef | { userId: Placeholder; sessionId: Placeholder }): SQL<boolean> {
  if (!session.sessionId) return sql<boolean>`false`;
  return sql<boolean>`exists (select 1 from ${userSessions} where ${userSessions.id} = ${session.sessionId} and ${userSessions.userId} = ${session.userId})`;
}

/** The signed-in user as stored now (name changes show at once), or null when the session ended. */
export async function loadSessionUser(db: Queryable, session: SessionRef) {
  const [row] = await db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(and(eq(users.id, session.userId), liveSession(session)))
    .limit(1);
  return row ?? null;
}

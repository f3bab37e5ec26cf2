import { and, eq, getTableColumns, type SQL, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { maintenanceNotices, memberships, organizations, users } from "@/db/schema";
import type { AuditOrigin, MemberRole } from "@/db/schema/enums";
import { liveSession, type SessionRef } from "@/lib/auth/user-sessions";
import { type ActiveMaintenance, buildOrgContext, type OrgContext } from "./context";
import { minimumRoleFor, type Permission } from "./permissions";
import { effectiveRole, type ViewAsChoice } from "./view-as";

export type AuthorizeResult =
  | { ok: true; ctx: OrgContext }
  // "not-found" covers both a missing organization and one the caller is not in: names never leak.
  | { ok: false; reason: "not-found" }
  // The cookie's session was signed out (here or from another device) or its account removed.
  | { ok: false; reason: "signed-out" }
  | { ok: false; reason: "forbidden"; requiredRole: MemberRole; ctx: OrgContext };

/** The organization by slug joined to the caller's membership and identity: one statement. */
export async function loadMembership(db: Queryable, userId: string, slug: string, origin: AuditOrigin = "ui", viewAs: ViewAsChoice | null = null): Promise<OrgContext | null> {
  const loaded = await membershipRow(db, userId, slug, sql<boolean>`true`, origin, viewAs);
  return loaded === "signed-out" ? null : loaded;
}

/**
 * The same for a request made with a session cookie: the one statement also checks that the
 * session row still exists, so a signed-out cookie is refused without a round trip of its own.
 * `viewAs` is the browser's "view as a role" cookie: it can only lower the role read here.
 */
export async function loadMembershipInSession(db: Queryable, session: SessionRef, slug: string, origin: AuditOrigin = "ui", viewAs: ViewAsChoice | null = null) {
  return membershipRow(db, session.userId, slug, liveSession(session), origin, viewAs);
}

async function membershipRow(db: Queryable, userId: string, slug: string, live: SQL<boolean>, origin: AuditOrigin, viewAs: ViewAsChoice | null): Promise<OrgContext | null | "signed-out"> {
  const [row] = await db
    .select({
      org: getTableColumns(organizations),
      role: memberships.role,
      lastActiveAt: memberships.lastActiveAt,
      actorName: users.name,
      actorEmail: users.email,
      live: live.mapWith(Boolean),
      // The console's maintenance banner rides on this statement: no round trip of its own per page.
      maintenance: sql<ActiveMaintenance[]>`coalesce((
        select json_agg(json_build_object('id', n.id, 'startsAt', n.starts_at, 'endsAt', n.ends_at, 'message', n.message) order by n.starts_at)
        from ${maintenanceNotices} n
        where n.ends_at > now() and (n.org_ids is null or ${organizations.id} = any(n.org_ids))
      ), '[]'::json)`.mapWith((value: unknown) => (typeof value === "string" ? JSON.parse(value) : value) as ActiveMaintenance[]),
    })
    .from(organizations)
    .innerJoin(memberships, and(eq(memberships.orgId, organizations.id), eq(memberships.userId, userId)))
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(organizations.slug, slug))
    .limit(1);
  if (!row) return null;
  if (!row.live) return "signed-out";
  const { role, viewingAs } = effectiveRole(row.role, row.org.id, viewAs);
  const ctx = buildOrgContext({ id: userId, name: row.actorName, email: row.actorEmail }, row.org, role, origin, row.maintenance, viewingAs);
  // Rides along for the page loaders, which record activity when it is stale (lib/members/record-activity.ts).
  return { ...ctx, lastActiveAt: row.lastActiveAt };
}

export async function authorize(
  db: Queryable,
  request: {
    userId: string;
    slug: string;
    permission: Permission;
    origin?: AuditOrigin;
    /** Set by the web's doors: the cookie's session row must still exist. */
    sessionId?: string | null;
    /** Set by the web's doors: the "view as a role" cookie, which can only lower the role. */
    viewAs?: ViewAsChoice | null;
  },
): Promise<AuthorizeResult> {
  const ctx =
    request.sessionId === undefined
      ? await loadMembership(db, request.userId, request.slug, request.origin, request.viewAs)
      : await loadMembershipInSession(db, { userId: request.userId, sessionId: request.sessionId }, request.slug, request.origin, request.viewAs);
  if (ctx === "signed-out") return { ok: false, reason: "signed-out" };
  if (!ctx) return { ok: false, reason: "not-found" };
  if (!ctx.can(request.permission)) {
    return { ok: false, reason: "forbidden", requiredRole: minimumRoleFor(request.permission), ctx };
  }
  return { ok: true, ctx };
}

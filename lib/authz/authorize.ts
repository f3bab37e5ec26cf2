import { and, eq, getTableColumns, type Placeholder, type SQL, sql } from "drizzle-orm";
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
  // Every organization page and action runs this statement, so Drizzle builds its text once per
  // client instead of on every request (~0.35 ms of CPU a request). A null session id matches no row.
  const [row] = await preparedInSession(db).execute({ userId: session.userId, slug, sessionId: session.sessionId });
  return membershipContext(row, session.userId, origin, viewAs);
}

// The organization joined to the caller's membership and identity; `live` says whether the
// request's session row still exists. The console's maintenance banner rides on this statement: no
// round trip of its own per page.
function membershipColumns(live: SQL<boolean>) {
  return {
    org: getTableColumns(organizations),
    role: memberships.role,
    lastActiveAt: memberships.lastActiveAt,
    actorName: users.name,
    actorEmail: users.email,
    live: live.mapWith(Boolean),
    maintenance: sql<ActiveMaintenance[]>`coalesce((
        select json_agg(json_build_object('id', n.id, 'startsAt', n.starts_at, 'endsAt', n.ends_at, 'message', n.message) order by n.starts_at)
        from ${maintenanceNotices} n
        where n.ends_at > now() and (n.org_ids is null or ${organizations.id} = any(n.org_ids))
      ), '[]'::json)`.mapWith((value: unknown) => (typeof value === "string" ? JSON.parse(value) : value) as ActiveMaintenance[]),
  };
}

function membershipQuery(db: Queryable, userId: string | Placeholder, slug: string | Placeholder, live: SQL<boolean>) {
  return db
    .select(membershipColumns(live))
    .from(organizations)
    .innerJoin(memberships, and(eq(memberships.orgId, organizations.id), eq(memberships.userId, userId)))
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(organizations.slug, slug))
    .limit(1);
}

function buildInSession(db: Queryable) {
  const userId = sql.placeholder("userId");
  return membershipQuery(db, userId, sql.placeholder("slug"), liveSession({ userId, sessionId: sql.placeholder("sessionId") })).prepare("membership_in_session");
}

// Per client (the pool's, a transaction's, a test's), as long as that client lives.
const inSessionByClient = new WeakMap<Queryable, ReturnType<typeof buildInSession>>();

function preparedInSession(db: Queryable) {
  let prepared = inSessionByClient.get(db);
  if (!prepared) {
    prepared = buildInSession(db);
    inSessionByClient.set(db, prepared);
  }
  return prepared;
}

type MembershipRow = Awaited<ReturnType<typeof membershipQuery>>[number];

async function membershipRow(db: Queryable, userId: string, slug: string, live: SQL<boolean>, origin: AuditOrigin, viewAs: ViewAsChoice | null): Promise<OrgContext | null | "signed-out"> {
  const [row] = await membershipQuery(db, userId, slug, live);
  return membershipContext(row, userId, origin, viewAs);
}

function membershipContext(row: MembershipRow | undefined, userId: string, origin: AuditOrigin, viewAs: ViewAsChoice | null): OrgContext | null | "signed-out" {
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

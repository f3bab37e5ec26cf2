import { and, eq, getTableColumns } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { memberships, organizations, users } from "@/db/schema";
import type { AuditOrigin, MemberRole } from "@/db/schema/enums";
import { buildOrgContext, type OrgContext } from "./context";
import { minimumRoleFor, type Permission } from "./permissions";

export type AuthorizeResult =
  | { ok: true; ctx: OrgContext }
  // "not-found" covers both a missing organization and one the caller is not in: names never leak.
  | { ok: false; reason: "not-found" }
  | { ok: false; reason: "forbidden"; requiredRole: MemberRole; ctx: OrgContext };

/** The organization by slug joined to the caller's membership and identity: one statement. */
export async function loadMembership(db: Queryable, userId: string, slug: string, origin: AuditOrigin = "ui") {
  const [row] = await db
    .select({
      org: getTableColumns(organizations),
      role: memberships.role,
      actorName: users.name,
      actorEmail: users.email,
    })
    .from(organizations)
    .innerJoin(memberships, and(eq(memberships.orgId, organizations.id), eq(memberships.userId, userId)))
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(organizations.slug, slug))
    .limit(1);
  if (!row) return null;
  return buildOrgContext({ id: userId, name: row.actorName, email: row.actorEmail }, row.org, row.role, origin);
}

export async function authorize(
  db: Queryable,
  request: { userId: string; slug: string; permission: Permission; origin?: AuditOrigin },
): Promise<AuthorizeResult> {
  const ctx = await loadMembership(db, request.userId, request.slug, request.origin);
  if (!ctx) return { ok: false, reason: "not-found" };
  if (!ctx.can(request.permission)) {
    return { ok: false, reason: "forbidden", requiredRole: minimumRoleFor(request.permission), ctx };
  }
  return { ok: true, ctx };
}

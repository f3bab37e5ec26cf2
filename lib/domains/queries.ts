import "server-only";
import { and, asc, desc, eq, inArray, isNotNull, ne, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { joinRequests, memberships, organizations, orgDomains, users } from "@/db/schema";
import { emailDomain } from "./hostname";
import type { JoinPolicy, JoinRole } from "./schemas";

/** The organization's domains, oldest first, each with whether another organization holds it verified. */
export async function listOrgDomains(db: Queryable, orgId: string) {
  return db
    .select({
      id: orgDomains.id,
      domain: orgDomains.domain,
      verificationToken: orgDomains.verificationToken,
      verifiedAt: orgDomains.verifiedAt,
      policy: orgDomains.policy,
      autoJoinRole: orgDomains.autoJoinRole,
      createdAt: orgDomains.createdAt,
      heldElsewhere: sql<boolean>`exists (select 1 from ${orgDomains} o where o.domain = ${orgDomains.domain} and o.verified_at is not null and o.org_id <> ${orgId})`,
    })
    .from(orgDomains)
    .where(eq(orgDomains.orgId, orgId))
    .orderBy(asc(orgDomains.createdAt), asc(orgDomains.domain));
}

export const joinRequestsShown = 50;

/** Pending requests, oldest first (first come, first served), with who asked. */
export async function listPendingJoinRequests(db: Queryable, orgId: string) {
  return db
    .select({ id: joinRequests.id, domain: joinRequests.domain, createdAt: joinRequests.createdAt, name: users.name, email: users.email })
    .from(joinRequests)
    .innerJoin(users, eq(users.id, joinRequests.userId))
    .where(and(eq(joinRequests.orgId, orgId), eq(joinRequests.status, "pending")))
    .orderBy(asc(joinRequests.createdAt), asc(joinRequests.id))
    .limit(joinRequestsShown);
}

export type JoinableOrganization = { orgId: string; orgName: string; policy: Exclude<JoinPolicy, "invite_only">; role: JoinRole; requested: boolean };

/**
 * The organizations a user may ask to join (or join) through a verified domain of their email:
 * not those they belong to, nor those being deleted. One statement, on the verified-domain index.
 */
export async function joinableOrganizations(db: Queryable, user: { id: string; email: string }): Promise<JoinableOrganization[]> {
  const query = joinableOrganizationsQuery(db, user);
  return query ? ((await query) as JoinableOrganization[]) : [];
}

/** The statement of joinableOrganizations (by name, at most 20), to run or to nest; null without an email domain. */
export function joinableOrganizationsQuery(db: Queryable, user: { id: string; email: string }) {
  const domain = emailDomain(user.email);
  if (!domain) return null;
  return db
    .select({
      orgId: organizations.id,
      orgName: organizations.name,
      policy: orgDomains.policy,
      role: orgDomains.autoJoinRole,
      requested: sql<boolean>`exists (select 1 from ${joinRequests} r where r.org_id = ${organizations.id} and r.user_id = ${user.id} and r.status = 'pending')`.as("requested"),
    })
    .from(orgDomains)
    .innerJoin(organizations, eq(organizations.id, orgDomains.orgId))
    .where(
      and(
        eq(orgDomains.domain, domain),
        isNotNull(orgDomains.verifiedAt),
        ne(orgDomains.policy, "invite_only"),
        sql`${organizations.deletionRequestedAt} is null`,
        sql`not exists (select 1 from ${memberships} m where m.org_id = ${organizations.id} and m.user_id = ${user.id})`,
      ),
    )
    .orderBy(asc(organizations.name))
    .limit(20);
}

/** Who hears of a new request: the owner and the admins. */
export async function ownerAndAdmins(db: Queryable, orgId: string) {
  return db
    .select({ name: users.name, email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.orgId, orgId), inArray(memberships.role, ["owner", "admin"])))
    .orderBy(desc(memberships.role))
    .limit(50);
}

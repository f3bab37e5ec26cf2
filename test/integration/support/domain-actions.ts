import { and, asc, eq } from "drizzle-orm";
import type { z } from "zod";
import type { Db, Queryable } from "@/db/client";
import { auditEvents, joinRequests, memberships, orgDomains, type Organization, type User } from "@/db/schema";
import type { OrgActionSpec } from "@/lib/actions/define";
import { type HandlerResult, runOrgAction } from "@/lib/actions/run-action";
import type * as Specs from "@/lib/domains/actions";

// The Verified domains page's and Members → Requests' actions by a short name, run through the
// door every server action goes through (runOrgAction). The specs are passed in: the DNS tests
// load them after pointing DNS_RESOLVER at their local server.

export const domainActionNames = ["add", "verify", "policy", "remove", "approve", "decline"] as const;
export type DomainActionName = (typeof domainActionNames)[number];

export function domainActions(specs: typeof Specs): Record<DomainActionName, OrgActionSpec<z.ZodType>> {
  return {
    add: specs.addDomain,
    verify: specs.verifyDomain,
    policy: specs.setDomainPolicy,
    remove: specs.removeDomain,
    approve: specs.approveJoinRequest,
    decline: specs.declineJoinRequest,
  } as Record<DomainActionName, OrgActionSpec<z.ZodType>>;
}

export function runDomainAction(db: Db, spec: OrgActionSpec<z.ZodType>, user: Pick<User, "id"> | null, org: Pick<Organization, "slug">, input: Record<string, string>): Promise<HandlerResult> {
  return runOrgAction(spec, { db, userId: user?.id ?? null, slug: org.slug, input });
}

/** Every row a domain or join request change may touch, in a stable order. */
export async function snapshotDomains(db: Queryable, orgId: string) {
  return {
    domains: await db.select().from(orgDomains).where(eq(orgDomains.orgId, orgId)).orderBy(asc(orgDomains.id)),
    requests: await db.select().from(joinRequests).where(eq(joinRequests.orgId, orgId)).orderBy(asc(joinRequests.id)),
    members: await db.select().from(memberships).where(eq(memberships.orgId, orgId)).orderBy(asc(memberships.userId)),
    audit: await db.select().from(auditEvents).where(eq(auditEvents.orgId, orgId)).orderBy(asc(auditEvents.id)),
  };
}

export async function membershipOf(db: Queryable, orgId: string, userId: string) {
  const [row] = await db.select().from(memberships).where(and(eq(memberships.orgId, orgId), eq(memberships.userId, userId)));
  return row ?? null;
}

import type { Queryable } from "@/db/client";
import { joinRequests, orgDomains, type OrgDomain, type Organization, type User } from "@/db/schema";
import type { JoinPolicy, JoinRole } from "@/lib/domains/schemas";
import { newVerificationToken } from "@/lib/domains/txt-record";
import { uniqueTag } from "./index";

/** A domain no other test uses, under the reserved .test top-level domain. */
export function uniqueDomain(): string {
  return `acme-${uniqueTag()}.test`;
}

/**
 * An organization's domain, verified (as if its TXT record had been read) unless told otherwise,
 * with a policy; the Verified domains page's own actions make them in the tests that test them.
 */
export async function makeOrgDomain(
  db: Queryable,
  org: Pick<Organization, "id">,
  fields: { domain?: string; verified?: boolean; policy?: JoinPolicy; role?: JoinRole } = {},
): Promise<OrgDomain> {
  const [row] = await db
    .insert(orgDomains)
    .values({
      orgId: org.id,
      domain: fields.domain ?? uniqueDomain(),
      verificationToken: newVerificationToken(),
      verifiedAt: fields.verified === false ? null : new Date(),
      policy: fields.policy ?? "invite_only",
      autoJoinRole: fields.role ?? "viewer",
    })
    .returning();
  return row;
}

export async function makeJoinRequest(db: Queryable, org: Pick<Organization, "id">, user: Pick<User, "id">, domain: string) {
  const [row] = await db.insert(joinRequests).values({ orgId: org.id, userId: user.id, domain }).returning();
  return row;
}

import { and, eq, isNotNull, ne } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { isUniqueViolation } from "@/db/errors";
import { orgDomains, type OrgDomain } from "@/db/schema";
import type { ActionResult } from "@/lib/actions/result";
import { recordAudit } from "@/lib/audit/record";
import type { OrgContext } from "@/lib/authz/context";
import { orgTransaction } from "@/lib/authz/org-transaction";
import type { JoinPolicy, JoinRole } from "./schemas";
import { checkTxtRecord, newVerificationToken } from "./txt-record";

// Every change of a domain runs under the organization's lock with its audit event. The DNS
// lookup of a verification runs before the lock is taken: a slow DNS server never holds it.

const permission = "domain.manage";
const fail = (formError: string): ActionResult => ({ ok: false, formError });
const unknownDomain = "This domain is not in this organization (it may have been removed).";
export const heldElsewhere = (domain: string) =>
  `Another organization has verified ${domain}. A domain is verified by one organization at a time: it can be verified here once they remove it.`;

/** Scoped by the organization `authorize` resolved from the URL: another organization's id matches nothing. */
export async function findDomain(db: Queryable, orgId: string, id: string): Promise<OrgDomain | null> {
  const [row] = await db.select().from(orgDomains).where(and(eq(orgDomains.id, id), eq(orgDomains.orgId, orgId)));
  return row ?? null;
}

async function verifiedElsewhere(db: Queryable, orgId: string, domain: string): Promise<boolean> {
  const [row] = await db
    .select({ id: orgDomains.id })
    .from(orgDomains)
    .where(and(eq(orgDomains.domain, domain), isNotNull(orgDomains.verifiedAt), ne(orgDomains.orgId, orgId)));
  return Boolean(row);
}

export async function addDomain(db: Queryable, ctx: OrgContext, input: { domain: string }): Promise<ActionResult> {
  if (ctx.org.kind === "personal") return fail("A personal organization cannot have members, so it has no domains. Create a team organization.");
  try {
    return await orgTransaction(db, ctx, permission, async (tx) => {
      const [row] = await tx
        .insert(orgDomains)
        .values({ orgId: ctx.org.id, domain: input.domain, verificationToken: newVerificationToken(), createdBy: ctx.actor.id })
        .returning();
      await recordAudit(tx, ctx, { action: "domain.add", targetType: "domain", targetId: row.id, targetLabel: row.domain });
      const elsewhere = await verifiedElsewhere(tx, ctx.org.id, row.domain);
      return {
        ok: true,
        message: elsewhere ? `${row.domain} added. ${heldElsewhere(row.domain)}` : `${row.domain} added: create its TXT record, then verify it.`,
      };
    });
  } catch (error) {
    if (isUniqueViolation(error, "org_domains_org_domain_key")) return { ok: false, fieldErrors: { domain: `${input.domain} is already in this organization's list.` } };
    throw error;
  }
}

/** Reads the TXT record now; on a match marks the domain verified, unless another organization holds it. */
export async function verifyDomain(db: Queryable, ctx: OrgContext, input: { domainId: string }, dnsServer?: string): Promise<ActionResult> {
  const found = await findDomain(db, ctx.org.id, input.domainId);
  if (!found) return fail(unknownDomain);
  if (found.verifiedAt) return { ok: true, message: `${found.domain} is already verified.` };
  if (await verifiedElsewhere(db, ctx.org.id, found.domain)) return fail(heldElsewhere(found.domain));
  const check = await checkTxtRecord(found.domain, found.verificationToken, dnsServer);
  if (!check.ok) return fail(check.message);
  try {
    return await orgTransaction(db, ctx, permission, async (tx) => {
      // The record matched the token read before the lock: it must still be this domain's token.
      const [verified] = await tx
        .update(orgDomains)
        .set({ verifiedAt: new Date() })
        .where(and(eq(orgDomains.id, found.id), eq(orgDomains.orgId, ctx.org.id), eq(orgDomains.verificationToken, found.verificationToken)))
        .returning();
      if (!verified) return fail(unknownDomain);
      await recordAudit(tx, ctx, { action: "domain.verify", targetType: "domain", targetId: found.id, targetLabel: found.domain });
      return { ok: true, message: `${found.domain} is verified.` };
    });
  } catch (error) {
    // Another organization verified it between the check above and this write.
    if (isUniqueViolation(error, "org_domains_verified_domain_key")) return fail(heldElsewhere(found.domain));
    throw error;
  }
}

export async function setDomainPolicy(db: Queryable, ctx: OrgContext, input: { domainId: string; policy: JoinPolicy; role: JoinRole }): Promise<ActionResult> {
  return orgTransaction(db, ctx, permission, async (tx) => {
    const domain = await findDomain(tx, ctx.org.id, input.domainId);
    if (!domain) return fail(unknownDomain);
    if (!domain.verifiedAt && input.policy !== "invite_only") {
      return { ok: false, fieldErrors: { policy: `Verify ${domain.domain} first: only a verified domain lets people join.` } };
    }
    const role = input.policy === "auto_join" ? input.role : domain.autoJoinRole;
    if (domain.policy === input.policy && domain.autoJoinRole === role) return { ok: true, message: "Nothing to change: the policy is the same." };
    await tx.update(orgDomains).set({ policy: input.policy, autoJoinRole: role }).where(eq(orgDomains.id, domain.id));
    await recordAudit(tx, ctx, {
      action: "domain.policy",
      targetType: "domain",
      targetId: domain.id,
      targetLabel: domain.domain,
      before: { policy: domain.policy, role: domain.autoJoinRole },
      after: { policy: input.policy, role },
    });
    return { ok: true, message: `The join policy of ${domain.domain} is saved.` };
  });
}

export async function removeDomain(db: Queryable, ctx: OrgContext, input: { domainId: string }): Promise<ActionResult> {
  return orgTransaction(db, ctx, permission, async (tx) => {
    const domain = await findDomain(tx, ctx.org.id, input.domainId);
    if (!domain) return fail(unknownDomain);
    await tx.delete(orgDomains).where(eq(orgDomains.id, domain.id));
    await recordAudit(tx, ctx, {
      action: "domain.remove",
      targetType: "domain",
      targetId: domain.id,
      targetLabel: domain.domain,
      before: { verified: Boolean(domain.verifiedAt), policy: domain.policy, role: domain.autoJoinRole },
    });
    return { ok: true, message: `${domain.domain} removed.` };
  });
}

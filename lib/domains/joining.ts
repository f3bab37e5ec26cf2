import { and, eq } from "drizzle-orm";
import type { Queryable, Tx } from "@/db/client";
import { joinRequests, memberships, organizations, orgDomains, users, type Organization } from "@/db/schema";
import { actorLabel, recordAudit } from "@/lib/audit/record";
import type { Actor } from "@/lib/authz/context";
import { domainJoinerContext } from "@/lib/authz/system-contexts";
import { roleLabels } from "@/lib/authz/permissions";
import { consumeRateLimits } from "@/lib/rate-limit/consume";
import { joinRequestLimit, rateLimitSettings } from "@/lib/rate-limit/limits";
import { pluralWord } from "@/lib/format";
import { formatRetryTime } from "@/lib/rate-limit/messages";
import { emailDomain } from "./hostname";
import type { JoinPolicy, JoinRole } from "./schemas";
import { seatRefusal } from "./seats";

// The one path by which someone who is not a member writes in an organization: through one of its
// verified domains. The member-only door (orgTransaction) cannot serve, since the caller has no
// membership to re-read; instead, under the same organization lock, everything that allows it is
// read again here: the organization exists and is not being deleted, the caller is not a member,
// a verified domain of the organization matches the caller's email (as stored, the address they
// sign in with) and has the expected policy, and, to join, a seat is free. Nothing the browser sent
// but the organization's id is used.

export type JoinOutcome =
  | { ok: true; message: string; org: Organization; domain: string; redirectTo?: string }
  | { ok: false; formError: string };

const notOffered = "This organization does not let people at your email's domain join this way (any more). Ask an admin for an invitation.";
type Limits = { settings?: typeof rateLimitSettings; now?: Date };

type Eligibility = { refusal: string } | { org: Organization; domain: string; role: JoinRole };

async function lockedEligibility(tx: Tx, user: Actor, orgId: string, policy: Exclude<JoinPolicy, "invite_only">): Promise<Eligibility> {
  const [org] = await tx.select().from(organizations).where(eq(organizations.id, orgId)).for("no key update");
  if (!org || org.deletionRequestedAt) return { refusal: notOffered };
  const [member] = await tx.select({ role: memberships.role }).from(memberships).where(and(eq(memberships.orgId, org.id), eq(memberships.userId, user.id)));
  if (member) return { refusal: `You are already a member of ${org.name}.` };
  // The email as stored now, not as the session or the browser tells it.
  const [stored] = await tx.select({ email: users.email }).from(users).where(eq(users.id, user.id));
  const domain = stored && emailDomain(stored.email);
  if (!domain) return { refusal: notOffered };
  const [row] = await tx
    .select({ domain: orgDomains.domain, policy: orgDomains.policy, verifiedAt: orgDomains.verifiedAt, role: orgDomains.autoJoinRole })
    .from(orgDomains)
    .where(and(eq(orgDomains.orgId, org.id), eq(orgDomains.domain, domain)));
  if (!row?.verifiedAt || row.policy !== policy) return { refusal: notOffered };
  return { org, domain: row.domain, role: row.role as JoinRole };
}

async function consumeJoinAttempt(tx: Tx, userId: string, limits: Limits): Promise<string | null> {
  const allowed = await consumeRateLimits(tx, [joinRequestLimit(userId, limits.settings)], { now: limits.now });
  if (allowed.ok) return null;
  const max = allowed.refusal.limit.max;
  return `You have asked to join organizations ${max} ${pluralWord(max, "time")} in an hour, the most allowed. Try again after ${formatRetryTime(allowed.refusal.resetAt, limits.now)}.`;
}

/** "Request to join": one pending request per user and organization; admins decide. */
export async function requestToJoin(db: Queryable, user: Actor, input: { orgId: string }, limits: Limits = {}): Promise<JoinOutcome> {
  return db.transaction(async (tx): Promise<JoinOutcome> => {
    const found = await lockedEligibility(tx, user, input.orgId, "request");
    if ("refusal" in found) return { ok: false, formError: found.refusal };
    const { org, domain } = found;
    const [pending] = await tx
      .select({ id: joinRequests.id })
      .from(joinRequests)
      .where(and(eq(joinRequests.orgId, org.id), eq(joinRequests.userId, user.id), eq(joinRequests.status, "pending")));
    if (pending) return { ok: false, formError: `You have already asked to join ${org.name}. Its admins will answer by email.` };
    const limited = await consumeJoinAttempt(tx, user.id, limits);
    if (limited) return { ok: false, formError: limited };
    const [request] = await tx.insert(joinRequests).values({ orgId: org.id, userId: user.id, domain }).returning({ id: joinRequests.id });
    await recordAudit(tx, domainJoinerContext(user, org, "viewer"), {
      action: "join_request.create",
      targetType: "join_request",
      targetId: request.id,
      targetLabel: actorLabel(user),
      after: { domain },
    });
    return { ok: true, org, domain, message: `Your request to join ${org.name} was sent to its admins. You will get an email when they answer.` };
  });
}

/** "Join": a membership with the domain's role (Developer at most), if a seat is free. */
export async function joinAutomatically(db: Queryable, user: Actor, input: { orgId: string }, limits: Limits = {}): Promise<JoinOutcome> {
  return db.transaction(async (tx): Promise<JoinOutcome> => {
    const found = await lockedEligibility(tx, user, input.orgId, "auto_join");
    if ("refusal" in found) return { ok: false, formError: found.refusal };
    const { org, domain, role } = found;
    const seats = await seatRefusal(tx, org.id);
    if (seats) return { ok: false, formError: `${org.name} has no free seat. ${seats}` };
    const limited = await consumeJoinAttempt(tx, user.id, limits);
    if (limited) return { ok: false, formError: limited };
    // As accepting an invitation adds a membership (lib/invitations/respond.ts).
    await tx.insert(memberships).values({ orgId: org.id, userId: user.id, role });
    await tx.update(users).set({ lastActiveOrgId: org.id }).where(eq(users.id, user.id));
    // A request made before the policy changed is answered by this join.
    await tx
      .update(joinRequests)
      .set({ status: "approved", role, decidedAt: new Date() })
      .where(and(eq(joinRequests.orgId, org.id), eq(joinRequests.userId, user.id), eq(joinRequests.status, "pending")));
    await recordAudit(tx, domainJoinerContext(user, org, role), {
      action: "domain.auto_join",
      targetType: "member",
      targetId: user.id,
      targetLabel: actorLabel(user),
      after: { role, domain },
    });
    return { ok: true, org, domain, message: `You joined ${org.name} as ${roleLabels[role]}.`, redirectTo: `/orgs/${org.slug}` };
  });
}

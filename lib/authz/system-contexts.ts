import type { Organization } from "@/db/schema";
import type { MemberRole } from "@/db/schema/enums";
import { type Actor, buildOrgContext, type OrgContext } from "./context";

// The three places where a caller acts in an organization before `authorize` could have found
// their membership, each named for the one situation it vouches for. Nothing else builds an
// OrgContext (test/unit/org-context-builders.test.ts keeps it so).

/** The user who has just created `org` in this same transaction, and is its owner. */
export function creatorContext(creator: Actor, org: Organization): OrgContext {
  return buildOrgContext(creator, org, "owner", "ui");
}

/**
 * The invitee answering an invitation they were sent, with the role it offers: their answer (and,
 * on acceptance, their membership) is written in this same transaction, under the invitation's lock.
 */
export function inviteeContext(invitee: Actor, org: Organization, offeredRole: MemberRole): OrgContext {
  return buildOrgContext(invitee, org, offeredRole, "ui");
}

/** An API token's user in their own personal organization, which they always own. */
export function apiOwnerContext(user: Actor, personal: Organization): OrgContext {
  if (personal.personalForUserId !== user.id) throw new Error("not this user's personal organization");
  return buildOrgContext(user, personal, "owner", "api");
}

/**
 * Someone who is not a member, acting through one of the organization's verified domains: asking
 * to join (`role` is then the lowest, never checked: the request grants nothing) or joining
 * automatically with the domain's role. Only lib/domains/ builds it, in the transaction that holds
 * the organization's lock and has just re-read the domain, its policy and the person's email.
 */
export function domainJoinerContext(joiner: Actor, org: Organization, role: "developer" | "viewer"): OrgContext {
  return buildOrgContext(joiner, org, role, "ui");
}

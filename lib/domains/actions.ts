import { defineOrgAction, defineUserAction } from "@/lib/actions/define";
import { appUrl } from "@/lib/http/app-url";
import { joinRequestAnsweredEmail, joinRequestReceivedEmails } from "@/lib/mail/join-request-templates";
import { sendEmails } from "@/lib/mail/send";
import { findActor } from "@/lib/users/create-user";
import * as decisions from "./decisions";
import * as changes from "./domain-changes";
import * as joining from "./joining";
import { ownerAndAdmins } from "./queries";
import { addDomainSchema, approveJoinRequestSchema, domainIdSchema, domainPolicySchema, joinOrgSchema, joinRequestSchema } from "./schemas";

// The Verified domains page's actions, Members → Requests' answers, and the switcher's "Request
// to join" and "Join" (user actions: the caller is not a member yet; lib/domains/joining.ts
// re-checks under the organization's lock what allows it). Emails go out after the commit.

export const addDomain = defineOrgAction({ permission: "domain.manage", schema: addDomainSchema }, (ctx, input, db) => changes.addDomain(db, ctx, input));
export const verifyDomain = defineOrgAction({ permission: "domain.manage", schema: domainIdSchema }, (ctx, input, db) => changes.verifyDomain(db, ctx, input));
export const setDomainPolicy = defineOrgAction({ permission: "domain.manage", schema: domainPolicySchema }, (ctx, input, db) =>
  changes.setDomainPolicy(db, ctx, input),
);
export const removeDomain = defineOrgAction({ permission: "domain.manage", schema: domainIdSchema }, (ctx, input, db) => changes.removeDomain(db, ctx, input));

const unsentNote = (message: string, unsent: string[]) => (unsent.length === 0 ? message : `${message} The email to ${unsent.join(", ")} could not be sent.`);

export const approveJoinRequest = defineOrgAction({ permission: "member.invite", schema: approveJoinRequestSchema }, async (ctx, input, db) => {
  const outcome = await decisions.approveJoinRequest(db, ctx, input);
  if (!outcome.ok) return outcome;
  const link = `${await appUrl()}/orgs/${ctx.org.slug}`;
  const unsent = await sendEmails([joinRequestAnsweredEmail({ orgName: ctx.org.name, requester: outcome.requester, approved: true, role: outcome.role, link })]);
  return { ok: true, message: unsentNote(outcome.message, unsent) };
});

export const declineJoinRequest = defineOrgAction({ permission: "member.invite", schema: joinRequestSchema }, async (ctx, input, db) => {
  const outcome = await decisions.declineJoinRequest(db, ctx, input);
  if (!outcome.ok) return outcome;
  const unsent = await sendEmails([joinRequestAnsweredEmail({ orgName: ctx.org.name, requester: outcome.requester, approved: false, link: "" })]);
  return { ok: true, message: unsentNote(outcome.message, unsent) };
});

const accountGone = { ok: false as const, formError: "Your account no longer exists. Sign in again." };

export const requestToJoin = defineUserAction({ schema: joinOrgSchema }, async (userId, input, db) => {
  const user = await findActor(db, userId);
  if (!user) return accountGone;
  const outcome = await joining.requestToJoin(db, user, input);
  if (!outcome.ok) return outcome;
  const link = `${await appUrl()}/orgs/${outcome.org.slug}/settings/members?tab=requests`;
  await sendEmails(joinRequestReceivedEmails({ orgName: outcome.org.name, requester: user, domain: outcome.domain, to: await ownerAndAdmins(db, outcome.org.id), link }));
  return { ok: true, message: outcome.message };
});

export const joinAutomatically = defineUserAction({ schema: joinOrgSchema }, async (userId, input, db) => {
  const user = await findActor(db, userId);
  if (!user) return accountGone;
  const outcome = await joining.joinAutomatically(db, user, input);
  return outcome.ok ? { ok: true, message: outcome.message, redirectTo: outcome.redirectTo } : outcome;
});

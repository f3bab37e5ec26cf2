import { z } from "zod";
import { defineOrgAction, defineUserAction } from "@/lib/actions/define";
import { appUrl } from "@/lib/http/app-url";
import { roleSchema } from "@/lib/members/actions";
import { rolesAssignableBy } from "@/lib/members/rules";
import { findActor } from "@/lib/users/create-user";
import { inviteMembers as invite, splitAddresses } from "./invite";
import { pendingInvitationLink, resendInvitation as resend, revokeInvitation as revoke } from "./pending-invitations";
import { acceptInvitation as accept, declineInvitation as decline, type RespondResult } from "./respond";

// The Members page's invitation actions, and the invitee's answer on /invitations/<token>.

const invitation = z.object({ invitationId: z.uuid("This invitation does not exist.") });

export const inviteMembers = defineOrgAction(
  {
    permission: "member.invite",
    schema: z.object({
      emails: z.string().max(20_000, "That list is too long: invite at most 50 addresses at once.").transform(splitAddresses),
      role: roleSchema,
    }),
  },
  async (ctx, input, db) => {
    if (!rolesAssignableBy(ctx.role).includes(input.role)) return { ok: false, fieldErrors: { role: "You cannot give this role." } };
    return invite(db, ctx, { ...input, appUrl: await appUrl() });
  },
);

export const resendInvitation = defineOrgAction({ permission: "member.invite", schema: invitation }, async (ctx, input, db) =>
  resend(db, ctx, { ...input, appUrl: await appUrl() }),
);

export const revokeInvitation = defineOrgAction({ permission: "member.invite", schema: invitation }, (ctx, input, db) => revoke(db, ctx, input));

// A read, but of a secret link: it goes through the same door as the mutations.
export const invitationLink = defineOrgAction({ permission: "member.invite", schema: invitation }, async (ctx, input, db) => {
  const link = await pendingInvitationLink(db, ctx, { ...input, appUrl: await appUrl() });
  return link
    ? { ok: true, data: { link } }
    : { ok: false, formError: "This invitation is no longer pending: it was accepted, declined, revoked or has expired." };
});

// The token is the authorization: it names one invitation, which must be addressed to the signed-in
// user's email (checked in ./respond.ts against the user read from the database).
export const invitationTokenPattern = /^[A-Za-z0-9_-]{20,100}$/;
const answer = z.object({ token: z.string().regex(invitationTokenPattern, "This invitation link is not valid.") });

const accountGone = { ok: false as const, formError: "Your account no longer exists. Sign in again." };
const failure = (result: Extract<RespondResult, { ok: false }>) => ({ ok: false as const, formError: result.message });

export const acceptInvitation = defineUserAction({ schema: answer }, async (userId, { token }, db) => {
  const invitee = await findActor(db, userId);
  if (!invitee) return accountGone;
  const result = await accept(db, invitee, token);
  if (!result.ok) return failure(result);
  return { ok: true, message: `You joined ${result.orgName}.`, redirectTo: `/orgs/${result.orgSlug}` };
});

export const declineInvitation = defineUserAction({ schema: answer }, async (userId, { token }, db) => {
  const invitee = await findActor(db, userId);
  if (!invitee) return accountGone;
  const result = await decline(db, invitee, token);
  if (!result.ok) return failure(result);
  // The page re-renders as "You declined this invitation", which is the confirmation.
  return { ok: true };
});

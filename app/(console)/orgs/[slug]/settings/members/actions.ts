"use server";

import { z } from "zod";
import { orgAction } from "@/lib/actions/org-action";
import { appUrl } from "@/lib/http/app-url";
import { inviteMembers, splitAddresses } from "@/lib/invitations/invite";
import { pendingInvitationLink, resendInvitation, revokeInvitation } from "@/lib/invitations/manage";
import { sendEmails } from "@/lib/mail/send";
import { ownershipTransferredEmails } from "@/lib/mail/templates";
import { changeMemberRole, leaveOrganization, removeMember, transferOwnership } from "@/lib/members/change";
import { assignableRoles, rolesAssignableBy } from "@/lib/members/rules";

const member = z.object({ userId: z.uuid("Choose a member of the organization.") });
const role = z.enum(assignableRoles, "Choose Admin, Developer or Viewer.");
const invitation = z.object({ invitationId: z.uuid("This invitation does not exist.") });

export const changeMemberRoleAction = orgAction(
  { permission: "member.changeRole", schema: member.extend({ role }) },
  async (ctx, input, db) => changeMemberRole(db, ctx, input),
);

export const removeMemberAction = orgAction({ permission: "member.remove", schema: member }, async (ctx, input, db) =>
  removeMember(db, ctx, input),
);

// Any member may leave (the owner is told to transfer first); afterwards the organization is gone
// from their reach, so they land on `/`.
export const leaveOrganizationAction = orgAction({ permission: "project.read", schema: z.object({}) }, async (ctx, _input, db) => {
  const result = await leaveOrganization(db, ctx);
  return result.ok ? { ...result, redirectTo: "/" } : result;
});

export const inviteMembersAction = orgAction(
  {
    permission: "member.invite",
    schema: z.object({
      emails: z.string().max(20_000, "That list is too long: invite at most 50 addresses at once.").transform(splitAddresses),
      role,
    }),
  },
  async (ctx, input, db) => {
    if (!rolesAssignableBy(ctx.role).includes(input.role)) return { ok: false, fieldErrors: { role: "You cannot give this role." } };
    return inviteMembers(db, ctx, { ...input, appUrl: await appUrl() });
  },
);

export const resendInvitationAction = orgAction({ permission: "member.invite", schema: invitation }, async (ctx, input, db) =>
  resendInvitation(db, ctx, { ...input, appUrl: await appUrl() }),
);

export const revokeInvitationAction = orgAction({ permission: "member.invite", schema: invitation }, async (ctx, input, db) =>
  revokeInvitation(db, ctx, input),
);

// A read, but of a secret link: it goes through the same door as the mutations.
export const invitationLinkAction = orgAction({ permission: "member.invite", schema: invitation }, async (ctx, input, db) => {
  const link = await pendingInvitationLink(db, ctx, { ...input, appUrl: await appUrl() });
  return link
    ? { ok: true, data: { link } }
    : { ok: false, formError: "This invitation is no longer pending: it was accepted, declined, revoked or has expired." };
});

export const transferOwnershipAction = orgAction(
  { permission: "ownership.transfer", schema: member.extend({ confirmEmail: z.string().max(320) }) },
  async (ctx, input, db) => {
    const outcome = await transferOwnership(db, ctx, input);
    if (!outcome.ok) return outcome;
    // After the commit: a slow or failing mail server never holds the organization's lock.
    const link = `${await appUrl()}/orgs/${ctx.org.slug}`;
    await sendEmails(ownershipTransferredEmails({ orgName: ctx.org.name, previousOwner: outcome.previousOwner, newOwner: outcome.newOwner, link }));
    return { ok: true, message: outcome.message };
  },
);

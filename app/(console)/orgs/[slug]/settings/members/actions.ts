"use server";

import { orgAction } from "@/lib/actions/org-action";
import * as domains from "@/lib/domains/actions";
import * as invitations from "@/lib/invitations/actions";
import * as members from "@/lib/members/actions";

export const changeMemberRoleAction = orgAction(members.changeMemberRole);
export const removeMemberAction = orgAction(members.removeMember);
export const removeSelectedMembersAction = orgAction(members.removeSelectedMembers);
export const leaveOrganizationAction = orgAction(members.leaveOrganization);
export const transferOwnershipAction = orgAction(members.transferOwnership);
export const inviteMembersAction = orgAction(invitations.inviteMembers);
export const resendInvitationAction = orgAction(invitations.resendInvitation);
export const revokeInvitationAction = orgAction(invitations.revokeInvitation);
export const invitationLinkAction = orgAction(invitations.invitationLink);
export const approveJoinRequestAction = orgAction(domains.approveJoinRequest);
export const declineJoinRequestAction = orgAction(domains.declineJoinRequest);

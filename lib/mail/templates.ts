import { roleLabels } from "@/lib/authz/permissions";
import type { MemberRole } from "@/db/schema/values";
import type { Email } from "./send";

export function invitationEmail(input: { to: string; orgName: string; inviterName: string; role: MemberRole; link: string; expiresAt: Date }): Email {
  return {
    to: input.to,
    subject: `${input.inviterName} invited you to join ${input.orgName} on Org Console`,
    text: [
      `${input.inviterName} invited you to join ${input.orgName} as ${roleLabels[input.role]}.`,
      "",
      `Accept or decline the invitation: ${input.link}`,
      "",
      `The invitation is for ${input.to} and expires on ${input.expiresAt.toUTCString()}.`,
      "If you did not expect it, you can ignore this email.",
    ].join("\n"),
  };
}

export function ownershipTransferredEmails(input: {
  orgName: string;
  previousOwner: { email: string; name: string };
  newOwner: { email: string; name: string };
  link: string;
}): Email[] {
  return [
    {
      to: input.newOwner.email,
      subject: `You are now the owner of ${input.orgName}`,
      text: `${input.previousOwner.name} transferred the ownership of ${input.orgName} to you. ${input.previousOwner.name} is now an admin.\n\n${input.link}`,
    },
    {
      to: input.previousOwner.email,
      subject: `You transferred the ownership of ${input.orgName}`,
      text: `${input.newOwner.name} is now the owner of ${input.orgName}, and you are an admin.\n\n${input.link}`,
    },
  ];
}

export function organizationDeletedEmails(input: { orgName: string; slug: string; deletedBy: string; lost: string; to: string[]; at: Date }): Email[] {
  return input.to.map((to) => ({
    to,
    subject: `${input.orgName} was deleted from Org Console`,
    text: [
      `${input.deletedBy}, the owner, deleted the organization ${input.orgName} (${input.slug}) on ${input.at.toUTCString()}.`,
      "",
      `Deleted with it: ${input.lost}. This cannot be undone, and you no longer have access to it.`,
      "You received this email because you were an owner or admin of the organization.",
    ].join("\n"),
  }));
}

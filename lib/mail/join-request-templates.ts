import { roleLabels } from "@/lib/authz/role-labels";
import type { Email } from "./send";

// Join requests through a verified domain (lib/domains/): the owner and admins learn of a new
// request, and the person who asked learns the answer.

type Person = { name: string | null; email: string };

export function joinRequestReceivedEmails(input: { orgName: string; requester: Person; domain: string; to: Person[]; link: string }): Email[] {
  const who = input.requester.name ? `${input.requester.name} (${input.requester.email})` : input.requester.email;
  return input.to.map((recipient) => ({
    to: recipient.email,
    subject: `${input.requester.name ?? input.requester.email} asks to join ${input.orgName}`,
    text: [
      `${who} asks to join ${input.orgName}. Their address is at ${input.domain}, a domain ${input.orgName} has verified.`,
      "",
      `Approve (as Developer or Viewer) or decline the request: ${input.link}`,
      "",
      `You received this email because you are an owner or admin of ${input.orgName}.`,
    ].join("\n"),
  }));
}

export function joinRequestAnsweredEmail(input: { orgName: string; requester: Person; approved: boolean; role?: "developer" | "viewer"; link: string }): Email {
  return input.approved
    ? {
        to: input.requester.email,
        subject: `You joined ${input.orgName}`,
        text: [`Your request to join ${input.orgName} was approved: you are a ${roleLabels[input.role ?? "viewer"]}.`, "", input.link].join("\n"),
      }
    : {
        to: input.requester.email,
        subject: `Your request to join ${input.orgName} was declined`,
        text: `An admin of ${input.orgName} declined your request to join. If you think it is a mistake, ask them for an invitation.`,
      };
}

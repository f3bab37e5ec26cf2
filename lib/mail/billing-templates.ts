import { type OrgPlan, planTable } from "@/lib/orgs/plans";
import type { Email } from "./send";

const limitText = (limit: number | null) => (limit === null ? "unlimited" : String(limit));

/** The notice every owner and admin gets when the organization's plan changes. */
export function planChangedEmails(input: { orgName: string; slug: string; from: OrgPlan; to: OrgPlan; changedBy: string; recipients: string[]; at: Date }): Email[] {
  const from = planTable[input.from];
  const to = planTable[input.to];
  return input.recipients.map((address) => ({
    to: address,
    subject: `${input.orgName} is now on the ${to.label} plan`,
    text: [
      `${input.changedBy} changed the plan of ${input.orgName} (${input.slug}) from ${from.label} to ${to.label} on ${input.at.toUTCString()}.`,
      "",
      `The ${to.label} plan's limits apply now:`,
      `- Members (pending invitations count): ${limitText(to.members)}`,
      `- Clusters: ${limitText(to.clusters)}`,
      `- Projects: ${limitText(to.projects)}`,
      "",
      "Plan changes apply immediately; this console has no payment provider connected, so nothing was charged.",
      "You received this email because you are an owner or admin of the organization. The Billing page of its settings shows the plan and usage.",
    ].join("\n"),
  }));
}

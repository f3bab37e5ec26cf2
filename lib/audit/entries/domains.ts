import { asText, personName, roleName, valueAt } from "../wording";

// How the audit log reads verified domains and join requests (lib/domains/). A join request's
// target is the person who asked; a domain's is the domain.

type DomainEvent = { action: string; actor: string; targetType: string; targetLabel: string; before: unknown; after: unknown };

const policyNames: Record<string, string> = { invite_only: "invite only", request: "request to join", auto_join: "join automatically" };

/** "request to join", or "join automatically as Developer". */
export function policyPhrase(values: unknown): string {
  const policy = asText(valueAt(values, "policy"));
  const name = policyNames[policy] ?? policy;
  return policy === "auto_join" ? `${name} as ${roleName(valueAt(values, "role"))}` : name;
}

export const domainAuditEntries = {
  "domain.add": {
    label: "Domain added",
    category: "domains",
    describe: (e: DomainEvent) => `${e.actor} added the domain ${e.targetLabel}`,
  },
  "domain.verify": {
    label: "Domain verified",
    category: "domains",
    describe: (e: DomainEvent) => `${e.actor} verified the domain ${e.targetLabel} by its DNS TXT record`,
  },
  "domain.policy": {
    label: "Domain join policy changed",
    category: "domains",
    describe: (e: DomainEvent) => `${e.actor} changed the join policy of ${e.targetLabel} from ${policyPhrase(e.before)} to ${policyPhrase(e.after)}`,
  },
  "domain.remove": {
    label: "Domain removed",
    category: "domains",
    describe: (e: DomainEvent) => `${e.actor} removed the domain ${e.targetLabel}`,
  },
  "join_request.create": {
    label: "Join request made",
    category: "domains",
    describe: (e: DomainEvent) => `${e.actor} asked to join (address at ${asText(valueAt(e.after, "domain"))})`,
  },
  "join_request.approve": {
    label: "Join request approved",
    category: "domains",
    describe: (e: DomainEvent) => `${e.actor} approved ${personName(e.targetLabel)}'s request to join, as ${roleName(valueAt(e.after, "role"))}`,
  },
  "join_request.decline": {
    label: "Join request declined",
    category: "domains",
    describe: (e: DomainEvent) => `${e.actor} declined ${personName(e.targetLabel)}'s request to join`,
  },
  "domain.auto_join": {
    label: "Joined through a verified domain",
    category: "domains",
    describe: (e: DomainEvent) => `${e.actor} joined automatically as ${roleName(valueAt(e.after, "role"))} (address at ${asText(valueAt(e.after, "domain"))})`,
  },
} as const;

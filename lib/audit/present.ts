import type { AuditOrigin } from "@/db/schema/values";
import { auditActionLabel, describeAuditEvent } from "./catalog";
import type { AuditEventRow } from "./queries";
import { humanizeAction, personName } from "./wording";

// An event as the page and the CSV export show it, decided in one place.

export const auditOriginLabels: Record<AuditOrigin, string> = {
  ui: "Web console",
  api: "API",
  webhook: "Webhook",
  system: "System",
};

const targetTypeLabels: Record<string, string> = {
  organization: "Organization",
  member: "Member",
  invitation: "Invitation",
  project: "Project",
  cluster: "Cluster",
  cloud_account: "Cloud account",
  domain: "Domain",
  join_request: "Join request",
};

export type AuditActorView = {
  /** A person with an account now, a person whose account is gone, or the infrastructure engine. */
  kind: "person" | "former" | "system";
  name: string;
  /** The current email, for "filter by this actor" (only people with an account). */
  email: string | null;
  image: string | null;
  /** As written at the time: "Name <email>". */
  label: string;
};

export type AuditEventView = {
  id: number;
  createdAt: Date;
  action: string;
  actionLabel: string;
  description: string;
  actor: AuditActorView;
  target: { typeLabel: string; label: string };
  origin: AuditOrigin;
  originLabel: string;
  before: unknown;
  after: unknown;
};

function actorOf(row: AuditEventRow): AuditActorView {
  if (row.actorId && row.actorEmail) {
    return { kind: "person", name: row.actorName || row.actorEmail, email: row.actorEmail, image: row.actorImage, label: row.actorLabel };
  }
  // No person stands behind the engine's events or GitHub's webhooks: they are not former members.
  if (row.origin === "system" || row.origin === "webhook") return { kind: "system", name: row.actorLabel, email: null, image: null, label: row.actorLabel };
  return { kind: "former", name: personName(row.actorLabel), email: null, image: null, label: row.actorLabel };
}

export function presentAuditEvent(row: AuditEventRow): AuditEventView {
  const actor = actorOf(row);
  return {
    id: row.id,
    createdAt: row.createdAt,
    action: row.action,
    actionLabel: auditActionLabel(row.action),
    description: describeAuditEvent({
      action: row.action,
      actor: actor.name,
      targetType: row.targetType,
      targetLabel: row.targetLabel,
      before: row.before,
      after: row.after,
    }),
    actor,
    target: { typeLabel: targetTypeLabels[row.targetType] ?? humanizeAction(row.targetType), label: row.targetLabel },
    origin: row.origin,
    originLabel: auditOriginLabels[row.origin] ?? row.origin,
    before: row.before,
    after: row.after,
  };
}

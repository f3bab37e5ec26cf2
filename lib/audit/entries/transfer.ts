import { asText, valueAt } from "../wording";

// How the audit log reads a project transfer (lib/projects/transfer.ts). Both organizations keep
// one event with the same before/after: the source's and destination's names, and each
// environment's cluster before and after, so either log reads on its own after the move.

type TransferEvent = { action: string; actor: string; targetType: string; targetLabel: string; before: unknown; after: unknown };

/** " (2 environments re-targeted, 1 deployment rule removed)", or "" when nothing else changed. */
function consequences(event: TransferEvent): string {
  const environments = valueAt(event.after, "environments");
  const removed = valueAt(event.after, "removedRules");
  const n = Array.isArray(environments) ? environments.length : 0;
  const r = Array.isArray(removed) ? removed.length : 0;
  const parts = [
    n > 0 ? `${n} environment${n === 1 ? "" : "s"} re-targeted` : "",
    r > 0 ? `${r} deployment rule${r === 1 ? "" : "s"} removed` : "",
  ].filter(Boolean);
  return parts.length > 0 ? ` (${parts.join(", ")})` : "";
}

function organization(values: unknown): string {
  return asText(valueAt(values, "organization")) || "another organization";
}

export const transferAuditEntries = {
  "project.transfer_out": {
    label: "Project transferred out",
    category: "projects",
    describe: (e: TransferEvent) => `${e.actor} transferred project ${e.targetLabel} to ${organization(e.after)}${consequences(e)}`,
  },
  "project.transfer_in": {
    label: "Project transferred in",
    category: "projects",
    describe: (e: TransferEvent) => `${e.actor} transferred project ${e.targetLabel} here from ${organization(e.before)}${consequences(e)}`,
  },
} as const;

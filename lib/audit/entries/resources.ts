import { databaseTypeLabels } from "@/lib/projects/schemas";
import { asText, changesBetween, listOf, quoted, valueAt } from "../wording";

// How the audit log reads the application and database events (lib/projects/resource-writes.ts).
// Each event keeps the environment's and project's names next to the fields, so a
// sentence still reads after the environment is gone.

type ResourceEvent = { action: string; actor: string; targetType: string; targetLabel: string; before: unknown; after: unknown };

const applicationLabels = { name: "name", gitRepository: "repository", branch: "branch" };
const databaseLabels = { name: "name", version: "version" };

/** " in the environment staging of Shop", or "" when the event carries no place. */
function place(event: ResourceEvent): string {
  const values = event.after ?? event.before;
  const environment = asText(valueAt(values, "environment"));
  const project = asText(valueAt(values, "project"));
  if (!environment) return "";
  return project ? ` in the environment ${environment} of ${project}` : ` in the environment ${environment}`;
}

function source(values: unknown): string {
  const repository = asText(valueAt(values, "gitRepository"));
  const branch = asText(valueAt(values, "branch"));
  return repository ? ` (${repository}${branch ? `, branch ${branch}` : ""})` : "";
}

/** "PostgreSQL 16 database", or "database" when the event does not say. */
function databaseNoun(values: unknown): string {
  const type = asText(valueAt(values, "type"));
  const label = databaseTypeLabels[type as keyof typeof databaseTypeLabels] ?? type;
  const version = asText(valueAt(values, "version"));
  return [label, version, "database"].filter(Boolean).join(" ");
}

function describeUpdate(event: ResourceEvent, noun: string, labels: Record<string, string>): string {
  const changes = changesBetween(event.before, event.after, labels).map((change) => `${change.label} from ${quoted(change.from)} to ${quoted(change.to)}`);
  const what = `${event.actor} updated the ${noun} ${event.targetLabel}${place(event)}`;
  return changes.length > 0 ? `${what}: ${listOf(changes)}` : what;
}

export const resourcesAuditEntries = {
  "application.create": {
    label: "Application added",
    category: "environments",
    describe: (e: ResourceEvent) => `${e.actor} added the application ${e.targetLabel}${source(e.after)}${place(e)}`,
  },
  "application.update": {
    label: "Application updated",
    category: "environments",
    describe: (e: ResourceEvent) => describeUpdate(e, "application", applicationLabels),
  },
  "application.delete": {
    label: "Application deleted",
    category: "environments",
    describe: (e: ResourceEvent) => `${e.actor} deleted the application ${e.targetLabel}${source(e.before)}${place(e)}`,
  },
  "database.create": {
    label: "Database added",
    category: "environments",
    describe: (e: ResourceEvent) => `${e.actor} added the ${databaseNoun(e.after)} ${e.targetLabel}${place(e)}`,
  },
  "database.update": {
    label: "Database updated",
    category: "environments",
    describe: (e: ResourceEvent) => describeUpdate(e, "database", databaseLabels),
  },
  "database.delete": {
    label: "Database deleted",
    category: "environments",
    describe: (e: ResourceEvent) => `${e.actor} deleted the ${databaseNoun(e.before)} ${e.targetLabel}${place(e)}`,
  },
} as const;

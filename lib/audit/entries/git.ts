import { asText, listOf, valueAt } from "../wording";

// How the audit log reads the GitHub App events (lib/git/install.ts from the console, and
// lib/git/webhooks.ts from GitHub, whose actor is "GitHub (webhook)"). The target is the GitHub
// account the App is installed on; the values keep counts, names and who acted on GitHub.

type GitEvent = { action: string; actor: string; targetType: string; targetLabel: string; before: unknown; after: unknown };

const count = (value: unknown, one: string, many: string) => {
  const n = Number(value ?? 0);
  return `${n} ${n === 1 ? one : many}`;
};

/** " (by octocat on GitHub)" when GitHub said who did it. */
function bySender(e: GitEvent): string {
  const sender = asText(valueAt(e.after, "sender") ?? valueAt(e.before, "sender"));
  return sender ? ` (by ${sender} on GitHub)` : "";
}

/** ": 3 applications lost update and auto-deploy (Shop / prod / web, …)", or "". */
function applicationsLost(values: unknown): string {
  const total = Number(valueAt(values, "applicationCount") ?? 0);
  if (total === 0) return "";
  const names = valueAt(values, "applications");
  const shown = Array.isArray(names) ? names.slice(0, 5).map(asText) : [];
  const more = total - shown.length;
  const list = shown.length > 0 ? ` (${listOf(more > 0 ? [...shown, `${more} more`] : shown)})` : "";
  return `; ${count(total, "application", "applications")} lost update and auto-deploy${list}`;
}

/** "a, b and 3 more" from the stored repository names and their count. */
function repositoryList(values: unknown): string {
  const names = valueAt(values, "repositories");
  const total = Number(valueAt(values, "repositoryCount") ?? (Array.isArray(names) ? names.length : 0));
  const shown = Array.isArray(names) ? names.slice(0, 10).map(asText) : [];
  const more = total - shown.length;
  return listOf(more > 0 ? [...shown, `${more} more`] : shown);
}

function selection(values: unknown): string {
  const value = asText(valueAt(values, "repositorySelection"));
  return value === "all" ? ", all repositories" : value === "selected" ? ", selected repositories" : "";
}

export const gitAuditEntries = {
  "git.install": {
    label: "GitHub account connected",
    category: "git",
    describe: (e: GitEvent) =>
      `${e.actor} connected the GitHub account ${e.targetLabel} through the GitHub App (${count(valueAt(e.after, "repositories"), "repository", "repositories")}${selection(e.after)})`,
  },
  "git.sync": {
    label: "GitHub repositories refreshed",
    category: "git",
    describe: (e: GitEvent) =>
      `${e.actor} refreshed the repositories of the GitHub account ${e.targetLabel} from GitHub: ${count(valueAt(e.before, "repositories"), "repository", "repositories")} before, ${count(valueAt(e.after, "repositories"), "repository", "repositories")} now`,
  },
  "git.disconnect": {
    label: "GitHub account disconnected",
    category: "git",
    describe: (e: GitEvent) =>
      `${e.actor} disconnected the GitHub account ${e.targetLabel} (${count(valueAt(e.before, "repositories"), "repository", "repositories")})${applicationsLost(e.before)}`,
  },
  "git.installation.created": {
    label: "GitHub App installed (on GitHub)",
    category: "git",
    describe: (e: GitEvent) =>
      `${e.actor} reported the App installed on ${e.targetLabel}${bySender(e)}: ${count(valueAt(e.after, "repositoryCount"), "repository", "repositories")}${selection(e.after)}`,
  },
  "git.installation.deleted": {
    label: "GitHub App uninstalled (on GitHub)",
    category: "git",
    describe: (e: GitEvent) =>
      `${e.actor} reported the App uninstalled from ${e.targetLabel}${bySender(e)}; ${count(valueAt(e.before, "repositories"), "repository", "repositories")} no longer granted${applicationsLost(e.after)}`,
  },
  "git.installation.suspended": {
    label: "GitHub App suspended (on GitHub)",
    category: "git",
    describe: (e: GitEvent) => `${e.actor} reported the App suspended on ${e.targetLabel}${bySender(e)}${applicationsLost(e.after)}`,
  },
  "git.installation.unsuspended": {
    label: "GitHub App unsuspended (on GitHub)",
    category: "git",
    describe: (e: GitEvent) => `${e.actor} reported the App unsuspended on ${e.targetLabel}${bySender(e)}`,
  },
  "git.repositories.added": {
    label: "GitHub repositories granted",
    category: "git",
    describe: (e: GitEvent) => `${e.actor} reported repositories granted on ${e.targetLabel}${bySender(e)}: ${repositoryList(e.after)}`,
  },
  "git.repositories.removed": {
    label: "GitHub repositories removed",
    category: "git",
    describe: (e: GitEvent) => `${e.actor} reported repositories removed on ${e.targetLabel}${bySender(e)}: ${repositoryList(e.after)}${applicationsLost(e.after)}`,
  },
} as const;

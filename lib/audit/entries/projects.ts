import { modeLabels } from "@/lib/projects/modes";
import { asText, changesBetween, listOf, quoted, valueAt } from "../wording";

// How the audit log reads project, environment and deployment-rule events (lib/projects/create.ts,
// manage.ts, environments.ts, rules.ts). Environments are labelled "project / environment"; rules
// by their pattern, with the project's name in the stored values, so a sentence still reads after
// the project is gone.

type ProjectEvent = { action: string; actor: string; targetType: string; targetLabel: string; before: unknown; after: unknown };

/** "Production" for "production"; anything else as stored. */
function modeName(value: unknown): string {
  const text = asText(value);
  return modeLabels[text as keyof typeof modeLabels] ?? text;
}

/** "on cluster main (Automatic, rule prod-*)", from an environment event's values. */
function onCluster(values: unknown): string {
  const cluster = asText(valueAt(values, "cluster"));
  if (!cluster) return "";
  const automatic = valueAt(values, "automaticCluster") === true;
  const rule = asText(valueAt(values, "rule"));
  const how = automatic ? (rule ? ` (Automatic, deployment rule ${rule})` : " (Automatic)") : "";
  return ` on cluster ${cluster}${how}`;
}

function describeEnvironmentUpdate(e: ProjectEvent): string {
  const changes = changesBetween(e.before, e.after, { name: "name", mode: "mode", cluster: "cluster" }).map((change) => {
    const show = change.key === "mode" ? (v: unknown) => quoted(modeName(v)) : quoted;
    return `${change.label} from ${show(change.from)} to ${show(change.to)}`;
  });
  const what = `${e.actor} updated the environment ${e.targetLabel}`;
  return changes.length > 0 ? `${what}: ${listOf(changes)}` : what;
}

/** "prod-* → main, Production" from a rule event's values. */
function ruleSummary(values: unknown): string {
  const cluster = asText(valueAt(values, "cluster"));
  const mode = modeName(valueAt(values, "mode"));
  return [cluster && `cluster ${cluster}`, mode && `mode ${mode}`].filter(Boolean).join(", ");
}

function ofProject(e: ProjectEvent): string {
  const project = asText(valueAt(e.after, "project") ?? valueAt(e.before, "project"));
  return project ? ` of project ${project}` : "";
}

function describeRuleUpdate(e: ProjectEvent): string {
  const changes = changesBetween(e.before, e.after, { pattern: "pattern", cluster: "cluster", mode: "mode" }).map(
    (change) => `${change.label} from ${quoted(change.key === "mode" ? modeName(change.from) : change.from)} to ${quoted(change.key === "mode" ? modeName(change.to) : change.to)}`,
  );
  const what = `${e.actor} updated the deployment rule ${e.targetLabel}${ofProject(e)}`;
  return changes.length > 0 ? `${what}: ${listOf(changes)}` : what;
}

function contentsLost(values: unknown): string {
  const parts = (["environments", "applications", "databases"] as const)
    .map((key) => [Number(valueAt(values, key) ?? 0), key] as const)
    .filter(([n]) => n > 0)
    .map(([n, key]) => `${n} ${n === 1 ? key.slice(0, -1) : key}`);
  return parts.length > 0 ? `, with ${listOf(parts)}` : "";
}

export const projectsAuditEntries = {
  "project.create": {
    label: "Project created",
    category: "projects",
    describe: (e: ProjectEvent) => {
      const key = asText(valueAt(e.after, "key"));
      return `${e.actor} created the project ${e.targetLabel}${key ? ` (key ${key})` : ""}`;
    },
  },
  "project.rename": {
    label: "Project renamed",
    category: "projects",
    describe: (e: ProjectEvent) => `${e.actor} renamed the project ${quoted(valueAt(e.before, "name"))} to ${quoted(valueAt(e.after, "name") ?? e.targetLabel)}`,
  },
  "project.delete": {
    label: "Project deleted",
    category: "projects",
    describe: (e: ProjectEvent) => `${e.actor} deleted the project ${e.targetLabel}${contentsLost(e.before)}`,
  },
  "deployment_rule.create": {
    label: "Deployment rule added",
    category: "projects",
    describe: (e: ProjectEvent) => `${e.actor} added the deployment rule ${e.targetLabel}${ofProject(e)} (${ruleSummary(e.after)})`,
  },
  "deployment_rule.update": { label: "Deployment rule updated", category: "projects", describe: describeRuleUpdate },
  "deployment_rule.move": {
    label: "Deployment rule moved",
    category: "projects",
    describe: (e: ProjectEvent) =>
      `${e.actor} moved the deployment rule ${e.targetLabel}${ofProject(e)} from position ${asText(valueAt(e.before, "position"))} to ${asText(valueAt(e.after, "position"))}`,
  },
  "deployment_rule.delete": {
    label: "Deployment rule deleted",
    category: "projects",
    describe: (e: ProjectEvent) => `${e.actor} deleted the deployment rule ${e.targetLabel}${ofProject(e)} (${ruleSummary(e.before)})`,
  },
  "environment.create": {
    label: "Environment created",
    category: "environments",
    describe: (e: ProjectEvent) => `${e.actor} created the ${modeName(valueAt(e.after, "mode"))} environment ${e.targetLabel}${onCluster(e.after)}`,
  },
  "environment.update": { label: "Environment updated", category: "environments", describe: describeEnvironmentUpdate },
  "environment.stop": { label: "Environment stopped", category: "environments", describe: (e: ProjectEvent) => `${e.actor} stopped the environment ${e.targetLabel}` },
  "environment.start": { label: "Environment started", category: "environments", describe: (e: ProjectEvent) => `${e.actor} started the environment ${e.targetLabel}` },
  "environment.delete": {
    label: "Environment deleted",
    category: "environments",
    describe: (e: ProjectEvent) => `${e.actor} deleted the ${modeName(valueAt(e.before, "mode"))} environment ${e.targetLabel}${onCluster(e.before)}${contentsLost(e.before)}`,
  },
} as const;

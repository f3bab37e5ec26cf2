import { memberRoles, type MemberRole } from "@/db/schema/values";
import { roleLabels } from "@/lib/authz/permissions";

// Small helpers that turn an event's stored values into words. before/after are jsonb written by
// many versions of the code, so every reader here accepts anything and never throws.

/** The value under `key` when `source` is a plain object, else undefined. */
export function valueAt(source: unknown, key: string): unknown {
  return source && typeof source === "object" && !Array.isArray(source) ? (source as Record<string, unknown>)[key] : undefined;
}

/** A stored value as text: arrays joined, booleans as yes/no, nothing as "". */
export function asText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "bigint") return String(value);
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (Array.isArray(value)) return value.map(asText).join(", ");
  return JSON.stringify(value);
}

/** "Bob" from "Bob <bob@example.com>" (how actors and members are labelled); the label otherwise. */
export function personName(label: string): string {
  const match = /^(.*\S)\s*<[^<>]+>$/.exec(label.trim());
  return match ? match[1] : label.trim();
}

export function possessive(name: string): string {
  return `${name}'s`;
}

export function quoted(value: unknown): string {
  return `“${asText(value)}”`;
}

/** "Admin" for "admin"; any other value as text, so an unknown role still reads. */
export function roleName(value: unknown): string {
  return memberRoles.includes(value as MemberRole) ? roleLabels[value as MemberRole] : asText(value) || "an unknown role";
}

/** "a, b and c". */
export function listOf(parts: string[]): string {
  if (parts.length <= 1) return parts[0] ?? "";
  return `${parts.slice(0, -1).join(", ")} and ${parts.at(-1)}`;
}

export type Change = { key: string; label: string; from: unknown; to: unknown };

/** The fields whose value differs between before and after, in the order of `labels`. */
export function changesBetween(before: unknown, after: unknown, labels: Record<string, string>): Change[] {
  return Object.entries(labels)
    .filter(([key]) => valueAt(after, key) !== undefined || valueAt(before, key) !== undefined)
    .filter(([key]) => JSON.stringify(valueAt(before, key) ?? null) !== JSON.stringify(valueAt(after, key) ?? null))
    .map(([key, label]) => ({ key, label, from: valueAt(before, key), to: valueAt(after, key) }));
}

const shortEnough = 60;

/** "the website from “a” to “b”", "set the website to “b”", "cleared the website", "changed the description". */
export function changeClause(change: Change): string {
  const from = asText(change.from);
  const to = asText(change.to);
  if (from.length > shortEnough || to.length > shortEnough) return `changed the ${change.label}`;
  if (!from) return `set the ${change.label} to ${quoted(to)}`;
  if (!to) return `cleared the ${change.label}`;
  return `changed the ${change.label} from ${quoted(from)} to ${quoted(to)}`;
}

/** "install" → "installing", for the engine's sentences. */
export const doing: Record<string, string> = {
  install: "installing",
  update: "updating",
  stop: "stopping",
  start: "starting",
  delete: "deleting",
};

/** "Probe write" from "probe.write": an unknown action still gets a readable name. */
export function humanizeAction(action: string): string {
  const words = action.replace(/[._]+/g, " ").trim();
  return words ? words[0].toUpperCase() + words.slice(1) : "Unknown action";
}

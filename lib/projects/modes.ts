import { environmentModes, type EnvironmentMode } from "@/db/schema/values";
import type { Permission } from "@/lib/authz/permissions";

export { environmentModes, type EnvironmentMode };

export const modeLabels: Record<EnvironmentMode, string> = {
  production: "Production",
  staging: "Staging",
  development: "Development",
  preview: "Preview",
};

/** The permission table has two columns per action: production, and everything else. */
export type ModeClass = "production" | "development";

export function modeClass(mode: EnvironmentMode): ModeClass {
  return mode === "production" ? "production" : "development";
}

export type ModeGuardedResource = "environment" | "application" | "database";
export type ModeGuardedVerb = "edit" | "stop" | "delete";

const guarded = {
  environment: ["edit", "stop", "delete"],
  application: ["edit", "delete"],
  database: ["edit", "delete"],
} as const satisfies Record<ModeGuardedResource, readonly ModeGuardedVerb[]>;

type GuardedPermission = {
  [R in ModeGuardedResource]: `${R}.${(typeof guarded)[R][number]}.${ModeClass}`;
}[ModeGuardedResource];

/** The permission that guards `verb` on a resource in an environment of `mode`. */
export function modePermission<R extends ModeGuardedResource>(
  resource: R,
  verb: (typeof guarded)[R][number],
  mode: EnvironmentMode | ModeClass,
): GuardedPermission & Permission {
  const cls = mode === "production" ? "production" : "development";
  return `${resource}.${verb}.${cls}` as GuardedPermission & Permission;
}

/** Modes an action guarded by a `.production` or `.development` permission may touch. */
export function modesOf(cls: ModeClass): EnvironmentMode[] {
  return environmentModes.filter((mode) => modeClass(mode) === cls);
}

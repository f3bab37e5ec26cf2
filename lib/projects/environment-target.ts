import type { Queryable } from "@/db/client";
import type { EnvironmentMode, MemberRole } from "@/db/schema/values";
import { minimumRoleFor, roleHasPermission, roleLabels } from "@/lib/authz/permissions";
import { findTargetCluster } from "./cluster-targets";
import { modeLabels } from "./modes";
import { noClusterMessage, resolvePlacement } from "./placement";

// Where an environment goes and in which mode, from what the form chose: a cluster or "automatic",
// a mode or "automatic". Shared by creating and editing an environment.

export type EnvironmentChoice = { name: string; mode: EnvironmentMode | "automatic"; clusterId: string };

export type EnvironmentTarget = {
  clusterId: string;
  clusterName: string;
  automaticCluster: boolean;
  mode: EnvironmentMode;
  /** The deployment rule that decided the cluster or the mode, if one matched. */
  rule: { pattern: string; position: number } | null;
};

export type TargetRefusal = { ok: false; formError?: string; fieldErrors?: Record<string, string> };

/**
 * Automatic cluster: the first deployment rule of the project whose pattern matches the name, else
 * the organization's default cluster, else a refusal telling the user to add a cluster. Automatic
 * mode: the matching rule's mode, else Development. A cluster chosen by hand must be this
 * organization's and not being deleted. A production result needs the production permission,
 * checked against `role` (the caller's role re-read under the organization's lock).
 */
export async function resolveEnvironmentTarget(
  db: Queryable,
  scope: { orgId: string; projectId: string },
  choice: EnvironmentChoice,
  role: MemberRole,
): Promise<({ ok: true } & EnvironmentTarget) | TargetRefusal> {
  const placement = await resolvePlacement(db, scope, choice.name);
  const matched = placement.ok && placement.via !== "default" ? placement.via : null;
  const rule = matched ? { pattern: matched.rule.pattern, position: matched.position } : null;
  const automaticCluster = choice.clusterId === "automatic";
  if (automaticCluster && !placement.ok) return { ok: false, formError: noClusterMessage };
  const clusterId = automaticCluster && placement.ok ? placement.clusterId : choice.clusterId;
  const cluster = await findTargetCluster(db, scope.orgId, clusterId);
  if (!cluster.ok) return { ok: false, fieldErrors: { clusterId: cluster.message } };

  const mode: EnvironmentMode = choice.mode === "automatic" ? (matched?.rule.mode ?? "development") : choice.mode;
  if (mode === "production" && !roleHasPermission(role, "environment.edit.production")) {
    const needed = roleLabels[minimumRoleFor("environment.edit.production")];
    const message =
      choice.mode === "automatic" && rule
        ? `Deployment rule ${rule.position} (${rule.pattern}) makes this a ${modeLabels.production} environment, and you need the ${needed} role for those.`
        : `You need the ${needed} role for production environments.`;
    return { ok: false, fieldErrors: { mode: message } };
  }
  return {
    ok: true,
    clusterId: cluster.cluster.id,
    clusterName: cluster.cluster.name,
    automaticCluster,
    mode,
    rule: automaticCluster || choice.mode === "automatic" ? rule : null,
  };
}

import "server-only";
import { cache } from "react";
import { getDb } from "@/db/client";
import { type ClusterStatus, environmentModes, type EnvironmentMode, type EnvironmentStatus } from "@/db/schema/values";
import type { OrgContext } from "@/lib/authz/context";
import { environmentDisplayStatus, type EnvironmentDisplayStatus } from "@/lib/projects/environment-status";
import { type ModeClass, modeClass, modeLabels, modePermission } from "@/lib/projects/modes";
import { type ClusterChoice, findEnvironment, listTargetClusters } from "@/lib/projects/queries";
import { loadOrgPage } from "./org-page";
import { findPageProject, roleNeeded } from "./project-pages";

// The environment pages (new, details, edit). The mode decides which permission applies, so the
// capabilities are computed here from the environment as rendered; the page binds the server action
// of that mode class and the domain refuses if the mode changed meanwhile.

export type ModeOption = { value: EnvironmentMode | "automatic"; label: string };

type ProjectSummary = { id: string; name: string };

/** Where "Automatic" sends an environment, in the words of the cluster select. */
export type PlacementChoices = { clusters: ClusterChoice[]; defaultCluster: ClusterChoice | null };

async function placementChoices(orgId: string): Promise<PlacementChoices> {
  const clusters = await listTargetClusters(await getDb(), orgId);
  return { clusters, defaultCluster: clusters.find((cluster) => cluster.isDefault) ?? null };
}

/** The modes the caller may pick: Production only with the production permission. */
function modeOptions(ctx: OrgContext, withAutomatic: boolean): ModeOption[] {
  const modes = environmentModes.filter((mode) => mode !== "production" || ctx.can("environment.edit.production"));
  return [...(withAutomatic ? [{ value: "automatic" as const, label: "Automatic (deployment rules, else Development)" }] : []), ...modes.map((mode) => ({ value: mode, label: modeLabels[mode] }))];
}

export type NewEnvironmentPage = {
  ctx: OrgContext;
  project: ProjectSummary;
  placement: PlacementChoices;
  modes: ModeOption[];
  canCreate: boolean;
  createDenied: string;
  productionDenied: string | null;
  canManageClusters: boolean;
};

export async function loadNewEnvironmentPage(slug: string, projectId: string): Promise<NewEnvironmentPage | null> {
  const ctx = await loadOrgPage(slug);
  const [project, placement] = await Promise.all([findPageProject(ctx.org.id, projectId), placementChoices(ctx.org.id)]);
  if (!project) return null;
  return {
    ctx,
    project: { id: project.id, name: project.name },
    placement,
    modes: modeOptions(ctx, true),
    canCreate: ctx.can("environment.edit.development"),
    createDenied: roleNeeded("environment.edit.development", "create environments"),
    productionDenied: ctx.can("environment.edit.production") ? null : roleNeeded("environment.edit.production", "create production environments"),
    canManageClusters: ctx.can("cluster.manage"),
  };
}

export type EnvironmentDetails = {
  id: string;
  name: string;
  mode: EnvironmentMode;
  modeLabel: string;
  modeClass: ModeClass;
  /** What was asked of it (the Stop/Start control); `display` is what it shows. */
  status: EnvironmentStatus;
  display: EnvironmentDisplayStatus;
  clusterId: string;
  clusterName: string;
  clusterStatus: ClusterStatus;
  automaticCluster: boolean;
  createdAt: Date;
  updatedAt: Date;
};

export type EnvironmentPage = {
  ctx: OrgContext;
  project: ProjectSummary;
  environment: EnvironmentDetails;
  /** What the caller may do to this environment, given its mode; and why not. */
  can: { edit: boolean; stop: boolean; delete: boolean };
  denied: { edit: string; stop: string; delete: string };
};

/** Cached per request: the page and its metadata share one lookup. */
export const loadEnvironmentPage = cache(async (slug: string, projectId: string, environmentId: string): Promise<EnvironmentPage | null> => {
  const ctx = await loadOrgPage(slug);
  const db = await getDb();
  const [project, row] = await Promise.all([findPageProject(ctx.org.id, projectId), findEnvironment(db, ctx.org.id, projectId, environmentId)]);
  if (!project || !row) return null;
  const cls = modeClass(row.mode);
  const kind = cls === "production" ? "production environments" : "this environment";
  return {
    ctx,
    project: { id: project.id, name: project.name },
    environment: { ...row, modeLabel: modeLabels[row.mode], modeClass: cls, display: environmentDisplayStatus(row.status, { name: row.clusterName, status: row.clusterStatus }) },
    can: {
      edit: ctx.can(modePermission("environment", "edit", cls)),
      stop: ctx.can(modePermission("environment", "stop", cls)),
      delete: ctx.can(modePermission("environment", "delete", cls)),
    },
    denied: {
      edit: roleNeeded(modePermission("environment", "edit", cls), `edit ${kind}`),
      stop: roleNeeded(modePermission("environment", "stop", cls), `stop or start ${kind}`),
      delete: roleNeeded(modePermission("environment", "delete", cls), `delete ${kind}`),
    },
  };
});

export type EditEnvironmentPage = EnvironmentPage & { placement: PlacementChoices; modes: ModeOption[]; productionDenied: string | null };

export async function loadEditEnvironmentPage(slug: string, projectId: string, environmentId: string): Promise<EditEnvironmentPage | null> {
  const page = await loadEnvironmentPage(slug, projectId, environmentId);
  if (!page) return null;
  const { ctx } = page;
  return {
    ...page,
    placement: await placementChoices(ctx.org.id),
    modes: modeOptions(ctx, false),
    productionDenied: ctx.can("environment.edit.production") ? null : roleNeeded("environment.edit.production", "make an environment Production"),
  };
}

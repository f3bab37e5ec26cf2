import "server-only";
import { count, eq } from "drizzle-orm";
import { cache } from "react";
import { getDb } from "@/db/client";
import { projects } from "@/db/schema";
import type { EnvironmentMode } from "@/db/schema/values";
import type { OrgContext } from "@/lib/authz/context";
import { deniedReason, type Permission } from "@/lib/authz/permissions";
import { planTable } from "@/lib/orgs/plans";
import { describeContents, projectContents } from "@/lib/projects/project-changes";
import { environmentDisplayStatus, type EnvironmentDisplayStatus } from "@/lib/projects/environment-status";
import { modeLabels } from "@/lib/projects/modes";
import { type ClusterChoice, findProject, isUuid, listEnvironments, listProjects, listTargetClusters, nameCursor, type ProjectRow } from "@/lib/projects/queries";
import { listRules } from "@/lib/projects/rules";
import { loadOrgPage } from "./org-page";

// The projects pages: open to every member (project.read, environment.read); what each caller may
// change comes back as booleans, never as a role. Every project is looked up in the organization of
// the URL, so another organization's project id is a 404.

/** "You need the Admin role to …", from the permission table. */
export function roleNeeded(permission: Permission, to: string): string {
  return deniedReason(permission, to);
}

/** A search parameter as the URL gave it: absent, once, or repeated (the first counts). */
export type SearchParam = string | string[] | undefined;
const first = (value: SearchParam) => (Array.isArray(value) ? value[0] : value);
/** The project of the URL, looked up once per request (a page and its metadata share it). */
export const findPageProject = cache(async (orgId: string, projectId: string) => findProject(await getDb(), orgId, projectId));

/** The project's name for a page title, or null when the URL names no project of this organization. */
export async function projectTitle(slug: string, projectId: string): Promise<string | null> {
  const ctx = await loadOrgPage(slug);
  return (await findPageProject(ctx.org.id, projectId))?.name ?? null;
}

const cleanQuery = (q: SearchParam) => (first(q) ?? "").trim().slice(0, 100);
// A cursor that is not one of ours means the first page.
const cleanCursor = (after: SearchParam) => {
  const raw = first(after);
  return raw && nameCursor.decode(raw) ? raw : null;
};

export type OrgHomePage = { ctx: OrgContext; query: string; after: string | null; projects: ProjectRow[]; nextCursor: string | null; canCreate: boolean };

/** The organization home's projects: one page (25) by name, searched by name or key. Two statements. */
export async function loadOrgHomePage(slug: string, params: { q?: SearchParam; after?: SearchParam }): Promise<OrgHomePage> {
  const ctx = await loadOrgPage(slug);
  const query = cleanQuery(params.q);
  const after = cleanCursor(params.after);
  const listing = await listProjects(await getDb(), ctx.org.id, { q: query, after });
  return { ctx, query, after, ...listing, canCreate: ctx.can("project.create") };
}

export type ProjectUsage = { used: number; limit: number | null; planLabel: string };

export async function loadNewProjectPage(slug: string): Promise<{ ctx: OrgContext; canCreate: boolean; denied: string; usage: ProjectUsage }> {
  const ctx = await loadOrgPage(slug);
  const [{ n }] = await (await getDb()).select({ n: count() }).from(projects).where(eq(projects.orgId, ctx.org.id));
  const plan = planTable[ctx.org.plan];
  return { ctx, canCreate: ctx.can("project.create"), denied: roleNeeded("project.create", "create projects"), usage: { used: n, limit: plan.projects, planLabel: plan.label } };
}

export type EnvironmentListItem = {
  id: string;
  name: string;
  mode: EnvironmentMode;
  modeLabel: string;
  display: EnvironmentDisplayStatus;
  clusterName: string;
  automaticCluster: boolean;
};

export type ProjectPage = {
  ctx: OrgContext;
  project: { id: string; name: string; key: string };
  environments: EnvironmentListItem[];
  after: string | null;
  nextCursor: string | null;
  canCreateEnvironment: boolean;
  createDenied: string;
};

/** A project's overview: its environments (50 a page), each with mode, cluster and status. */
export async function loadProjectPage(slug: string, projectId: string, params: { after?: SearchParam }): Promise<ProjectPage | null> {
  const ctx = await loadOrgPage(slug);
  const db = await getDb();
  const after = cleanCursor(params.after);
  const [project, listing] = await Promise.all([findPageProject(ctx.org.id, projectId), listEnvironments(db, ctx.org.id, projectId, { after })]);
  if (!project) return null;
  return {
    ctx,
    project: { id: project.id, name: project.name, key: project.key },
    environments: listing.environments.map((row) => ({
      id: row.id,
      name: row.name,
      mode: row.mode,
      modeLabel: modeLabels[row.mode],
      display: environmentDisplayStatus(row.status, { name: row.clusterName, status: row.clusterStatus }),
      clusterName: row.clusterName,
      automaticCluster: row.automaticCluster,
    })),
    after,
    nextCursor: listing.nextCursor,
    canCreateEnvironment: ctx.can("environment.edit.development"),
    createDenied: roleNeeded("environment.edit.development", "create environments"),
  };
}

export type RuleView = { id: string; position: number; pattern: string; mode: EnvironmentMode; modeLabel: string; clusterId: string; clusterName: string };

export type ProjectSettingsPage = {
  ctx: OrgContext;
  project: { id: string; name: string; key: string };
  rules: RuleView[];
  /** Clusters a rule may choose (none being deleted). */
  clusters: ClusterChoice[];
  can: { edit: boolean; delete: boolean; transfer: boolean; manageClusters: boolean };
  denied: { edit: string; delete: string };
  /** What deleting the project takes with it, for those who may delete it. */
  loss: string | null;
};

/** Project settings: rename, deployment rules, transfer link and deletion. Four statements at most. */
export async function loadProjectSettingsPage(slug: string, projectId: string): Promise<ProjectSettingsPage | null> {
  const ctx = await loadOrgPage(slug);
  // An id PostgreSQL could not cast is a missing project (404), not a failed query (500).
  if (!isUuid(projectId)) return null;
  const db = await getDb();
  const canDelete = ctx.can("project.delete");
  const [project, rules, clusters, contents] = await Promise.all([
    findPageProject(ctx.org.id, projectId),
    listRules(db, ctx.org.id, projectId),
    listTargetClusters(db, ctx.org.id),
    canDelete ? projectContents(db, ctx.org.id, projectId) : null,
  ]);
  if (!project) return null;
  return {
    ctx,
    project: { id: project.id, name: project.name, key: project.key },
    rules: rules.map((rule) => ({ ...rule, modeLabel: modeLabels[rule.mode] })),
    clusters,
    can: { edit: ctx.can("project.edit"), delete: canDelete, transfer: ctx.can("project.transfer"), manageClusters: ctx.can("cluster.manage") },
    denied: { edit: roleNeeded("project.edit", "change this project"), delete: roleNeeded("project.delete", "delete projects") },
    loss: contents && describeContents(contents),
  };
}

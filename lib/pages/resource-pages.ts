import "server-only";
import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import type { Application, Database } from "@/db/schema";
import type { EnvironmentMode } from "@/db/schema/values";
import type { OrgContext } from "@/lib/authz/context";
import { applicationGitWarnings } from "@/lib/git/warnings";
import { deniedReason, minimumRoleFor, type Permission, roleLabels } from "@/lib/authz/permissions";
import { modeClass, modeLabels, modePermission, type ModeClass } from "@/lib/projects/modes";
import { listResources, type Paged } from "@/lib/projects/resource-queries";
import { applicationHref, databaseHref, environmentHref, findScopedEnvironment, type ScopedEnvironment } from "@/lib/projects/resource-scope";
import { type ResourceKind, resourceLabels } from "@/lib/projects/resource-kinds";
import { databaseTypeLabels } from "@/lib/projects/schemas";
import { sshCommand } from "@/lib/projects/ssh";
import { loadOrgPage } from "./org-page";

// What the application and database pages (and the environment page's resources section) show,
// and what the caller may do there, decided here from the permission table and the
// environment's mode: pages get capability booleans and ready-made rows, never roles.

export type EnvironmentSummary = { id: string; name: string; mode: EnvironmentMode; projectId: string };

export type ResourceCapabilities = {
  modeClass: ModeClass;
  /** application.edit.<mode class>: add and edit applications in this environment. */
  editApplications: boolean;
  deleteApplications: boolean;
  ssh: boolean;
  /** database.read: without it no database data is loaded at all. */
  readDatabases: boolean;
  editDatabases: boolean;
  deleteDatabases: boolean;
};

export function resourceCapabilities(ctx: OrgContext, mode: EnvironmentMode): ResourceCapabilities {
  const readDatabases = ctx.can("database.read");
  return {
    modeClass: modeClass(mode),
    editApplications: ctx.can(modePermission("application", "edit", mode)),
    deleteApplications: ctx.can(modePermission("application", "delete", mode)),
    ssh: ctx.can("application.ssh"),
    readDatabases,
    editDatabases: readDatabases && ctx.can(modePermission("database", "edit", mode)),
    deleteDatabases: readDatabases && ctx.can(modePermission("database", "delete", mode)),
  };
}

/** Why a row's menu item is off for the caller (absent: allowed), from the permission table. */
export type ResourceDenied = { edit?: string; delete?: string; ssh?: string };

export function resourceDenied(can: ResourceCapabilities, resource: "application" | "database"): ResourceDenied {
  const where = can.modeClass === "production" ? "production environments" : "this environment";
  const allowed = resource === "application" ? { edit: can.editApplications, delete: can.deleteApplications } : { edit: can.editDatabases, delete: can.deleteDatabases };
  return {
    edit: allowed.edit ? undefined : deniedReason(modePermission(resource, "edit", can.modeClass), `edit ${resource}s in ${where}`),
    delete: allowed.delete ? undefined : deniedReason(modePermission(resource, "delete", can.modeClass), `delete ${resource}s in ${where}`),
    ssh: resource === "application" && !can.ssh ? deniedReason("application.ssh") : undefined,
  };
}

export type ApplicationView = {
  id: string;
  name: string;
  gitRepository: string;
  branch: string;
  href: string;
  sshCommand: string | null;
  /** What the GitHub App connection stopped doing for it (lib/git/warnings.ts), if anything. */
  gitWarning: string | null;
};
export type DatabaseView = { id: string; name: string; typeLabel: string; version: string; href: string };

/** Why a page is refused, in words: the role it needs, the caller's, and the way back. */
export type ResourceDenial = { requiredRole: string; currentRole: string; need: string; backHref: string; backLabel: string };

export type ResourceTrail = { projectName: string; projectHref: string; environmentName: string; environmentHref: string; modeLabel: string };

export type EnvironmentPage = { ctx: OrgContext; environment: ScopedEnvironment; can: ResourceCapabilities; environmentHref: string; trail: ResourceTrail };

function applicationView(ctx: OrgContext, environment: Pick<EnvironmentSummary, "id" | "projectId">, app: Application, can: ResourceCapabilities): ApplicationView {
  return {
    id: app.id,
    name: app.name,
    gitRepository: app.gitRepository,
    branch: app.branch,
    href: applicationHref(ctx.org.slug, { projectId: environment.projectId, environmentId: environment.id }, app.id),
    sshCommand: can.ssh ? sshCommand(app.id) : null,
    gitWarning: null,
  };
}

function databaseView(ctx: OrgContext, environment: Pick<EnvironmentSummary, "id" | "projectId">, row: Database): DatabaseView {
  return {
    id: row.id,
    name: row.name,
    typeLabel: databaseTypeLabels[row.type],
    version: row.version,
    href: databaseHref(ctx.org.slug, { projectId: environment.projectId, environmentId: environment.id }, row.id),
  };
}

/** "You need the Admin role to change applications in production environments; you are a Developer in Acme." */
export function readOnlyReason(ctx: OrgContext, mode: EnvironmentMode, resource: "application" | "database"): string {
  const required = roleLabels[minimumRoleFor(modePermission(resource, "edit", mode))];
  return `You need the ${required} role to change ${resource}s in ${modeLabels[mode].toLowerCase()} environments; you are a ${roleLabels[ctx.role]} in ${ctx.org.name}.`;
}

/** The refusal for a permission the caller lacks, in this environment. */
export function denial(ctx: OrgContext, environment: ScopedEnvironment, permission: Permission, need: string): ResourceDenial {
  return {
    requiredRole: roleLabels[minimumRoleFor(permission)],
    currentRole: roleLabels[ctx.role],
    need,
    backHref: environmentHref(ctx.org.slug, { projectId: environment.projectId, environmentId: environment.id }),
    backLabel: `Back to ${environment.name}`,
  };
}

/**
 * The organization (by the slug, joined to the caller's membership: a non-member gets a 404) and
 * the environment, found in that organization and project only (anything else: a 404).
 */
export async function loadEnvironmentPage(slug: string, projectId: string, environmentId: string): Promise<EnvironmentPage> {
  const ctx = await loadOrgPage(slug);
  const environment = await findScopedEnvironment(await getDb(), ctx, { projectId, environmentId });
  if (!environment) notFound();
  const href = environmentHref(ctx.org.slug, { projectId, environmentId });
  return {
    ctx,
    environment,
    can: resourceCapabilities(ctx, environment.mode),
    environmentHref: href,
    trail: {
      projectName: environment.projectName,
      projectHref: `/orgs/${ctx.org.slug}/projects/${environment.projectId}`,
      environmentName: environment.name,
      environmentHref: href,
      modeLabel: modeLabels[environment.mode],
    },
  };
}

export const resourcesPreviewSize = 10;
export const resourcesPageSize = 25;

export type EnvironmentResourcesView = {
  can: ResourceCapabilities;
  /** Why the caller may only look (null when they may change them). */
  readOnly: { applications: string | null; databases: string | null };
  applications: Paged<ApplicationView>;
  /** Null for callers without database.read: the section is not rendered and nothing is read. */
  databases: Paged<DatabaseView> | null;
  /** The environment's URL, under which each kind's list and "Add" pages live. */
  links: { base: string };
};

/** The views of a page of applications, with their Git warnings (one statement, none without rows). */
async function applicationViews(ctx: OrgContext, environment: EnvironmentSummary, rows: Application[], can: ResourceCapabilities): Promise<ApplicationView[]> {
  const warnings = await applicationGitWarnings(await getDb(), ctx.org.id, rows);
  return rows.map((app) => ({ ...applicationView(ctx, environment, app, can), gitWarning: warnings.get(app.id) ?? null }));
}

/** The environment page's section: the first applications and databases, by name (two to four statements). */
export async function loadEnvironmentResources(ctx: OrgContext, environment: EnvironmentSummary): Promise<EnvironmentResourcesView> {
  const db = await getDb();
  const can = resourceCapabilities(ctx, environment.mode);
  const window = { page: 1, pageSize: resourcesPreviewSize };
  const [apps, dbs] = await Promise.all([
    listResources(db, ctx, "application", environment.id, window),
    can.readDatabases ? listResources(db, ctx, "database", environment.id, window) : null,
  ]);
  const base = environmentHref(ctx.org.slug, { projectId: environment.projectId, environmentId: environment.id });
  return {
    can,
    readOnly: {
      applications: can.editApplications ? null : readOnlyReason(ctx, environment.mode, "application"),
      databases: can.editDatabases ? null : readOnlyReason(ctx, environment.mode, "database"),
    },
    applications: { ...apps, rows: await applicationViews(ctx, environment, apps.rows, can) },
    databases: dbs && { ...dbs, rows: dbs.rows.map((row) => databaseView(ctx, environment, row)) },
    links: { base },
  };
}

/** The views of each kind, by kind (what the tables of components/projects/resource-columns.tsx show). */
export type ResourceViews = { application: ApplicationView; database: DatabaseView };

const readPermission = { application: "application.read", database: "database.read" } as const satisfies Record<ResourceKind, Permission>;

/**
 * All the resources of one kind in an environment, a page at a time; refused (nothing read) when
 * the caller may not see that kind (databases without database.read).
 */
export async function loadResourceListPage<K extends ResourceKind>(kind: K, slug: string, projectId: string, environmentId: string, page: number) {
  const loaded = await loadEnvironmentPage(slug, projectId, environmentId);
  if (!loaded.ctx.can(readPermission[kind])) {
    return { ok: false as const, denial: denial(loaded.ctx, loaded.environment, readPermission[kind], `see ${resourceLabels[kind].many}`) };
  }
  const db = await getDb();
  const listed = await listResources(db, loaded.ctx, kind, environmentId, { page, pageSize: resourcesPageSize });
  const rows =
    kind === "application"
      ? await applicationViews(loaded.ctx, loaded.environment, listed.rows as Application[], loaded.can)
      : (listed.rows as Database[]).map((row) => databaseView(loaded.ctx, loaded.environment, row));
  return { ok: true as const, ...loaded, list: { ...listed, rows: rows as ResourceViews[K][] } };
}

export function databasesDenial({ ctx, environment }: EnvironmentPage): ResourceDenial {
  return denial(ctx, environment, "database.read", "see databases");
}

export { applicationView, databaseView };

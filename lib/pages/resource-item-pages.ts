import "server-only";
import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import type { DatabaseType } from "@/db/schema/values";
import { type RepositoryPicker, repositoryPicker } from "@/lib/git/queries";
import { applicationGitWarnings } from "@/lib/git/warnings";
import { modeLabels, modePermission } from "@/lib/projects/modes";
import { findResource } from "@/lib/projects/resource-queries";
import { databaseVersions } from "@/lib/projects/schemas";
import {
  type ApplicationView,
  applicationView,
  databasesDenial,
  type DatabaseView,
  databaseView,
  denial,
  type EnvironmentPage,
  loadEnvironmentPage,
  readOnlyReason,
  type ResourceDenial,
} from "./resource-pages";

// The pages of one application or database, and the "Add" pages. A resource is looked up in the
// environment of the URL, itself looked up in the organization and project of the URL: an id from
// anywhere else is a 404.

type Refused = { ok: false; denial: ResourceDenial };

const inMode = (loaded: EnvironmentPage) => `${modeLabels[loaded.environment.mode].toLowerCase()} environments`;

/**
 * "Add application": needs application.edit of the environment's mode class. With a GitHub App
 * installation the repository is picked among those it grants.
 */
export async function loadNewApplicationPage(
  slug: string,
  projectId: string,
  environmentId: string,
): Promise<({ ok: true; repositories: RepositoryPicker | null } & EnvironmentPage) | Refused> {
  const loaded = await loadEnvironmentPage(slug, projectId, environmentId);
  if (!loaded.can.editApplications) {
    const permission = modePermission("application", "edit", loaded.environment.mode);
    return { ok: false, denial: denial(loaded.ctx, loaded.environment, permission, `add applications to ${inMode(loaded)}`) };
  }
  return { ok: true, ...loaded, repositories: await repositoryPicker(await getDb(), loaded.ctx.org) };
}

export type ApplicationPage = EnvironmentPage & {
  application: ApplicationView;
  readOnlyReason: string | null;
  /** The edit form's repository picker (null: typed as owner/name, or not editable). */
  repositories: RepositoryPicker | null;
};

/** One application: everyone in the organization may see it (application.read); editing follows the mode. */
export async function loadApplicationPage(slug: string, projectId: string, environmentId: string, applicationId: string): Promise<ApplicationPage> {
  const loaded = await loadEnvironmentPage(slug, projectId, environmentId);
  const db = await getDb();
  const app = await findResource(db, loaded.ctx, "application", environmentId, applicationId);
  if (!app) notFound();
  const [warnings, repositories] = await Promise.all([
    applicationGitWarnings(db, loaded.ctx.org.id, [app], { projectName: loaded.environment.projectName, environmentName: loaded.environment.name }),
    loaded.can.editApplications ? repositoryPicker(db, loaded.ctx.org) : null,
  ]);
  return {
    ...loaded,
    application: { ...applicationView(loaded.ctx, loaded.environment, app, loaded.can), gitWarning: warnings.get(app.id) ?? null },
    readOnlyReason: loaded.can.editApplications ? null : readOnlyReason(loaded.ctx, loaded.environment.mode, "application"),
    repositories,
  };
}

/** "Add database": database.read, then database.edit of the environment's mode class. */
export async function loadNewDatabasePage(slug: string, projectId: string, environmentId: string): Promise<({ ok: true } & EnvironmentPage) | Refused> {
  const loaded = await loadEnvironmentPage(slug, projectId, environmentId);
  if (!loaded.can.readDatabases) return { ok: false, denial: databasesDenial(loaded) };
  if (!loaded.can.editDatabases) {
    const permission = modePermission("database", "edit", loaded.environment.mode);
    return { ok: false, denial: denial(loaded.ctx, loaded.environment, permission, `add databases to ${inMode(loaded)}`) };
  }
  return { ok: true, ...loaded };
}

export type DatabasePage = EnvironmentPage & {
  database: DatabaseView & { type: DatabaseType };
  /** The versions its type offers (the current one first if no longer offered). */
  versions: string[];
  readOnlyReason: string | null;
};

/** One database: refused before anything is read without database.read (viewers). */
export async function loadDatabasePage(
  slug: string,
  projectId: string,
  environmentId: string,
  databaseId: string,
): Promise<({ ok: true } & DatabasePage) | Refused> {
  const loaded = await loadEnvironmentPage(slug, projectId, environmentId);
  if (!loaded.can.readDatabases) return { ok: false, denial: databasesDenial(loaded) };
  const row = await findResource(await getDb(), loaded.ctx, "database", environmentId, databaseId);
  if (!row) notFound();
  const offered = databaseVersions[row.type];
  return {
    ok: true,
    ...loaded,
    database: { ...databaseView(loaded.ctx, loaded.environment, row), type: row.type },
    versions: offered.includes(row.version) ? offered : [row.version, ...offered],
    readOnlyReason: loaded.can.editDatabases ? null : readOnlyReason(loaded.ctx, loaded.environment.mode, "database"),
  };
}

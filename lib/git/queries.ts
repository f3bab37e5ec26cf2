import "server-only";
import { type SQL, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { planConstant } from "@/db/plan-constant";
import { rowsOf } from "@/db/rows";
import type { EnvironmentMode } from "@/db/schema/values";
import { keysetCursor } from "@/lib/pagination/cursor";
import { containsPattern } from "@/lib/search/contains-pattern";

// Reads of the organization's GitHub App installation and its repositories, always scoped by the
// organization `authorize` resolved. Applications name their repository as "owner/name" and GitHub
// names are case-insensitive, so every match is on lower(full_name) = lower(git_repository).

export const repositoriesPageSize = 50;
export const repositoryUsesShown = 3;
export const repositoryChoicesLimit = 100;

export type InstallationSummary = {
  id: string;
  installationId: number;
  accountLogin: string;
  accountType: string;
  accountAvatarUrl: string | null;
  repositorySelection: string;
  suspendedAt: Date | null;
  deletedOnGithubAt: Date | null;
  repositoriesSyncedAt: Date | null;
  repositoryCount: number;
};

/** An application as the Git page names it: where it lives, so the words say what stopped working. */
export type ApplicationPlace = {
  applicationId: string;
  name: string;
  projectId: string;
  projectName: string;
  environmentId: string;
  environmentName: string;
  mode: EnvironmentMode;
};

export type RepositoryRow = { id: string; fullName: string; private: boolean; uses: ApplicationPlace[]; useCount: number };

const asDate = (value: Date | string | null) => (value === null ? null : new Date(value));

/** The organization's installation (at most one) with how many repositories it grants: one statement. */
export async function findInstallation(db: Queryable, orgId: string): Promise<InstallationSummary | null> {
  const [row] = await rowsOf<Record<string, unknown>>(
    db,
    sql`select i.id, i.installation_id, i.account_login, i.account_type, i.account_avatar_url, i.repository_selection,
          i.suspended_at, i.deleted_on_github_at, i.repositories_synced_at,
          (select count(*)::int from git_repositories r where r.installation_row_id = i.id) as repository_count
        from git_installations i where i.org_id = ${orgId}`,
  );
  if (!row) return null;
  return {
    id: String(row.id),
    installationId: Number(row.installation_id),
    accountLogin: String(row.account_login),
    accountType: String(row.account_type),
    accountAvatarUrl: (row.account_avatar_url as string | null) ?? null,
    repositorySelection: String(row.repository_selection),
    suspendedAt: asDate(row.suspended_at as Date | null),
    deletedOnGithubAt: asDate(row.deleted_on_github_at as Date | null),
    repositoriesSyncedAt: asDate(row.repositories_synced_at as Date | null),
    repositoryCount: Number(row.repository_count),
  };
}

/** A page boundary of the repository list: lower(full_name), then the id. */
export const repositoryCursor = keysetCursor({ key: "text", id: "uuid" });

type UseJson = { id: string; name: string; projectId: string; projectName: string; environmentId: string; environmentName: string; mode: EnvironmentMode };

const placeOf = (use: UseJson): ApplicationPlace => ({
  applicationId: use.id,
  name: use.name,
  projectId: use.projectId,
  projectName: use.projectName,
  environmentId: use.environmentId,
  environmentName: use.environmentName,
  mode: use.mode,
});

/**
 * One page of the installation's repositories by name (keyset on lower(full_name), then id),
 * optionally those containing `query` (any case), each with the first applications of this
 * organization that use it and how many do — one statement: the page is chosen first, then the
 * organization's applications are read once and joined to it by name (no query per row).
 */
export async function listRepositories(
  db: Queryable,
  orgId: string,
  options: { query?: string; after?: string; limit?: number } = {},
): Promise<{ repositories: RepositoryRow[]; nextCursor: string | null }> {
  const limit = options.limit ?? repositoriesPageSize;
  const after = repositoryCursor.decode(options.after);
  const pattern = containsPattern(options.query);
  const rows = await rowsOf<{ id: string; full_name: string; private: boolean; key: string; uses: UseJson[] | null; use_count: number | null }>(
    db,
    sql`with page as (
          select r.id, r.full_name, r.private, lower(r.full_name) as key
          from git_repositories r
          where r.org_id = ${orgId}
            ${pattern ? sql`and r.full_name ilike ${pattern}` : sql``}
            ${after ? sql`and lower(r.full_name) >= ${after.key} and (lower(r.full_name) > ${after.key} or r.id > ${after.id}::uuid)` : sql``}
          order by lower(r.full_name), r.id
          limit ${planConstant(limit + 1)}
        ),
        uses as (
          select lower(a.git_repository) as key, a.id, a.name, e.project_id, p.name as project_name, a.environment_id, e.name as environment_name, e.mode,
            row_number() over (partition by lower(a.git_repository) order by lower(p.name), lower(e.name), lower(a.name), a.id) as n,
            count(*) over (partition by lower(a.git_repository)) as total
          from applications a
          join environments e on e.id = a.environment_id
          join projects p on p.id = e.project_id
          where a.org_id = ${orgId} and lower(a.git_repository) in (select key from page)
        )
        select page.id, page.full_name, page.private, page.key,
          json_agg(json_build_object('id', uses.id, 'name', uses.name, 'projectId', uses.project_id, 'projectName', uses.project_name,
            'environmentId', uses.environment_id, 'environmentName', uses.environment_name, 'mode', uses.mode) order by uses.n)
            filter (where uses.id is not null) as uses,
          max(uses.total)::int as use_count
        from page left join uses on uses.key = page.key and uses.n <= ${planConstant(repositoryUsesShown)}
        group by page.id, page.full_name, page.private, page.key
        order by page.key, page.id`,
  );
  const shown = rows.slice(0, limit);
  const last = shown[shown.length - 1];
  return {
    repositories: shown.map((row) => ({
      id: row.id,
      fullName: row.full_name,
      private: row.private,
      uses: (row.uses ?? []).map(placeOf),
      useCount: row.use_count ?? 0,
    })),
    nextCursor: rows.length > limit ? repositoryCursor.encode({ key: last.key, id: last.id }) : null,
  };
}

export type RepositoryChoices = { installed: false } | { installed: true; names: string[]; total: number; more: boolean };

/**
 * What a repository picker offers: nothing to choose from without an installation (the field stays
 * free text), else the installation's repositories by name, at most `limit`, those containing `q`.
 * One statement.
 */
export async function repositoryChoices(db: Queryable, orgId: string, q = "", limit = repositoryChoicesLimit): Promise<RepositoryChoices> {
  const pattern = containsPattern(q.slice(0, 100));
  const [row] = await rowsOf<{ total: number; names: string[] | null }>(
    db,
    sql`select (select count(*)::int from git_repositories r where r.installation_row_id = i.id) as total,
          (select json_agg(x.full_name order by lower(x.full_name), x.id) from (
            select r.full_name, r.id from git_repositories r
            where r.org_id = ${orgId} and r.installation_row_id = i.id ${pattern ? sql`and r.full_name ilike ${pattern}` : sql``}
            order by lower(r.full_name), r.id limit ${limit + 1}) x) as names
        from git_installations i where i.org_id = ${orgId}`,
  );
  if (!row) return { installed: false };
  const names = row.names ?? [];
  return { installed: true, names: names.slice(0, limit), total: row.total, more: names.length > limit };
}

/**
 * Whether the organization's installation grants `fullName` (any case): null when the
 * organization has no installation (any repository goes). One statement.
 */
export async function isRepositoryGranted(db: Queryable, orgId: string, fullName: string): Promise<boolean | null> {
  const [row] = await rowsOf<{ granted: boolean }>(
    db,
    sql`select exists (select 1 from git_repositories r where r.org_id = ${orgId} and r.installation_row_id = i.id and lower(r.full_name) = lower(${fullName})) as granted
        from git_installations i where i.org_id = ${orgId}`,
  );
  return row ? row.granted : null;
}

/** A repository picker's first render: the installation's first repositories and where to search the rest. */
export type RepositoryPicker = Extract<RepositoryChoices, { installed: true }> & { searchUrl: string };

/** The picker for an organization's application forms, or null without an installation (free text). */
export async function repositoryPicker(db: Queryable, org: { id: string; slug: string }): Promise<RepositoryPicker | null> {
  const choices = await repositoryChoices(db, org.id);
  return choices.installed ? { ...choices, searchUrl: `/orgs/${org.slug}/settings/git/repositories` } : null;
}

import { sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { gitRepositories } from "@/db/schema";
import type { GithubRepositoryInfo } from "./client";

// Writes of an installation's repositories and the reads that name which applications use them,
// shared by the setup callback, Disconnect and the webhooks. Always scoped by the organization.

// 5 columns a row: 1,000 rows stay far below PostgreSQL's 65,535 parameters per statement.
const insertBatch = 1000;

/** Adds repositories to an installation (ignoring ones it already has); returns the names of the new ones. */
export async function insertRepositories(
  tx: Queryable,
  where: { orgId: string; installationRowId: string },
  repositories: GithubRepositoryInfo[],
): Promise<string[]> {
  const inserted: string[] = [];
  for (let start = 0; start < repositories.length; start += insertBatch) {
    const rows = repositories.slice(start, start + insertBatch).map((repository) => ({
      orgId: where.orgId,
      installationRowId: where.installationRowId,
      githubId: repository.githubId,
      fullName: repository.fullName,
      private: repository.private,
    }));
    const added = await tx.insert(gitRepositories).values(rows).onConflictDoNothing().returning({ fullName: gitRepositories.fullName });
    inserted.push(...added.map((repository) => repository.fullName));
  }
  return inserted;
}

export type UsingApplication = { id: string; name: string; projectName: string; environmentName: string; gitRepository: string };
export type UsingApplications = { applications: UsingApplication[]; total: number };

/**
 * The organization's applications whose repository is one of `repositoryFilter`'s (GitHub names
 * ignore case): the first `limit` by project, environment and name, and how many in all.
 */
async function applicationsMatching(db: Queryable, orgId: string, repositoryFilter: ReturnType<typeof sql>, limit: number): Promise<UsingApplications> {
  const found = await rowsOf<UsingApplication & { total: number }>(
    db,
    sql`select a.id, a.name, p.name as "projectName", e.name as "environmentName", a.git_repository as "gitRepository",
          count(*) over ()::int as total
        from applications a
        join environments e on e.id = a.environment_id
        join projects p on p.id = e.project_id
        where a.org_id = ${orgId} and lower(a.git_repository) in (${repositoryFilter})
        order by lower(p.name), lower(e.name), lower(a.name), a.id
        limit ${limit}`,
  );
  return {
    applications: found.map(({ total: _total, ...app }) => ({ ...app, id: String(app.id) })),
    total: found[0]?.total ?? 0,
  };
}

/** Applications using any repository the installation grants: what Disconnect (or an uninstall) takes away. */
export function applicationsUsingInstallation(db: Queryable, orgId: string, installationRowId: string, limit = 50): Promise<UsingApplications> {
  return applicationsMatching(
    db,
    orgId,
    sql`select lower(r.full_name) from git_repositories r where r.installation_row_id = ${installationRowId} and r.org_id = ${orgId}`,
    limit,
  );
}

/** Applications using one of these repositories (by "owner/name"): what a removal takes away. */
export function applicationsUsingRepositories(db: Queryable, orgId: string, fullNames: string[], limit = 50): Promise<UsingApplications> {
  if (fullNames.length === 0) return Promise.resolve({ applications: [], total: 0 });
  const names = sql.join(
    fullNames.map((name) => sql`${name.toLowerCase()}`),
    sql`, `,
  );
  return applicationsMatching(db, orgId, names, limit);
}

/** How the audit log keeps a list of applications: their labels (the first 50) and how many. */
export function applicationLabels(using: UsingApplications): { applications: string[]; applicationCount: number } {
  return {
    applications: using.applications.map((app) => `${app.projectName} / ${app.environmentName} / ${app.name}`),
    applicationCount: using.total,
  };
}

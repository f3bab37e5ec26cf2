import { sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import type { EnvironmentMode } from "@/db/schema/values";
import { rowsOf } from "@/db/rows";
import type { ApplicationPlace } from "./queries";

// Which applications of the organization depend on the Git connection: the ones whose repository
// the installation grants (they lose update and auto-deploy on Disconnect) and the ones whose
// repository it does not (they already lost them). Bounded lists with totals, so an organization
// with thousands of applications costs one statement and renders a few lines.

export const applicationsListed = 20;

export type PlacedApplication = ApplicationPlace & { gitRepository: string; applicationsOfRepository: number };
export type Bounded<Row> = { rows: Row[]; total: number };

type Row = {
  id: string;
  name: string;
  git_repository: string;
  project_id: string;
  project_name: string;
  environment_id: string;
  environment_name: string;
  mode: EnvironmentMode;
  granted: boolean;
  total: number;
  of_repository: number;
};

const placed = (row: Row): PlacedApplication => ({
  applicationId: row.id,
  name: row.name,
  gitRepository: row.git_repository,
  projectId: row.project_id,
  projectName: row.project_name,
  environmentId: row.environment_id,
  environmentName: row.environment_name,
  mode: row.mode,
  applicationsOfRepository: row.of_repository,
});

/**
 * The organization's applications split by whether the installation grants their repository: the
 * first `limit` of each by repository then name, with each side's total and each repository's
 * count. One statement; call it only when an installation exists.
 */
export async function applicationsByGrant(
  db: Queryable,
  orgId: string,
  limit = applicationsListed,
): Promise<{ granted: Bounded<PlacedApplication>; missing: Bounded<PlacedApplication> }> {
  // Each side is a top-N (no full sort of the organization's applications), joined to its
  // environment and project only for the rows shown; counts come from the same scan. Whether a
  // repository is granted is one (org, lower(name)) index probe per application: hashing all of
  // the installation's names (5,000 in the bench) cost the Git page 2 ms of PostgreSQL per view.
  const rows = await rowsOf<Row>(
    db,
    sql`with apps as materialized (
          select a.id, a.name, a.git_repository, a.environment_id, lower(a.git_repository) as key, g.found is not null as granted
          from applications a
          left join lateral (
            select true as found from git_repositories r where r.org_id = ${orgId} and lower(r.full_name) = lower(a.git_repository) limit 1
          ) g on true
          where a.org_id = ${orgId}
        ),
        totals as materialized (select count(*) filter (where granted)::int as granted, count(*) filter (where not granted)::int as missing from apps),
        shown as (
          (select * from apps where granted order by key, lower(name), id limit ${limit})
          union all
          (select * from apps where not granted order by key, lower(name), id limit ${limit})
        )
        select shown.id, shown.name, shown.git_repository, e.project_id, p.name as project_name, shown.environment_id, e.name as environment_name, e.mode,
          shown.granted, case when shown.granted then totals.granted else totals.missing end as total,
          per.n as of_repository
        from shown
        join (select key, count(*)::int as n from apps where key in (select key from shown) group by key) per on per.key = shown.key
        join environments e on e.id = shown.environment_id
        join projects p on p.id = e.project_id
        cross join totals
        order by shown.granted, shown.key, lower(shown.name), shown.id`,
  );
  const side = (granted: boolean): Bounded<PlacedApplication> => {
    const mine = rows.filter((row) => row.granted === granted);
    return { rows: mine.map(placed), total: mine[0]?.total ?? 0 };
  };
  return { granted: side(true), missing: side(false) };
}

export type RepositoryUsage = { repositories: { fullName: string; applications: number }[]; repositoryTotal: number; applicationTotal: number };

/**
 * Before an install: which repositories the organization's applications use and how many use
 * each (the first `limit` by name), with the totals. One statement.
 */
export async function repositoryUsage(db: Queryable, orgId: string, limit = applicationsListed): Promise<RepositoryUsage> {
  const rows = await rowsOf<{ full_name: string; n: number; repositories: number; applications: number }>(
    db,
    sql`select min(a.git_repository) as full_name, count(*)::int as n,
          (count(*) over ())::int as repositories, (sum(count(*)) over ())::int as applications
        from applications a where a.org_id = ${orgId}
        group by lower(a.git_repository)
        order by lower(a.git_repository)
        limit ${limit}`,
  );
  return {
    repositories: rows.map((row) => ({ fullName: row.full_name, applications: row.n })),
    repositoryTotal: rows[0]?.repositories ?? 0,
    applicationTotal: rows[0]?.applications ?? 0,
  };
}

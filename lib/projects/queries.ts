import "server-only";
import { and, asc, eq, ilike, or, sql } from "drizzle-orm";
import { z } from "zod";
import type { Queryable } from "@/db/client";
import { clusters, environments, projects } from "@/db/schema";
import type { ClusterStatus, EnvironmentMode, EnvironmentStatus } from "@/db/schema/values";
import { keysetCursor } from "@/lib/pagination/cursor";
import { containsPattern } from "@/lib/search/contains-pattern";

// Reads of the projects domain. Every one takes the organization `authorize` resolved and repeats
// it in its where-clause: an id from a URL or a form that belongs elsewhere matches nothing.

export const projectsPageSize = 25;
export const environmentsPageSize = 50;

const uuid = z.uuid();
export const isUuid = (value: string): boolean => uuid.safeParse(value).success;

// Keyset cursors on (lower(name), id): page 40 costs what page 1 does, and a name shared by two
// rows never hides one of them.
export const nameCursor = keysetCursor({ name: "text", id: "uuid" });

export type ProjectRow = { id: string; name: string; key: string; environments: number; createdAt: Date };

/** One page of the organization's projects by name, optionally those whose name or key contains `q`. */
export async function listProjects(
  db: Queryable,
  orgId: string,
  options: { q?: string; after?: string | null; limit?: number } = {},
): Promise<{ projects: ProjectRow[]; nextCursor: string | null }> {
  const limit = options.limit ?? projectsPageSize;
  const pattern = containsPattern(options.q);
  const after = nameCursor.decode(options.after);
  const lowerName = sql<string>`lower(${projects.name})`;
  const rows = await db
    .select({
      id: projects.id,
      name: projects.name,
      key: projects.key,
      createdAt: projects.createdAt,
      sortName: lowerName,
      // Qualified by hand: in a single-table select Drizzle renders `${projects.id}` as a bare "id",
      // which inside the subquery means the environment's own id (every count was 0).
      environments: sql<number>`(select count(*) from ${environments} where ${environments}.${sql.identifier(environments.projectId.name)} = ${projects}.${sql.identifier(projects.id.name)})`.mapWith(Number),
    })
    .from(projects)
    .where(
      and(
        eq(projects.orgId, orgId),
        pattern ? or(ilike(projects.name, pattern), ilike(projects.key, pattern)) : undefined,
        after ? sql`(${lowerName}, ${projects.id}) > (${after.name}, ${after.id}::uuid)` : undefined,
      ),
    )
    .orderBy(asc(lowerName), asc(projects.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    projects: page.map(({ sortName: _sortName, ...row }) => row),
    nextCursor: rows.length > limit && last ? nameCursor.encode({ name: last.sortName, id: last.id }) : null,
  };
}

/** The project, if it exists in this organization (anything that is not an id is not found). */
export async function findProject(db: Queryable, orgId: string, projectId: string) {
  if (!isUuid(projectId)) return null;
  const [row] = await db
    .select()
    .from(projects)
    .where(and(eq(projects.id, projectId), eq(projects.orgId, orgId)));
  return row ?? null;
}

export type EnvironmentRow = {
  id: string;
  projectId: string;
  name: string;
  mode: EnvironmentMode;
  status: EnvironmentStatus;
  automaticCluster: boolean;
  clusterId: string;
  clusterName: string;
  /** Decides, with `status`, what the environment shows (lib/projects/environment-status.ts). */
  clusterStatus: ClusterStatus;
  createdAt: Date;
  updatedAt: Date;
};

const environmentColumns = {
  id: environments.id,
  projectId: environments.projectId,
  name: environments.name,
  mode: environments.mode,
  status: environments.status,
  automaticCluster: environments.automaticCluster,
  clusterId: environments.clusterId,
  clusterName: clusters.name,
  clusterStatus: clusters.status,
  createdAt: environments.createdAt,
  updatedAt: environments.updatedAt,
};

/** One page of a project's environments by name, each with the name of the cluster it runs on. */
export async function listEnvironments(
  db: Queryable,
  orgId: string,
  projectId: string,
  options: { after?: string | null; limit?: number } = {},
): Promise<{ environments: EnvironmentRow[]; nextCursor: string | null }> {
  if (!isUuid(projectId)) return { environments: [], nextCursor: null };
  const limit = options.limit ?? environmentsPageSize;
  const after = nameCursor.decode(options.after);
  const lowerName = sql<string>`lower(${environments.name})`;
  const rows = await db
    .select({ ...environmentColumns, sortName: lowerName })
    .from(environments)
    .innerJoin(clusters, eq(clusters.id, environments.clusterId))
    .where(
      and(
        eq(environments.orgId, orgId),
        eq(environments.projectId, projectId),
        after ? sql`(${lowerName}, ${environments.id}) > (${after.name}, ${after.id}::uuid)` : undefined,
      ),
    )
    .orderBy(asc(lowerName), asc(environments.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    environments: page.map(({ sortName: _sortName, ...row }) => row),
    nextCursor: rows.length > limit && last ? nameCursor.encode({ name: last.sortName, id: last.id }) : null,
  };
}

/** The environment, if it exists in this project of this organization. */
export async function findEnvironment(db: Queryable, orgId: string, projectId: string, environmentId: string): Promise<EnvironmentRow | null> {
  if (!isUuid(projectId) || !isUuid(environmentId)) return null;
  const [row] = await db
    .select(environmentColumns)
    .from(environments)
    .innerJoin(clusters, eq(clusters.id, environments.clusterId))
    .where(and(eq(environments.id, environmentId), eq(environments.projectId, projectId), eq(environments.orgId, orgId)));
  return row ?? null;
}

export type ClusterChoice = { id: string; name: string; isDefault: boolean };

/**
 * The clusters an environment or a deployment rule may target: the organization's, except those
 * being deleted. Bounded by the plan's cluster limit; the default first.
 */
export async function listTargetClusters(db: Queryable, orgId: string): Promise<ClusterChoice[]> {
  return db
    .select({ id: clusters.id, name: clusters.name, isDefault: clusters.isDefault })
    .from(clusters)
    .where(and(eq(clusters.orgId, orgId), sql`${clusters.status} <> 'deleting'`))
    .orderBy(sql`${clusters.isDefault} desc`, asc(sql`lower(${clusters.name})`));
}

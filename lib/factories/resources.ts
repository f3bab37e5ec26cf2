import type { Queryable } from "@/db/client";
import {
  type Application,
  applications,
  type Database,
  databases,
  type Environment,
  environments,
  type Organization,
  type Project,
  projects,
} from "@/db/schema";
import type { EnvironmentMode } from "@/db/schema/values";
import { makeCluster } from "./clusters";
import { uniqueTag } from "./index";

// Applications and databases for tests, the bench and the demo. Rows are inserted directly (no
// audit event, no lock): to exercise the rules, go through lib/projects/applications.ts and
// databases.ts.

type EnvironmentFields = { mode?: EnvironmentMode; name?: string; clusterId?: string; project?: Project };

/**
 * An environment of `mode` in a project of `org` (a new project unless one is given), on a new
 * running cluster of the organization unless `clusterId` names one.
 */
export async function makeResourceEnvironment(
  db: Queryable,
  org: Pick<Organization, "id">,
  fields: EnvironmentFields = {},
): Promise<{ project: Project; environment: Environment }> {
  const tag = uniqueTag();
  const project =
    fields.project ?? (await db.insert(projects).values({ orgId: org.id, name: `Project ${tag}`, key: `project-${tag}` }).returning())[0];
  const clusterId = fields.clusterId ?? (await makeCluster(db, org)).id;
  const mode = fields.mode ?? "development";
  const [environment] = await db
    .insert(environments)
    .values({ orgId: org.id, projectId: project.id, name: fields.name ?? `${mode}-${tag}`, mode, clusterId })
    .returning();
  return { project, environment };
}

type ApplicationFields = Partial<Pick<Application, "name" | "gitRepository" | "branch">>;

export async function makeApplication(db: Queryable, environment: Pick<Environment, "id" | "orgId">, fields: ApplicationFields = {}): Promise<Application> {
  const tag = uniqueTag();
  const [app] = await db
    .insert(applications)
    .values({ name: `app-${tag}`, gitRepository: `acme/app-${tag}`, branch: "main", ...fields, orgId: environment.orgId, environmentId: environment.id })
    .returning();
  return app;
}

type DatabaseFields = Partial<Pick<Database, "name" | "type" | "version">>;

export async function makeDatabase(db: Queryable, environment: Pick<Environment, "id" | "orgId">, fields: DatabaseFields = {}): Promise<Database> {
  const [row] = await db
    .insert(databases)
    .values({ name: `db-${uniqueTag()}`, type: "postgresql", version: "16", ...fields, orgId: environment.orgId, environmentId: environment.id })
    .returning();
  return row;
}

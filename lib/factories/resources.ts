import type { Queryable } from "@/db/client";
import {
  type Application,
  applications,
  type Database,
  databases,
  type Environment,
  type Organization,
  type Project,
} from "@/db/schema";
import type { EnvironmentMode } from "@/db/schema/values";
import { makeCluster } from "./clusters";
import { uniqueTag } from "./index";
import { makeEnvironment, makeProject } from "./projects";

// Applications and databases for tests, the bench and the demo. Rows are inserted directly (no
// audit event, no lock): to exercise the rules, go through lib/projects/resource-writes.ts.

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
  const project = fields.project ?? (await makeProject(db, org));
  const clusterId = fields.clusterId ?? (await makeCluster(db, org)).id;
  const mode = fields.mode ?? "development";
  const environment = await makeEnvironment(db, project, { id: clusterId }, { name: fields.name ?? `${mode}-${uniqueTag()}`, mode, automaticCluster: true });
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

import { asc, eq } from "drizzle-orm";
import type { Db, Queryable } from "@/db/client";
import { applications, auditEvents, databases, environments, type Organization, type User } from "@/db/schema";
import { type HandlerResult, runOrgAction } from "@/lib/actions/run-action";
import type { Permission } from "@/lib/authz/permissions";
import { makeOrgWithEveryRole } from "@/lib/factories";
import { makeCluster } from "@/lib/factories/clusters";
import { makeApplication, makeDatabase, makeResourceEnvironment } from "@/lib/factories/resources";
import type { OrgActionSpec } from "@/lib/actions/define";
import { resourceActions } from "@/lib/projects/actions/resources";
import type { ModeClass } from "@/lib/projects/modes";
import type { z } from "zod";

// The application and database server actions exactly as the pages declare them (the specs of
// lib/projects/actions/resources.ts, one per kind and verb), run through runOrgAction, the door
// every server action goes through.

export type Resource = "application" | "database";
export type Verb = "create" | "update" | "delete";

export { resourceActions };

/** The permission a verb needs in an environment of `modeClass`: adding is an edit of the environment's resources. */
export function permissionFor(resource: Resource, verb: Verb, modeClass: ModeClass): Permission {
  return `${resource}.${verb === "delete" ? "delete" : "edit"}.${modeClass}` as Permission;
}

export function actOnResource(
  db: Db,
  resource: Resource,
  verb: Verb,
  user: Pick<User, "id"> | null,
  org: Pick<Organization, "slug">,
  input: Record<string, string>,
): Promise<HandlerResult> {
  const action = resourceActions[resource][verb] as unknown as OrgActionSpec<z.ZodType>;
  return runOrgAction(action, { db, userId: user?.id ?? null, slug: org.slug, input });
}

/**
 * An organization with one member of each role, a project with a production and a development
 * environment (plus a second development environment), each holding an application and a database.
 */
export async function resourceFixture(db: Queryable) {
  const { org, users } = await makeOrgWithEveryRole(db);
  const cluster = await makeCluster(db, org, { isDefault: true });
  const { project, environment: production } = await makeResourceEnvironment(db, org, { mode: "production", name: "prod", clusterId: cluster.id });
  const { environment: development } = await makeResourceEnvironment(db, org, { mode: "development", name: "dev", clusterId: cluster.id, project });
  const { environment: neighbour } = await makeResourceEnvironment(db, org, { mode: "staging", name: "staging", clusterId: cluster.id, project });
  const environmentsByClass = { production, development };
  const apps = {
    production: await makeApplication(db, production, { name: "web", gitRepository: "acme/web", branch: "main" }),
    development: await makeApplication(db, development, { name: "web", gitRepository: "acme/web", branch: "develop" }),
    neighbour: await makeApplication(db, neighbour, { name: "worker" }),
  };
  const dbs = {
    production: await makeDatabase(db, production, { name: "orders", type: "postgresql", version: "16" }),
    development: await makeDatabase(db, development, { name: "orders", type: "postgresql", version: "16" }),
    neighbour: await makeDatabase(db, neighbour, { name: "cache", type: "redis", version: "7.4" }),
  };
  return { org, users, project, environments: environmentsByClass, neighbour, apps, dbs };
}

export type ResourceFixture = Awaited<ReturnType<typeof resourceFixture>>;

const scopeOf = (f: ResourceFixture, modeClass: ModeClass) => ({ projectId: f.project.id, environmentId: f.environments[modeClass].id });

/** The form each action's page would send, aimed at the environment of `modeClass`. */
export function formFor(f: ResourceFixture, resource: Resource, verb: Verb, modeClass: ModeClass): Record<string, string> {
  const scope = scopeOf(f, modeClass);
  if (resource === "application") {
    const id = { applicationId: f.apps[modeClass].id };
    if (verb === "create") return { ...scope, name: "added", gitRepository: "acme/added", branch: "main" };
    if (verb === "update") return { ...scope, ...id, name: "renamed", gitRepository: "acme/renamed", branch: "release/1.0" };
    return { ...scope, ...id };
  }
  const id = { databaseId: f.dbs[modeClass].id };
  if (verb === "create") return { ...scope, name: "added", type: "mysql", version: "8.4" };
  if (verb === "update") return { ...scope, ...id, name: "renamed", type: "postgresql", version: "17" };
  return { ...scope, ...id };
}

/** Every row an application or database change may touch in an organization, in a stable order. */
export async function snapshotResources(db: Queryable, orgId: string) {
  const [apps, dbs, envs, audit] = await Promise.all([
    db.select().from(applications).where(eq(applications.orgId, orgId)).orderBy(asc(applications.id)),
    db.select().from(databases).where(eq(databases.orgId, orgId)).orderBy(asc(databases.id)),
    db.select().from(environments).where(eq(environments.orgId, orgId)).orderBy(asc(environments.id)),
    db.select().from(auditEvents).where(eq(auditEvents.orgId, orgId)).orderBy(asc(auditEvents.id)),
  ]);
  return { applications: apps, databases: dbs, environments: envs, audit };
}

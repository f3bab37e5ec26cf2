import type { Queryable } from "@/db/client";
import {
  applications,
  databases,
  deploymentRules,
  type DeploymentRule,
  type Environment,
  environments,
  type Organization,
  type Project,
  projects,
} from "@/db/schema";
import type { EnvironmentMode } from "@/db/schema/values";
import { uniqueTag } from "./index";

// A whole project (environments, each with an application and a database, and deployment rules)
// for the transfer's tests and e2e. Rows are inserted directly, without locks or audit events: the
// transfer is what is under test, not how the rows got there.

type ProjectTree = {
  name?: string;
  key?: string;
  /** Environments of the project, all on `clusterId`. */
  environments?: { name: string; mode: EnvironmentMode }[];
  rules?: { pattern: string; mode: EnvironmentMode }[];
};

export type MadeProject = { project: Project; environments: Environment[]; rules: DeploymentRule[] };

export async function makeProjectTree(db: Queryable, org: Pick<Organization, "id">, clusterId: string, tree: ProjectTree = {}): Promise<MadeProject> {
  const tag = uniqueTag();
  const [project] = await db
    .insert(projects)
    .values({ orgId: org.id, name: tree.name ?? `Project ${tag}`, key: tree.key ?? `project-${tag}` })
    .returning();
  const envs: Environment[] = [];
  for (const fields of tree.environments ?? [{ name: "production", mode: "production" }]) {
    const [environment] = await db
      .insert(environments)
      .values({ orgId: org.id, projectId: project.id, name: fields.name, mode: fields.mode, clusterId, automaticCluster: false })
      .returning();
    await db.insert(applications).values({ orgId: org.id, environmentId: environment.id, name: `web-${fields.name}`, gitRepository: "acme/web", branch: "main" });
    await db.insert(databases).values({ orgId: org.id, environmentId: environment.id, name: `db-${fields.name}`, type: "postgresql", version: "16" });
    envs.push(environment);
  }
  const rules: DeploymentRule[] = [];
  for (const [index, fields] of (tree.rules ?? []).entries()) {
    const [rule] = await db
      .insert(deploymentRules)
      .values({ orgId: org.id, projectId: project.id, position: index + 1, pattern: fields.pattern, mode: fields.mode, clusterId })
      .returning();
    rules.push(rule);
  }
  return { project, environments: envs, rules };
}

import type { Queryable } from "@/db/client";
import { type Cluster, deploymentRules, type DeploymentRule, type Environment, environments, type Organization, type Project, projects } from "@/db/schema";
import type { EnvironmentMode, EnvironmentStatus } from "@/db/schema/values";
import { uniqueTag } from "./index";

// Projects, environments and deployment rules as rows, for tests and the bench. Like makeCluster
// they skip the domain's checks (plan limit, placement, permissions) on purpose: to exercise
// those, go through lib/projects.

export async function makeProject(
  db: Queryable,
  org: Pick<Organization, "id">,
  fields: { name?: string; key?: string; createdBy?: string | null } = {},
): Promise<Project> {
  const tag = uniqueTag();
  const [project] = await db
    .insert(projects)
    .values({ orgId: org.id, name: fields.name ?? `Project ${tag}`, key: fields.key ?? `project-${tag}`, createdBy: fields.createdBy ?? null })
    .returning();
  return project;
}

export async function makeEnvironment(
  db: Queryable,
  project: Pick<Project, "id" | "orgId">,
  cluster: Pick<Cluster, "id">,
  fields: { name?: string; mode?: EnvironmentMode; status?: EnvironmentStatus; automaticCluster?: boolean } = {},
): Promise<Environment> {
  const [environment] = await db
    .insert(environments)
    .values({
      orgId: project.orgId,
      projectId: project.id,
      clusterId: cluster.id,
      name: fields.name ?? `env-${uniqueTag()}`,
      mode: fields.mode ?? "development",
      status: fields.status ?? "running",
      automaticCluster: fields.automaticCluster ?? false,
    })
    .returning();
  return environment;
}

/** A deployment rule at `position` (default: after the project's last rule, counted by the caller). */
export async function makeRule(
  db: Queryable,
  project: Pick<Project, "id" | "orgId">,
  cluster: Pick<Cluster, "id">,
  fields: { pattern: string; mode?: EnvironmentMode; position: number },
): Promise<DeploymentRule> {
  const [rule] = await db
    .insert(deploymentRules)
    .values({ orgId: project.orgId, projectId: project.id, clusterId: cluster.id, pattern: fields.pattern, mode: fields.mode ?? "development", position: fields.position })
    .returning();
  return rule;
}

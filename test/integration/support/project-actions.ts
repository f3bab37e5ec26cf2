import { asc, eq } from "drizzle-orm";
import type { z } from "zod";
import type { Db, Queryable } from "@/db/client";
import { auditEvents, clusters, deploymentRules, environments, type Organization, projects, type User } from "@/db/schema";
import { type HandlerResult, runOrgAction } from "@/lib/actions/run-action";
import { makeOrgWithEveryRole } from "@/lib/factories";
import { makeCluster } from "@/lib/factories/clusters";
import { makeEnvironment, makeProject, makeRule } from "@/lib/factories/projects";
import type { OrgActionSpec } from "@/lib/actions/define";

// What the projects tests share: a project with an environment of every kind an action starts
// from, a snapshot of every row the projects actions may touch, and a way to run an action
// definition through the door (runOrgAction) exactly as the page's server action does.

/** Runs `spec` as `user` in `org`, as the server action bound to the org's slug would. */
export function runAs<Schema extends z.ZodType>(
  db: Db,
  spec: OrgActionSpec<Schema>,
  user: Pick<User, "id"> | null,
  org: Pick<Organization, "slug">,
  input: Record<string, string>,
): Promise<HandlerResult> {
  return runOrgAction(spec, { db, userId: user?.id ?? null, slug: org.slug, input });
}

/** Every row of the organization in the tables the projects actions write, in a stable order. */
export async function snapshotProjects(db: Queryable, orgId: string) {
  const [projectRows, environmentRows, ruleRows, clusterRows, audit] = await Promise.all([
    db.select().from(projects).where(eq(projects.orgId, orgId)).orderBy(asc(projects.id)),
    db.select().from(environments).where(eq(environments.orgId, orgId)).orderBy(asc(environments.id)),
    db.select().from(deploymentRules).where(eq(deploymentRules.orgId, orgId)).orderBy(asc(deploymentRules.id)),
    db.select().from(clusters).where(eq(clusters.orgId, orgId)).orderBy(asc(clusters.id)),
    db.select().from(auditEvents).where(eq(auditEvents.orgId, orgId)).orderBy(asc(auditEvents.id)),
  ]);
  return { projects: projectRows, environments: environmentRows, rules: ruleRows, clusters: clusterRows, audit };
}

export type ProjectsSnapshot = Awaited<ReturnType<typeof snapshotProjects>>;

/**
 * A team organization with one member of every role and a non-member; two clusters (main is the
 * default); the project Shop with a running and a stopped environment in each mode class
 * (staging stands for the non-production modes) and two deployment rules.
 */
export async function projectFixture(db: Db, plan?: "free" | "professional" | "business" | "enterprise") {
  const { org, users } = await makeOrgWithEveryRole(db, plan ? { plan } : {});
  const main = await makeCluster(db, org, { name: "main", isDefault: true });
  const other = await makeCluster(db, org, { name: "other" });
  const project = await makeProject(db, org, { name: "Shop", key: "shop" });
  const running = {
    production: await makeEnvironment(db, project, main, { name: "production", mode: "production" }),
    development: await makeEnvironment(db, project, main, { name: "dev", mode: "development" }),
  };
  const stopped = {
    production: await makeEnvironment(db, project, main, { name: "prod-parked", mode: "production", status: "stopped" }),
    development: await makeEnvironment(db, project, other, { name: "staging", mode: "staging", status: "stopped" }),
  };
  const rules = [
    await makeRule(db, project, other, { pattern: "prod-*", mode: "production", position: 1 }),
    await makeRule(db, project, main, { pattern: "*-preview", mode: "preview", position: 2 }),
  ];
  return { org, users, main, other, project, running, stopped, rules };
}

export type ProjectFixture = Awaited<ReturnType<typeof projectFixture>>;

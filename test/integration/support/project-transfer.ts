import { asc, eq, inArray } from "drizzle-orm";
import type { Db, Queryable } from "@/db/client";
import { applications, auditEvents, databases, deploymentRules, environments, type Organization, projects, type User } from "@/db/schema";
import { runOrgAction } from "@/lib/actions/run-action";
import { makeTeamOrg, makeUser } from "@/lib/factories";
import { makeCluster } from "@/lib/factories/clusters";
import { transferProject } from "@/lib/projects/actions/transfer";

/** The transfer through the door the page uses, as `user` in `source`. */
export function transferAs(db: Db, user: Pick<User, "id"> | null, source: Pick<Organization, "slug">, input: Record<string, string>) {
  return runOrgAction(transferProject, { db, userId: user?.id ?? null, slug: source.slug, input });
}

/** An organization owned by a new user, with a default cluster unless `cluster: false`. */
export async function makeDestination(db: Db, fields: { plan?: Organization["plan"]; cluster?: boolean; name?: string } = {}) {
  const owner = await makeUser(db);
  const org = await makeTeamOrg(db, owner, { plan: fields.plan ?? "business", name: fields.name });
  const cluster = fields.cluster === false ? null : await makeCluster(db, org, { isDefault: true });
  return { org, owner, cluster };
}

/** Every row of the project wherever it is, and the audit events of the given organizations. */
export async function snapshotProject(db: Queryable, projectId: string, orgIds: string[]) {
  const project = await db.select().from(projects).where(eq(projects.id, projectId));
  const envs = await db.select().from(environments).where(eq(environments.projectId, projectId)).orderBy(asc(environments.id));
  const envIds = envs.map((env) => env.id);
  const apps = envIds.length > 0 ? await db.select().from(applications).where(inArray(applications.environmentId, envIds)).orderBy(asc(applications.id)) : [];
  const dbs = envIds.length > 0 ? await db.select().from(databases).where(inArray(databases.environmentId, envIds)).orderBy(asc(databases.id)) : [];
  const rules = await db.select().from(deploymentRules).where(eq(deploymentRules.projectId, projectId)).orderBy(asc(deploymentRules.id));
  const audit = await db.select().from(auditEvents).where(inArray(auditEvents.orgId, orgIds)).orderBy(asc(auditEvents.id));
  return { project, envs, apps, dbs, rules, audit };
}

/** The organization ids the project's rows carry, one set per table. */
export async function orgIdsOfProject(db: Queryable, projectId: string) {
  const s = await snapshotProject(db, projectId, []);
  const ids = (rows: { orgId: string }[]) => [...new Set(rows.map((row) => row.orgId))];
  return { project: ids(s.project), environments: ids(s.envs), applications: ids(s.apps), databases: ids(s.dbs), rules: ids(s.rules) };
}

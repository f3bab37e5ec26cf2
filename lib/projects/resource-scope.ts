import { and, eq } from "drizzle-orm";
import type { Queryable, Tx } from "@/db/client";
import { environments, projects } from "@/db/schema";
import type { ActionResult } from "@/lib/actions/result";
import type { OrgContext } from "@/lib/authz/context";
import { orgTransaction } from "@/lib/authz/org-transaction";
import { doorPermission, modeRefusal } from "./mode-guard";
import type { EnvironmentMode } from "./modes";
import type { ResourceKind } from "./resource-kinds";

// Applications and databases live in an environment of a project. Every id in their URLs and
// forms is checked here against the organization `authorize` resolved: an environment is found
// only by its id AND the organization's id AND the project's id, so an id of another
// organization, or of another project's environment, matches nothing.

export type ResourceScope = { projectId: string; environmentId: string };

export type ScopedEnvironment = { id: string; name: string; mode: EnvironmentMode; projectId: string; projectName: string };

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a value from a URL can be an id at all (PostgreSQL rejects a malformed uuid loudly). */
export function isResourceId(value: string): boolean {
  return uuidPattern.test(value);
}

/**
 * The environment, with its project's name, scoped by organization and project. `share` locks the
 * row until the transaction ends, so its mode cannot change under a write that relied on it.
 */
export async function findScopedEnvironment(
  db: Queryable,
  ctx: OrgContext,
  scope: ResourceScope,
  lock?: "share",
): Promise<ScopedEnvironment | null> {
  if (!isResourceId(scope.projectId) || !isResourceId(scope.environmentId)) return null;
  const query = db
    .select({ id: environments.id, name: environments.name, mode: environments.mode, projectId: environments.projectId, projectName: projects.name })
    .from(environments)
    .innerJoin(projects, and(eq(projects.id, environments.projectId), eq(projects.orgId, ctx.org.id)))
    .where(and(eq(environments.id, scope.environmentId), eq(environments.orgId, ctx.org.id), eq(environments.projectId, scope.projectId)));
  const [row] = lock ? await query.for(lock, { of: environments }) : await query;
  return row ?? null;
}

export const unknownEnvironment = "This environment does not exist in this project (it may have been deleted).";

const fail = (formError: string): ActionResult => ({ ok: false, formError });

/**
 * One write in an environment, in one transaction: the organization's lock with the caller's role
 * re-read under it (it may have changed since the door), the environment found in this
 * organization and project and share-locked (its mode cannot change until the write commits), and
 * the permission of its mode as it is now: the door only checked the development one.
 */
export async function writeInEnvironment(
  db: Queryable,
  ctx: OrgContext,
  guard: { kind: ResourceKind; verb: "edit" | "delete"; scope: ResourceScope },
  write: (tx: Tx, environment: ScopedEnvironment) => Promise<ActionResult>,
): Promise<ActionResult> {
  return orgTransaction(db, ctx, doorPermission(guard.kind, guard.verb), async (tx, role) => {
    const environment = await findScopedEnvironment(tx, ctx, guard.scope, "share");
    if (!environment) return fail(unknownEnvironment);
    return modeRefusal(role, guard.kind, guard.verb, environment.mode) ?? write(tx, environment);
  });
}

export function environmentHref(slug: string, scope: ResourceScope): string {
  return `/orgs/${slug}/projects/${scope.projectId}/environments/${scope.environmentId}`;
}

export function applicationHref(slug: string, scope: ResourceScope, applicationId: string): string {
  return `${environmentHref(slug, scope)}/applications/${applicationId}`;
}

export function databaseHref(slug: string, scope: ResourceScope, databaseId: string): string {
  return `${environmentHref(slug, scope)}/databases/${databaseId}`;
}

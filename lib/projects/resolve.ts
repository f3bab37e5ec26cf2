import { and, asc, eq, or, sql } from "drizzle-orm";
import type { Queryable, Tx } from "@/db/client";
import { memberships, organizations, projects } from "@/db/schema";
import type { OrgKind } from "@/db/schema/enums";
import type { Actor } from "@/lib/authz/context";
import { apiOwnerContext } from "@/lib/authz/system-contexts";
import { orgTransaction } from "@/lib/authz/org-transaction";
import { planTable } from "@/lib/orgs/plans";
import { insertProject, projectLimitReached } from "./create";
import { projectKeySchema } from "./schemas";

// The CLI's X-Project-Key, resolved as aqua does: (1) a team organization the user is a member of
// (any role: resolving only reads) that has a project with this key; if several do, the oldest
// project wins, so the answer never changes when another team adds the same key later; (2) else
// the project with this key in the user's personal organization; (3) else it is created there,
// named after the key. Keys compare case-insensitively, as the unique index does.

export type ResolvedProject = {
  project: { id: string; name: string; key: string };
  organization: { id: string; slug: string; name: string; kind: OrgKind };
  created: boolean;
};

export type ResolveOutcome =
  | ({ ok: true } & ResolvedProject)
  | { ok: false; reason: "invalid-key" | "plan-limit"; message: string };

const selection = {
  project: { id: projects.id, name: projects.name, key: projects.key },
  organization: { id: organizations.id, slug: organizations.slug, name: organizations.name, kind: organizations.kind },
};

export async function resolveProjectByKey(db: Queryable, user: Actor, rawKey: string | null | undefined): Promise<ResolveOutcome> {
  const parsed = projectKeySchema.safeParse(rawKey ?? "");
  if (!parsed.success) return { ok: false, reason: "invalid-key", message: parsed.error.issues[0].message };
  const key = parsed.data;
  const found = await findByKey(db, user.id, key);
  if (found) return { ok: true, ...found, created: false };
  return findOrCreateInPersonalOrg(db, user, key);
}

/**
 * Steps (1) and (2) in one statement: the user's memberships (by their index) joined to each
 * organization's project with this key (by projects_org_key_key), team organizations first.
 */
async function findByKey(db: Queryable, userId: string, key: string) {
  const [row] = await db
    .select(selection)
    .from(memberships)
    .innerJoin(organizations, eq(organizations.id, memberships.orgId))
    .innerJoin(projects, and(eq(projects.orgId, memberships.orgId), sql`lower(${projects.key}) = lower(${key})`))
    .where(and(eq(memberships.userId, userId), or(eq(organizations.kind, "team"), eq(organizations.personalForUserId, userId))))
    .orderBy(sql`${organizations.kind} = 'personal'`, asc(projects.createdAt), asc(projects.id))
    .limit(1);
  return row ?? null;
}

/**
 * Step (3) under the personal organization's lock: concurrent first uses of one new key queue on
 * it, the first creates the project (and its "project.create" event, origin api) and the others
 * find it; the plan's project limit holds the same way. The insert also does nothing on a key
 * clash (projects_org_key_key), so even without the lock one project would exist.
 */
async function findOrCreateInPersonalOrg(db: Queryable, user: Actor, key: string): Promise<ResolveOutcome> {
  const [personal] = await db.select().from(organizations).where(eq(organizations.personalForUserId, user.id)).limit(1);
  // Every user gets a personal organization at sign-up, in the same transaction (lib/users).
  if (!personal) throw new Error("user without a personal organization");
  const ctx = apiOwnerContext(user, personal);
  const changed = () => {
    throw new Error("personal organization changed while resolving a project key");
  };
  return orgTransaction(db, ctx, { permission: "project.create", refused: changed }, async (tx): Promise<ResolveOutcome> => {
    const existing = await findInOrg(tx, personal.id, key);
    if (existing) return { ok: true, ...existing, created: false };
    if (await projectLimitReached(tx, ctx)) return { ok: false, reason: "plan-limit", message: planLimitMessage(personal.plan, key) };
    const project = await insertProject(tx, ctx, { name: key, key });
    if (!project) {
      const raced = await findInOrg(tx, personal.id, key);
      if (!raced) throw new Error("project key clash without a project");
      return { ok: true, ...raced, created: false };
    }
    return {
      ok: true,
      project: { id: project.id, name: project.name, key: project.key },
      organization: { id: personal.id, slug: personal.slug, name: personal.name, kind: personal.kind },
      created: true,
    };
  });
}

async function findInOrg(tx: Tx, orgId: string, key: string) {
  const [row] = await tx
    .select(selection)
    .from(projects)
    .innerJoin(organizations, eq(organizations.id, projects.orgId))
    .where(and(eq(projects.orgId, orgId), sql`lower(${projects.key}) = lower(${key})`))
    .limit(1);
  return row ?? null;
}

/**
 * Why the CLI got no project. aqua would create it regardless; here the plan's limit holds for
 * the API as for the console, and the message says how to get going.
 */
export function planLimitMessage(plan: keyof typeof planTable, key: string): string {
  const { label, projects: limit } = planTable[plan];
  return (
    `Your personal organization is on the ${label} plan, which allows ${limit} projects, and it has no room for the project “${key}”. ` +
    `No team organization you belong to has a project with this key. Delete a project in your personal organization, ` +
    `or create the project with this key in a team organization, then run the command again.`
  );
}

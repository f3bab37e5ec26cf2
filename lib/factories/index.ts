import { randomBytes } from "node:crypto";
import type { Queryable } from "@/db/client";
import { memberships, type Organization, type User } from "@/db/schema";
import type { MemberRole, OrgPlan } from "@/db/schema/enums";
import { createTeamOrganization } from "@/lib/orgs/create";
import { createUserWithPersonalOrg } from "@/lib/users/create-user";

// The one set of factories: the demo seed, the integration tests and the Playwright fixtures all
// build their data here, through the same domain functions the console uses.

export function uniqueTag(): string {
  return randomBytes(5).toString("hex");
}

export async function makeUser(db: Queryable, fields: { email?: string; name?: string } = {}): Promise<User> {
  const tag = uniqueTag();
  return createUserWithPersonalOrg(db, {
    email: fields.email ?? `user-${tag}@example.test`,
    name: fields.name ?? `User ${tag}`,
  });
}

export async function makeTeamOrg(
  db: Queryable,
  owner: User,
  fields: { name?: string; slug?: string; plan?: OrgPlan } = {},
): Promise<Organization> {
  const tag = uniqueTag();
  const result = await createTeamOrganization(db, owner, {
    name: fields.name ?? `Team ${tag}`,
    slug: fields.slug ?? `team-${tag}`,
    plan: fields.plan ?? "business",
  });
  if (!result.ok) throw new Error(`slug ${fields.slug} is taken`);
  return result.org;
}

export async function addMember(db: Queryable, org: Organization, user: User, role: Exclude<MemberRole, "owner">) {
  await db.insert(memberships).values({ orgId: org.id, userId: user.id, role });
}

/** A team organization with one member of every role, and a signed-up user who is not in it. */
export async function makeOrgWithEveryRole(db: Queryable, fields: { plan?: OrgPlan } = {}) {
  const owner = await makeUser(db, { name: "Olivia Owner" });
  const org = await makeTeamOrg(db, owner, fields);
  const users: Record<MemberRole, User> & { outsider: User } = {
    owner,
    admin: await makeUser(db, { name: "Adam Admin" }),
    developer: await makeUser(db, { name: "Dana Developer" }),
    viewer: await makeUser(db, { name: "Victor Viewer" }),
    outsider: await makeUser(db, { name: "Oscar Outsider" }),
  };
  await addMember(db, org, users.admin, "admin");
  await addMember(db, org, users.developer, "developer");
  await addMember(db, org, users.viewer, "viewer");
  return { org, users };
}

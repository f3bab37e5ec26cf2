import "server-only";
import { and, asc, desc, eq, ilike, or, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { memberships, organizations, users } from "@/db/schema";
import type { MemberRole, OrgKind } from "@/db/schema/enums";
import { containsPattern } from "@/lib/search/contains-pattern";

/** `deleting`: a guided deletion is tearing the organization down (read-only meanwhile). */
export type OrganizationChoice = { slug: string; name: string; kind: OrgKind; role: MemberRole; deleting: boolean };

export const switcherPageSize = 50;

/**
 * The user's organizations for the switcher: personal first, then by name, filtered on the server
 * so a user in hundreds of organizations never downloads them all. One statement, total included.
 * A query that begins the words "personal organization" also finds the personal one, whose name
 * is the user's own and so never says "personal".
 */
export async function listOrganizationsForUser(
  db: Queryable,
  userId: string,
  options: { query?: string; limit?: number } = {},
): Promise<{ organizations: OrganizationChoice[]; total: number }> {
  const query = options.query?.trim();
  const pattern = containsPattern(query);
  const rows = await db
    .select({
      slug: organizations.slug,
      name: organizations.name,
      kind: organizations.kind,
      role: memberships.role,
      deleting: sql<boolean>`${organizations.deletionRequestedAt} is not null`.mapWith(Boolean),
      total: sql<number>`count(*) over ()`.mapWith(Number),
    })
    .from(memberships)
    .innerJoin(organizations, eq(organizations.id, memberships.orgId))
    .where(
      and(
        eq(memberships.userId, userId),
        pattern
          ? or(
              ilike(organizations.name, pattern),
              ilike(organizations.slug, pattern),
              meansPersonal(query) ? eq(organizations.kind, "personal") : undefined,
            )
          : undefined,
      ),
    )
    .orderBy(desc(sql`${organizations.kind} = 'personal'`), asc(sql`lower(${organizations.name})`), asc(organizations.slug))
    .limit(options.limit ?? switcherPageSize);
  return { organizations: rows.map(({ total: _total, ...choice }) => choice), total: rows[0]?.total ?? 0 };
}

function meansPersonal(query: string | undefined): boolean {
  const words = query?.trim().toLowerCase().replace(/\s+/g, " ") ?? "";
  return words !== "" && "personal organization".startsWith(words);
}

/** Where `/` goes: the last active organization if the user is still in it, else their personal one. */
export async function findLandingOrganizationSlug(db: Queryable, userId: string): Promise<string | null> {
  const [row] = await db
    .select({ slug: organizations.slug })
    .from(memberships)
    .innerJoin(organizations, eq(organizations.id, memberships.orgId))
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.userId, userId))
    .orderBy(desc(sql`${organizations.id} = ${users.lastActiveOrgId}`), desc(sql`${organizations.kind} = 'personal'`))
    .limit(1);
  return row?.slug ?? null;
}

export async function rememberActiveOrganization(db: Queryable, userId: string, orgId: string): Promise<void> {
  await db.update(users).set({ lastActiveOrgId: orgId }).where(eq(users.id, userId));
}

import { and, eq, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { memberships, organizations, slugRedirects } from "@/db/schema";

// A renamed organization's old slugs (db/schema/slug-redirects.ts). Written in the transaction that
// changes the slug; released by any organization that takes the slug (created or renamed to it),
// after its row is written so that a rename committing meanwhile cannot leave one behind.

/** Remembers `oldSlug` for `orgId` (a slug used before by another organization now points here). */
export async function rememberOldSlug(tx: Queryable, orgId: string, oldSlug: string): Promise<void> {
  await tx
    .insert(slugRedirects)
    .values({ oldSlug, orgId })
    .onConflictDoUpdate({ target: slugRedirects.oldSlug, set: { orgId, createdAt: sql`now()` } });
}

/** The organization now holding `slug` owns it outright: no old URL redirects away from it. */
export async function releaseSlug(tx: Queryable, slug: string): Promise<void> {
  await tx.delete(slugRedirects).where(eq(slugRedirects.oldSlug, slug));
}

/**
 * The current slug of the organization that used `slug` before, if `userId` is a member of it; else
 * null. Asked only where a page found no organization for the slug (the not-found path), so the
 * normal request costs nothing more. Non-members get the ordinary 404: redirecting them would tell
 * a private organization's new slug to anyone who knew the old one.
 */
export async function findRenamedSlug(db: Queryable, userId: string, slug: string): Promise<string | null> {
  const [row] = await db
    .select({ slug: organizations.slug })
    .from(slugRedirects)
    .innerJoin(organizations, eq(organizations.id, slugRedirects.orgId))
    .innerJoin(memberships, and(eq(memberships.orgId, organizations.id), eq(memberships.userId, userId)))
    .where(and(eq(slugRedirects.oldSlug, slug), sql`not exists (select 1 from ${organizations} held where held.slug = ${slug})`));
  return row?.slug ?? null;
}

import { sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { users, type User } from "@/db/schema";
import { createPersonalOrganization } from "@/lib/orgs/create";

export type NewUserProfile = {
  email: string;
  name?: string | null;
  image?: string | null;
  emailVerified?: Date | null;
};

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Creates a user and their personal organization together: nobody exists without one. */
export async function createUserWithPersonalOrg(db: Queryable, profile: NewUserProfile): Promise<User> {
  return db.transaction(async (tx) => {
    const [user] = await tx
      .insert(users)
      .values({
        email: normalizeEmail(profile.email),
        name: profile.name?.trim() || null,
        image: profile.image ?? null,
        emailVerified: profile.emailVerified ?? null,
      })
      .returning();
    const personal = await createPersonalOrganization(tx, user);
    return { ...user, lastActiveOrgId: personal.id };
  });
}

/** Finds a user by email (case-insensitive) or signs them up, as at a first sign-in. */
export async function findOrCreateUser(db: Queryable, profile: NewUserProfile): Promise<User> {
  const email = normalizeEmail(profile.email);
  const [existing] = await db.select().from(users).where(sql`lower(${users.email}) = ${email}`).limit(1);
  if (existing) return existing;
  try {
    return await createUserWithPersonalOrg(db, profile);
  } catch (error) {
    // Two first sign-ins racing for one email: the loser reads the winner's row.
    const [raced] = await db.select().from(users).where(sql`lower(${users.email}) = ${email}`).limit(1);
    if (raced) return raced;
    throw error;
  }
}

/** Who is acting, as audit events name them. */
export async function findActor(db: Queryable, userId: string) {
  const [actor] = await db.select({ id: users.id, name: users.name, email: users.email }).from(users).where(sql`${users.id} = ${userId}`);
  return actor ?? null;
}

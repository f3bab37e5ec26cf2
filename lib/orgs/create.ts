import { eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { isUniqueViolation } from "@/db/errors";
import { memberships, organizations, users, type Organization } from "@/db/schema";
import type { OrgPlan } from "@/db/schema/enums";
import { recordAudit } from "@/lib/audit/record";
import { creatorContext } from "@/lib/authz/system-contexts";
import { consumeRateLimits, type RateLimit, RateLimitedError, type RateLimitRefusal } from "@/lib/rate-limit/consume";
import { slugify, slugWithSuffix } from "./slug";
import { releaseSlug } from "./slug-redirects";

type NewUser = { id: string; name: string | null; email: string };

/** The user's private workspace: owner only, Free plan, never deleted, never gains members. */
export async function createPersonalOrganization(tx: Queryable, user: NewUser): Promise<Organization> {
  const name = user.name?.trim() || user.email.split("@")[0];
  const base = slugify(name);
  for (const slug of [base, slugWithSuffix(base), slugWithSuffix(base), slugWithSuffix(base)]) {
    const [org] = await tx
      .insert(organizations)
      .values({ slug, name, kind: "personal", plan: "free", personalForUserId: user.id })
      .onConflictDoNothing({ target: organizations.slug })
      .returning();
    if (!org) continue;
    await releaseSlug(tx, org.slug);
    await tx.insert(memberships).values({ orgId: org.id, userId: user.id, role: "owner" });
    await tx.update(users).set({ lastActiveOrgId: org.id }).where(eq(users.id, user.id));
    return org;
  }
  throw new Error(`could not find a free slug for a personal organization from "${base}"`);
}

export type NewTeamOrganization = { name: string; slug: string; plan: OrgPlan };

export type CreateTeamResult =
  | { ok: true; org: Organization }
  | { ok: false; slugTaken: true }
  | { ok: false; limited: RateLimitRefusal };

/**
 * A team organization whose creator is its owner, remembered as their active organization. With
 * `limit` (the console's form passes the creator's daily limit; seeds and factories do not), the
 * creation is counted in the same transaction, so a taken slug gives the count back.
 */
export async function createTeamOrganization(
  db: Queryable,
  creator: NewUser,
  input: NewTeamOrganization,
  options: { limit?: RateLimit; now?: Date } = {},
): Promise<CreateTeamResult> {
  try {
    const org = await db.transaction(async (tx) => {
      if (options.limit) {
        const allowed = await consumeRateLimits(tx, [options.limit], { now: options.now });
        if (!allowed.ok) throw new RateLimitedError(allowed.refusal);
      }
      const [created] = await tx
        .insert(organizations)
        .values({ slug: input.slug, name: input.name, plan: input.plan, kind: "team" })
        .returning();
      // A renamed organization's old slug is free to take; taking it ends its redirect.
      await releaseSlug(tx, created.slug);
      await tx.insert(memberships).values({ orgId: created.id, userId: creator.id, role: "owner" });
      await tx.update(users).set({ lastActiveOrgId: created.id }).where(eq(users.id, creator.id));
      await recordAudit(tx, creatorContext(creator, created), {
        action: "org.create",
        targetType: "organization",
        targetId: created.id,
        targetLabel: created.name,
        after: { name: created.name, slug: created.slug, plan: created.plan },
      });
      return created;
    });
    return { ok: true, org };
  } catch (error) {
    if (isUniqueViolation(error, "organizations_slug_key")) return { ok: false, slugTaken: true };
    if (error instanceof RateLimitedError) return { ok: false, limited: error.refusal };
    throw error;
  }
}

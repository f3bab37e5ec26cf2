import { and, eq, inArray } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { memberships, organizations, users } from "@/db/schema";

export const maxFallbackRecipients = 50;

/**
 * Who receives an organization's notices and reports: its admin contact emails, or when none are
 * set, its owner and admins. Lower-case, each once.
 */
export async function noticeRecipients(db: Queryable, orgId: string): Promise<string[]> {
  const [org] = await db.select({ contacts: organizations.adminContactEmails }).from(organizations).where(eq(organizations.id, orgId));
  if (!org) return [];
  let addresses = org.contacts;
  if (addresses.length === 0) {
    const rows = await db
      .select({ email: users.email })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.orgId, orgId), inArray(memberships.role, ["owner", "admin"])))
      // The owner first (enum order), then the longest-standing admins: an organization with
      // thousands of admins does not email them all.
      .orderBy(memberships.role, memberships.createdAt)
      .limit(maxFallbackRecipients);
    addresses = rows.map((row) => row.email);
  }
  return [...new Set(addresses.map((address) => address.trim().toLowerCase()).filter(Boolean))];
}

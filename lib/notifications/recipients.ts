import { eq, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { memberships, organizations, users } from "@/db/schema";

export const maxFallbackRecipients = 50;

/**
 * Without admin contact emails, notices go to the owner first (enum order), then the
 * longest-standing admins, at most maxFallbackRecipients of them: an organization with thousands of
 * admins does not email them all. Rows (email, position from 1), lower-cased.
 *
 * Each role is read in the order of the (org, role, joined) index and stops at the cap: one
 * `role in ('owner', 'admin')` scan cannot be read in that order, so it walked and joined every
 * admin (2,500 in the bench's organization, 3 ms per General Information view) to keep 50.
 */
export function fallbackRecipientRows(orgId: string) {
  const cap = sql.raw(String(maxFallbackRecipients));
  const byRole = (rank: 0 | 1, role: "owner" | "admin") => sql`
    (select ${sql.raw(String(rank))} as rank, ${memberships.createdAt} as joined, ${memberships.userId} as user_id
       from ${memberships}
      where ${memberships.orgId} = ${orgId} and ${memberships.role} = ${sql.raw(`'${role}'`)}
      order by ${memberships.createdAt}, ${memberships.userId}
      limit ${cap})`;
  return sql`
    select lower(${users.email}) as email, row_number() over (order by c.rank, c.joined, c.user_id) as position
      from (${byRole(0, "owner")} union all ${byRole(1, "admin")} order by rank, joined, user_id limit ${cap}) as c
      join ${users} on ${users.id} = c.user_id`;
}

/**
 * Who receives an organization's notices and reports: its admin contact emails, or when none are
 * set, its owner and admins (fallbackRecipientRows). Lower-case, each once.
 */
export async function noticeRecipients(db: Queryable, orgId: string): Promise<string[]> {
  const [org] = await db.select({ contacts: organizations.adminContactEmails }).from(organizations).where(eq(organizations.id, orgId));
  if (!org) return [];
  const addresses =
    org.contacts.length > 0
      ? org.contacts
      : (await rowsOf<{ email: string }>(db, sql`select r.email from (${fallbackRecipientRows(orgId)}) as r order by r.position`)).map((row) => row.email);
  return [...new Set(addresses.map((address) => address.trim().toLowerCase()).filter(Boolean))];
}

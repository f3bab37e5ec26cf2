import { eq, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { organizations, users } from "@/db/schema";
import { membersInJoinOrder } from "@/lib/members/join-order";

export const maxFallbackRecipients = 50;

/**
 * Without admin contact emails, notices go to the owner first (enum order), then the
 * longest-standing admins, at most maxFallbackRecipients of them: an organization with thousands of
 * admins does not email them all. Rows (email, position from 1), lower-cased.
 */
export function fallbackRecipientRows(orgId: string) {
  return sql`
    select lower(${users.email}) as email, row_number() over (order by c.rank, c.joined, c.user_id) as position
      from ${membersInJoinOrder(orgId, [["owner"], ["admin"]], maxFallbackRecipients)} as c
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

import { and, eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { memberships, organizations } from "@/db/schema";
import type { MemberRole } from "@/db/schema/values";
import type { OrgContext } from "@/lib/authz/context";
import { type Permission, roleHasPermission } from "@/lib/authz/permissions";

/**
 * Locks the organization row, which serializes every membership change in it (transfer, role
 * change, removal, leave, accept, deletion), then re-reads the caller's role under that lock: the
 * role `authorize` saw may have changed while this request waited. NO KEY UPDATE: it conflicts with
 * itself and with the organization's deletion, but not with the key-share locks that inserts
 * referencing the organization take, so unrelated writes (audit events, jobs) never wait on it.
 */
export async function lockOrgAndRecheck(
  tx: Tx,
  ctx: OrgContext,
  permission: Permission,
  // Deleting the organization takes the strongest lock, so that inserts referencing it (which take
  // key-share locks) wait for the deletion and then fail on the missing row, never outlive it.
  strength: "no key update" | "update" = "no key update",
): Promise<MemberRole | null> {
  // Two statements, not one join: a statement reads the rows as they were when it started, so a
  // role read in the statement that waited for the lock would predate the change that held it.
  // Under READ COMMITTED the second statement sees everything committed before the lock was ours.
  const [org] = await tx.select({ id: organizations.id }).from(organizations).where(eq(organizations.id, ctx.org.id)).for(strength);
  if (!org) return null;
  const [row] = await tx
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.orgId, ctx.org.id), eq(memberships.userId, ctx.actor.id)));
  const role = row?.role ?? null;
  return role && roleHasPermission(role, permission) ? role : null;
}

export async function findMembership(tx: Tx, orgId: string, userId: string) {
  const [row] = await tx
    .select()
    .from(memberships)
    .where(and(eq(memberships.orgId, orgId), eq(memberships.userId, userId)));
  return row ?? null;
}

export const staleAccess =
  "Your access to this organization changed meanwhile (your role changed, or the organization was deleted). Reload the page and try again.";

import { and, eq } from "drizzle-orm";
import type { Queryable, Tx } from "@/db/client";
import { memberships, organizations } from "@/db/schema";
import type { MemberRole } from "@/db/schema/values";
import type { OrgContext } from "./context";
import { type Permission, roleHasPermission } from "./permissions";
import { effectiveRole } from "./view-as";

export const staleAccess =
  "Your access to this organization changed meanwhile (your role changed, or the organization was deleted). Reload the page and try again.";

export const organizationBeingDeleted =
  "This organization is being deleted, so it is read-only. Its owner can cancel the deletion from the Danger Zone.";

/** What a write answers when the caller's access changed while it waited for the lock. */
export type StaleAccess = { ok: false; formError: string };
const staleAccessResult = (): StaleAccess => ({ ok: false, formError: staleAccess });

// NO KEY UPDATE conflicts with itself and with the organization's deletion, but not with the
// key-share locks that inserts referencing the organization take, so unrelated writes (audit
// events, jobs) never wait on it. Deleting the organization takes the strongest lock, so that such
// inserts wait for the deletion and then fail on the missing row, never outlive it.
export type OrgLockStrength = "no key update" | "update";

/**
 * Locks the organization row, which serializes every write in it, then re-reads the caller's role
 * under that lock: the role `authorize` saw may have changed while this request waited. Null when
 * the organization is gone or the caller no longer holds `permission`.
 * Use `orgTransaction`; this is for the rare write that locks several organizations in one
 * transaction (a project transfer), in a fixed order.
 */
export async function lockOrgAndRecheck(
  tx: Tx,
  ctx: OrgContext,
  permission: Permission,
  strength: OrgLockStrength = "no key update",
  options: { duringDeletion?: boolean } = {},
): Promise<MemberRole | null | "deleting"> {
  // Two statements, not one join: a statement reads the rows as they were when it started, so a
  // role read in the statement that waited for the lock would predate the change that held it.
  // Under READ COMMITTED the second statement sees everything committed before the lock was ours.
  const [org] = await tx
    .select({ id: organizations.id, deletionRequestedAt: organizations.deletionRequestedAt })
    .from(organizations)
    .where(eq(organizations.id, ctx.org.id))
    .for(strength);
  if (!org) return null;
  // A guided deletion under way makes the organization read-only for everyone, read under the lock
  // so that a write queued behind the deletion's start sees it.
  if (org.deletionRequestedAt && !options.duringDeletion) return "deleting";
  const [row] = await tx
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.orgId, ctx.org.id), eq(memberships.userId, ctx.actor.id)));
  // While viewing as a lower role (the doors refuse writes then), the lower role still rules here:
  // whatever reaches this lock acts with no more than the role being viewed as.
  const role = row ? effectiveRole(row.role, ctx.org.id, ctx.viewingAs && { orgId: ctx.org.id, role: ctx.viewingAs.role }).role : null;
  return role && roleHasPermission(role, permission) ? role : null;
}

type Guard<R> = {
  permission: Permission;
  strength?: OrgLockStrength;
  /** Runs while a guided deletion is under way (its own retry and cancel, reads that lock). */
  duringDeletion?: boolean;
  /**
   * The answer when the caller's access changed meanwhile, or the organization is being deleted
   * (by default the "access changed" or "being deleted" form error).
   */
  refused?: (why: "access" | "deleting") => R;
};

/**
 * The one way an organization's write runs: opens the transaction, locks the organization row,
 * re-reads the caller's role and refuses when it no longer holds the permission, then runs `write`
 * (the change and its audit event) in that same transaction with the role as it is now.
 */
export function orgTransaction<T, const R>(db: Queryable, ctx: OrgContext, guard: Guard<R> & { refused: (why: "access" | "deleting") => R }, write: (tx: Tx, role: MemberRole) => Promise<T>): Promise<T | R>;
export function orgTransaction<T>(db: Queryable, ctx: OrgContext, guard: Permission | Guard<StaleAccess>, write: (tx: Tx, role: MemberRole) => Promise<T>): Promise<T | StaleAccess>;
export function orgTransaction<T, R>(db: Queryable, ctx: OrgContext, guard: Permission | Guard<R>, write: (tx: Tx, role: MemberRole) => Promise<T>): Promise<T | R | StaleAccess> {
  const { permission, strength, refused, duringDeletion } = typeof guard === "string" ? { permission: guard, strength: undefined, refused: undefined, duringDeletion: false } : guard;
  return db.transaction(async (tx): Promise<T | R | StaleAccess> => {
    const role = await lockOrgAndRecheck(tx, ctx, permission, strength, { duringDeletion });
    if (role === "deleting") return refused ? refused("deleting") : { ok: false, formError: organizationBeingDeleted };
    if (!role) return refused ? refused("access") : staleAccessResult();
    return write(tx, role);
  });
}

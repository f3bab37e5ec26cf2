import type { MemberRole } from "@/db/schema/values";
import { roleRank } from "@/lib/authz/permissions";

// The rules beyond the permission table (DESIGN.md §4), as plain functions the server checks
// inside the transaction and the page reads to decide which controls to show.

export const assignableRoles = ["admin", "developer", "viewer"] as const satisfies readonly MemberRole[];
export type AssignableRole = (typeof assignableRoles)[number];

/** Whether `actor` may change or remove `target`: never oneself, never the owner, only those below. */
export function mayActOn(actor: { userId: string; role: MemberRole }, target: { userId: string; role: MemberRole }): boolean {
  if (actor.userId === target.userId) return false;
  if (target.role === "owner") return false;
  return roleRank[actor.role] > roleRank[target.role];
}

/** Roles `actor` may hand out: never Owner (that is a transfer), never above their own. */
export function rolesAssignableBy(actorRole: MemberRole): AssignableRole[] {
  return assignableRoles.filter((role) => roleRank[role] <= roleRank[actorRole]);
}

export type PowerChangeKind = "promoted" | "demoted";

/** Whether going from `before` to `after` gives or takes the Admin role (emailed); null for other changes. */
export function powerChangeOf(before: MemberRole, after: MemberRole): PowerChangeKind | null {
  if (before === after) return null;
  if (after === "admin") return "promoted";
  if (before === "admin") return "demoted";
  return null;
}

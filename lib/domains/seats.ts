import type { Tx } from "@/db/client";
import { planUnderLock } from "@/lib/billing/locked-plan";
import { seatUsage } from "@/lib/members/queries";

/**
 * Why one more member would not fit the plan (members plus pending invitations, as inviting
 * counts them), or null. Call it under the organization's lock: a plan change or an invitation
 * takes the same lock, so the count cannot move before the membership is written.
 */
export async function seatRefusal(tx: Tx, orgId: string): Promise<string | null> {
  const plan = await planUnderLock(tx, orgId);
  if (plan.members === null) return null;
  const used = await seatUsage(tx, orgId);
  const taken = used.members + used.pending;
  if (taken < plan.members) return null;
  return `The ${plan.label} plan allows ${plan.members} members, pending invitations included, and all ${taken} seats are taken. An owner can upgrade the plan, or an admin can remove a member or revoke an invitation first.`;
}

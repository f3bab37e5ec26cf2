import { eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { organizations } from "@/db/schema";
import { type OrgPlan, planTable } from "@/lib/orgs/plans";

/**
 * The organization's plan and its limits as committed now. Call it after taking the organization's
 * lock: `ctx.org.plan` was read when the request was authorized, and a plan change (which takes the
 * same lock) may have committed while the request waited, so a limit checked against it could let
 * a write pass the new, lower limit.
 */
export async function planUnderLock(tx: Tx, orgId: string): Promise<{ plan: OrgPlan } & (typeof planTable)[OrgPlan]> {
  const [row] = await tx.select({ plan: organizations.plan }).from(organizations).where(eq(organizations.id, orgId));
  // The caller holds the lock on this row, so it exists; fall back to Free rather than no limit.
  const plan = row?.plan ?? "free";
  return { plan, ...planTable[plan] };
}

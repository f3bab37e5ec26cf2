import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { auditEvents, organizations } from "@/db/schema";
import { type OrgPlan, orgPlans, planTable } from "@/lib/orgs/plans";
import { downgradeRefusal, personalPlanRefusal } from "./change-plan";
import { loadUsage, overLimits } from "./usage";

// The operator's side of the billing provider: where paid plans are not self-serve
// (BILLING_SELF_SERVE off), `npm run org:plan -- <slug> <plan>` grants one. Same rules as a
// change from the Billing page (personal organizations stay Free, a downgrade waits until usage
// fits), same lock, and an audit event whose actor is the operator, not a member.

export const operatorActorLabel = "operator (CLI)";

export type GrantPlanOutcome = { ok: true; changed: boolean; message: string } | { ok: false; message: string };

const isPlan = (value: string): value is OrgPlan => (orgPlans as readonly string[]).includes(value);

export async function grantPlan(db: Db, input: { slug: string; plan: string }, actorLabel = operatorActorLabel): Promise<GrantPlanOutcome> {
  const plan = input.plan.trim().toLowerCase();
  if (!isPlan(plan)) return { ok: false, message: `Unknown plan "${input.plan}": choose one of ${orgPlans.join(", ")}.` };
  const slug = input.slug.trim().toLowerCase();
  return db.transaction(async (tx): Promise<GrantPlanOutcome> => {
    // The organization's lock, as every write in it takes (lib/authz/org-transaction.ts): invites,
    // clusters and projects re-read the plan under it, so none passes the new limits meanwhile.
    const [org] = await tx.select().from(organizations).where(eq(organizations.slug, slug)).for("no key update");
    if (!org) return { ok: false, message: `No organization has the slug "${input.slug}".` };
    if (org.kind === "personal") return { ok: false, message: personalPlanRefusal };
    if (org.plan === plan) return { ok: true, changed: false, message: `${org.name} (${org.slug}) already is on the ${planTable[plan].label} plan: nothing changed.` };
    const over = overLimits(await loadUsage(tx, org.id), plan);
    if (over.length > 0) return { ok: false, message: downgradeRefusal(org.name, plan, over) };
    await tx.update(organizations).set({ plan, updatedAt: new Date() }).where(eq(organizations.id, org.id));
    await tx.insert(auditEvents).values({
      orgId: org.id,
      actorId: null,
      actorLabel,
      action: "billing.plan_change",
      targetType: "organization",
      targetId: org.id,
      targetLabel: org.name,
      origin: "system",
      before: { plan: org.plan },
      after: { plan },
    });
    return { ok: true, changed: true, message: `${org.name} (${org.slug}) moved from the ${planTable[org.plan].label} plan to the ${planTable[plan].label} plan.` };
  });
}

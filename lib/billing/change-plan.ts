import { and, eq, inArray } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { memberships, organizations, users } from "@/db/schema";
import type { ActionResult } from "@/lib/actions/result";
import { recordAudit } from "@/lib/audit/record";
import type { OrgContext } from "@/lib/authz/context";
import { planChangedEmails } from "@/lib/mail/billing-templates";
import { sendEmails } from "@/lib/mail/send";
import { orgTransaction, staleAccess } from "@/lib/authz/org-transaction";
import { type OrgPlan, planTable } from "@/lib/orgs/plans";
import { billingProvider } from "./provider";
import { loadUsage, overLimits, type OverLimit, planDirection } from "./usage";

export const personalPlanRefusal =
  "A personal organization always stays on the Free plan. To use another plan, create a team organization and invite the people you work with.";

export const alreadyOnPlan = (plan: OrgPlan) => `The organization is already on the ${planTable[plan].label} plan: nothing changed.`;

/** The refusal of a downgrade, naming everything to reduce first. */
export function downgradeRefusal(orgName: string, plan: OrgPlan, over: OverLimit[]): string {
  return `${orgName} uses more than the ${planTable[plan].label} plan allows. Before changing to it: ${over.map((item) => item.message).join("; ")}.`;
}

export function planChangedMessage(from: OrgPlan, to: OrgPlan): string {
  const word = planDirection(from, to) === "upgrade" ? "Upgraded" : "Downgraded";
  return `${word} to the ${planTable[to].label} plan. Its limits apply now.`;
}

/**
 * Moves the organization to `plan`. Under the organization's lock, which inviting, adding a
 * cluster and creating a project take too (each re-reading the plan under it), so usage cannot
 * grow between the downgrade's check and the change, and none of them can pass the new limits
 * with the old plan. Upgrades apply at once; a downgrade is refused while usage exceeds the new
 * plan, listing what to reduce. The owners and admins are emailed after the commit.
 */
export async function changePlan(db: Queryable, ctx: OrgContext, input: { plan: OrgPlan }): Promise<ActionResult> {
  if (ctx.org.kind === "personal") return { ok: false, formError: personalPlanRefusal };
  const outcome = await orgTransaction(db, ctx, "billing.manage", async (tx) => {
    // The plan as committed now: another admin may have changed it since this request was authorized.
    const [org] = await tx.select({ plan: organizations.plan, name: organizations.name, slug: organizations.slug }).from(organizations).where(eq(organizations.id, ctx.org.id));
    const from = org.plan;
    const to = input.plan;
    if (from === to) return { ok: true as const, changed: false as const, message: alreadyOnPlan(to) };
    if (planDirection(from, to) === "downgrade") {
      const over = overLimits(await loadUsage(tx, ctx.org.id), to);
      if (over.length > 0) return { ok: false as const, formError: downgradeRefusal(org.name, to, over) };
    }
    const applied = await billingProvider().changePlan(tx, { org: { id: ctx.org.id, name: org.name, slug: org.slug }, from, to, actor: ctx.actor });
    if (!applied.ok) return { ok: false as const, formError: applied.message };
    await recordAudit(tx, ctx, {
      action: "billing.plan_change",
      targetType: "organization",
      targetId: ctx.org.id,
      targetLabel: org.name,
      before: { plan: from },
      after: { plan: to },
    });
    const admins = await tx
      .select({ email: users.email })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.orgId, ctx.org.id), inArray(memberships.role, ["owner", "admin"])));
    return { ok: true as const, changed: true as const, from, to, org, recipients: admins.map((admin) => admin.email) };
  });
  if (!outcome.ok) return outcome;
  if (!outcome.changed) return { ok: true, message: outcome.message };

  // After the commit: a slow mail server never holds the organization's lock.
  const { from, to, org, recipients } = outcome;
  const unsent = await sendEmails(
    planChangedEmails({ orgName: org.name, slug: org.slug, from, to, changedBy: ctx.actor.name ?? ctx.actor.email, recipients, at: new Date() }),
  );
  const changed = planChangedMessage(from, to);
  return unsent.length === 0 ? { ok: true, message: changed } : { ok: true, message: `${changed} The notice to ${unsent.join(", ")} could not be emailed.` };
}

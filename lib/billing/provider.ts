import { eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { organizations, type Organization } from "@/db/schema";
import type { Actor } from "@/lib/authz/context";
import { billingEnv } from "@/lib/env";
import type { OrgPlan } from "@/lib/orgs/plans";

export type PlanChange = { org: Pick<Organization, "id" | "slug" | "name">; from: OrgPlan; to: OrgPlan; actor: Actor };

export type PlanChangeOutcome = { ok: true } | { ok: false; message: string };

/** Whether the caller may choose a plan themselves; a refusal's `reason` says whom to ask. */
export type PlanChoice = { ok: true } | { ok: false; reason: string };

/**
 * The one place a plan change meets payment, and the one that decides who may choose a paid plan.
 * `changePlan` (change-plan.ts) calls `changePlan` inside the transaction that holds the
 * organization's lock, after the permission and the new plan's limits were checked, and records the
 * audit event only when it answers ok; a refusal's `message` is shown to the user as it is and
 * nothing is written. `mayChoose` answers the Billing page, the New organization form and its
 * action before anything is tried.
 */
export type BillingProvider = {
  name: string;
  mayChoose(plan: OrgPlan): PlanChoice;
  changePlan(tx: Tx, change: PlanChange): Promise<PlanChangeOutcome>;
};

/** Says whom to ask when paid plans are not self-serve. */
export function paidPlanRefusal(contact: string | null): string {
  return `Paid plans are granted by this console's operators, not chosen here: ask ${contact ?? "your console administrator"} to change the plan.`;
}

/**
 * The shipped provider: no payment is taken. With self-serve on (BILLING_SELF_SERVE, on by
 * default outside production) any plan applies at once; off, only Free may be chosen here and an
 * operator grants paid plans (`npm run org:plan`, lib/billing/grant-plan.ts). This console has no
 * payment provider connected, so the Billing page shows no invoices or cards.
 */
export function directBillingProvider(options: { selfServe: boolean; contact: string | null }): BillingProvider {
  const mayChoose = (plan: OrgPlan): PlanChoice => (options.selfServe || plan === "free" ? { ok: true } : { ok: false, reason: paidPlanRefusal(options.contact) });
  return {
    name: "direct",
    mayChoose,
    async changePlan(tx, { org, to }) {
      const choice = mayChoose(to);
      if (!choice.ok) return { ok: false, message: choice.reason };
      await tx.update(organizations).set({ plan: to, updatedAt: new Date() }).where(eq(organizations.id, org.id));
      return { ok: true };
    },
  };
}

/**
 * The provider plan changes go through. Where a payment provider plugs in:
 *
 * - A customer who already has a payment method (Stripe: a subscription) fits this interface as it
 *   is: a provider whose `changePlan` updates the subscription's price (Stripe's
 *   `payment_behavior: "error_if_incomplete"`) answers ok once paid, then writes organizations.plan
 *   like the direct provider, or `{ ok: false, message }` with the decline. Keep that call short:
 *   it runs under the organization's lock.
 * - A first payment through a hosted page (Stripe Checkout) cannot finish inside the request: that
 *   provider creates the checkout session, the result gains its URL to redirect to, and the plan is
 *   applied from the provider's webhook (`checkout.session.completed`) by a route that verifies
 *   the signature and runs the same lock, limit re-check, update and audit event as changePlan.
 *
 * Choose the provider here (from the environment, e.g. STRIPE_SECRET_KEY) once one exists.
 */
export function billingProvider(): BillingProvider {
  return directBillingProvider(billingEnv());
}

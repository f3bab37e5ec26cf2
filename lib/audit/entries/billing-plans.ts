import { orgPlans, type OrgPlan, planTable } from "@/lib/orgs/plans";
import { asText, valueAt } from "../wording";

// How the audit log reads plan changes (lib/billing/change-plan.ts): the target is the
// organization, before/after hold { plan }.

type BillingEvent = { action: string; actor: string; targetType: string; targetLabel: string; before: unknown; after: unknown };

/** "Professional" for "professional"; anything else as stored. */
function planName(value: unknown): string {
  const text = asText(value);
  return orgPlans.includes(text as OrgPlan) ? planTable[text as OrgPlan].label : text;
}

function describePlanChange(e: BillingEvent): string {
  const from = planName(valueAt(e.before, "plan"));
  const to = planName(valueAt(e.after, "plan"));
  if (from && to) return `${e.actor} changed the plan from ${from} to ${to}`;
  return to ? `${e.actor} changed the plan to ${to}` : `${e.actor} changed the plan`;
}

export const billingPlansAuditEntries = {
  "billing.plan_change": { label: "Plan changed", category: "billing", describe: describePlanChange },
} as const;

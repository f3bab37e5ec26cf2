import "server-only";
import { getDb } from "@/db/client";
import type { OrgContext } from "@/lib/authz/context";
import { type BillingDetailsValues, loadBillingDetails } from "@/lib/billing/details";
import { type BillingProvider, billingProvider } from "@/lib/billing/provider";
import { type LimitName, loadUsage, overLimits, planDirection, type Usage, usedOf } from "@/lib/billing/usage";
import { orgPlans, type OrgPlan, planTable } from "@/lib/orgs/plans";
import { loadSettingsPage, type SettingsPageAccess } from "./settings-page";

/** One limit of the current plan as a meter: `limit` null is unlimited. */
export type UsageMeter = { name: LimitName; label: string; used: number; limit: number | null; note: string | null };

/** A plan of the comparison, with what moving to it means for this organization now. */
export type PlanOption = {
  plan: OrgPlan;
  label: string;
  limits: Record<LimitName, number | null>;
  move: "current" | "upgrade" | "downgrade";
  /** For a downgrade: what must go first ("Remove 2 members or pending invitations (5 of 3)"). */
  blockers: string[];
  /** Set when the billing provider does not let this organization choose the plan here: whom to ask. */
  refusal: string | null;
};

export type BillingPage = {
  ctx: OrgContext;
  plan: OrgPlan;
  planLabel: string;
  /** Personal organizations stay on Free: the page explains instead of offering changes. */
  personal: boolean;
  meters: UsageMeter[];
  plans: PlanOption[];
  /** The saved billing details, or null before anyone saved them. */
  details: BillingDetailsValues | null;
  /** When paid plans are not self-serve: whom to ask for one (the billing provider's words). */
  paidPlansNote: string | null;
};

type Denied = Extract<SettingsPageAccess, { ok: false }>;

const meterLabels: Record<LimitName, string> = { members: "Members", clusters: "Clusters", projects: "Projects" };

function metersOf(usage: Usage, plan: OrgPlan): UsageMeter[] {
  return (["members", "clusters", "projects"] as const).map((name) => ({
    name,
    label: meterLabels[name],
    used: usedOf(usage, name),
    limit: planTable[plan][name],
    note:
      name === "members"
        ? `${usage.members} ${usage.members === 1 ? "member" : "members"} and ${usage.pendingInvitations} pending ${usage.pendingInvitations === 1 ? "invitation" : "invitations"}`
        : null,
  }));
}

function plansFor(usage: Usage, current: OrgPlan, provider: BillingProvider): PlanOption[] {
  return orgPlans.map((plan) => {
    const move = planDirection(current, plan);
    const { label, members, clusters, projects } = planTable[plan];
    const choice = provider.mayChoose(plan);
    return {
      plan,
      label,
      limits: { members, clusters, projects },
      move,
      blockers: move === "downgrade" ? overLimits(usage, plan).map((item) => item.message) : [],
      refusal: choice.ok ? null : choice.reason,
    };
  });
}

/**
 * The Billing page (owners and admins: billing.manage) in three statements: the organization with
 * the caller's membership (shared with the layout), the usage and the billing details. What blocks each downgrade is
 * decided here, with the same rule the server applies when the change is asked for.
 */
export async function loadBillingPage(slug: string): Promise<{ ok: true; page: BillingPage } | Denied> {
  const access = await loadSettingsPage(slug, "billing.manage");
  if (!access.ok) return access;
  const { ctx } = access;
  const db = await getDb();
  const [usage, details] = await Promise.all([loadUsage(db, ctx.org.id), loadBillingDetails(db, ctx.org.id)]);
  const plan = ctx.org.plan;
  const provider = billingProvider();
  const plans = plansFor(usage, plan, provider);
  return {
    ok: true,
    page: {
      ctx,
      plan,
      planLabel: planTable[plan].label,
      personal: ctx.org.kind === "personal",
      meters: metersOf(usage, plan),
      plans,
      details,
      paidPlansNote: plans.find((option) => option.refusal)?.refusal ?? null,
    },
  };
}

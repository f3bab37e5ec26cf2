import { orgPlans, type OrgPlan } from "@/db/schema/values";

export { orgPlans, type OrgPlan };

/**
 * Each plan's limits, in one table that the server enforces inside the writing transaction.
 * `null` means unlimited. Members count pending invitations.
 */
export const planTable: Record<OrgPlan, { label: string; members: number | null; clusters: number | null; projects: number | null }> = {
  free: { label: "Free", members: 3, clusters: 1, projects: 3 },
  professional: { label: "Professional", members: 25, clusters: 3, projects: 25 },
  business: { label: "Business", members: 200, clusters: 10, projects: 200 },
  enterprise: { label: "Enterprise", members: null, clusters: null, projects: null },
};

export function planLabel(plan: OrgPlan): string {
  return planTable[plan].label;
}

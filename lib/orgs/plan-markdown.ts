import { orgPlans, planTable } from "./plans";

const limit = (value: number | null) => (value === null ? "unlimited" : value.toLocaleString("en-US"));

/** The README's plans and limits table, rendered from the plan table so the two cannot drift. */
export function renderPlanTable(): string {
  const header = `| limit | ${orgPlans.map((plan) => planTable[plan].label).join(" | ")} |`;
  const rule = `|---|${orgPlans.map(() => "---").join("|")}|`;
  const rows = [
    ["Members (pending invitations count)", "members"],
    ["Clusters", "clusters"],
    ["Projects", "projects"],
  ] as const;
  return [header, rule, ...rows.map(([label, key]) => `| ${label} | ${orgPlans.map((plan) => limit(planTable[plan][key])).join(" | ")} |`)].join("\n");
}

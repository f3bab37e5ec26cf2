import { Badge } from "@/components/ui/badge";
import { DisabledButton } from "@/components/ui/disabled-button";
import { cn } from "@/components/ui/cn";
import type { ActionResult, ActionState } from "@/lib/actions/result";
import type { PlanOption } from "@/lib/pages/billing-page";
import { DowngradeButton, UpgradeButton } from "./change-plan-controls";

type Action = (previous: ActionState, formData: FormData) => Promise<ActionResult>;

const limit = (value: number | null) => (value === null ? "Unlimited" : value.toLocaleString("en-US"));

/** "25 members (pending invitations count), 3 clusters and 25 projects". */
function limitsText(option: PlanOption): string {
  const part = (value: number | null, one: string, many: string) => (value === null ? `unlimited ${many}` : `${value} ${value === 1 ? one : many}`);
  const { members, clusters, projects } = option.limits;
  return `${part(members, "member", "members")} (pending invitations count), ${part(clusters, "cluster", "clusters")} and ${part(projects, "project", "projects")}`;
}

/**
 * The four plans as cards (one column on a phone, two, then four side by side) with their limits.
 * Each says whether it is the current plan and, when `changePlan` is given (team organizations),
 * offers the change: at once for an upgrade, after a confirmation for a downgrade, or disabled
 * with what blocks it (usage over the plan's limits, or a paid plan that is not self-serve).
 */
export function PlanComparison({ plans, orgName, changePlan }: { plans: PlanOption[]; orgName: string; changePlan: Action | null }) {
  return (
    <ul className="mt-4 grid gap-4 sm:grid-cols-2 xl:grid-cols-4" aria-label="The four plans and their limits">
      {plans.map((option) => (
        <li
          key={option.plan}
          data-testid={`plan-${option.plan}`}
          className={cn(
            "flex min-w-0 flex-col rounded-lg border bg-white p-4 dark:bg-zinc-900",
            option.move === "current" ? "border-indigo-400 ring-1 ring-indigo-400 dark:border-indigo-500 dark:ring-indigo-500" : "border-zinc-200 dark:border-zinc-800",
          )}
        >
          <h3 className="flex flex-wrap items-center gap-2 font-semibold">
            {option.label}
            {option.move === "current" && <Badge tone="info">Current plan</Badge>}
          </h3>
          <dl className="mt-3 grid grid-cols-[1fr_auto] gap-x-3 gap-y-1 text-sm">
            <dt className="text-zinc-700 dark:text-zinc-300">Members (pending invitations count)</dt>
            <dd className="text-right font-medium tabular-nums">{limit(option.limits.members)}</dd>
            <dt className="text-zinc-700 dark:text-zinc-300">Clusters</dt>
            <dd className="text-right font-medium tabular-nums">{limit(option.limits.clusters)}</dd>
            <dt className="text-zinc-700 dark:text-zinc-300">Projects</dt>
            <dd className="text-right font-medium tabular-nums">{limit(option.limits.projects)}</dd>
          </dl>
          <div className="mt-4 pt-1 text-sm md:mt-auto">
            <ChangeControl option={option} orgName={orgName} changePlan={changePlan} />
          </div>
        </li>
      ))}
    </ul>
  );
}

function ChangeControl({ option, orgName, changePlan }: { option: PlanOption; orgName: string; changePlan: Action | null }) {
  if (option.move === "current") return <p className="text-zinc-700 dark:text-zinc-300">Your plan</p>;
  if (!changePlan) return <p className="text-zinc-700 dark:text-zinc-300">Not available</p>;
  if (option.refusal) {
    return (
      <DisabledButton variant="secondary" reason={option.refusal} className="w-full">
        Change to {option.label}
      </DisabledButton>
    );
  }
  const target = { plan: option.plan, label: option.label, limitsText: limitsText(option) };
  if (option.move === "upgrade") return <UpgradeButton action={changePlan} target={target} />;
  if (option.blockers.length === 0) return <DowngradeButton action={changePlan} target={target} orgName={orgName} />;
  const reason = `Before changing to ${option.label}: ${option.blockers.map((blocker) => `${blocker}.`).join(" ")}`;
  return (
    <div className="space-y-2">
      <div className="text-zinc-800 dark:text-zinc-200" data-testid={`blockers-${option.plan}`}>
        <p>Before changing to {option.label}:</p>
        <ul className="mt-1 list-disc pl-5">
          {option.blockers.map((blocker) => (
            <li key={blocker}>{blocker}.</li>
          ))}
        </ul>
      </div>
      <DisabledButton variant="secondary" reason={reason} className="w-full">
        Change to {option.label}
      </DisabledButton>
    </div>
  );
}

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
 * The four plans side by side with their limits. Each row says whether it is the current plan and,
 * when `changePlan` is given (team organizations), offers the change: at once for an upgrade, after
 * a confirmation for a downgrade, or disabled with what blocks it.
 */
export function PlanComparison({ plans, orgName, changePlan }: { plans: PlanOption[]; orgName: string; changePlan: Action | null }) {
  const cell = "px-3 py-3 align-top tabular-nums";
  return (
    <div className="mt-4 overflow-x-auto">
      <table className="w-full min-w-[40rem] border-collapse text-left text-sm">
        <caption className="sr-only">The four plans and their limits</caption>
        <thead>
          <tr className="border-b border-zinc-200 text-zinc-700 dark:border-zinc-800 dark:text-zinc-300">
            <th scope="col" className="px-3 py-2 font-medium">Plan</th>
            <th scope="col" className="px-3 py-2 font-medium">Members (pending invitations count)</th>
            <th scope="col" className="px-3 py-2 font-medium">Clusters</th>
            <th scope="col" className="px-3 py-2 font-medium">Projects</th>
            <th scope="col" className="px-3 py-2 font-medium">{changePlan ? "Change" : "Status"}</th>
          </tr>
        </thead>
        <tbody>
          {plans.map((option) => (
            <tr key={option.plan} className={`border-b border-zinc-100 dark:border-zinc-800 ${option.move === "current" ? "bg-indigo-50/60 dark:bg-indigo-950/40" : ""}`} data-testid={`plan-${option.plan}`}>
              <th scope="row" className="px-3 py-3 align-top font-semibold">
                {option.label}
                {option.move === "current" && (
                  <span className="ml-2 rounded-full bg-indigo-100 px-2 py-0.5 text-xs font-medium text-indigo-800 dark:bg-indigo-900 dark:text-indigo-200">Current plan</span>
                )}
              </th>
              <td className={cell}>{limit(option.limits.members)}</td>
              <td className={cell}>{limit(option.limits.clusters)}</td>
              <td className={cell}>{limit(option.limits.projects)}</td>
              <td className="px-3 py-3 align-top">
                <ChangeCell option={option} orgName={orgName} changePlan={changePlan} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ChangeCell({ option, orgName, changePlan }: { option: PlanOption; orgName: string; changePlan: Action | null }) {
  if (option.move === "current") return <span className="text-zinc-700 dark:text-zinc-300">Your plan</span>;
  if (!changePlan) return <span className="text-zinc-700 dark:text-zinc-300">Not available</span>;
  const target = { plan: option.plan, label: option.label, limitsText: limitsText(option) };
  if (option.move === "upgrade") return <UpgradeButton action={changePlan} target={target} />;
  if (option.blockers.length === 0) return <DowngradeButton action={changePlan} target={target} orgName={orgName} />;
  const reasonsId = `blockers-${option.plan}`;
  return (
    <div className="space-y-2">
      <button
        type="button"
        disabled
        aria-describedby={reasonsId}
        className="inline-flex cursor-not-allowed items-center rounded-md border border-zinc-300 px-2.5 py-1 text-sm font-medium text-zinc-600 opacity-70 dark:border-zinc-700 dark:text-zinc-400"
      >
        Change to {option.label}
      </button>
      <div id={reasonsId} className="text-zinc-800 dark:text-zinc-200" data-testid={`blockers-${option.plan}`}>
        <p>Before changing to {option.label}:</p>
        <ul className="mt-1 list-disc pl-5">
          {option.blockers.map((blocker) => (
            <li key={blocker}>{blocker}.</li>
          ))}
        </ul>
      </div>
    </div>
  );
}

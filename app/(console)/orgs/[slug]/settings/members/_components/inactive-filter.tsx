import Link from "next/link";
import { hrefWith } from "@/components/ui/pagination";
import { cn } from "@/components/ui/cn";
import { type InactivityPeriod, inactivityPeriods } from "@/lib/members/last-active";

type Props = { basePath: string; query: string; inactive: InactivityPeriod | null };

const pill = "rounded-md px-2.5 py-1 text-sm underline-offset-2 hover:underline";
const current = "bg-indigo-50 font-medium text-indigo-800 dark:bg-indigo-950 dark:text-indigo-200";
const other = "text-zinc-700 dark:text-zinc-300";

/**
 * Access review's filter: everyone, or those inactive for 30, 90 or 180 days. Links, so it works
 * without JavaScript and its URL can be shared; the search is kept, the page starts again.
 */
export function InactiveFilter({ basePath, query, inactive }: Props) {
  const options: { days: InactivityPeriod | null; label: string }[] = [
    { days: null, label: "Everyone" },
    ...inactivityPeriods.map((days) => ({ days, label: `Inactive for ${days} days` })),
  ];
  return (
    <div className="space-y-1">
      <nav aria-label="Filter members by activity" className="flex flex-wrap items-center gap-1">
        {options.map((option) => (
          <Link
            key={option.label}
            href={hrefWith(basePath, { q: query, inactive: option.days ? String(option.days) : null })}
            aria-current={option.days === inactive ? "page" : undefined}
            className={cn(pill, option.days === inactive ? current : other)}
          >
            {option.label}
          </Link>
        ))}
      </nav>
      <p className="text-sm text-zinc-600 dark:text-zinc-400" data-testid="inactive-explanation">
        {inactive
          ? `Showing members not active in ${inactive} days. Someone who joined more than ${inactive} days ago and was never seen counts as inactive.`
          : "Last active: when a member last opened the organization, recorded at most once an hour. “Never”: not seen since this began to be recorded."}
      </p>
    </div>
  );
}

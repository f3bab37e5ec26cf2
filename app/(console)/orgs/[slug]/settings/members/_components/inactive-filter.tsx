import Link from "next/link";
import { hrefWith } from "@/components/ui/pagination";
import { type InactivityPeriod, inactivityPeriods } from "@/lib/members/last-active";

type Props = { basePath: string; query: string; inactive: InactivityPeriod | null };

// Styled once on the list rather than on each link (the page's payload carries the markup twice).
const links =
  "flex flex-wrap items-center gap-1 text-sm [&_a]:rounded-md [&_a]:px-2.5 [&_a]:py-1 [&_a]:text-zinc-700 [&_a]:underline-offset-2 [&_a:hover]:underline dark:[&_a]:text-zinc-300 " +
  "[&_a[aria-current]]:bg-indigo-50 [&_a[aria-current]]:font-medium [&_a[aria-current]]:text-indigo-800 dark:[&_a[aria-current]]:bg-indigo-950 dark:[&_a[aria-current]]:text-indigo-200";

/**
 * Access review's filter: everyone, or those inactive for 30, 90 or 180 days. Links, so it works
 * without JavaScript and its URL can be shared; the search is kept, the page starts again.
 */
export function InactiveFilter({ basePath, query, inactive }: Props) {
  const options = [null, ...inactivityPeriods];
  return (
    <div className="space-y-1">
      <nav aria-label="Filter members by activity" className={links}>
        {options.map((days) => (
          <Link key={days ?? "all"} href={hrefWith(basePath, { q: query, inactive: days ? String(days) : null })} aria-current={days === inactive ? "page" : undefined}>
            {days ? `Inactive for ${days} days` : "Everyone"}
          </Link>
        ))}
      </nav>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        {inactive
          ? `Members not seen for ${inactive} days, and those who joined over ${inactive} days ago and were never seen.`
          : "Last active: when a member last opened the organization, recorded at most once an hour. “Never”: not seen since this began to be recorded."}
      </p>
    </div>
  );
}

import Link from "next/link";
import { buttonClass } from "@/components/ui/button-styles";
import { inputClass } from "@/components/ui/field";
import type { DestinationChoice } from "@/lib/pages/project-transfer-page";

type Props = {
  basePath: string;
  destinations: DestinationChoice[];
  moreDestinations: boolean;
  limit: number;
  query: string;
  chosen: string | null;
};

const hintClass = "mt-1 text-xs text-zinc-600 dark:text-zinc-400";

/**
 * Plain GET forms: choosing an organization is a URL (?to=<slug>), so the preview reloads without
 * JavaScript and the choice can be shared. A long list gets a search instead of thousands of options.
 */
export function DestinationPicker({ basePath, destinations, moreDestinations, limit, query, chosen }: Props) {
  const searchable = moreDestinations || query !== "";
  if (destinations.length === 0 && !query) {
    return (
      <p className="mt-2 text-sm text-zinc-700 dark:text-zinc-300">
        You are not in any other organization where you can create projects (as Owner, Admin or Developer). Ask to be invited to one, or{" "}
        <Link href="/orgs/new" className="font-medium text-indigo-700 underline underline-offset-2 dark:text-indigo-300">
          create a new organization
        </Link>
        .
      </p>
    );
  }
  return (
    <div className="mt-3 space-y-4">
      {searchable && (
        <form method="get" action={basePath} role="search" aria-label="Organizations" className="flex flex-wrap items-end gap-2">
          <div className="min-w-0 flex-1 sm:flex-none">
            <label htmlFor="destination-q" className="block text-sm font-medium text-zinc-800 dark:text-zinc-200">
              Find an organization
            </label>
            <input id="destination-q" name="q" type="search" defaultValue={query} maxLength={100} placeholder="Name or slug" className={`${inputClass} w-full sm:w-72`} />
          </div>
          <button type="submit" className={buttonClass({ variant: "secondary" })}>
            Search
          </button>
        </form>
      )}
      {destinations.length === 0 ? (
        <p className="text-sm text-zinc-700 dark:text-zinc-300">No organization where you can create projects matches “{query}”.</p>
      ) : (
        <form method="get" action={basePath} className="flex flex-wrap items-end gap-2">
          {query && <input type="hidden" name="q" value={query} />}
          <div className="w-full min-w-0 sm:w-72">
            <label htmlFor="destination-to" className="block text-sm font-medium text-zinc-800 dark:text-zinc-200">
              Destination organization
            </label>
            <select id="destination-to" name="to" defaultValue={chosen ?? ""} required aria-describedby="destination-to-hint" className={inputClass}>
              <option value="" disabled>
                Choose an organization
              </option>
              {destinations.map((d) => (
                <option key={d.slug} value={d.slug}>
                  {`${d.name}${d.personal ? " (personal)" : ""} — ${d.roleLabel}`}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className={buttonClass({ variant: "secondary" })}>
            Show preview
          </button>
          <p id="destination-to-hint" className={`${hintClass} basis-full`}>
            {moreDestinations
              ? `The first ${limit} organizations by name where you can create projects${query ? ` matching “${query}”` : ""}; search to find another.`
              : "Your organizations where you can create projects (as Owner, Admin or Developer)."}
          </p>
        </form>
      )}
    </div>
  );
}
